// Search over more articles than it ranks: which matches become candidates, and (PostgreSQL) what
// finding them reads.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { articleRow, describeEachStore } from './testing.ts';
import { openStore, type Store } from './db.ts';
import { ensureSection } from './sections.ts';
import { COMPACT_RECENT_SEARCH_EVERY, SEARCH_CANDIDATES, compactRecentSearch, recentSearchNeedsCompaction, resizeRecentSearch, searchArticles } from './search.ts';

/** Articles from…from+count-1 (ids in that order on a new store) with the given text and section. */
async function fill(store: Store, count: number, article: (i: number) => { text: string; section?: string }, from = 1): Promise<void> {
  for (let first = from; first < from + count; first += 500) {
    const rows = Array.from({ length: Math.min(500, from + count - first) }, (_, k) => {
      const i = first + k;
      const { text, section = null } = article(i);
      const published_at = new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();
      return articleRow({ slug: `article-${i}`, title: `Report ${i}`, section, published_at, text, content_hash: `hash-${i}` });
    });
    await store.db.insertInto('articles').values(rows).execute();
  }
}

/** The ids of every candidate of a query, on one page. */
async function candidates(store: Store, q: string, section?: string): Promise<{ ids: number[]; total: number }> {
  const { hits, total } = await searchArticles(store, { q, section, limit: SEARCH_CANDIDATES });
  return { ids: hits.map((h) => h.id).sort((a, b) => b - a), total };
}

/** The newest SEARCH_CANDIDATES of 1…count that pass `keep`, newest first. */
const newest = (count: number, keep: (i: number) => boolean) =>
  Array.from({ length: count }, (_, k) => count - k).filter(keep).slice(0, SEARCH_CANDIDATES);

describeEachStore('search among many articles', (open, dialect, storeUrl) => {
  test('the newest matches are the candidates, however common or rare the words', async (t) => {
    const store = await open(t);
    const sport = await ensureSection(store.db, 'Sport');
    const count = 6000;
    const words = (i: number) => ['report', i % 2 === 0 ? 'harbour' : '', i % 7 === 0 ? 'ferry' : '', i === 3 ? 'lighthouse' : ''];
    await fill(store, count, (i) => ({ text: words(i).filter(Boolean).join(' '), section: i % 8 === 0 ? sport : undefined }));
    const cases: Array<[string, string | undefined, (i: number) => boolean]> = [
      ['report', undefined, () => true],
      ['harbour', undefined, (i) => i % 2 === 0],
      ['ferry', undefined, (i) => i % 7 === 0], // fewer matches than candidates: all of them
      ['lighthouse', undefined, (i) => i === 3], // only the oldest article
      ['harbour ferry', undefined, (i) => i % 14 === 0],
      ['harbour', sport, (i) => i % 8 === 0],
      ['ferry', sport, (i) => i % 56 === 0],
    ];
    // All of them within the index of recent articles, then with a window of 2,500 that holds
    // enough matches of some words (report, harbour) and not of others.
    for (const window of [undefined, 2500]) {
      if (window) await resizeRecentSearch(store, window);
      for (const [q, section, keep] of cases) {
        const expected = newest(count, keep);
        assert.deepEqual(await candidates(store, q, section), { ids: expected, total: expected.length }, `${q} in ${section ?? 'all sections'}, window ${window}`);
      }
      assert.equal((await searchArticles(store, { q: 'harbour', limit: 10, offset: 2000 })).total, SEARCH_CANDIDATES);
    }
  });

  test('a common word finds its newest matches without reading their search vectors', { skip: dialect === 'sqlite' ? 'FTS5 keeps no per-row vectors' : false }, async (t) => {
    // One connection, so the statistics read below are those of the connection that searched.
    const store = await openStore(await storeUrl(t), { poolSize: 1 });
    t.after(() => store.close());
    const sport = await ensureSection(store.db, 'Sport');
    // Texts of 250 distinct words: each article's search vector is kilobytes, so it is toasted.
    const token = (i: number, j: number) => ((i * 7919 + j * 104729) % 1_000_003).toString(36).padStart(4, 'q') + 'x';
    const count = 4400;
    await fill(store, count, (i) => ({
      text: [i % 2 === 0 ? 'harbour' : 'quay', ...Array.from({ length: 250 }, (_, j) => token(i, j))].join(' '),
      section: i % 4 === 0 ? sport : undefined,
    }));
    await sql`ANALYZE articles`.execute(store.db); // the planner learns that 'harbour' is in half of them
    // TOAST blocks this connection read (articles and the index of recent articles); its statistics reach the view when it next goes idle, at
    // once after pg_stat_force_next_flush (PostgreSQL 15+).
    const toastBlocks = async () => {
      await sql`SELECT pg_stat_force_next_flush()`.execute(store.db);
      const { rows: [row] } = await sql<{ n: string }>`SELECT sum(coalesce(toast_blks_hit, 0) + coalesce(toast_blks_read, 0)) AS n
        FROM pg_statio_user_tables WHERE relid IN ('articles'::regclass, 'articles_search_recent'::regclass)`.execute(store.db);
      return Number(row!.n);
    };
    // In the index of recent articles (it holds them all), then with it emptied, in the whole index.
    for (const window of [undefined, 0]) {
      if (window !== undefined) await resizeRecentSearch(store, window);
      for (const section of [undefined, sport]) {
        const before = await toastBlocks();
        const page = await searchArticles(store, { q: 'harbour', section, limit: 1 });
        const read = (await toastBlocks()) - before;
        assert.deepEqual([page.hits[0]?.id, page.total], [count, SEARCH_CANDIDATES]);
        // The page's own text may be toasted too: those few blocks are all that may be read.
        assert.ok(read < 20, `${read} toast blocks read searching ${section ?? 'all sections'}, window ${window}`);
        const keep = (i: number) => i % (section ? 4 : 2) === 0;
        assert.deepEqual(await candidates(store, 'harbour', section), { ids: newest(count, keep), total: SEARCH_CANDIDATES });
      }
    }
  });
});

