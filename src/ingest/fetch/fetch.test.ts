import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { fetchUrl, FetchError, USER_AGENT, type FetchOptions } from './fetch.ts';
import { startSite, type Route, type TestSite } from '../pipeline/testdata/server.ts';

const FEED = '<rss version="2.0"><channel><title>t</title></channel></rss>';
const routes: Record<string, Route> = {
  '/feed': (req, res) => {
    if (req.headers['if-none-match'] === '"v1"' || req.headers['if-modified-since'] === 'Tue, 01 Jan 2030 00:00:00 GMT') {
      res.writeHead(304).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag: '"v1"', 'last-modified': 'Tue, 01 Jan 2030 00:00:00 GMT' });
    res.end(FEED);
  },
  '/echo-ua': (req, res) => res.end(String(req.headers['user-agent'])),
  '/hop1': (_req, res) => res.writeHead(301, { location: '/hop2' }).end(),
  '/hop2': (_req, res) => res.writeHead(302, { location: '/feed' }).end(),
  '/loop': (_req, res) => res.writeHead(302, { location: '/loop' }).end(),
  '/to-private': (_req, res) => res.writeHead(302, { location: 'http://10.0.0.1/feed' }).end(),
  '/to-metadata': (_req, res) => res.writeHead(307, { location: 'http://169.254.169.254/latest/meta-data/' }).end(),
  '/to-file': (_req, res) => res.writeHead(302, { location: 'file:///etc/passwd' }).end(),
  '/slow': () => { /* never answers */ },
  '/endless': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    const chunk = Buffer.alloc(16 * 1024, 'a');
    const pump = () => { while (res.write(chunk)); };
    res.on('drain', pump);
    pump();
  },
  '/big-declared': (_req, res) => res.writeHead(200, { 'content-length': String(50 * 1024 * 1024) }).end(),
  '/gzip-bomb': (_req, res) => res.writeHead(200, { 'content-encoding': 'gzip' }).end(gzipBomb),
  '/gzip': (_req, res) => res.writeHead(200, { 'content-encoding': 'gzip' }).end(gzipSync(FEED)),
  '/br': (_req, res) => res.writeHead(200, { 'content-encoding': 'br' }).end(brotliCompressSync(FEED)),
  '/deflate': (_req, res) => res.writeHead(200, { 'content-encoding': 'deflate' }).end(deflateSync(FEED)),
  '/busy': (_req, res) => res.writeHead(429, { 'retry-after': '120' }).end(),
  '/down': (_req, res) => res.writeHead(503, { 'retry-after': new Date(Date.now() + 3_600_000).toUTCString() }).end(),
  '/gone': (_req, res) => res.writeHead(404).end('no'),
};

// 20 MB of zeros compress to about 20 KB.
const gzipBomb = gzipSync(Buffer.alloc(20 * 1024 * 1024));
let site: TestSite;
let base = '';
const allowed: FetchOptions = { allow: '127.0.0.1' };

before(async () => {
  site = await startSite(routes);
  base = site.base;
});
after(() => site.close());

async function fetchError(url: string, opts: FetchOptions = allowed): Promise<FetchError> {
  try {
    await fetchUrl(url, opts);
  } catch (err) {
    assert.ok(err instanceof FetchError, `expected a FetchError, got ${String(err)}`);
    return err;
  }
  assert.fail(`fetching ${url} should have failed`);
}

