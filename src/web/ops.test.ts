import { test } from 'node:test';
import assert from 'node:assert/strict';
import Fastify from 'fastify';
import { openStore, type Store } from '../store/db.ts';
import { describeEachStore } from '../store/testing.ts';
import { createMemoryQueue, type JobQueue } from '../jobs/queue.ts';
import { fetchErrors } from '../metrics.ts';
import { opsRoutes } from './ops.ts';

async function appWithOps(queue?: JobQueue, store?: Store) {
  store ??= await openStore(':memory:');
  const app = Fastify();
  await app.register(opsRoutes, { store, queue });
  app.get('/articles/:slug', async (request) => ({ slug: (request.params as { slug: string }).slug }));
  await app.ready();
  return { app, store };
}

describeEachStore('ops', (open) => {
  test('healthz and readyz answer when the store and the queue do', async (t) => {
    const queue = createMemoryQueue();
    const { app } = await appWithOps(queue, await open(t));
    t.after(async () => { await app.close(); await queue.close(); });
    assert.deepEqual((await app.inject('/healthz')).json(), { status: 'ok' });
    const ready = await app.inject('/readyz');
    assert.equal(ready.statusCode, 200);
    assert.deepEqual(ready.json(), { status: 'ready', checks: { store: 'ok', queue: 'ok' } });
  });
});

test('readyz says which dependency is down, and healthz still answers', async (t) => {
  const queue = createMemoryQueue();
  const hanging: JobQueue = { ...queue, counts: () => new Promise(() => {}) };
  const { app, store } = await appWithOps(hanging);
  t.after(async () => { await app.close(); await queue.close(); });
  await store.close();
  const ready = await app.inject('/readyz');
  assert.equal(ready.statusCode, 503);
  const body = ready.json();
  assert.equal(body.status, 'unavailable');
  assert.notEqual(body.checks.store, 'ok');
  assert.match(body.checks.queue, /no answer within/);
  assert.equal((await app.inject('/healthz')).statusCode, 200);
});

test('metrics count requests by route pattern, time them, and show queue depth and process metrics', async (t) => {
  const queue = createMemoryQueue();
  const { app, store } = await appWithOps(queue);
  t.after(async () => { await app.close(); await store.close(); await queue.close(); });
  await app.inject('/articles/one');
  await app.inject('/articles/two');
  await app.inject('/nowhere');
  await queue.add('fetch', {}, { id: 'a' });
  await queue.add('fetch', {}, { id: 'b', delayMs: 60_000 });
  fetchErrors.inc({ reason: 'timeout' });
  const response = await app.inject('/metrics');
  assert.equal(response.statusCode, 200);
  assert.match(response.headers['content-type'] as string, /^text\/plain/);
  const text = response.body;
  assert.match(text, /skim_http_requests_total\{method="GET",route="\/articles\/:slug",status="200"\} 2/);
  assert.match(text, /skim_http_requests_total\{method="GET",route="unmatched",status="404"\} 1/);
  assert.match(text, /skim_http_request_duration_seconds_count\{method="GET",route="\/articles\/:slug"\} 2/);
  assert.match(text, /skim_queue_jobs\{state="waiting"\} 1/);
  assert.match(text, /skim_queue_jobs\{state="delayed"\} 1/);
  assert.match(text, /skim_fetch_errors_total\{reason="timeout"\} [1-9]/);
  assert.match(text, /skim_summary_duration_seconds_bucket/);
  assert.match(text, /process_resident_memory_bytes \d+/);
});

test('two apps in one process keep their own request metrics', async (t) => {
  const first = await appWithOps();
  const second = await appWithOps();
  t.after(async () => { for (const { app, store } of [first, second]) { await app.close(); await store.close(); } });
  await first.app.inject('/articles/x');
  const text = (await second.app.inject('/metrics')).body;
  assert.doesNotMatch(text, /route="\/articles\/:slug"/);
  assert.doesNotMatch(text, /skim_queue_jobs/, 'no queue, no queue gauge');
});
