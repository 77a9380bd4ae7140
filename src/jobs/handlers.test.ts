import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Store } from '../store/db.ts';
import { articleRow, describeEachStore } from '../store/testing.ts';
import { addSource, getSource } from '../store/sources.ts';
import { createIngestContext } from '../ingest/pipeline/context.ts';
import { simhashBands } from '../ingest/dedup/simhash.ts';
import { articlePage, excerptOf, rssFeed, storyParagraphs } from '../ingest/pipeline/testdata/site.ts';
import { RSS, respond, startSite, type TestSite } from '../ingest/pipeline/testdata/server.ts';
import { COMPACT_SEARCH, createJobHandlers, enqueueDueSources, FETCH_ARTICLE, FETCH_SOURCE, scheduleDueWork } from './handlers.ts';
import { COMPACT_RECENT_SEARCH_EVERY, recentSearchNeedsCompaction, searchArticles } from '../store/search.ts';
import { createMemoryQueue, PermanentJobError } from './queue.ts';

let site: TestSite;
before(async () => {
  site = await startSite();
  for (const seed of [1, 2, 3]) {
    const paragraphs = storyParagraphs(200 + seed, 250);
    site.routes.set(`/a/${seed}`, respond(articlePage({ title: `Job story ${seed}`, paragraphs })));
    site.routes.set(`/feed-${seed}.xml`, respond(rssFeed(`Feed ${seed}`, site.base, [
      { guid: `job-${seed}`, link: `${site.base}/a/${seed}`, title: `Job story ${seed}`, description: excerptOf(paragraphs) },
    ]), RSS));
  }
});
after(() => site.close());

/** Row counts of every table ingestion writes. */
async function footprint(store: Store) {
  const count = async (table: 'articles' | 'revisions' | 'summaries' | 'article_sources' | 'simhash_bands') =>
    Number((await store.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  return {
    articles: await count('articles'),
    revisions: await count('revisions'),
    summaries: await count('summaries'),
    links: await count('article_sources'),
    bands: await count('simhash_bands'),
  };
}

describeEachStore('ingestion jobs', (open, dialect) => {
  const handlersFor = (store: Store) => createJobHandlers(createIngestContext(store, { allow: '127.0.0.1', minIntervalMs: 0 }));

  test('the tick enqueues each due source once; the jobs ingest them; running a job again changes nothing', async (t) => {
    const store = await open(t);
    const ids = [];
    for (const seed of [1, 2, 3]) ids.push((await addSource(store.db, { url: `${site.base}/feed-${seed}.xml` })).source.id);
    const queue = createMemoryQueue();
    t.after(() => queue.close());
    await enqueueDueSources(store, queue);
    await enqueueDueSources(store, queue);
    assert.equal((await queue.counts()).waiting, 3, 'a source already queued is not queued twice');

    const handlers = handlersFor(store);
    queue.work(handlers, { concurrency: 2 });
    await queue.idle();
    const once = await footprint(store);
    assert.deepEqual(once, { articles: 3, revisions: 0, summaries: 12, links: 3, bands: 3 * simhashBands(0n).length });
    // Polled sources are not due again until their refresh interval has passed.
    await enqueueDueSources(store, queue);
    assert.deepEqual(await queue.counts(), { waiting: 0, active: 0, delayed: 0, failed: 0 });

    for (const id of ids) await handlers[FETCH_SOURCE]!({ sourceId: id });
    assert.deepEqual(await footprint(store), once);
    for (const id of ids) assert.equal((await getSource(store.db, id))!.last_error, null);
  });

  test('the tick enqueues compacting the search index of recent articles once it is due, once', async (t) => {
    const store = await open(t);
    const rows = Array.from({ length: COMPACT_RECENT_SEARCH_EVERY }, (_, i) => articleRow({ slug: `a-${i}`, title: `Report ${i}`, content_hash: `h-${i}`, text: 'harbour report' }));
    for (let i = 0; i < rows.length; i += 250) await store.db.insertInto('articles').values(rows.slice(i, i + 250)).execute();
    const queue = createMemoryQueue();
    t.after(() => queue.close());
    await scheduleDueWork(store, queue);
    await scheduleDueWork(store, queue);
    // PostgreSQL's autovacuum keeps its table: nothing to schedule there.
    assert.equal((await queue.counts()).waiting, dialect === 'sqlite' ? 1 : 0);
    queue.work(handlersFor(store), { concurrency: 1 });
    await queue.idle();
    assert.equal(await recentSearchNeedsCompaction(store), false);
    await scheduleDueWork(store, queue);
    assert.deepEqual(await queue.counts(), { waiting: 0, active: 0, delayed: 0, failed: 0 });
    // Again: nothing to merge, and what a search finds stays the same.
    const found = async () => (await searchArticles(store, { q: 'harbour', limit: 1000 })).hits.map((h) => h.id);
    const before = await found();
    await handlersFor(store)[COMPACT_SEARCH]!({});
    assert.equal(await recentSearchNeedsCompaction(store), false);
    assert.deepEqual(await found(), before);
    assert.equal(before.length, COMPACT_RECENT_SEARCH_EVERY);
  });

  test('fetch-article stores one article however often it runs; a missing page fails for good', async (t) => {
    const store = await open(t);
    const handlers = handlersFor(store);
    await handlers[FETCH_ARTICLE]!({ url: `${site.base}/a/1` });
    const once = await footprint(store);
    await handlers[FETCH_ARTICLE]!({ url: `${site.base}/a/1?utm_source=x` });
    assert.deepEqual(await footprint(store), once);
    assert.equal(once.articles, 1);
    await assert.rejects(handlers[FETCH_ARTICLE]!({ url: `${site.base}/missing` }), PermanentJobError);
  });

  test('malformed payloads fail at once, without retries', async (t) => {
    const store = await open(t);
    const handlers = handlersFor(store);
    await assert.rejects(handlers[FETCH_SOURCE]!({ sourceId: 'one' }), PermanentJobError);
    await assert.rejects(handlers[FETCH_SOURCE]!(null), PermanentJobError);
    await assert.rejects(handlers[FETCH_ARTICLE]!({ url: 42 }), PermanentJobError);
    await assert.rejects(handlers[FETCH_ARTICLE]!({ url: 'ftp://example.com/a' }), PermanentJobError);
  });
});