test('fetches a body with its validators and content type, sending a clear User-Agent', async () => {
  const res = await fetchUrl(`${base}/feed`, allowed);
  assert.equal(res.status, 200);
  assert.equal(res.body.toString(), FEED);
  assert.equal(res.etag, '"v1"');
  assert.equal(res.lastModified, 'Tue, 01 Jan 2030 00:00:00 GMT');
  assert.equal(res.contentType, 'application/rss+xml; charset=utf-8');
  assert.equal(res.charset, 'utf-8');
  assert.equal(res.notModified, false);
  assert.equal((await fetchUrl(`${base}/echo-ua`, allowed)).body.toString(), USER_AGENT);
  assert.match(USER_AGENT, /^skim\/\d+\.\d+\.\d+ \(\+https?:\/\//);
});

test('conditional GET: a matching ETag or Last-Modified gives notModified with no body', async () => {
  const byEtag = await fetchUrl(`${base}/feed`, { ...allowed, etag: '"v1"' });
  assert.equal(byEtag.status, 304);
  assert.equal(byEtag.notModified, true);
  assert.equal(byEtag.body.length, 0);
  const byDate = await fetchUrl(`${base}/feed`, { ...allowed, lastModified: 'Tue, 01 Jan 2030 00:00:00 GMT' });
  assert.equal(byDate.notModified, true);
  const stale = await fetchUrl(`${base}/feed`, { ...allowed, etag: '"v0"' });
  assert.equal(stale.notModified, false);
});

test('follows redirects and reports the final URL; stops after maxRedirects', async () => {
  const res = await fetchUrl(`${base}/hop1`, allowed);
  assert.equal(res.url, `${base}/feed`);
  assert.equal(res.body.toString(), FEED);
  assert.equal((await fetchError(`${base}/loop`)).code, 'too_many_redirects');
  assert.equal((await fetchError(`${base}/hop1`, { ...allowed, maxRedirects: 1 })).code, 'too_many_redirects');
});

test('redirects to private, metadata and non-HTTP addresses are refused even when the origin is allowed', async () => {
  const toPrivate = await fetchError(`${base}/to-private`);
  assert.equal(toPrivate.code, 'blocked');
  assert.match(toPrivate.message, /10\.0\.0\.1/);
  assert.equal((await fetchError(`${base}/to-metadata`)).code, 'blocked');
  assert.equal((await fetchError(`${base}/to-file`)).code, 'bad_url');
});

test('without the allow-list the guard blocks loopback in every spelling, by name and by address', async () => {
  const port = new URL(base).port;
  const none: FetchOptions = { allow: [] };
  for (const url of [
    base, `http://localhost:${port}/feed`, `http://[::ffff:127.0.0.1]:${port}/`, `http://[::1]:${port}/`,
    `http://2130706433:${port}/`, `http://0x7f000001:${port}/`, `http://0177.0.0.1:${port}/`, `http://127.1:${port}/`,
    'http://10.0.0.1/', 'http://169.254.169.254/latest/meta-data/', 'http://[fd00:ec2::254]/', 'http://100.64.0.1/',
    'http://metadata.google.internal/computeMetadata/v1/', 'http://[64:ff9b::a00:1]/', 'http://0.0.0.0/',
  ]) {
    const err = await fetchError(url, none);
    assert.equal(err.code, 'blocked', `${url}: ${err.message}`);
  }
});

test('a host name is judged by the address the socket would connect to', async () => {
  const port = new URL(base).port;
  const err = await fetchError(`http://localhost:${port}/feed`, { allow: [] });
  assert.equal(err.code, 'blocked');
  assert.match(err.message, /localhost resolves to (127\.0\.0\.1|::1)/);
  // Allowing the addresses (not the name) lets the same name through.
  assert.equal((await fetchUrl(`http://localhost:${port}/feed`, { allow: ['127.0.0.0/8', '::1'] })).status, 200);
});

test('the allow-list comes from SKIM_FETCH_ALLOW when no option is given', async () => {
  const saved = process.env.SKIM_FETCH_ALLOW;
  try {
    process.env.SKIM_FETCH_ALLOW = '127.0.0.0/8';
    assert.equal((await fetchUrl(`${base}/feed`)).status, 200);
    delete process.env.SKIM_FETCH_ALLOW;
    assert.equal((await fetchError(`${base}/feed`, {})).code, 'blocked');
  } finally {
    if (saved === undefined) delete process.env.SKIM_FETCH_ALLOW;
    else process.env.SKIM_FETCH_ALLOW = saved;
  }
});

test('only http and https; a malformed URL is bad_url', async () => {
  assert.equal((await fetchError('ftp://example.com/feed')).code, 'bad_url');
  assert.equal((await fetchError('not a url')).code, 'bad_url');
});

test('a server that never answers times out', async () => {
  assert.equal((await fetchError(`${base}/slow`, { ...allowed, timeoutMs: 300 })).code, 'timeout');
});

test('a caller abort is reported as aborted', async () => {
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 50);
  assert.equal((await fetchError(`${base}/slow`, { ...allowed, signal: controller.signal })).code, 'aborted');
});

test('an endless body stops at maxBytes; a declared oversize body is refused up front', async () => {
  assert.equal((await fetchError(`${base}/endless`, { ...allowed, maxBytes: 256 * 1024 })).code, 'too_large');
  assert.equal((await fetchError(`${base}/big-declared`)).code, 'too_large');
});

test('a gzip bomb stops at the decompressed limit', async () => {
  const err = await fetchError(`${base}/gzip-bomb`, { ...allowed, maxBytes: 1024 * 1024 });
  assert.equal(err.code, 'too_large');
  assert.match(err.message, /decoded/);
});

test('gzip, br and deflate bodies are decoded', async () => {
  for (const path of ['/gzip', '/br', '/deflate']) assert.equal((await fetchUrl(`${base}${path}`, allowed)).body.toString(), FEED, path);
});

test('429 and 503 carry Retry-After in milliseconds; other errors carry their status', async () => {
  const busy = await fetchError(`${base}/busy`);
  assert.equal(busy.code, 'http');
  assert.equal(busy.status, 429);
  assert.equal(busy.retryAfterMs, 120_000);
  const down = await fetchError(`${base}/down`);
  assert.equal(down.status, 503);
  assert.ok(down.retryAfterMs! > 3_500_000 && down.retryAfterMs! <= 3_600_000, String(down.retryAfterMs));
  const gone = await fetchError(`${base}/gone`);
  assert.equal(gone.status, 404);
  assert.equal(gone.retryAfterMs, undefined);
});
