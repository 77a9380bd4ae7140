// The ingestion pipeline end to end against a local web server: feeds with excerpts, the same
// article in two feeds, changed GUIDs and content, syndicated copies, challenge pages, 304s,
// Retry-After, blocked addresses, and a poll killed halfway.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before } from 'node:test';
import type { Store } from '../../store/db.ts';
import { describeEachStore } from '../../store/testing.ts';
import { addSource, getSource } from '../../store/sources.ts';
import { linksOf } from '../../store/article-sources.ts';
import { getSummaries } from '../../store/summaries.ts';
import { createIngestContext, type IngestContext } from './context.ts';
import { ingestSource, type Tally } from './source.ts';
import { articlePage, excerptOf, rssFeed, storyParagraphs, type FeedEntry } from './testdata/site.ts';
import { RSS, respond, startSite, type TestSite } from './testdata/server.ts';

const CHALLENGE = readFileSync(new URL('./testdata/challenge.html', import.meta.url), 'utf8');

let site: TestSite;
before(async () => { site = await startSite(); });
after(() => site.close());

/** A unique path prefix per test, so tests share one server without sharing routes. */
let prefixes = 0;
const fresh = () => `/t${++prefixes}`;

function story(seed: number) {
  return { title: `Story number ${seed}`, paragraphs: storyParagraphs(seed, 300) };
}

/** Serves an article page at `path` and returns its feed entry (an excerpt). */
function publishPage(path: string, seed: number, guid = `guid-${seed}`): FeedEntry {
  const { title, paragraphs } = story(seed);
  site.routes.set(path, respond(articlePage({ title, paragraphs })));
  return { guid, link: site.base + path, title, description: excerptOf(paragraphs) };
}

function serveFeed(path: string, entries: FeedEntry[], etag?: string): string {
  site.routes.set(path, respond(rssFeed('Test feed', site.base, entries), RSS, {}, etag));
  return site.base + path;
}

function context(store: Store): IngestContext {
  return createIngestContext(store, { allow: '127.0.0.1', minIntervalMs: 0 });
}

async function feedSource(store: Store, url: string, fullText = true): Promise<number> {
  return (await addSource(store.db, { url, fullText })).source.id;
}

async function articles(store: Store) {
  return store.db.selectFrom('articles').selectAll().orderBy('id').execute();
}

const created = (n: number): Partial<Tally> => ({ created: n });

function assertTally(actual: Tally, expected: Partial<Tally>): void {
  for (const [key, value] of Object.entries(expected)) assert.equal(actual[key as keyof Tally], value, `tally.${key}`);
}

