// A poll killed with SIGKILL halfway through, then run again: nothing lost, nothing doubled, and
// the source still due (its schedule is only written once a poll completes).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore } from '../../store/db.ts';
import { addSource, getSource } from '../../store/sources.ts';
import { createIngestContext } from './context.ts';
import { ingestSource } from './source.ts';
import { articlePage, excerptOf, rssFeed, storyParagraphs } from './testdata/site.ts';
import { RSS, respond, startSite } from './testdata/server.ts';

const CHILD = fileURLToPath(new URL('./testdata/ingest-child.ts', import.meta.url));
const ITEMS = 6;
const KILLED_AT = 4;

test('a poll killed halfway and run again stores every item exactly once', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'skim-crash-'));
  const site = await startSite();
  const store = await openStore(join(dir, 'skim.db'));
  t.after(async () => {
    await store.close();
    await site.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const entries = Array.from({ length: ITEMS }, (_, i) => {
    const paragraphs = storyParagraphs(100 + i, 300);
    const title = `Crash story ${i + 1}`;
    site.routes.set(`/a/${i + 1}`, respond(articlePage({ title, paragraphs })));
    return { guid: `crash-${i + 1}`, link: `${site.base}/a/${i + 1}`, title, description: excerptOf(paragraphs) };
  });
  site.routes.set('/feed.xml', respond(rssFeed('Crash feed', site.base, entries), RSS, {}, '"c1"'));
  const page = site.routes.get(`/a/${KILLED_AT}`)!;
  // The child asks for page 4 after storing items 1–3 (one item at a time); it never gets an answer.
  const reached = new Promise<void>((resolve) => site.routes.set(`/a/${KILLED_AT}`, () => resolve()));

  const { source } = await addSource(store.db, { url: `${site.base}/feed.xml` });
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, join(dir, 'skim.db'), String(source.id)], { stdio: 'inherit' });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  await Promise.race([reached, exited]);
  child.kill('SIGKILL');
  assert.equal(await exited, null, 'the child was killed, not finished');

  const count = async () => Number((await store.db.selectFrom('articles').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  assert.equal(await count(), KILLED_AT - 1);
  const killed = (await getSource(store.db, source.id))!;
  assert.equal(killed.last_fetched_at, null, 'the interrupted poll recorded nothing');
  assert.ok(killed.next_fetch_at <= new Date().toISOString(), 'the source is still due');

  site.routes.set(`/a/${KILLED_AT}`, page);
  const rerun = await ingestSource(createIngestContext(store, { allow: '127.0.0.1', minIntervalMs: 0 }), source.id);
  assert.equal(rerun.tally.created, ITEMS - (KILLED_AT - 1));
  assert.equal(rerun.tally.unchanged, KILLED_AT - 1);
  const titles = (await store.db.selectFrom('articles').select('title').orderBy('title').execute()).map((a) => a.title);
  assert.deepEqual(titles, entries.map((e) => e.title).sort());
  const links = await store.db.selectFrom('article_sources').select(['article_id', 'guid']).execute();
  assert.equal(links.length, ITEMS);
  assert.equal(new Set(links.map((l) => l.guid)).size, ITEMS);
  assert.equal((await getSource(store.db, source.id))!.etag, '"c1"');
});
