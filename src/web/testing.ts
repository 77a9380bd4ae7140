// Test helpers for the web plugins: a bare Fastify instance with one plugin, sample articles, and a
// snapshot of everything stored (to prove a bad request changed nothing).
import { readFileSync } from 'node:fs';
import type { TestContext } from 'node:test';
import Fastify, { type FastifyInstance, type FastifyPluginAsync } from 'fastify';
import type { Store } from '../store/db.ts';
import { publishArticle, type ArticleInput } from '../ingest/publish.ts';
import type { AppContext } from './context.ts';

const sampleBody = readFileSync(new URL('./testdata/harbour.md', import.meta.url), 'utf8');

/** A Fastify instance with only `plugin`, closed when the test ends; cached pages show every write at once. */
export async function appWith(t: TestContext, plugin: FastifyPluginAsync<AppContext>, store: Store): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  t.after(() => app.close());
  await app.register(plugin, { store, pageCache: { revalidateMs: 0, waitForRevalidation: true } });
  await app.ready();
  return app;
}

export function sampleArticle(overrides: Partial<ArticleInput> = {}): ArticleInput {
  return { title: 'Port Alder votes for electric ferries', body: sampleBody, format: 'markdown', section: 'Local', ...overrides };
}

export async function publish(store: Store, overrides: Partial<ArticleInput> = {}): Promise<number> {
  return (await publishArticle(store, sampleArticle(overrides)))!.id;
}

/** Every stored row, as one string independent of row order. */
export async function snapshot(store: Store): Promise<string> {
  const tables = ['articles', 'revisions', 'summaries', 'sections', 'tokens'] as const;
  const rows = await Promise.all(tables.map((t) => store.db.selectFrom(t).selectAll().execute()));
  return JSON.stringify(rows.map((table) => table.map((row) => JSON.stringify(row)).sort()));
}
