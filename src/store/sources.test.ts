import { test } from 'node:test';
import assert from 'node:assert/strict';
import { articleRow, describeEachStore } from './testing.ts';
import type { Db } from './articles.ts';
import { insertArticle } from './articles.ts';
import { recordLink } from './article-sources.ts';
import {
  addSource, allSourceIds, dueSources, getSource, listSources, recordFetchFailure, recordFetchSuccess, sourceHealth,
} from './sources.ts';

const T0 = new Date('2026-03-01T12:00:00.000Z');
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

async function article(db: Db, n: number): Promise<number> {
  return insertArticle(db, articleRow({ slug: `a-${n}`, title: `A ${n}`, text: 'x', content_hash: `h${n}`, published_at: T0.toISOString() }));
}

describeEachStore('sources', (open) => {
  test('adding: due at once, once per URL, section created on first use', async (t) => {
    const { db } = await open(t);
    const first = await addSource(db, { url: 'https://a.example/feed', section: 'World News', fullText: false }, T0);
    assert.equal(first.created, true);
    assert.equal(first.source.section, 'world-news');
    assert.equal(first.source.full_text, 0);
    assert.equal(first.source.next_fetch_at, T0.toISOString());
    const again = await addSource(db, { url: 'https://a.example/feed', title: 'Other' }, T0);
    assert.equal(again.created, false);
    assert.equal(again.source.id, first.source.id);
    assert.deepEqual(await allSourceIds(db), [first.source.id]);
    assert.equal(sourceHealth(first.source), 'new');
  });

  test('the schedule: success waits the refresh interval, failure the given backoff; only due sources are listed', async (t) => {
    const { db } = await open(t);
    const a = (await addSource(db, { url: 'https://a.example/feed' }, T0)).source.id;
    const b = (await addSource(db, { url: 'https://b.example/feed' }, T0)).source.id;
    await recordFetchSuccess(db, a, { etag: '"e"', lastModified: 'Sun, 01 Mar 2026 11:00:00 GMT', refreshMinutes: 30, title: 'A feed', siteUrl: 'https://a.example/' }, T0);
    await recordFetchFailure(db, b, { error: 'timed out', nextFetchAt: minutes(5) }, T0);
    await recordFetchFailure(db, b, { error: 'timed out again', nextFetchAt: minutes(10) }, T0);

    const sa = (await getSource(db, a))!;
    assert.deepEqual([sa.etag, sa.refresh_minutes, sa.title, sa.next_fetch_at, sa.error_count], ['"e"', 30, 'A feed', minutes(30).toISOString(), 0]);
    assert.equal(sourceHealth(sa), 'ok');
    const sb = (await getSource(db, b))!;
    assert.deepEqual([sb.last_error, sb.error_count, sb.next_fetch_at], ['timed out again', 2, minutes(10).toISOString()]);
    assert.equal(sourceHealth(sb), 'failing');

    assert.deepEqual((await dueSources(db, minutes(9))).map((s) => s.id), []);
    assert.deepEqual((await dueSources(db, minutes(10))).map((s) => s.id), [b]);
    assert.deepEqual((await dueSources(db, minutes(60))).map((s) => s.id), [b, a], 'most overdue first');

    // A title the user gave is kept; a success with item failures is a warning, not a failure.
    await recordFetchSuccess(db, b, { etag: null, lastModified: null, refreshMinutes: 60, title: 'From feed', itemError: '1 of 3 items failed' }, T0);
    const sb2 = (await getSource(db, b))!;
    assert.equal(sb2.error_count, 0);
    assert.equal(sourceHealth(sb2), 'warning');
  });

  test('listing counts the articles each source brought, near-duplicate copies aside', async (t) => {
    const { db } = await open(t);
    const a = (await addSource(db, { url: 'https://a.example/feed' }, T0)).source.id;
    const b = (await addSource(db, { url: 'https://b.example/feed' }, T0)).source.id;
    const [x, y] = [await article(db, 1), await article(db, 2)];
    const link = (articleId: number, sourceId: number, kind: 'original' | 'duplicate' | 'near_duplicate', url: string) =>
      recordLink(db, { articleId, sourceId, guid: url, url, kind, itemHash: null }, T0);
    await link(x, a, 'original', 'https://a.example/1');
    await link(y, a, 'original', 'https://a.example/2');
    await link(x, b, 'duplicate', 'https://b.example/1');
    await link(y, b, 'near_duplicate', 'https://b.example/copy');
    assert.deepEqual((await listSources(db)).map((s) => [s.id, s.article_count]), [[a, 2], [b, 1]]);
  });
});
