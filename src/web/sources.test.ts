import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachStore } from '../store/testing.ts';
import { addSource, recordFetchFailure, recordFetchSuccess } from '../store/sources.ts';
import { sourcesRoutes } from './sources.tsx';
import { appWith } from './testing.ts';

describeEachStore('GET /sources', (open) => {
  test('lists every source with its status, last error and article count', async (t) => {
    const store = await open(t);
    const good = (await addSource(store.db, { url: 'https://good.example/feed.xml' })).source;
    await recordFetchSuccess(store.db, good.id, { etag: null, lastModified: null, refreshMinutes: 60, title: 'Good News', siteUrl: 'https://good.example/' });
    const bad = (await addSource(store.db, { url: 'https://bad.example/rss' })).source;
    await recordFetchFailure(store.db, bad.id, { error: 'HTTP 503 from <https://bad.example/rss>', nextFetchAt: new Date(Date.now() + 60_000) });
    await addSource(store.db, { url: 'https://new.example/atom' });

    const app = await appWith(t, sourcesRoutes, store);
    const response = await app.inject({ method: 'GET', url: '/sources' });
    assert.equal(response.statusCode, 200);
    assert.match(response.headers['content-type'] as string, /text\/html/);
    const html = response.body;
    assert.match(html, /<a href="https:\/\/good.example\/"[^>]*>Good News<\/a>/);
    assert.match(html, /Failing/);
    assert.match(html, /HTTP 503 from &lt;https:\/\/bad.example\/rss/, 'the error is shown, escaped');
    assert.match(html, /Not fetched yet/);
    assert.match(html, /<meta name="robots" content="noindex"/);
  });

  test('says how to add a source when there is none', async (t) => {
    const store = await open(t);
    const app = await appWith(t, sourcesRoutes, store);
    const response = await app.inject({ method: 'GET', url: '/sources' });
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /No sources yet/);
  });

  test('a feed\'s site link that is not http(s) is shown as text, never as an href', async (t) => {
    const store = await open(t);
    const { source } = await addSource(store.db, { url: 'https://hostile.example/feed.xml' });
    await recordFetchSuccess(store.db, source.id, { etag: null, lastModified: null, refreshMinutes: 60, title: 'Hostile', siteUrl: 'javascript:alert(1)' });
    const app = await appWith(t, sourcesRoutes, store);
    const html = (await app.inject({ method: 'GET', url: '/sources' })).body;
    assert.match(html, /Hostile/);
    assert.doesNotMatch(html, /javascript:/);
  });
});
