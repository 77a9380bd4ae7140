import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import { openStore, type Store } from './db.ts';
import { describeEachStore } from './testing.ts';
import { insertArticle, getArticle } from './articles.ts';
import { saveSummaries } from './summaries.ts';
import { ensureSection } from './sections.ts';
import { ensureAdminToken } from './tokens.ts';
import { searchArticles } from './search.ts';
import { copyStore, TargetNotEmptyError } from './copy.ts';

/** A SQLite store on disk with a row in every table, ids with gaps (a deleted article). */
async function sourceStore(t: TestContext, articles: number): Promise<Store> {
  const dir = mkdtempSync(join(tmpdir(), 'skim-copy-'));
  const store = await openStore(join(dir, 'skim.db'));
  t.after(async () => { await store.close(); rmSync(dir, { recursive: true, force: true }); });
  await store.db.transaction().execute(async (db) => {
    const section = await ensureSection(db, 'World');
    await ensureAdminToken(db);
    const source = await db.insertInto('sources').values({ kind: 'feed', url: 'https://feeds.example/world.xml', next_fetch_at: '2026-03-01T00:00:00.000Z', created_at: '2026-03-01T00:00:00.000Z' }).returning('id').executeTakeFirstOrThrow();
    for (let i = 1; i <= articles; i++) {
      const text = `Dispatch ${i} about the harbour ferries and the council budget.`;
      const id = await insertArticle(db, {
        slug: `dispatch-${i}`, url: `https://news.example/${i}`, canonical_url: `https://news.example/${i}`, title: `Dispatch ${i}`,
        byline: null, section, lang: 'en', published_at: '2026-03-01T00:00:00.000Z', updated_at: '2026-03-01T00:00:00.000Z',
        created_at: '2026-03-01T00:00:00.000Z', html: `<p>${text}</p>`, text, word_count: 10, content_hash: `h${i}`,
        image_url: null, site_name: 'Example', simhash: 'ffee',
      });
      await db.insertInto('revisions').values({ article_id: id, revision: 1, title: `Dispatch ${i}`, text, content_hash: `h${i}`, created_at: '2026-03-01T00:00:00.000Z' }).execute();
      await saveSummaries(db, id, [{ length: 'short', version: 'v1', contentHash: `h${i}`, sentences: [{ text, start: 0, end: text.length, score: 1, index: 0 }] }]);
      await db.insertInto('article_sources').values({ article_id: id, source_id: Number(source.id), guid: `g${i}`, url: null, kind: 'original', seen_at: '2026-03-01T00:00:00.000Z' }).execute();
      await db.insertInto('simhash_bands').values({ article_id: id, band: `0:${i}` }).execute();
    }
    await db.deleteFrom('articles').where('slug', '=', 'dispatch-2').execute();
    await db.insertInto('locks').values({ name: 'scheduler', holder: 'a dead process', expires_at: '2026-03-01T00:00:00.000Z' }).execute();
  });
  return store;
}

describeEachStore('copying a SQLite store', (open, dialect) => {
  test('copies every table with its ids, verifies counts, and new rows get fresh ids', async (t) => {
    const source = await sourceStore(t, 1200); // more than one batch
    const target = await open(t);
    const batches: string[] = [];
    let total = 0;
    const copied = await copyStore(source, target, { start: (n) => { total = n; }, copied: (table) => batches.push(table) });
    assert.deepEqual(copied, [
      { table: 'sections', rows: 1 },
      { table: 'articles', rows: 1199 },
      { table: 'revisions', rows: 1199 },
      { table: 'summaries', rows: 1199 },
      { table: 'tokens', rows: 1 },
      { table: 'sources', rows: 1 },
      { table: 'article_sources', rows: 1199 },
      { table: 'simhash_bands', rows: 1199 },
    ]);
    assert.equal(total, 1 + 1199 * 5 + 1 + 1);
    assert.ok(batches.filter((b) => b === 'articles').length >= 2, 'articles came in several batches');
    assert.equal(await target.db.selectFrom('locks').selectAll().executeTakeFirst(), undefined, 'leases stay behind');

    const original = await getArticle(source.db, 1200);
    assert.deepEqual(await getArticle(target.db, 1200), original);
    assert.equal(await getArticle(target.db, 2), undefined, 'the gap stays a gap');
    const search = await searchArticles(target, { q: 'Dispatch 1200', limit: 5 });
    assert.equal(search.hits[0]?.id, 1200, 'the target search index covers copied articles');

    const fresh = await insertArticle(target.db, { ...original!, id: undefined, slug: 'after-the-copy', content_hash: 'new' });
    assert.equal(fresh, 1201, `${dialect}: the next id follows the copied ones`);
    const token = await target.db.insertInto('tokens').values({ name: 'reader', token: 't', created_at: '2026-03-02T00:00:00.000Z' }).returning('id').executeTakeFirstOrThrow();
    assert.equal(Number(token.id), 2);
  });

  test('refuses a target that already has data, and changes nothing', async (t) => {
    const source = await sourceStore(t, 2);
    const target = await open(t);
    await ensureSection(target.db, 'Sport');
    await assert.rejects(copyStore(source, target), (err: Error) => err instanceof TargetNotEmptyError && /1 rows in sections/.test(err.message));
    assert.equal((await target.db.selectFrom('articles').selectAll().execute()).length, 0);
  });
});
