// HTTP tests of the site's pages through the whole app (fastify.inject): content, escaping, bad input;
// on SQLite, and on PostgreSQL when TEST_DATABASE_URL is set.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import { DOMParser } from 'linkedom';
import type { FastifyInstance } from 'fastify';
import { openStore, type Store } from '../store/db.ts';
import { describeEachStore, suiteStore } from '../store/testing.ts';
import { getSummaries } from '../store/summaries.ts';
import { publishArticle } from '../ingest/publish.ts';
import { publish, sampleArticle } from './testing.ts';
import { buildApp } from './app.ts';

const XSS_TITLE = '<script>alert("title")</script> Ferry & fares';
const XSS_BYLINE = '<img src=x onerror=alert(1)>';
const XSS_SECTION = '<b onmouseover=alert(2)>Harbour</b>';

// Set by each backend's suite before its tests.
let app: FastifyInstance;
let store: Store;
const ids: Record<string, number> = {};

async function slugOf(id: number): Promise<string> {
  const row = await store.db.selectFrom('articles').select('slug').where('id', '=', id).executeTakeFirstOrThrow();
  return row.slug;
}

async function page(url: string, status = 200) {
  const res = await app.inject(url);
  assert.equal(res.statusCode, status, `${url}: ${res.body.slice(0, 300)}`);
  assert.match(res.headers['content-type'] as string, /^text\/html/);
  const document = new DOMParser().parseFromString(res.body, 'text/html');
  return { res, document, body: res.body };
}

/** No raw markup from stored fields: every test string appears only escaped. */
function assertEscaped(body: string) {
  assert.doesNotMatch(body, /<script>alert/);
  assert.doesNotMatch(body, /<img src=x/);
  assert.doesNotMatch(body, /<b onmouseover/);
}

