import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TestContext } from 'node:test';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Store } from '../../store/db.ts';
import { describeEachStore, type OpenTestStore } from '../../store/testing.ts';
import { ensureAdminToken } from '../../store/tokens.ts';
import { publishArticle } from '../../ingest/publish.ts';
import { appWith, publish, sampleArticle, snapshot } from '../testing.ts';
import { apiRoutes } from './routes.ts';
import { MAX_BODY_CHARS, MAX_REQUEST_BYTES } from './schemas.ts';

interface Api {
  app: FastifyInstance;
  store: Store;
  token: string;
  auth: () => Record<string, string>;
  post: (payload: unknown, headers?: Record<string, string>) => Promise<LightMyRequestResponse>;
  /** Sends a request that must fail with `status` and a JSON error, and must leave the store as it was. */
  rejects: (request: InjectOptions, status: number, messagePart?: RegExp) => Promise<{ error: string; message: string }>;
}

async function startApi(t: TestContext, open: OpenTestStore): Promise<Api> {
  const store = await open(t);
  const app = await appWith(t, apiRoutes, store);
  const { token } = await ensureAdminToken(store.db);
  const auth = () => ({ authorization: `Bearer ${token}` });
  return {
    app,
    store,
    token,
    auth,
    post: (payload, headers = auth()) => app.inject({ method: 'POST', url: '/api/articles', headers, payload: payload as InjectOptions['payload'] }),
    async rejects(request, status, messagePart) {
      const before = await snapshot(store);
      const res = await app.inject(request);
      assert.equal(res.statusCode, status, res.body);
      assert.match(res.headers['content-type'] as string, /application\/json/);
      const body = res.json();
      assert.equal(typeof body.error, 'string');
      assert.equal(typeof body.message, 'string');
      if (messagePart) assert.match(body.message, messagePart);
      assert.equal(await snapshot(store), before, 'a rejected request changed stored data');
      return body;
    },
  };
}

