import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describeEachStore } from '../store/testing.ts';
import { createMemoryQueue } from './queue.ts';
import { createStoreLock } from './lock.ts';
import { startScheduler, type SchedulerTick } from './scheduler.ts';

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((r) => setTimeout(r, 10));
}

describeEachStore('scheduler', (open) => {
  test('only the lock holder ticks, never two ticks at once; another takes over when it stops', async (t) => {
    const store = await open(t);
    const queue = createMemoryQueue();
    t.after(() => queue.close());
    const lockName = randomUUID();
    const ticks = { a: 0, b: 0 };
    let running = 0;
    let overlapped = false;
    // Checked after the run: the scheduler catches a tick's errors, so an assertion inside would hang.
    const queuesSeen = new Set<unknown>();
    const counting = (who: 'a' | 'b'): SchedulerTick => async (_store, tickQueue) => {
      queuesSeen.add(tickQueue);
      if (++running > 1) overlapped = true;
      ticks[who]++;
      await new Promise((r) => setTimeout(r, 5));
      running--;
    };
    // Lease = 3 intervals, so the holder renews well before it could lapse.
    const options = (ms: number) => ({ intervalMs: ms, lock: createStoreLock(store, lockName, ms * 3) });
    const a = startScheduler(store, queue, counting('a'), options(100));
    await until(() => ticks.a > 0);
    const b = startScheduler(store, queue, counting('b'), options(100));
    await until(() => ticks.a >= 4);
    assert.equal(ticks.b, 0, 'the second scheduler waits while the first holds the lock');
    await a.stop();
    const stoppedAt = ticks.a;
    await until(() => ticks.b >= 2);
    await b.stop();
    assert.equal(ticks.a, stoppedAt, 'a stopped scheduler ticks no more');
    assert.equal(overlapped, false);
    assert.deepEqual([...queuesSeen], [queue], 'every tick gets the scheduler\'s queue');
  });

  test('a failing tick is reported and the loop goes on', async (t) => {
    const store = await open(t);
    const queue = createMemoryQueue();
    t.after(() => queue.close());
    const errors: string[] = [];
    let calls = 0;
    const scheduler = startScheduler(store, queue, async () => {
      calls++;
      throw new Error('feed database busy');
    }, { intervalMs: 20, lock: createStoreLock(store, randomUUID(), 60), onError: (err) => errors.push((err as Error).message) });
    await until(() => calls >= 2);
    await scheduler.stop();
    assert.ok(errors.length >= 2);
    assert.equal(errors[0], 'feed database busy');
  });
});
