// Test helpers for the web plugins: an in-memory store, a bare Fastify instance with one plugin,
// sample articles and a snapshot of everything stored (to prove a bad request changed nothing).
import { readFileSync } from 'node:fs';
import Fastify, { type FastifyInstance, type FastifyPluginAsync } from 'fastify';
import { openStore, type Store } from '../store/db.ts';
import { publishArticle, type ArticleInput } from '../ingest/publish.ts';
import type { AppContext } from './context.ts';

export const sampleBody = readFileSync(new URL('./testdata/harbour.md', import.meta.url), 'utf8');

export async function appWith(plugin: FastifyPluginAsync<AppContext>): Promise<{ app: FastifyInstance; store: Store }> {
  const store = await openStore(':memory:');
  const app = Fastify({ logger: false });
  app.addHook('onClose', () => store.close());
  await app.register(plugin, { store });
  await app.ready();
  return { app, store };
}

export function sampleArticle(overrides: Partial<ArticleInput> = {}): ArticleInput {
  return { title: 'Port Alder votes for electric ferries', body: sampleBody, format: 'markdown', section: 'Local', ...overrides };
}

export async function publish(store: Store, overrides: Partial<ArticleInput> = {}): Promise<number> {
  return (await publishArticle(store, sampleArticle(overrides)))!.id;
}

/** Every stored row, as one string. */
export async function snapshot(store: Store): Promise<string> {
  const tables = ['articles', 'revisions', 'summaries', 'sections', 'tokens'] as const;
  const rows = await Promise.all(tables.map((t) => store.db.selectFrom(t).selectAll().execute()));
  return JSON.stringify(rows);
}