describeEachStore('API', (open) => {
  test('POST publishes, returns 201 + Location, and the article reads back', async (t) => {
    const { app, post } = await startApi(t, open);
    const res = await post({ ...sampleArticle(), byline: 'Ana Ruiz', publishedAt: '2026-03-02T08:00:00Z', url: 'https://example.com/ferries?utm_source=x' });
    assert.equal(res.statusCode, 201, res.body);
    const created = res.json();
    assert.equal(res.headers.location, `/api/articles/${created.id}`);
    assert.equal(created.title, 'Port Alder votes for electric ferries');
    assert.equal(created.byline, 'Ana Ruiz');
    assert.equal(created.section, 'local');
    assert.equal(created.publishedAt, '2026-03-02T08:00:00.000Z');
    assert.match(created.text, /harbour authority in Port Alder/);
    assert.ok(created.wordCount > 250);
    assert.match(created.links.page, /^http:\/\/localhost(:\d+)?\/articles\/port-alder-votes-for-electric-ferries$/);

    const read = await app.inject(`/api/articles/${created.id}`);
    assert.equal(read.statusCode, 200);
    assert.deepEqual(read.json(), created);
  });

  test('HTML bodies are sanitized', async (t) => {
    const { post } = await startApi(t, open);
    const res = await post(sampleArticle({ title: 'Sanitized', format: 'html', body: '<p onclick="x()">Hello <script>alert(1)</script><b>world</b></p>' }));
    assert.equal(res.statusCode, 201, res.body);
    assert.doesNotMatch(res.json().html, /script|onclick/);
    assert.match(res.json().html, /<b>world<\/b>/);
  });

  test('PUT replaces an article; DELETE removes it', async (t) => {
    const { app, store, auth, rejects } = await startApi(t, open);
    const id = await publish(store, { title: 'To be replaced' });
    const put = await app.inject({ method: 'PUT', url: `/api/articles/${id}`, headers: auth(), payload: sampleArticle({ title: 'Replaced title', format: 'text', body: 'Short new body. It has two sentences.' }) });
    assert.equal(put.statusCode, 200, put.body);
    assert.equal(put.json().title, 'Replaced title');
    assert.equal(put.json().revision, 2);
    assert.equal(put.json().text, 'Short new body. It has two sentences.');

    const del = await app.inject({ method: 'DELETE', url: `/api/articles/${id}`, headers: auth() });
    assert.equal(del.statusCode, 204);
    assert.equal(del.body, '');
    assert.equal((await app.inject(`/api/articles/${id}`)).statusCode, 404);
    await rejects({ method: 'DELETE', url: `/api/articles/${id}`, headers: auth() }, 404);
  });

  test('missing or wrong token: 401, nothing stored, even with a bad or huge body', async (t) => {
    const { app, store, token, rejects } = await startApi(t, open);
    const id = await publish(store);
    const missing = await rejects({ method: 'POST', url: '/api/articles', payload: sampleArticle() }, 401, /bearer/i);
    assert.equal(missing.error, 'unauthorized');
    await rejects({ method: 'POST', url: '/api/articles', headers: { authorization: 'Bearer nope' }, payload: sampleArticle() }, 401, /invalid token/);
    await rejects({ method: 'POST', url: '/api/articles', headers: { authorization: token }, payload: sampleArticle() }, 401);
    await rejects({ method: 'POST', url: '/api/articles', headers: { authorization: 'Bearer nope', 'content-type': 'application/json' }, payload: '{oops' }, 401);
    await rejects({ method: 'POST', url: '/api/articles', headers: { 'content-type': 'application/json' }, payload: 'x'.repeat(MAX_REQUEST_BYTES + 1) }, 401);
    await rejects({ method: 'PUT', url: `/api/articles/${id}`, headers: { authorization: 'Bearer nope' }, payload: sampleArticle({ title: 'Hijacked' }) }, 401);
    await rejects({ method: 'DELETE', url: `/api/articles/${id}` }, 401);
    const res = await app.inject({ method: 'DELETE', url: `/api/articles/${id}` });
    assert.match(res.headers['www-authenticate'] as string, /^Bearer/);
  });

  test('bad bodies: 400 with the field named, nothing stored', async (t) => {
    const { auth, rejects } = await startApi(t, open);
    const json = { ...auth(), 'content-type': 'application/json' };
    const req = (payload: unknown): InjectOptions => ({ method: 'POST', url: '/api/articles', headers: json, payload: JSON.stringify(payload) });
    await rejects({ method: 'POST', url: '/api/articles', headers: json, payload: '{"title": "x",' }, 400);
    await rejects({ method: 'POST', url: '/api/articles', headers: json, payload: '' }, 400);
    await rejects({ method: 'POST', url: '/api/articles', headers: json, payload: '{"__proto__": {"polluted": 1}}' }, 400);
    await rejects(req([sampleArticle()]), 400);
    await rejects(req({ ...sampleArticle(), title: 123 }), 400, /title/);
    await rejects(req({ ...sampleArticle(), title: '   ' }), 400, /title/);
    await rejects(req({ ...sampleArticle(), title: 'x'.repeat(501) }), 400, /title/);
    await rejects(req({ ...sampleArticle(), body: 42 }), 400, /body/);
    await rejects(req({ ...sampleArticle(), format: 'pdf' }), 400, /format/);
    await rejects(req({ ...sampleArticle(), section: ['a'] }), 400, /section/);
    await rejects(req({ ...sampleArticle(), publishedAt: 'yesterday' }), 400, /publishedAt/);
    await rejects(req({ ...sampleArticle(), publishedAt: '2026-02-30' }), 400, /publishedAt/);
    await rejects(req({ ...sampleArticle(), publishedAt: '2026-02-03T10:00:00' }), 400, /publishedAt/);
    await rejects(req({ ...sampleArticle(), url: 'javascript:alert(1)' }), 400, /url/);
    await rejects(req({ ...sampleArticle(), lang: 'English' }), 400, /lang/);
    await rejects(req({ ...sampleArticle(), tags: ['unknown field'] }), 400, /tags/);
    const { title: _title, ...untitled } = sampleArticle();
    await rejects(req(untitled), 400, /title/);
  });

  test('wrong content type: 415; over the limit: 413; body field too long: 400', async (t) => {
    const { auth, rejects } = await startApi(t, open);
    await rejects({ method: 'POST', url: '/api/articles', headers: { ...auth(), 'content-type': 'text/plain' }, payload: JSON.stringify(sampleArticle()) }, 415);
    await rejects({ method: 'POST', url: '/api/articles', headers: { ...auth(), 'content-type': 'application/x-www-form-urlencoded' }, payload: 'title=x' }, 415);
    const huge = JSON.stringify(sampleArticle({ body: 'word '.repeat(MAX_REQUEST_BYTES / 5 + 10) }));
    const tooLarge = await rejects({ method: 'POST', url: '/api/articles', headers: { ...auth(), 'content-type': 'application/json' }, payload: huge }, 413);
    assert.equal(tooLarge.error, 'payload_too_large');
    const long = JSON.stringify(sampleArticle({ body: 'a'.repeat(MAX_BODY_CHARS + 1) }));
    await rejects({ method: 'POST', url: '/api/articles', headers: { ...auth(), 'content-type': 'application/json' }, payload: long }, 400, /body/);
  });

  test('PUT: unknown id 404, malformed id 400, bad body leaves the article as it was', async (t) => {
    const { store, auth, rejects } = await startApi(t, open);
    const id = await publish(store, { title: 'Stays the same' });
    await rejects({ method: 'PUT', url: '/api/articles/999999', headers: auth(), payload: sampleArticle() }, 404, /999999/);
    await rejects({ method: 'PUT', url: '/api/articles/abc', headers: auth(), payload: sampleArticle() }, 400, /id/);
    await rejects({ method: 'PUT', url: `/api/articles/${id}`, headers: auth(), payload: { ...sampleArticle(), format: 'doc' } }, 400);
    await rejects({ method: 'PUT', url: `/api/articles/${id}`, headers: auth(), payload: { title: 'Only a title' } }, 400);
    await rejects({ method: 'DELETE', url: '/api/articles/0', headers: auth() }, 400);
  });

  // The read tests share one store of five articles, published a day apart in two sections.
  test('reads', async (t) => {
    const { app, store, rejects } = await startApi(t, open);
    const ids: number[] = [];
    for (let day = 1; day <= 5; day++) {
      ids.push(await publish(store, { title: `Ferry story ${day}`, section: day % 2 ? 'Local' : 'Business', publishedAt: `2026-01-0${day}T09:00:00Z` }));
    }

    await t.test('lists newest first with total and a next link', async () => {
      const first = (await app.inject('/api/articles?limit=2')).json();
      assert.deepEqual(first.items.map((a: { id: number }) => a.id), [ids[4], ids[3]]);
      assert.equal(first.total, 5);
      assert.equal(first.offset, 0);
      assert.equal(first.items[0].html, undefined, 'listings carry no bodies');
      const second = (await app.inject(first.next.replace(/^http:\/\/[^/]+/, ''))).json();
      assert.deepEqual(second.items.map((a: { id: number }) => a.id), [ids[2], ids[1]]);
      const byPage = (await app.inject('/api/articles?limit=2&page=3')).json();
      assert.deepEqual(byPage.items.map((a: { id: number }) => a.id), [ids[0]]);
      assert.equal(byPage.next, null);
      const byOffset = (await app.inject('/api/articles?limit=2&offset=4')).json();
      assert.deepEqual(byOffset.items, byPage.items);
      assert.deepEqual((await app.inject('/api/articles?offset=50')).json().items, []);
    });

    await t.test('filters by section', async () => {
      const res = (await app.inject('/api/articles?section=business')).json();
      assert.deepEqual(res.items.map((a: { id: number }) => a.id), [ids[3], ids[1]]);
      assert.equal(res.total, 2);
      assert.equal((await app.inject('/api/articles?section=nowhere')).json().total, 0);
    });

    await t.test('bad paging: 400', async () => {
      for (const query of ['limit=0', 'limit=101', 'limit=-1', 'limit=abc', 'limit=2.5', 'limit=true', 'limit=1e1', 'limit=1&limit=2', 'page=0', 'page=x', 'offset=-3', 'page=2&offset=2']) {
        await rejects({ method: 'GET', url: `/api/articles?${query}` }, 400);
      }
    });

    await t.test('searches, and hostile search strings never error', async () => {
      const res = (await app.inject('/api/articles?q=ferries')).json();
      assert.equal(res.total, 5);
      assert.match(res.items[0].snippet, /ferr/i);
      assert.doesNotMatch(res.items[0].snippet, /[\u0002\u0003]/);
      const inSection = (await app.inject('/api/articles?q=ferries&section=business')).json();
      assert.equal(inSection.total, 2);
      const hostile = ['"', '*', 'NEAR(', 'ferry NEAR(', '-', ')', '(', "'; DROP TABLE articles; --", 'title:x', '^', 'AND OR NOT', '"unterminated', 'a*b*', '{}', '\\', '%', '\u0000'];
      for (const q of hostile) {
        const r = await app.inject({ method: 'GET', url: '/api/articles', query: { q } });
        assert.equal(r.statusCode, 200, `${JSON.stringify(q)}: ${r.body}`);
        assert.ok(Array.isArray(r.json().items));
      }
      assert.equal((await app.inject('/api/articles')).json().total, 5, 'the table survived');
    });

    await t.test('summary: sentences with offsets into the text, in every length', async () => {
      const article = (await app.inject(`/api/articles/${ids[0]}`)).json();
      for (const length of ['short', 'medium', 'long', 'bullets']) {
        const res = await app.inject(`/api/articles/${ids[0]}/summary?length=${length}`);
        assert.equal(res.statusCode, 200, res.body);
        const summary = res.json();
        assert.equal(summary.id, ids[0]);
        assert.equal(summary.length, length);
        assert.equal(typeof summary.version, 'string');
        assert.ok(summary.sentences.length > 0);
        for (const s of summary.sentences) {
          assert.equal(article.text.slice(s.start, s.end), s.text);
          assert.equal(typeof s.index, 'number');
          assert.equal(typeof s.score, 'number');
        }
      }
      const medium = (await app.inject(`/api/articles/${ids[0]}/summary`)).json();
      assert.equal(medium.length, 'medium');
    });

    await t.test('summary errors: bad length 400, unknown id 404, unsummarized article 409', async () => {
      await rejects({ method: 'GET', url: `/api/articles/${ids[0]}/summary?length=tiny` }, 400, /length/);
      await rejects({ method: 'GET', url: '/api/articles/424242/summary' }, 404);
      const junk = (await publishArticle(store, { ...sampleArticle({ title: 'Please verify you are human' }), status: 'junk', statusReason: 'bot challenge' }))!.id;
      const res = await rejects({ method: 'GET', url: `/api/articles/${junk}/summary` }, 409, /junk/);
      assert.equal(res.error, 'conflict');
    });

    await t.test('unknown ids and routes: 404 JSON', async () => {
      await rejects({ method: 'GET', url: '/api/articles/987654' }, 404, /987654/);
      await rejects({ method: 'GET', url: '/api/articles/12abc' }, 400);
      await rejects({ method: 'GET', url: '/api/nothing-here' }, 404);
      await rejects({ method: 'PATCH', url: `/api/articles/${ids[0]}` }, 404);
    });
  });

  test('OpenAPI document describes every route and the bearer scheme', async (t) => {
    const { app } = await startApi(t, open);
    const res = await app.inject('/api/openapi.json');
    assert.equal(res.statusCode, 200);
    const doc = res.json();
    assert.match(doc.openapi, /^3\./);
    assert.deepEqual(doc.components.securitySchemes.bearerAuth, { type: 'http', scheme: 'bearer', description: 'the admin token printed by `skim token`' });
    const operations = Object.entries(doc.paths as Record<string, Record<string, { security?: unknown[] }>>)
      .flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`)).sort();
    assert.deepEqual(operations, [
      'DELETE /api/articles/{id}',
      'GET /api/articles',
      'GET /api/articles/{id}',
      'GET /api/articles/{id}/summary',
      'GET /api/openapi.json',
      'POST /api/articles',
      'PUT /api/articles/{id}',
    ]);
    for (const [path, method] of [['/api/articles', 'post'], ['/api/articles/{id}', 'put'], ['/api/articles/{id}', 'delete']] as const) {
      assert.deepEqual(doc.paths[path][method].security, [{ bearerAuth: [] }]);
    }
    assert.equal(doc.paths['/api/articles'].get.security, undefined);
    const body = doc.paths['/api/articles'].post.requestBody.content['application/json'].schema;
    assert.deepEqual(body.required, ['title', 'body', 'format']);
    assert.equal(body.additionalProperties, false);
  });

  test('a failing store gives a 500 JSON error without internal details', async (t) => {
    const { app, store } = await startApi(t, open);
    const id = await publish(store);
    await store.db.schema.dropTable('summaries').execute();
    const res = await app.inject(`/api/articles/${id}/summary`);
    assert.equal(res.statusCode, 500);
    assert.deepEqual(res.json(), { error: 'internal', message: 'internal error' });
  });
});
