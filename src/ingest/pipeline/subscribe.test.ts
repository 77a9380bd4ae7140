// The ways in besides polling: subscribing (feed URL, site URL with discovery), OPML in and out,
// single article URLs, and local files.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachStore } from '../../store/testing.ts';
import { listSources } from '../../store/sources.ts';
import { parseOpml } from '../feeds/opml.ts';
import { createIngestContext } from './context.ts';
import { ingestDocument } from './document.ts';
import { ingestUrl } from './url.ts';
import { exportSubscriptions, importSubscriptions, NoFeedError, subscribe } from './subscribe.ts';
import { articlePage, excerptOf, rssFeed, storyParagraphs } from './testdata/site.ts';
import { RSS, respond, startSite, type TestSite } from './testdata/server.ts';

let site: TestSite;
const paragraphs = storyParagraphs(300, 250);
before(async () => {
  site = await startSite({
    '/a/1': respond(articlePage({ title: 'Ferry fares frozen', paragraphs })),
    '/home': respond('<html><head><link rel="alternate" type="application/rss+xml" title="News" href="/news.xml"></head><body>Hello</body></html>'),
    '/bare': respond('<html><head><title>No feeds here</title></head><body>Nothing</body></html>'),
  });
  site.routes.set('/news.xml', respond(rssFeed('Harbour News', `${site.base}/home`, [
    { guid: 'n1', link: `${site.base}/a/1`, title: 'Ferry fares frozen', description: excerptOf(paragraphs) },
  ]), RSS));
});
after(() => site.close());

describeEachStore('subscriptions and single documents', (open) => {
  const ctxFor = async (t: Parameters<typeof open>[0]) => createIngestContext(await open(t), { allow: '127.0.0.1', minIntervalMs: 0 });

  test('a feed URL is subscribed as it is; a site URL through the feed it announces', async (t) => {
    const ctx = await ctxFor(t);
    const direct = await subscribe(ctx, `${site.base}/news.xml`, { section: 'Local' });
    assert.equal(direct.created, true);
    assert.equal(direct.discoveredOn, null);
    assert.equal(direct.source.title, 'Harbour News');
    assert.equal(direct.source.section, 'local');
    const viaSite = await subscribe(ctx, `${site.base}/home`);
    assert.equal(viaSite.created, false, 'the same feed, found again');
    assert.equal(viaSite.discoveredOn, `${site.base}/home`);
    assert.equal(viaSite.source.id, direct.source.id);
    await assert.rejects(subscribe(ctx, `${site.base}/bare`), NoFeedError);
    assert.equal((await listSources(ctx.store.db)).length, 1);
  });

  test('OPML: imported feeds keep their folder as section; export lists them back', async (t) => {
    const ctx = await ctxFor(t);
    const opml = `<?xml version="1.0"?><opml version="2.0"><head><title>Mine</title></head><body>
      <outline text="Science"><outline type="rss" text="Lab notes" xmlUrl="https://lab.example/feed.xml" htmlUrl="https://lab.example/"/></outline>
      <outline type="rss" text="Top" xmlUrl="https://top.example/rss"/></body></opml>`;
    const first = await importSubscriptions(ctx.store.db, parseOpml(opml), { fullText: false });
    assert.equal(first.added.length, 2);
    assert.equal((await importSubscriptions(ctx.store.db, parseOpml(opml))).existing.length, 2, 'importing twice adds nothing');
    const sources = await listSources(ctx.store.db);
    assert.deepEqual(sources.map((s) => [s.url, s.section, s.full_text]), [['https://lab.example/feed.xml', 'science', 0], ['https://top.example/rss', null, 0]]);
    const exported = parseOpml(await exportSubscriptions(ctx.store.db));
    assert.deepEqual(exported.feeds.map((f) => [f.xmlUrl, f.title, f.folders]), [['https://lab.example/feed.xml', 'Lab notes', ['Science']], ['https://top.example/rss', 'Top', []]]);
  });

  test('a single article URL is stored once, however often it is ingested', async (t) => {
    const ctx = await ctxFor(t);
    assert.equal(await ingestUrl(ctx, `${site.base}/a/1?utm_campaign=x`), 'created');
    assert.equal(await ingestUrl(ctx, `${site.base}/a/1`), 'unchanged');
    const rows = await ctx.store.db.selectFrom('articles').select(['title', 'status']).execute();
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.status, 'ok');
    assert.match(rows[0]!.title, /^Ferry fares frozen/);
  });

  test('local files: an HTML page, a feed, an OPML list', async (t) => {
    const ctx = await ctxFor(t);
    const page = articlePage({ title: 'Saved page', paragraphs: storyParagraphs(301, 250), canonical: 'https://saved.example/story' });
    const html = await ingestDocument(ctx, Buffer.from(page));
    assert.equal(html.kind, 'html');
    assert.equal(html.tally.created, 1);
    assert.equal((await ingestDocument(ctx, Buffer.from(page))).tally.unchanged, 1, 'the same file again changes nothing');

    const feed = await ingestDocument(ctx, Buffer.from(rssFeed('Saved feed', site.base, [
      { guid: 'n1', link: `${site.base}/a/1`, title: 'Ferry fares frozen', description: excerptOf(paragraphs) },
    ])));
    assert.equal(feed.kind, 'feed');
    assert.equal(feed.tally.created, 1);

    const opml = await ingestDocument(ctx, Buffer.from(`<opml version="2.0"><body><outline type="rss" text="News" xmlUrl="${site.base}/news.xml"/></body></opml>`));
    assert.equal(opml.kind, 'opml');
    assert.equal(opml.tally.linked, 1, 'the feed carries the article already stored from the feed file');
    assert.equal((await listSources(ctx.store.db)).length, 1);
    const urls = (await ctx.store.db.selectFrom('articles').select('url').orderBy('id').execute()).map((r) => r.url);
    assert.deepEqual(urls, ['https://saved.example/story', `${site.base}/a/1`]);
  });
});