describeEachStore('pages', (open) => {
  const currentStore = suiteStore(open);
  before(async () => {
    store = currentStore();
    // Revalidate on every request and wait for it, so a write shows on the next page view.
    app = await buildApp({ store, pageCache: { revalidateMs: 0, waitForRevalidation: true } });
    ids.oldest = await publish(store, { title: 'Oldest story about ferries', publishedAt: '2026-11-01T08:00:00Z' });
    ids.middle = await publish(store, { title: XSS_TITLE, byline: XSS_BYLINE, section: XSS_SECTION, publishedAt: '2026-11-02T08:00:00Z' });
    ids.newest = await publish(store, { title: 'Newest story about harbours', section: 'World', publishedAt: '2026-11-03T08:00:00Z' });
    ids.junk = await publish(store, {
      title: 'A page that was not an article', status: 'junk', statusReason: 'navigation links only', publishedAt: '2026-10-01T08:00:00Z',
    });
  });
  after(() => app.close());

  describe('home', () => {
    test('lists the latest articles grouped by section, each with time, reading time and a one-line summary', async () => {
      const { document, body } = await page('/');
      assertEscaped(body);
      assert.equal(document.querySelector('.lead-story h2 a').textContent, 'Newest story about harbours');
      const groups = [...document.querySelectorAll('.section-block h2')].map((h: { textContent: string }) => h.textContent);
      assert.ok(groups.includes(XSS_SECTION), 'the section name, escaped');
      assert.ok(groups.includes('Local'));
      const short = (await getSummaries(store.db, ids.oldest!)).find((s) => s.length === 'short')!;
      const oldest = [...document.querySelectorAll('.section-block li')].find((li: { textContent: string }) => li.textContent.includes('Oldest story'));
      assert.equal(oldest.querySelector('.dek').textContent, short.sentences[0]!.text);
      assert.match(oldest.querySelector('.meta').textContent, /1 Nov 2026, 08:00 UTC.*\d+ min read/);
      assert.ok(document.querySelector('a.skip-link[href="#main"]'));
      assert.ok(document.querySelector('main#main'));
    });
  });

  describe('article page', () => {
    test('headline, byline, section, times, reading time and two summary boxes', async () => {
      const { document, body, res } = await page(`/articles/${await slugOf(ids.middle!)}`);
      assertEscaped(body);
      assert.equal(document.querySelector('h1').textContent, XSS_TITLE);
      assert.equal(document.querySelector('.byline').textContent, `By ${XSS_BYLINE}`);
      assert.equal(document.querySelector('.kicker a').textContent, XSS_SECTION);
      assert.match(document.querySelector('.story-header .meta').textContent, /Published 2 Nov 2026, 08:00 UTC.*\d+ min read/);
      assert.doesNotMatch(body, /Updated/);
      const boxes = document.querySelectorAll('details.summary');
      assert.equal(boxes.length, 2, 'above and below the body');
      for (const box of boxes) {
        assert.equal(box.querySelector('summary').textContent, 'No time to read? Get a summary');
        assert.equal(box.querySelector('input:checked').getAttribute('value'), 'medium');
        assert.deepEqual([...box.querySelectorAll('label')].map((l: { textContent: string }) => l.textContent), ['Short', 'Medium', 'Long', 'Key points']);
      }
      assert.equal(document.querySelector('.story-body').previousElementSibling.id, 'summary-top');
      assert.equal(document.querySelector('.story-body').nextElementSibling.id, 'summary-bottom');
      assert.match(document.querySelector('[data-length="medium"] .summary-time').textContent, /^\d+-second summary of an? \d+-minute article$/);
      assert.ok(document.querySelectorAll('[data-length="bullets"] li').length >= 2);
      assert.match(res.headers['content-security-policy'] as string, /script-src|default-src 'self'/);
      assert.equal(document.querySelector('meta[property="og:title"]').getAttribute('content'), XSS_TITLE);
      assert.ok(document.querySelector('meta[name="twitter:card"]'));
    });

    test('every summary sentence links to its source sentence, wrapped in the body', async () => {
      const { document } = await page(`/articles/${await slugOf(ids.oldest!)}`);
      const summaries = await getSummaries(store.db, ids.oldest!);
      const text = (await store.db.selectFrom('articles').select('text').where('id', '=', ids.oldest!).executeTakeFirstOrThrow()).text;
      for (const summary of summaries) {
        const links = document.querySelectorAll(`#summary-top [data-length="${summary.length}"] a.summary-sentence`);
        assert.equal(links.length, summary.sentences.length, summary.length);
        summary.sentences.forEach((sentence, i) => {
          assert.equal(links[i].getAttribute('href'), `#s-${sentence.index}`);
          assert.equal(links[i].textContent, sentence.text);
          const source = [...document.querySelectorAll(`.story-body [data-s="${sentence.index}"]`)]
            .map((el: { textContent: string }) => el.textContent).join('').replace(/\s+/g, ' ').trim();
          assert.equal(source, text.slice(sentence.start, sentence.end));
          assert.ok(document.querySelector(`.story-body #s-${sentence.index}`));
        });
      }
    });

    test('Previous / Next by publication time; the first and last show only one', async () => {
      const oldest = await page(`/articles/${await slugOf(ids.oldest!)}`);
      const middle = await page(`/articles/${await slugOf(ids.middle!)}`);
      const newest = await page(`/articles/${await slugOf(ids.newest!)}`);
      const nav = (d: typeof middle.document) => [...d.querySelectorAll('.article-nav a')]
        .map((a: { getAttribute(n: string): string; textContent: string }) => `${a.getAttribute('rel')}: ${a.textContent}`);
      assert.deepEqual(nav(middle.document), [
        'prev: ← Previous ArticleOldest story about ferries',
        'next: Next Article →Newest story about harbours',
      ]);
      assert.equal(middle.document.querySelector('link[rel="prev"]').getAttribute('href'), `/articles/${await slugOf(ids.oldest!)}`);
      assert.equal(middle.document.querySelector('link[rel="next"]').getAttribute('href'), `/articles/${await slugOf(ids.newest!)}`);
      assert.deepEqual(nav(newest.document), ['prev: ← Previous Article' + XSS_TITLE]);
      assert.equal(newest.document.querySelector('link[rel="next"]'), null);
      assert.equal(nav(oldest.document).length, 2, 'the junk page is older still');
      const junk = await page(`/articles/${await slugOf(ids.junk!)}`);
      assert.deepEqual(nav(junk.document), ['next: Next Article →Oldest story about ferries']);
    });

    test('an article that is not summarizable shows a notice instead of a summary', async () => {
      const { document } = await page(`/articles/${await slugOf(ids.junk!)}`);
      assert.equal(document.querySelectorAll('details.summary').length, 0);
      assert.match(document.querySelector('.notice').textContent, /No summary for this article.*not look like an article.*navigation links only/);
    });

    test('an edited article shows "Updated", its new text and new summaries at once', async () => {
      const id = await publish(store, { title: 'Story to edit', publishedAt: '2026-09-01T08:00:00Z' });
      const url = `/articles/${await slugOf(id)}`;
      const before = await page(url);
      await publishArticle(store, sampleArticle({ title: 'Story to edit', body: 'A new first sentence replaces everything. It is short.', publishedAt: '2026-09-01T08:00:00Z' }), id);
      const after = await page(url);
      assert.notEqual(after.res.headers.etag, before.res.headers.etag);
      assert.match(after.document.querySelector('.story-header .meta').textContent, /Updated/);
      assert.match(after.document.querySelector('.story-body').textContent, /A new first sentence replaces everything/);
      assert.match(after.document.querySelector('.length-panel[data-length="medium"]').textContent, /A new first sentence/);
    });

    test('ETag revalidation answers 304; gzip when the client takes it', async () => {
      const url = `/articles/${await slugOf(ids.newest!)}`;
      const first = await app.inject(url);
      const etag = first.headers.etag as string;
      assert.ok(etag);
      const again = await app.inject({ url, headers: { 'if-none-match': etag } });
      assert.equal(again.statusCode, 304);
      assert.equal(again.body, '');
      const zipped = await app.inject({ url, headers: { 'accept-encoding': 'gzip, br' } });
      assert.equal(zipped.headers['content-encoding'], 'gzip');
      assert.equal(gunzipSync(zipped.rawPayload).toString(), first.body);
    });

    test('unknown or malformed slugs get the 404 page in the site look', async () => {
      for (const url of ['/articles/no-such-story', `/articles/${'x'.repeat(5000)}`, '/articles/%3Cscript%3E', '/articles/']) {
        const { document, body } = await page(url, 404);
        assert.equal(document.querySelector('h1').textContent, 'Page not found');
        assert.ok(document.querySelector('.masthead'), 'the site header');
        assert.doesNotMatch(body, /<script>/);
      }
    });
  });

  describe('section page', () => {
    test('lists the section, newest first, with one-line summaries', async () => {
      const { document, body } = await page('/sections/local');
      assertEscaped(body);
      assert.equal(document.querySelector('h1').textContent, 'Local');
      const titles = [...document.querySelectorAll('.story-title a')].map((a: { textContent: string }) => a.textContent);
      assert.ok(titles.indexOf('Oldest story about ferries') >= 0);
      assert.ok(titles.indexOf('Oldest story about ferries') < titles.indexOf('A page that was not an article'), 'newest first');
      assert.ok(!titles.includes('Newest story about harbours'), 'another section');
      assert.ok(document.querySelector('.section-nav a[aria-current="page"]'));
      const feeds = [...document.querySelectorAll('link[rel="alternate"]')].map((l: { getAttribute(n: string): string }) => l.getAttribute('href'));
      assert.deepEqual(feeds.slice(0, 2), ['/sections/local/feed.xml', '/sections/local/atom.xml']);
      assert.ok(feeds.includes('/feed.xml'), 'and the site feed');
      const xss = await page('/sections/b-onmouseover-alert-2-harbour-b');
      assert.equal(xss.document.querySelector('h1').textContent, XSS_SECTION);
      assertEscaped(xss.body);
    });

    test('pages: bad numbers are 400, pages past the end 404, unknown sections 404', async () => {
      for (const bad of ['0', '-1', 'abc', '1.5', '99999999999', '']) await page(`/sections/local?page=${bad}`, 400);
      await page('/sections/local?page=1');
      await page('/sections/local?page=2', 404);
      await page('/sections/nowhere', 404);
    });

    test('paging splits a long section', async () => {
      for (let i = 0; i < 21; i++) await publish(store, { title: `Paged story ${i}`, section: 'Paged', publishedAt: `2026-08-01T08:${String(i).padStart(2, '0')}:00Z` });
      const first = await page('/sections/paged');
      assert.equal(first.document.querySelectorAll('.story-list > li').length, 20);
      assert.equal(first.document.querySelector('.pager a[rel="next"]').getAttribute('href'), '/sections/paged?page=2');
      const second = await page('/sections/paged?page=2');
      assert.deepEqual([...second.document.querySelectorAll('.story-title a')].map((a: { textContent: string }) => a.textContent), ['Paged story 0']);
      assert.match(second.document.querySelector('.pager-status').textContent, /Page 2 of 2/);
    });
  });

  describe('search page', () => {
    test('ranked hits with highlighted, escaped snippets', async () => {
      const { document, body } = await page('/search?q=ferries');
      assertEscaped(body);
      assert.ok(document.querySelectorAll('.story-list > li').length >= 2);
      const marks = [...document.querySelectorAll('.snippet mark')].map((m: { textContent: string }) => m.textContent.toLowerCase());
      assert.ok(marks.length > 0 && marks.every((m) => m.startsWith('ferr')), marks.join());
      assert.doesNotMatch(body, /[\u0002\u0003]/);
      assert.equal(document.querySelector('#site-search').getAttribute('value'), 'ferries');
    });

    test('search terms are escaped wherever they are shown', async () => {
      const q = '"><script>alert(3)</script> ferries';
      const { body, document } = await page(`/search?q=${encodeURIComponent(q)}`);
      assert.doesNotMatch(body, /<script>alert\(3\)/);
      assert.equal(document.querySelector('h1').textContent, `Results for “${q}”`);
    });

    test('empty, huge, repeated and past-the-end queries', async () => {
      const empty = await page('/search');
      assert.equal(empty.document.querySelector('h1').textContent, 'Search');
      await page(`/search?q=${'ferry '.repeat(2000)}`, 400);
      await page('/search?q=a&q=b', 400);
      await page('/search?q=ferries&page=0', 400);
      await page('/search?q=ferries&page=50', 404);
      const none = await page('/search?q=zyxwvutsrq');
      assert.match(none.document.querySelector('[role="status"]').textContent, /No articles match/);
      // Only punctuation: no terms, no hits, no error.
      await page(`/search?q=${encodeURIComponent('"*()-:^')}`);
    });

    test('repeated queries are answered from the page cache; Cache-Control: no-cache runs the search', async () => {
      const cachedApp = await buildApp({ store });
      try {
        const search = (headers = {}) => cachedApp.inject({ url: '/search?q=lighthouse', headers }).then((r) => r.body);
        assert.match(await search(), /No articles match/);
        await publish(store, { title: 'Lighthouse keepers return', publishedAt: '2026-01-04T08:00:00Z' });
        assert.match(await search(), /No articles match/, 'cached until it revalidates');
        assert.match(await search({ 'cache-control': 'no-cache' }), /Lighthouse keepers return/);
      } finally {
        await cachedApp.close();
      }
    });
  });

  describe('assets and errors', () => {
    test('CSS and JS have content-hashed URLs and long cache headers', async () => {
      const { document } = await page('/');
      for (const url of [document.querySelector('link[rel="stylesheet"]').getAttribute('href'), document.querySelector('script[src]').getAttribute('src')]) {
        assert.match(url, /^\/assets\/site\.[\w-]{10}\.(css|js)$/);
        const res = await app.inject(url);
        assert.equal(res.statusCode, 200);
        assert.match(res.headers['cache-control'] as string, /max-age=31536000, immutable/);
      }
      await page('/assets/site.0000000000.css', 404);
    });

    test('a malformed URL gets the 400 page', async () => {
      const { document } = await page('/articles/%E0%A4%A', 400);
      assert.ok(document.querySelector('.masthead'));
    });

    test('unknown /api routes answer JSON, others the HTML 404 page', async () => {
      const api = await app.inject('/api/nothing-here');
      assert.equal(api.statusCode, 404);
      assert.deepEqual(Object.keys(api.json()).sort(), ['error', 'message']);
      await page('/nothing-here', 404);
    });

    test('a failing store gives the error page, not a crash', async () => {
      const broken = await openStore(':memory:');
      const brokenApp = await buildApp({ store: broken });
      await broken.close();
      const res = await brokenApp.inject('/');
      assert.equal(res.statusCode, 500);
      assert.match(res.body, /Something went wrong/);
      assert.doesNotMatch(res.body, /SqliteError|at .*\.ts:\d+/);
      await brokenApp.close();
    });
  });
});
