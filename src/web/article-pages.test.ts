// Article pages served from the store: what a view reads, and what makes a stored page render again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { describeEachStore } from '../store/testing.ts';
import type { Store } from '../store/db.ts';
import { buildApp } from './app.ts';
import { articlePage, renderPages } from './article-pages.ts';
import { publish } from './testing.ts';

describeEachStore('article pages from the store', (open) => {
  async function site(t: { after(fn: () => unknown): void }): Promise<{ store: Store; app: FastifyInstance; slugs: string[] }> {
    const store = await open(t);
    const app = await buildApp({ store, pageCache: { revalidateMs: 0, waitForRevalidation: true } });
    t.after(() => app.close());
    const slugs: string[] = [];
    for (const day of [1, 2, 3]) {
      const id = await publish(store, { title: `Ferry report ${day}`, publishedAt: `2026-11-0${day}T08:00:00Z` });
      slugs.push((await store.db.selectFrom('articles').select('slug').where('id', '=', id).executeTakeFirstOrThrow()).slug);
    }
    return { store, app, slugs };
  }

  const storedRow = (store: Store, slug: string) => store.db.selectFrom('article_pages')
    .innerJoin('articles', 'articles.id', 'article_pages.article_id')
    .select(['article_pages.article_id', 'article_pages.etag', 'article_pages.gzip']).where('articles.slug', '=', slug).executeTakeFirstOrThrow();

  const view = (app: FastifyInstance, slug: string, headers: Record<string, string> = {}) =>
    app.inject({ url: `/articles/${slug}`, headers: { 'accept-encoding': 'gzip', ...headers } });

  test('a viewed page is stored, and the next view sends the stored bytes; no-cache renders afresh', async (t) => {
    const { store, app, slugs } = await site(t);
    const first = await view(app, slugs[1]!);
    assert.equal(first.statusCode, 200);
    const row = await storedRow(store, slugs[1]!);
    assert.deepEqual(row.gzip, first.rawPayload);
    assert.equal(row.etag, first.headers.etag);

    // Swapped behind the page's back: only a view that reads the store sends it.
    await store.db.updateTable('article_pages').set({ gzip: gzipSync('stored copy'), etag: '"stored"' }).where('article_id', '=', row.article_id).execute();
    const second = await view(app, slugs[1]!);
    assert.equal(second.headers.etag, '"stored"');
    assert.deepEqual(second.rawPayload, gzipSync('stored copy'));
    const fresh = await view(app, slugs[1]!, { 'cache-control': 'no-cache' });
    assert.deepEqual(fresh.rawPayload, first.rawPayload);
    assert.equal((await view(app, slugs[1]!)).headers.etag, first.headers.etag, 'the fresh render replaced the stored copy');
  });

  test('views that arrive together share one render', async (t) => {
    const { store, slugs } = await site(t);
    const [a, b] = await Promise.all([articlePage(store, slugs[0]!, 'http://x.example'), articlePage(store, slugs[0]!, 'http://x.example')]);
    assert.ok(a && a === b);
    assert.notEqual(await articlePage(store, slugs[0]!, 'http://x.example', { fresh: true }), a, 'a later view renders on its own');
  });

  test('a page viewed twice lately is held in memory for trustMs, then read from the store again', async (t) => {
    const { store, slugs } = await site(t);
    const etag = async () => (await articlePage(store, slugs[0]!, 'http://x.example', { trustMs: 200 }))?.etag;
    await etag(); // rendered and stored
    const { article_id } = await storedRow(store, slugs[0]!);
    const swap = (to: string) => store.db.updateTable('article_pages').set({ etag: to }).where('article_id', '=', article_id).execute();
    await swap('"second"');
    assert.equal(await etag(), '"second"', 'a page viewed once is not held');
    await swap('"third"');
    assert.equal(await etag(), '"second"', 'held from its second view');
    await new Promise((resolve) => setTimeout(resolve, 250));
    assert.equal(await etag(), '"third"', 'read again after trustMs');
  });

  test('a new section, or another origin, renders a stored page again', async (t) => {
    const { store, app, slugs } = await site(t);
    await view(app, slugs[2]!);
    // Published long before: a neighbour of the oldest article only, yet every page lists its section.
    await publish(store, { title: 'Tide tables', section: 'Science', publishedAt: '2026-01-01T08:00:00Z' });
    const page = await view(app, slugs[2]!, { 'accept-encoding': 'identity' });
    assert.match(page.body, /href="\/sections\/science"/);

    const elsewhere = await view(app, slugs[2]!, { 'accept-encoding': 'identity', host: 'news.example' });
    assert.match(elsewhere.body, /http:\/\/news\.example\/articles\//);
    assert.doesNotMatch(elsewhere.body, /localhost/);
  });

  test('renderPages renders what is missing or invalidated, and nothing twice', async (t) => {
    const { store, app, slugs } = await site(t);
    const origin = 'http://news.example';
    assert.deepEqual(await renderPages(store, origin), { rendered: 3, checked: 3 });
    assert.deepEqual(await renderPages(store, origin), { rendered: 0, checked: 3 });
    // The new article and the one it follows.
    await publish(store, { title: 'Ferry report 4', publishedAt: '2026-11-04T08:00:00Z' });
    assert.deepEqual(await renderPages(store, origin), { rendered: 2, checked: 4 });
    assert.deepEqual(await renderPages(store, origin, { all: true }), { rendered: 4, checked: 4 });
    // Served as rendered: a render for another origin would differ (its absolute URLs).
    const stored = await storedRow(store, slugs[0]!);
    assert.equal((await view(app, slugs[0]!, { host: 'news.example' })).headers.etag, stored.etag);
    assert.notEqual((await view(app, slugs[0]!)).headers.etag, stored.etag);
  });
});
