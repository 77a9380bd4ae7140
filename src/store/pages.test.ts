// Stored article pages on every backend: what invalidates a page, and a late render never storing
// a page older than the write that invalidated it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { articleRow, describeEachStore } from './testing.ts';
import { deleteArticle, insertArticle, updateArticle, type Db } from './articles.ts';
import { saveSummaries } from './summaries.ts';
import { getStoredPage, invalidatePages, storePage } from './pages.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { openStore, SQLITE_BUSY_TIMEOUT_MS, type Store } from './db.ts';

const day = (d: number) => `2026-03-${String(d).padStart(2, '0')}T08:00:00.000Z`;

function add(db: Db, slug: string, published: number): Promise<number> {
  return insertArticle(db, articleRow({ slug, title: slug, text: `${slug}.`, content_hash: slug, published_at: day(published) }));
}

const page = (label: string) => ({ context: 'ctx', etag: `"${label}"`, gzip: gzipSync(label) });

/** Stores a page for each slug, as a view after the last write would. */
async function render(store: Store, ...slugs: string[]): Promise<void> {
  for (const slug of slugs) {
    const stored = (await getStoredPage(store.db, slug))!;
    assert.equal(await storePage(store, stored.articleId, stored.generation, page(slug)), true);
  }
}

async function current(store: Store, slugs: string[]): Promise<string[]> {
  const kept: string[] = [];
  for (const slug of slugs) if ((await getStoredPage(store.db, slug))?.page) kept.push(slug);
  return kept;
}

describeEachStore('stored article pages', (open) => {
  test('reads back what was stored; no article, no page', async (t) => {
    const store = await open(t);
    const id = await add(store.db, 'a', 1);
    assert.deepEqual(await getStoredPage(store.db, 'a'), { articleId: id, generation: 0, page: null });
    await render(store, 'a');
    const stored = await getStoredPage(store.db, 'a');
    assert.equal(stored?.page?.etag, '"a"');
    assert.deepEqual(stored?.page?.gzip, gzipSync('a'));
    assert.equal(await getStoredPage(store.db, 'missing'), undefined);
  });

  test('a new article invalidates the pages of the two it lands between, and no other', async (t) => {
    const store = await open(t);
    const all = ['d1', 'd3', 'd5', 'd7'];
    for (const [i, slug] of all.entries()) await add(store.db, slug, 1 + 2 * i);
    await render(store, ...all);
    await add(store.db, 'd4', 4);
    assert.deepEqual(await current(store, all), ['d1', 'd7']);
  });

  test('an edit invalidates the page and its old and new neighbours; a deletion its neighbours', async (t) => {
    const store = await open(t);
    const all = ['d1', 'd2', 'd3', 'd4', 'd5', 'd6'];
    const ids = new Map<string, number>();
    for (const [i, slug] of all.entries()) ids.set(slug, await add(store.db, slug, i + 1));
    await render(store, ...all);
    // d2 moves to between d5 and d6: d1, d3 (old neighbours), d5, d6 (new) and d2 itself.
    await updateArticle(store.db, ids.get('d2')!, { published_at: '2026-03-05T09:00:00.000Z' });
    assert.deepEqual(await current(store, all), ['d4']);

    await render(store, ...all);
    assert.equal(await deleteArticle(store.db, ids.get('d4')!), true);
    assert.deepEqual(await current(store, all.filter((s) => s !== 'd4')), ['d1', 'd2', 'd6']);
  });

  test('an edit that keeps the publication time invalidates the page and its neighbours', async (t) => {
    const store = await open(t);
    const all = ['d1', 'd2', 'd3', 'd4'];
    const ids = new Map<string, number>();
    for (const [i, slug] of all.entries()) ids.set(slug, await add(store.db, slug, i + 1));
    await render(store, ...all);
    await updateArticle(store.db, ids.get('d2')!, { title: 'd2, retitled' });
    assert.deepEqual(await current(store, all), ['d4']);
  });

  test('new summaries invalidate the page', async (t) => {
    const store = await open(t);
    const id = await add(store.db, 'a', 1);
    await render(store, 'a');
    await saveSummaries(store.db, id, []);
    assert.equal((await getStoredPage(store.db, 'a'))?.page, null);
  });

  test('a page rendered from data read before an invalidation is not stored', async (t) => {
    const store = await open(t);
    const id = await add(store.db, 'a', 1);
    for (const storedBefore of [false, true]) {
      if (storedBefore) await render(store, 'a');
      const read = (await getStoredPage(store.db, 'a'))!;
      await invalidatePages(store.db, [id]); // a write lands while the page renders
      assert.equal(await storePage(store, id, read.generation, page('late')), false);
      assert.equal((await getStoredPage(store.db, 'a'))?.page, null);
    }
  });

  test('a page for a deleted article is not stored, and storing never throws', async (t) => {
    const store = await open(t);
    const id = await add(store.db, 'a', 1);
    const read = (await getStoredPage(store.db, 'a'))!;
    await deleteArticle(store.db, id);
    assert.equal(await storePage(store, id, read.generation, page('a')), false);
  });
});

test('SQLite: storing a page never waits for another process holding the write lock', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'skim-pages-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const store = await openStore(join(dir, 'skim.db'));
  t.after(() => store.close());
  const id = await add(store.db, 'a', 1);
  const other = new SQLite(join(dir, 'skim.db'));
  t.after(() => other.close());
  other.exec('BEGIN IMMEDIATE');
  const started = performance.now();
  assert.equal(await storePage(store, id, 0, page('a')), false);
  // Not a speed bound: a write that waited would take the whole busy timeout.
  assert.ok(performance.now() - started < SQLITE_BUSY_TIMEOUT_MS / 2);
  other.exec('ROLLBACK');
  assert.equal(await storePage(store, id, 0, page('a')), true, 'and the next view stores it');
  assert.equal((await sql<{ timeout: number }>`PRAGMA busy_timeout`.execute(store.db)).rows[0]?.timeout, SQLITE_BUSY_TIMEOUT_MS, 'other writes still wait their turn');
});
