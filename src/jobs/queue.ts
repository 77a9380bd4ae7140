// Background jobs (fetch a source, fetch an article) go through a JobQueue. The in-process
// queue below is the default for a single `skim serve`; with REDIS_URL set, openQueue() returns the
// BullMQ queue (redis-queue.ts) so any number of `skim worker` processes share the work.
// Delivery is at least once on Redis (a killed worker's job is retried), so handlers must be idempotent.

export interface JobOptions {
  /** Deduplication key: adding a job while one with the same key is waiting, delayed or running does nothing. */
  id?: string;
  delayMs?: number;
  /** Tries in all, including the first (default 3). */
  attempts?: number;
}

// Payloads are whatever the producer passed (JSON on Redis); each handler checks its own.
export type JobHandler = (data: any) => Promise<void>;
export type JobHandlers = Record<string, JobHandler>;

export interface QueueCounts {
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
}

export interface FailedJob {
  id: string;
  name: string;
  data: unknown;
  error: string;
  attempts: number;
  failedAt: string;
}

export interface JobQueue {
  readonly kind: 'memory' | 'redis';
  add(name: string, data: unknown, opts?: JobOptions): Promise<void>;
  /** Starts processing with these handlers; a job whose name has no handler fails without retry. */
  work(handlers: JobHandlers, opts: { concurrency: number }): void;
  counts(): Promise<QueueCounts>;
  /** The most recent failures, newest first. */
  failed(limit: number): Promise<FailedJob[]>;
  /** Resolves once nothing is waiting, delayed or running. */
  idle(): Promise<void>;
  /** Graceful: stops taking jobs and waits for the running ones to finish. */
  close(): Promise<void>;
}

export interface QueueOptions {
  /** Redis URL; defaults to REDIS_URL. Without one the queue is in-process. */
  redisUrl?: string;
  /** Redis key prefix; defaults to redisPrefix(). */
  prefix?: string;
  /** First retry delay; each further retry doubles it (default 5 s). */
  backoffMs?: number;
  /** Redis only: how long a dead worker's job stays locked before another worker takes it over (default 30 s). */
  lockMs?: number;
}

/** Every Redis key of skim starts with this: SKIM_REDIS_PREFIX (one per test, or per install sharing a Redis), else 'skim'. */
export function redisPrefix(): string {
  return process.env.SKIM_REDIS_PREFIX || 'skim';
}

export const DEFAULT_ATTEMPTS = 3;
export const DEFAULT_BACKOFF_MS = 5_000;

/** Exponential backoff: backoffMs, 2×, 4×… after the 1st, 2nd, 3rd failed attempt. */
export function retryDelay(backoffMs: number, attemptsMade: number): number {
  return backoffMs * 2 ** (attemptsMade - 1);
}

export async function openQueue(options: QueueOptions = {}): Promise<JobQueue> {
  const redisUrl = options.redisUrl ?? process.env.REDIS_URL;
  if (!redisUrl) return createMemoryQueue(options);
  // Loaded only when used: BullMQ and ioredis are not needed by a single-process install.
  const { createRedisQueue } = await import('./redis-queue.ts');
  return createRedisQueue(redisUrl, options);
}

/** A job failure that retrying cannot fix (bad payload, unknown job): fails at once. */
export class PermanentJobError extends Error {}

interface MemoryJob {
  seq: number;
  name: string;
  data: unknown;
  key?: string;
  attemptsMade: number;
  maxAttempts: number;
}

const FAILED_KEPT = 1000;

/**
 * The single-process queue: jobs live in memory, so pending ones are lost when the process stops;
 * that is safe because the scheduler re-enqueues due sources from the store on start.
 */
export function createMemoryQueue(options: Pick<QueueOptions, 'backoffMs'> = {}): JobQueue {
  const backoffMs = options.backoffMs ?? DEFAULT_BACKOFF_MS;
  const waiting: MemoryJob[] = [];
  const delayed = new Map<MemoryJob, NodeJS.Timeout>();
  const pendingKeys = new Set<string>();
  const failures: FailedJob[] = [];
  const running = new Set<Promise<void>>();
  let idleWaiters: Array<() => void> = [];
  let handlers: JobHandlers | undefined;
  let concurrency = 1;
  let closed = false;
  let seq = 0;

  const isIdle = () => waiting.length === 0 && delayed.size === 0 && running.size === 0;

  function settleIdle(): void {
    if (!isIdle()) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  function schedule(job: MemoryJob, delayMs: number): void {
    if (delayMs <= 0) {
      waiting.push(job);
      pump();
      return;
    }
    delayed.set(job, setTimeout(() => {
      delayed.delete(job);
      waiting.push(job);
      pump();
    }, delayMs));
  }

  function pump(): void {
    while (!closed && handlers && running.size < concurrency && waiting.length > 0) {
      const job = waiting.shift()!;
      const run = execute(job, handlers).finally(() => {
        running.delete(run);
        pump();
        settleIdle();
      });
      running.add(run);
    }
  }

  async function execute(job: MemoryJob, jobHandlers: JobHandlers): Promise<void> {
    job.attemptsMade++;
    try {
      const handler = jobHandlers[job.name];
      if (!handler) throw new PermanentJobError(`no handler for job '${job.name}'`);
      await handler(job.data);
      if (job.key) pendingKeys.delete(job.key);
    } catch (err) {
      const retry = !(err instanceof PermanentJobError) && job.attemptsMade < job.maxAttempts && !closed;
      if (retry) return schedule(job, retryDelay(backoffMs, job.attemptsMade));
      if (job.key) pendingKeys.delete(job.key);
      failures.unshift({
        id: job.key ?? String(job.seq),
        name: job.name,
        data: job.data,
        error: err instanceof Error ? err.message : String(err),
        attempts: job.attemptsMade,
        failedAt: new Date().toISOString(),
      });
      failures.length = Math.min(failures.length, FAILED_KEPT);
    }
  }

  return {
    kind: 'memory',
    async add(name, data, opts = {}) {
      if (closed) throw new Error('job queue is closed');
      if (opts.id !== undefined) {
        if (pendingKeys.has(opts.id)) return;
        pendingKeys.add(opts.id);
      }
      const job: MemoryJob = { seq: ++seq, name, data, key: opts.id, attemptsMade: 0, maxAttempts: Math.max(1, opts.attempts ?? DEFAULT_ATTEMPTS) };
      schedule(job, opts.delayMs ?? 0);
    },
    work(jobHandlers, opts) {
      if (handlers) throw new Error('work() was already called on this queue');
      handlers = jobHandlers;
      concurrency = Math.max(1, opts.concurrency);
      pump();
    },
    async counts() {
      return { waiting: waiting.length, active: running.size, delayed: delayed.size, failed: failures.length };
    },
    async failed(limit) {
      return failures.slice(0, limit);
    },
    idle() {
      return isIdle() ? Promise.resolve() : new Promise((resolve) => idleWaiters.push(resolve));
    },
    async close() {
      closed = true;
      // Delayed and waiting jobs are dropped (see above); running ones finish.
      for (const timer of delayed.values()) clearTimeout(timer);
      delayed.clear();
      waiting.length = 0;
      await Promise.allSettled([...running]);
      settleIdle();
    },
  };
}
