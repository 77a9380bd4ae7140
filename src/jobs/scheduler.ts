// One scheduler at a time across every web and worker process: each process runs this loop, only
// the one holding the lock calls `tick`, and a dead holder's lease expires so another takes over.
// The tick (which sources are due, what to enqueue) belongs to the ingestion pipeline.
import type { Store } from '../store/db.ts';
import type { JobQueue } from './queue.ts';
import { createLock, type Lock } from './lock.ts';

/** Enqueues whatever is due; called only by the lock holder, never twice at once. */
export type SchedulerTick = (store: Store, queue: JobQueue) => Promise<void>;

export interface SchedulerOptions {
  /** How often to try the lock and tick (default 15 s); the lease lasts three intervals. */
  intervalMs?: number;
  /** Defaults to a lock named 'scheduler' (Redis when REDIS_URL is set, else the store). */
  lock?: Lock;
  onError?: (err: unknown) => void;
}

export interface Scheduler {
  /** Stops ticking, waits for a running tick, and gives the lock up. */
  stop(): Promise<void>;
}

export const DEFAULT_SCHEDULER_INTERVAL_MS = 15_000;

export function startScheduler(store: Store, queue: JobQueue, tick: SchedulerTick, options: SchedulerOptions = {}): Scheduler {
  const intervalMs = options.intervalMs ?? DEFAULT_SCHEDULER_INTERVAL_MS;
  const lock = options.lock ?? createLock(store, 'scheduler', { ttlMs: intervalMs * 3 });
  const onError = options.onError ?? ((err) => console.error(`skim: scheduler: ${err instanceof Error ? err.message : String(err)}`));
  let ticking: Promise<void> | undefined;
  let stopped = false;

  // Every interval renews the lease, even while a slow tick runs, so a long tick keeps its lock.
  async function beat(): Promise<void> {
    let held: boolean;
    try {
      held = await lock.hold();
    } catch (err) {
      onError(err);
      return;
    }
    if (!held || ticking || stopped) return;
    ticking = tick(store, queue).catch(onError).finally(() => { ticking = undefined; });
  }

  let beating = beat();
  const timer = setInterval(() => { beating = beat(); }, intervalMs);
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await beating;
      await ticking;
      await lock.release().catch(onError);
    },
  };
}
