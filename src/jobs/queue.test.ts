import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { createMemoryQueue, PermanentJobError, retryDelay, type JobQueue } from './queue.ts';
import { createRedisQueue } from './redis-queue.ts';

const redisUrl = process.env.TEST_REDIS_URL;
const REDIS_SKIP = 'Redis tests skipped: TEST_REDIS_URL not set';

/** Deletes every key under a test's prefix. */
async function dropPrefix(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url);
  try {
    const keys: string[] = [];
    const stream = redis.scanStream({ match: `${prefix}:*`, count: 500 });
    for await (const batch of stream) keys.push(...(batch as string[]));
    if (keys.length) await redis.del(...keys);
  } finally {
    redis.disconnect();
  }
}

type Open = () => Promise<{ queue: JobQueue; cleanup(): Promise<void> }>;

const kinds: Array<{ name: string; skip: string | false; open: Open }> = [
  {
    name: 'in-process',
    skip: false,
    open: async () => {
      const queue = createMemoryQueue({ backoffMs: 5 });
      return { queue, cleanup: () => queue.close() };
    },
  },
  {
    name: 'BullMQ',
    skip: redisUrl ? false : REDIS_SKIP,
    open: async () => {
      const prefix = `skim-test-${randomUUID()}`;
      const queue = createRedisQueue(redisUrl!, { prefix, backoffMs: 5 });
      return {
        queue,
        cleanup: async () => {
          await queue.close();
          await dropPrefix(redisUrl!, prefix);
        },
      };
    },
  },
];

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => { resolve = r; });
  return { promise, resolve };
}

test('retry delays double from the base', () => {
  assert.deepEqual([1, 2, 3, 4].map((n) => retryDelay(100, n)), [100, 200, 400, 800]);
});

for (const kind of kinds) {
  describe(`${kind.name} job queue`, { skip: kind.skip }, () => {
    const opened: Array<() => Promise<void>> = [];
    const open = async () => {
      const q = await kind.open();
      opened.push(q.cleanup);
      return q.queue;
    };
    after(async () => { for (const cleanup of opened) await cleanup(); });

    test('runs every job by name, at most `concurrency` at a time', async () => {
      const queue = await open();
      const seen: number[] = [];
      let running = 0;
      let peak = 0;
      for (let n = 0; n < 8; n++) await queue.add('square', { n });
      queue.work({
        square: async ({ n }: { n: number }) => {
          peak = Math.max(peak, ++running);
          await new Promise((r) => setTimeout(r, 10));
          seen.push(n * n);
          running--;
        },
      }, { concurrency: 2 });
      await queue.idle();
      assert.deepEqual(seen.sort((a, b) => a - b), [0, 1, 4, 9, 16, 25, 36, 49]);
      assert.ok(peak <= 2, `peak concurrency ${peak}`);
      assert.deepEqual(await queue.counts(), { waiting: 0, active: 0, delayed: 0, failed: 0 });
    });

    test('a job id deduplicates while the job is pending', async () => {
      const queue = await open();
      await queue.add('fetch', { source: 1 }, { id: 'fetch:1' });
      await queue.add('fetch', { source: 1 }, { id: 'fetch:1' });
      await queue.add('fetch', { source: 2 }, { id: 'fetch:2' });
      assert.equal((await queue.counts()).waiting, 2);
      const runs: number[] = [];
      queue.work({ fetch: async ({ source }: { source: number }) => { runs.push(source); } }, { concurrency: 1 });
      await queue.idle();
      assert.deepEqual(runs.sort(), [1, 2]);
      // Once done, the same key may be queued again.
      await queue.add('fetch', { source: 1 }, { id: 'fetch:1' });
      await queue.idle();
      assert.deepEqual(runs.sort(), [1, 1, 2]);
    });

    test('a failing job is retried with backoff until it succeeds', async () => {
      const queue = await open();
      let tries = 0;
      await queue.add('flaky', {}, { attempts: 3 });
      queue.work({ flaky: async () => { if (++tries < 3) throw new Error('temporary'); } }, { concurrency: 1 });
      await queue.idle();
      assert.equal(tries, 3);
      assert.equal((await queue.counts()).failed, 0);
    });

    test('a job that keeps failing is kept, visible, with its error', async () => {
      const queue = await open();
      let tries = 0;
      await queue.add('broken', { url: 'http://example.test/' }, { attempts: 2 });
      await queue.add('unknown', {});
      await queue.add('refused', {});
      queue.work({
        broken: async () => { tries++; throw new Error('connection refused'); },
        refused: async () => { tries++; throw new PermanentJobError('bad payload'); },
      }, { concurrency: 1 });
      await queue.idle();
      assert.equal(tries, 3, 'broken twice, refused once (permanent errors are not retried)');
      assert.equal((await queue.counts()).failed, 3);
      const failed = await queue.failed(10);
      const byName = new Map(failed.map((f) => [f.name, f]));
      assert.equal(byName.get('broken')?.error, 'connection refused');
      assert.equal(byName.get('broken')?.attempts, 2);
      assert.deepEqual(byName.get('broken')?.data, { url: 'http://example.test/' });
      assert.match(byName.get('unknown')?.error ?? '', /no handler for job 'unknown'/);
      assert.equal(byName.get('refused')?.attempts, 1);
      assert.equal((await queue.failed(1)).length, 1);
    });

    test('a delayed job waits', async () => {
      const queue = await open();
      await queue.add('later', {}, { delayMs: 60_000 });
      assert.deepEqual(await queue.counts(), { waiting: 0, active: 0, delayed: 1, failed: 0 });
    });

    test('close() lets the running job finish and takes no more', async () => {
      const queue = await open();
      const started = deferred();
      const release = deferred();
      const finished: string[] = [];
      await queue.add('slow', { name: 'first' });
      queue.work({
        slow: async ({ name }: { name: string }) => {
          started.resolve();
          await release.promise;
          finished.push(name);
        },
      }, { concurrency: 1 });
      await started.promise;
      await queue.add('slow', { name: 'second' });
      const closing = queue.close();
      release.resolve();
      await closing;
      assert.deepEqual(finished, ['first']);
    });
  });
}