describeEachStore('ingestSource', (open) => {
  test('a feed with excerpts: each full article is fetched, extracted and summarized', async (t) => {
    const store = await open(t);
    const p = fresh();
    const entries = [publishPage(`${p}/a/1`, 1), publishPage(`${p}/a/2`, 2)];
    const id = await feedSource(store, serveFeed(`${p}/feed.xml`, entries));
    const report = await ingestSource(context(store), id);
    assert.equal(report.status, 'fetched');
    assertTally(report.tally, created(2));
    const stored = await articles(store);
    assert.equal(stored.length, 2);
    for (const [i, article] of stored.entries()) {
      assert.equal(article.status, 'ok');
      assert.equal(article.title, entries[i]!.title);
      // The page's third paragraph is nowhere in the feed: it came from the page.
      assert.ok(article.text.includes(story(i + 1).paragraphs[2]!.slice(0, 60)));
      assert.equal(article.url, site.base + `${p}/a/${i + 1}`);
      assert.equal((await getSummaries(store.db, article.id)).length, 4);
      assert.deepEqual((await linksOf(store.db, article.id)).map((l) => [l.source_id, l.guid, l.kind]), [[id, entries[i]!.guid, 'original']]);
    }
    const source = (await getSource(store.db, id))!;
    assert.equal(source.title, 'Test feed');
    assert.equal(source.last_error, null);
    assert.ok(source.next_fetch_at > new Date().toISOString());
  });

  test('full content in the feed is used as it is, without fetching the page', async (t) => {
    const store = await open(t);
    const p = fresh();
    const { title, paragraphs } = story(3);
    const entry = { guid: 'full', link: `${site.base}${p}/a/3`, title, description: paragraphs.map((x) => `<p>${x}</p>`).join('') };
    const id = await feedSource(store, serveFeed(`${p}/feed.xml`, [entry]));
    assertTally((await ingestSource(context(store), id)).tally, created(1));
    assert.equal(site.hits(`${p}/a/3`), 0);
    assert.equal((await articles(store))[0]!.status, 'ok');
  });

  test('the same article in two feeds is stored once, with both sources recorded', async (t) => {
    const store = await open(t);
    const p = fresh();
    const entry = publishPage(`${p}/a/4`, 4);
    const a = await feedSource(store, serveFeed(`${p}/a.xml`, [entry]));
    // The second feed links with a tracking parameter and its own GUID.
    const b = await feedSource(store, serveFeed(`${p}/b.xml`, [{ ...entry, guid: 'other-guid', link: `${entry.link}?utm_source=b#top` }]));
    const ctx = context(store);
    assertTally((await ingestSource(ctx, a)).tally, created(1));
    assertTally((await ingestSource(ctx, b)).tally, { created: 0, linked: 1 });
    const stored = await articles(store);
    assert.equal(stored.length, 1);
    const links = await linksOf(store.db, stored[0]!.id);
    assert.deepEqual(links.map((l) => [l.source_id, l.kind]), [[a, 'original'], [b, 'duplicate']]);
    assert.equal(site.hits(`${p}/a/4`), 1, 'the page is not fetched again for the second feed');
  });

  test('a changed GUID for the same URL is the same article', async (t) => {
    const store = await open(t);
    const p = fresh();
    const entry = publishPage(`${p}/a/5`, 5, 'first-guid');
    const id = await feedSource(store, serveFeed(`${p}/feed.xml`, [entry]));
    const ctx = context(store);
    assertTally((await ingestSource(ctx, id)).tally, created(1));
    serveFeed(`${p}/feed.xml`, [{ ...entry, guid: 'second-guid' }]);
    assertTally((await ingestSource(ctx, id)).tally, { created: 0, unchanged: 1 });
    const stored = await articles(store);
    assert.equal(stored.length, 1);
    assert.deepEqual((await linksOf(store.db, stored[0]!.id)).map((l) => l.guid), ['second-guid']);
  });

  test('changed content: a new revision, the old one kept, new summaries, not a new article', async (t) => {
    const store = await open(t);
    const p = fresh();
    const { title, paragraphs } = story(6);
    const full = (ps: string[]) => ps.map((x) => `<p>${x}</p>`).join('');
    const entry = { guid: 'g6', link: `${site.base}${p}/a/6`, title, description: full(paragraphs) };
    const id = await feedSource(store, serveFeed(`${p}/feed.xml`, [entry]));
    const ctx = context(store);
    await ingestSource(ctx, id);
    const [before] = await articles(store);
    const corrected = [...paragraphs, 'Correction: an earlier version of this story misstated the cost of the plan.'];
    serveFeed(`${p}/feed.xml`, [{ ...entry, description: full(corrected) }]);
    assertTally((await ingestSource(ctx, id)).tally, { created: 0, updated: 1 });
    const [after] = await articles(store);
    assert.equal((await articles(store)).length, 1);
    assert.equal(after!.revision, 2);
    assert.ok(after!.text.includes('Correction: an earlier version'));
    assert.notEqual(after!.content_hash, before!.content_hash);
    // The history holds the version left behind; the current one is the article itself.
    const revisions = await store.db.selectFrom('revisions').select(['revision', 'text', 'content_hash']).where('article_id', '=', after!.id).execute();
    assert.deepEqual(revisions, [{ revision: 1, text: before!.text, content_hash: before!.content_hash }]);
    const summaries = await getSummaries(store.db, after!.id);
    assert.ok(summaries.length > 0 && summaries.every((s) => s.contentHash === after!.content_hash));
  });

  test('a syndicated near-copy is linked to the original, not stored', async (t) => {
    const store = await open(t);
    const p = fresh();
    const original = publishPage(`${p}/a/7`, 7);
    const { title, paragraphs } = story(7);
    const edited = paragraphs.map((x, i) => (i === 1 ? x.replace(/\bthe\b/, 'a') : x));
    site.routes.set(`${p}/wire/7`, respond(articlePage({ title, paragraphs: [...edited, 'This story first appeared in The Harbour Times.'], site: 'Daily Wire' })));
    const copy = { guid: 'wire-7', link: `${site.base}${p}/wire/7`, title: `${title} (wire)`, description: excerptOf(paragraphs) };
    const a = await feedSource(store, serveFeed(`${p}/a.xml`, [original]));
    const b = await feedSource(store, serveFeed(`${p}/b.xml`, [copy]));
    const ctx = context(store);
    await ingestSource(ctx, a);
    assertTally((await ingestSource(ctx, b)).tally, { created: 0, near_duplicate: 1 });
    const stored = await articles(store);
    assert.equal(stored.length, 1);
    const links = await linksOf(store.db, stored[0]!.id);
    assert.deepEqual(links.map((l) => [l.source_id, l.kind, l.url]), [[a, 'original', original.link], [b, 'near_duplicate', copy.link]]);
    // Polling the copy again recognizes it without fetching it.
    serveFeed(`${p}/b.xml`, [{ ...copy, title: 'Retitled' }]);
    assertTally((await ingestSource(ctx, b)).tally, { near_duplicate: 1, created: 0 });
    assert.equal(site.hits(`${p}/wire/7`), 1);
  });

  test('a bot challenge instead of the article is stored as junk and never summarized', async (t) => {
    const store = await open(t);
    const p = fresh();
    site.routes.set(`${p}/a/8`, respond(CHALLENGE, 'text/html', {}));
    const id = await feedSource(store, serveFeed(`${p}/feed.xml`, [{ guid: 'g8', link: `${site.base}${p}/a/8`, title: 'Harbour reopens', description: '<p>The harbour reopened on Monday…</p>' }]));
    await ingestSource(context(store), id);
    const [article] = await articles(store);
    assert.equal(article!.status, 'junk');
    assert.match(article!.status_reason ?? '', /bot challenge/);
    assert.equal(article!.title, 'Harbour reopens');
    assert.deepEqual(await getSummaries(store.db, article!.id), []);
  });

  test('a missing article page keeps the excerpt, marked as not the full article', async (t) => {
    const store = await open(t);
    const p = fresh();
    const id = await feedSource(store, serveFeed(`${p}/feed.xml`, [{ guid: 'g9', link: `${site.base}${p}/gone`, title: 'Gone', description: '<p>A short teaser…</p>' }]));
    assertTally((await ingestSource(context(store), id)).tally, created(1));
    const [article] = await articles(store);
    assert.equal(article!.status, 'too_short');
    assert.match(article!.status_reason ?? '', /full article unavailable.*404/);
    assert.deepEqual(await getSummaries(store.db, article!.id), []);
  });

  test('304 Not Modified: nothing is parsed or fetched again; an unchanged item is not fetched again either', async (t) => {
    const store = await open(t);
    const p = fresh();
    const entries = [publishPage(`${p}/a/10`, 10)];
    const id = await feedSource(store, serveFeed(`${p}/feed.xml`, entries, '"v1"'));
    const ctx = context(store);
    await ingestSource(ctx, id);
    assert.equal((await getSource(store.db, id))!.etag, '"v1"');
    const second = await ingestSource(ctx, id);
    assert.equal(second.status, 'not_modified');
    assertTally(second.tally, { created: 0, unchanged: 0, updated: 0 });
    // Same items, no validators: the feed is read, but the known item costs no page fetch.
    serveFeed(`${p}/feed.xml`, entries);
    const third = await ingestSource(ctx, id);
    assertTally(third.tally, { unchanged: 1, created: 0 });
    assert.equal(site.hits(`${p}/feed.xml`), 3);
    assert.equal(site.hits(`${p}/a/10`), 1);
    assert.equal((await articles(store)).length, 1);
  });

  test('503 with Retry-After: the error is kept and the next poll waits at least as long as asked', async (t) => {
    const store = await open(t);
    const p = fresh();
    site.routes.set(`${p}/feed.xml`, (_req, res) => res.writeHead(503, { 'retry-after': '7200' }).end());
    const id = await feedSource(store, site.base + `${p}/feed.xml`);
    const start = Date.now();
    const report = await ingestSource(context(store), id);
    assert.equal(report.status, 'failed');
    const source = (await getSource(store.db, id))!;
    assert.match(source.last_error ?? '', /503/);
    assert.equal(source.error_count, 1);
    assert.ok(Date.parse(source.next_fetch_at) >= start + 7_200_000);
    // A second failure keeps counting (the backoff grows with it).
    await ingestSource(context(store), id);
    assert.equal((await getSource(store.db, id))!.error_count, 2);
  });

  test('a failed poll followed by a good one clears the error', async (t) => {
    const store = await open(t);
    const p = fresh();
    site.routes.set(`${p}/feed.xml`, (_req, res) => res.writeHead(500).end());
    const id = await feedSource(store, site.base + `${p}/feed.xml`);
    const ctx = context(store);
    await ingestSource(ctx, id);
    serveFeed(`${p}/feed.xml`, [publishPage(`${p}/a/11`, 11)]);
    await ingestSource(ctx, id);
    const source = (await getSource(store.db, id))!;
    assert.equal(source.last_error, null);
    assert.equal(source.error_count, 0);
  });

  test('feeds on private or metadata addresses are refused and the reason kept', async (t) => {
    const store = await open(t);
    const p = fresh();
    site.routes.set(`${p}/to-metadata`, (_req, res) => res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end());
    const ctx = context(store);
    for (const url of ['http://10.0.0.1/feed.xml', `${site.base}${p}/to-metadata`]) {
      const id = await feedSource(store, url);
      assert.equal((await ingestSource(ctx, id)).status, 'failed');
      assert.match((await getSource(store.db, id))!.last_error ?? '', /refused/);
    }
    // Without the allow-list our own loopback server is refused too.
    const local = await feedSource(store, serveFeed(`${p}/feed.xml`, []));
    await ingestSource(createIngestContext(store, { minIntervalMs: 0 }), local);
    assert.match((await getSource(store.db, local))!.last_error ?? '', /refused.*loopback/);
  });

  test('an article page failing for now is retried on the next poll: validators are dropped, nothing is lost', async (t) => {
    const store = await open(t);
    const p = fresh();
    const entries = [publishPage(`${p}/a/12`, 12), publishPage(`${p}/a/13`, 13)];
    const good = site.routes.get(`${p}/a/13`)!;
    site.routes.set(`${p}/a/13`, (_req, res) => res.writeHead(503).end());
    const id = await feedSource(store, serveFeed(`${p}/feed.xml`, entries, '"v1"'));
    const ctx = context(store);
    const first = await ingestSource(ctx, id);
    assertTally(first.tally, { created: 1, failed: 1 });
    const source = (await getSource(store.db, id))!;
    assert.equal(source.etag, null);
    assert.match(source.last_error ?? '', /1 of 2 items failed/);
    site.routes.set(`${p}/a/13`, good);
    assertTally((await ingestSource(ctx, id)).tally, { created: 1, unchanged: 1, failed: 0 });
    assert.equal((await articles(store)).length, 2);
  });
});