describeEachStore('the index of recent articles', (open, dialect) => {
  test('follows inserts, edits, section changes and deletes', async (t) => {
    const store = await open(t);
    const sport = await ensureSection(store.db, 'Sport');
    await resizeRecentSearch(store, 3);
    await fill(store, 5, (i) => ({ text: `harbour report ${i}` }));
    const recent = async (word: string) => (dialect === 'sqlite'
      ? await sql<{ id: number }>`SELECT rowid AS id FROM articles_fts_recent WHERE articles_fts_recent MATCH ${word} ORDER BY rowid`.execute(store.db)
      : await sql<{ id: string }>`SELECT id FROM articles_search_recent WHERE search @@ plainto_tsquery('english', ${word}) ORDER BY id`.execute(store.db)
    ).rows.map((r) => Number(r.id));
    assert.deepEqual(await recent('harbour'), [3, 4, 5]);
    await store.db.updateTable('articles').set({ text: 'ferry report' }).where('id', 'in', [1, 4]).execute();
    assert.deepEqual([await recent('harbour'), await recent('ferry')], [[3, 5], [4]]); // 1 stays out
    await store.db.deleteFrom('articles').where('id', '=', 5).execute();
    await store.db.insertInto('articles').values(articleRow({ slug: 'article-6', title: 'Report 6', text: 'harbour ferry', content_hash: 'hash-6' })).execute();
    // Ids 4-6 are the window now: 3 left it, 5 was deleted (every title says "Report").
    assert.deepEqual([await recent('harbour'), await recent('ferry'), await recent('report')], [[6], [4, 6], [4, 6]]);
    assert.deepEqual((await searchArticles(store, { q: 'ferry', limit: 10 })).hits.map((h) => h.id), [6, 4, 1]);
    // A section given to an article in the window: a search in the section finds it there.
    await store.db.updateTable('articles').set({ section: sport }).where('id', 'in', [1, 6]).execute();
    assert.deepEqual((await searchArticles(store, { q: 'ferry', section: sport, limit: 10 })).hits.map((h) => h.id), [6, 1]);
    if (dialect === 'postgres') {
      const { rows } = await sql<{ id: string }>`SELECT id FROM articles_search_recent WHERE section = ${sport}`.execute(store.db);
      assert.deepEqual(rows.map((r) => Number(r.id)), [6]);
    }
  });
});

describeEachStore('compacting the index of recent articles', (open, dialect) => {
  test('merges what its deletes left without changing a search, and is due again after enough articles', async (t) => {
    const store = await open(t);
    await resizeRecentSearch(store, 200);
    // One article per statement, as ingestion writes them: a segment each, and once the window is
    // full a delete each.
    const words = (i: number) => `report ${i % 3 === 0 ? 'harbour' : 'quay'} ${i % 5 === 0 ? 'ferry' : ''}`;
    for (let i = 1; i <= COMPACT_RECENT_SEARCH_EVERY; i++) await fill(store, 1, () => ({ text: words(i) }), i);
    if (dialect === 'postgres') {
      // autovacuum keeps PostgreSQL's table; there is nothing to schedule.
      assert.equal(await recentSearchNeedsCompaction(store), false);
      assert.equal(await compactRecentSearch(store), 0);
      return;
    }
    const searches = async () => Promise.all(['harbour', 'ferry', 'quay ferry', 'report'].map((q) => searchArticles(store, { q, limit: 20 })));
    const dataRows = async () => Number((await sql<{ n: number }>`SELECT count(*) AS n FROM articles_fts_recent_data`.execute(store.db)).rows[0]!.n);
    const [results, rows] = [await searches(), await dataRows()];
    assert.equal(await recentSearchNeedsCompaction(store), true);
    assert.ok((await compactRecentSearch(store)) > 1, 'at least one step merged something');
    assert.ok((await dataRows()) < rows, `${await dataRows()} rows of index data after, ${rows} before`);
    assert.deepEqual(await searches(), results);
    assert.equal(await recentSearchNeedsCompaction(store), false);
    assert.equal(await compactRecentSearch(store), 1, 'nothing left to merge');
    const next = COMPACT_RECENT_SEARCH_EVERY + 1;
    await fill(store, COMPACT_RECENT_SEARCH_EVERY - 1, () => ({ text: 'report' }), next);
    assert.equal(await recentSearchNeedsCompaction(store), false);
    await fill(store, 1, () => ({ text: 'report' }), next + COMPACT_RECENT_SEARCH_EVERY - 1);
    assert.equal(await recentSearchNeedsCompaction(store), true);
  });
});
