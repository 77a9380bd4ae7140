import { test, describe, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describeEachStore } from '../store/testing.ts';
import { createRedisLock, createStoreLock, type Lock } from './lock.ts';

const redisUrl = process.env.TEST_REDIS_URL;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Per test: a function making contenders for one fresh lock name. */
type Contenders = (t: TestContext) => Promise<(ttlMs: number) => Lock>;

/** The lease contract, whatever backs it. */
function lockContract(contenders: Contenders) {
  test('one holder at a time; the holder renews; release frees it', async (t) => {
    const make = await contenders(t);
    const a = make(10_000);
    const b = make(10_000);
    const c = make(10_000);
    try {
      assert.equal(await a.hold(), true);
      assert.equal(await b.hold(), false);
      assert.equal(await a.hold(), true, 'renewal');
      await a.release();
      assert.equal(await b.hold(), true);
      assert.equal(await c.hold(), false);
    } finally {
      await b.release();
      await c.release();
    }
  });

  test('an expired lease is taken over (a dead holder never renews)', async (t) => {
    const make = await contenders(t);
    const dead = make(50);
    const next = make(10_000);
    try {
      assert.equal(await dead.hold(), true);
      assert.equal(await next.hold(), false);
      await sleep(150);
      assert.equal(await next.hold(), true);
      assert.equal(await dead.hold(), false);
    } finally {
      await dead.release();
      await next.release();
    }
  });
}

describeEachStore('store lock', (open) => {
  lockContract(async (t) => {
    const store = await open(t);
    const name = randomUUID();
    return (ttlMs) => createStoreLock(store, name, ttlMs);
  });
});

describe('Redis lock', { skip: redisUrl ? false : 'Redis tests skipped: TEST_REDIS_URL not set' }, () => {
  lockContract(async () => {
    const name = `test-${randomUUID()}`;
    return (ttlMs) => createRedisLock(redisUrl!, name, ttlMs);
  });
});
