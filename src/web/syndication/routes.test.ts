import { test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describeEachStore } from '../../store/testing.ts';
import { publishArticle } from '../../ingest/publish.ts';
import { appWith, publish, sampleArticle } from '../testing.ts';
import { syndicationRoutes } from './routes.ts';

const hostile = 'Q&A: <script>alert("x")</script> ]]> & more';

afterEach(() => { delete process.env.SKIM_BASE_URL; });

function xmlOk(body: string) {
  assert.equal(XMLValidator.validate(body), true, 'well-formed XML');
}

describeEachStore('feeds and sitemap', (open) => {
  // Three articles a day apart in two sections; one with a title and byline full of markup.
  test('feeds', async (t) => {
    const store = await open(t);
    const app = await appWith(t, syndicationRoutes, store);
    await publish(store, { title: 'Ferries go electric', section: 'Local', byline: 'Ana Ruiz', publishedAt: '2026-01-01T08:00:00Z' });
    await publish(store, { title: hostile, section: 'Business & Money', byline: 'Tom <b>O\'Neil</b>', publishedAt: '2026-01-02T08:00:00Z' });
    await publish(store, { title: 'Harbour fares rise', section: 'Local', publishedAt: '2026-01-03T08:00:00Z' });

    await t.test('RSS 2.0 parses back with every article, newest first, content and summary', async () => {
      const res = await app.inject({ url: '/feed.xml', headers: { host: 'news.example:8080' } });
      assert.equal(res.statusCode, 200);
      assert.match(res.headers['content-type'] as string, /^application\/rss\+xml/);
      xmlOk(res.body);
      const raw = new XMLParser().parse(res.body);
      assert.equal(raw.rss.channel.item[1].title, hostile, 'markup in a title stays text');
      const feed = parseRssFeed(res.body);
      assert.equal(feed.link, 'http://news.example:8080/');
      assert.deepEqual(feed.items?.map((i) => i.title), ['Harbour fares rise', hostile, 'Ferries go electric']);
      const item = feed.items![1]!;
      assert.equal(item.link, 'http://news.example:8080/articles/q-and-a-script-alert-x-script-and-more');
      assert.equal(item.guid?.value, item.link);
      assert.deepEqual(item.dc?.creators, ['Tom <b>O\'Neil</b>']);
      assert.deepEqual(item.categories?.map((c) => c.name), ['Business & Money']);
      assert.match(item.content?.encoded ?? '', /<p>The harbour authority in Port Alder/);
      assert.ok((item.description ?? '').length > 40, 'the summary is the description');
      assert.equal(new Date(item.pubDate!).toISOString(), '2026-01-02T08:00:00.000Z');
      assert.equal(feed.atom?.links?.[0]?.href, 'http://news.example:8080/feed.xml');
    });

    await t.test('Atom parses back with ids, links, summary and html content', async () => {
      const res = await app.inject('/atom.xml');
      assert.match(res.headers['content-type'] as string, /^application\/atom\+xml/);
      xmlOk(res.body);
      const feed = parseAtomFeed(res.body);
      assert.equal(feed.entries?.length, 3);
      const entry = feed.entries![1]!;
      assert.equal(entry.title?.value.trim(), hostile);
      assert.equal(entry.content?.type, 'html');
      assert.match(entry.content?.value ?? '', /Port Alder/);
      assert.ok((entry.summary?.value ?? '').length > 40);
      assert.equal(entry.updated, '2026-01-02T08:00:00.000Z');
      assert.deepEqual(entry.authors?.map((a) => a.name), ['Tom <b>O\'Neil</b>']);
      assert.equal(feed.updated, '2026-01-03T08:00:00.000Z');
      assert.ok(feed.links?.some((l) => l.rel === 'self' && l.href === 'http://localhost:80/atom.xml'));
    });

    await t.test('JSON Feed 1.1 parses back', async () => {
      const res = await app.inject('/feed.json');
      assert.match(res.headers['content-type'] as string, /^application\/feed\+json/);
      const feed = parseJsonFeed(res.json());
      assert.equal(res.json().version, 'https://jsonfeed.org/version/1.1');
      assert.equal(feed.items?.length, 3);
      const item = feed.items![0]!;
      assert.equal(item.title, 'Harbour fares rise');
      assert.match(item.content_html ?? '', /<p>/);
      assert.ok((item.summary ?? '').length > 40);
      assert.equal(item.language, 'en');
      assert.equal(feed.feed_url, 'http://localhost:80/feed.json');
    });

    await t.test('SKIM_BASE_URL overrides the Host header', async () => {
      process.env.SKIM_BASE_URL = 'https://news.example.org/';
      const feed = parseJsonFeed((await app.inject({ url: '/feed.json', headers: { host: 'evil.example' } })).json());
      assert.equal(feed.home_page_url, 'https://news.example.org/');
      assert.deepEqual(feed.items?.map((i) => i.url?.startsWith('https://news.example.org/articles/')), [true, true, true]);
    });

    await t.test('carry only their section, in all three formats', async () => {
      const rss = parseRssFeed((await app.inject('/sections/local/feed.xml')).body);
      assert.deepEqual(rss.items?.map((i) => i.title), ['Harbour fares rise', 'Ferries go electric']);
      assert.equal(rss.link, 'http://localhost:80/sections/local');
      assert.match(rss.title ?? '', /Local/);
      const atom = parseAtomFeed((await app.inject('/sections/business-and-money/atom.xml')).body);
      assert.deepEqual(atom.entries?.map((e) => e.title?.value.trim()), [hostile]);
      const json = parseJsonFeed((await app.inject('/sections/local/feed.json')).json());
      assert.equal(json.items?.length, 2);
      assert.equal(json.feed_url, 'http://localhost:80/sections/local/feed.json');
    });

    await t.test('unknown section: 404', async () => {
      for (const file of ['feed.xml', 'atom.xml', 'feed.json']) {
        assert.equal((await app.inject(`/sections/nope/${file}`)).statusCode, 404);
      }
      assert.equal((await app.inject('/sections/%3Cx%3E/feed.xml')).statusCode, 404);
    });

    await t.test('sitemap lists home, sections and every article with lastmod', async () => {
      const res = await app.inject('/sitemap.xml');
      assert.equal(res.statusCode, 200);
      assert.match(res.headers['content-type'] as string, /^application\/xml/);
      xmlOk(res.body);
      const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(res.body);
      assert.equal(parsed.urlset['@xmlns'], 'http://www.sitemaps.org/schemas/sitemap/0.9');
      const urls = parsed.urlset.url as { loc: string; lastmod?: string }[];
      assert.deepEqual(urls.map((u) => u.loc), [
        'http://localhost:80/',
        'http://localhost:80/sections/business-and-money',
        'http://localhost:80/sections/local',
        'http://localhost:80/articles/harbour-fares-rise',
        'http://localhost:80/articles/q-and-a-script-alert-x-script-and-more',
        'http://localhost:80/articles/ferries-go-electric',
      ]);
      assert.equal(urls[3]!.lastmod, '2026-01-03T08:00:00.000Z');
    });
  });

  test('an empty store gives valid empty feeds', async (t) => {
    const app = await appWith(t, syndicationRoutes, await open(t));
    xmlOk((await app.inject('/feed.xml')).body);
    assert.deepEqual(parseAtomFeed((await app.inject('/atom.xml')).body).entries ?? [], []);
    assert.deepEqual((await app.inject('/feed.json')).json().items, []);
    xmlOk((await app.inject('/sitemap.xml')).body);
  });

  test('conditional GET: a feed or sitemap unchanged since the reader\'s copy is a bodiless 304', async (t) => {
    const store = await open(t);
    const app = await appWith(t, syndicationRoutes, store);
    const id = await publish(store, { title: 'Ferries go electric', section: 'Local', publishedAt: '2026-01-01T08:00:00Z' });
    for (const url of ['/feed.xml', '/atom.xml', '/feed.json', '/sections/local/feed.json', '/sitemap.xml']) {
      const first = await app.inject(url);
      assert.equal(first.statusCode, 200);
      const etag = first.headers.etag as string;
      const lastModified = first.headers['last-modified'] as string;
      assert.match(etag, /^"[\w-]+"$/, url);
      assert.ok(Date.parse(lastModified) <= Date.now(), lastModified);
      const get = (headers: Record<string, string>) => app.inject({ url, headers });
      const current: Record<string, string>[] = [{ 'if-none-match': etag }, { 'if-none-match': `"other", W/${etag}` }, { 'if-modified-since': lastModified }];
      for (const headers of current) {
        const res = await get(headers);
        assert.equal(res.statusCode, 304, `${url} ${JSON.stringify(headers)}`);
        assert.equal(res.body, '');
        assert.equal(res.headers.etag, etag);
      }
      const earlier = new Date(Date.parse(lastModified) - 1000).toUTCString();
      assert.equal((await get({ 'if-modified-since': earlier })).statusCode, 200);
      assert.equal((await get({ 'if-modified-since': 'yesterday' })).statusCode, 200);
      // If-None-Match decides when both are sent.
      assert.equal((await get({ 'if-none-match': '"other"', 'if-modified-since': lastModified })).statusCode, 200);
      const zipped = await get({ 'accept-encoding': 'gzip' });
      assert.equal(zipped.headers['content-encoding'], 'gzip');
      assert.equal(gunzipSync(zipped.rawPayload).toString(), first.body);
    }

    // A new article, or an edited one, changes the feeds it is in, and only those.
    const etagOf = async (url: string) => (await app.inject(url)).headers.etag as string;
    const [site, local, sitemap] = [await etagOf('/feed.xml'), await etagOf('/sections/local/feed.xml'), await etagOf('/sitemap.xml')];
    await publish(store, { title: 'Harbour fares rise', section: 'World', publishedAt: '2026-01-02T08:00:00Z' });
    const newSitemap = await app.inject({ url: '/sitemap.xml', headers: { 'if-none-match': sitemap } });
    assert.equal(newSitemap.statusCode, 200);
    assert.match(newSitemap.body, /harbour-fares-rise/);
    const changed = await app.inject({ url: '/feed.xml', headers: { 'if-none-match': site } });
    assert.equal(changed.statusCode, 200);
    assert.notEqual(changed.headers.etag, site);
    assert.match(changed.body, /Harbour fares rise/);
    assert.equal((await app.inject({ url: '/sections/local/feed.xml', headers: { 'if-none-match': local } })).statusCode, 304);
    await publishArticle(store, sampleArticle({ title: 'Ferries go electric', section: 'Local', body: 'The ferries now run on batteries. Fares stay the same.' }), id);
    const edited = await app.inject({ url: '/sections/local/feed.xml', headers: { 'if-none-match': local } });
    assert.equal(edited.statusCode, 200);
    assert.match(edited.body, /The ferries now run on batteries/);
  });
});
