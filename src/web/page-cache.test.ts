import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import { randomBytes } from 'node:crypto';
import { createPageCache, type CachedPage, type PageSource } from './page-cache.ts';

const text = (page: CachedPage | undefined) => page && gunzipSync(page.gzip).toString();

function countingSource(state: { version: string; exists: boolean }) {
  const calls = { load: 0, render: 0 };
  const source: PageSource<string> = {
    load: async () => {
      calls.load++;
      return state.exists ? { version: state.version, data: state.version } : undefined;
    },
    render: async (data) => {
      calls.render++;
      return `<p>${data}</p>`;
    },
  };
  return { source, calls };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

test('a page is rendered once, served from memory, and re-rendered only when its version changes', async () => {
  let now = 1000;
  const cache = createPageCache({ revalidateMs: 500, now: () => now });
  const state = { version: 'v1', exists: true };
  const { source, calls } = countingSource(state);
  const first = await cache.get('a', source);
  assert.equal(text(first), '<p>v1</p>');
  now += 499;
  assert.equal(await cache.get('a', source), first);
  assert.deepEqual(calls, { load: 1, render: 1 });

  now += 1; // due: the version is checked, unchanged, so nothing is rendered
  assert.equal(await cache.get('a', source), first);
  await settle();
  assert.deepEqual(calls, { load: 2, render: 1 });

  state.version = 'v2';
  now += 500;
  // The request that finds the page due still gets the cached one; the check runs behind it.
  assert.equal(await cache.get('a', source), first);
  await settle();
  const second = await cache.get('a', source);
  assert.equal(text(second), '<p>v2</p>');
  assert.notEqual(second?.etag, first?.etag);
  assert.deepEqual(calls, { load: 3, render: 2 });
});

test('waitForRevalidation: a due request waits for the check and gets the new page', async () => {
  let now = 0;
  const cache = createPageCache({ revalidateMs: 0, waitForRevalidation: true, now: () => now });
  const state = { version: 'v1', exists: true };
  const { source } = countingSource(state);
  await cache.get('a', source);
  state.version = 'v2';
  now = 1;
  assert.equal(text(await cache.get('a', source)), '<p>v2</p>');
});

test('a failing check keeps serving the cached page', async () => {
  let now = 0;
  const cache = createPageCache({ revalidateMs: 10, now: () => now });
  const { source } = countingSource({ version: 'v1', exists: true });
  const first = await cache.get('a', source);
  now = 10;
  const failing = { ...source, load: async () => { throw new Error('store down'); } };
  assert.equal(await cache.get('a', failing), first);
  await settle();
  assert.equal(await cache.get('a', failing), first);
});

test('a page whose source is gone is dropped', async () => {
  let now = 0;
  const cache = createPageCache({ revalidateMs: 10, now: () => now });
  const state = { version: 'v1', exists: true };
  const { source } = countingSource(state);
  assert.ok(await cache.get('a', source));
  state.exists = false;
  now = 10;
  await cache.get('a', source);
  await settle();
  assert.equal(await cache.get('a', source), undefined);
});

test('concurrent misses share one render', async () => {
  const cache = createPageCache();
  const { source, calls } = countingSource({ version: 'v1', exists: true });
  const pages = await Promise.all(Array.from({ length: 20 }, () => cache.get('a', source)));
  assert.ok(pages.every((p) => p === pages[0]));
  assert.deepEqual(calls, { load: 1, render: 1 });
});

test('the cache holds at most maxBytes', async () => {
  // Pages are held gzipped: random hex keeps ~1,230 of its 2,400 bytes, so two pages fit, not three.
  const cache = createPageCache({ maxBytes: 3000 });
  const calls = { render: 0 };
  const source = (key: string): PageSource<string> => ({
    load: async () => ({ version: key, data: key }),
    render: async () => {
      calls.render++;
      return randomBytes(1200).toString('hex');
    },
  });
  for (const key of ['a', 'b', 'c']) await cache.get(key, source(key));
  await cache.get('c', source('c'));
  assert.equal(calls.render, 3, 'the newest page stayed');
  await cache.get('a', source('a'));
  assert.equal(calls.render, 4, 'the oldest page was evicted');
});
