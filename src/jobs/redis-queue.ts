// The JobQueue over BullMQ on Redis: shared by every worker process, durable, at-least-once.
// A worker killed mid-job stops renewing its lock; after lockMs BullMQ's stalled check puts the job
// back and another worker runs it again, which is why handlers are idempotent.
import { Queue, Worker, UnrecoverableError, type Job } from 'bullmq';
import {
  DEFAULT_ATTEMPTS, DEFAULT_BACKOFF_MS, PermanentJobError, redisPrefix,
  type FailedJob, type JobQueue, type QueueOptions,
} from './queue.ts';

const QUEUE_NAME = 'jobs';
const FAILED_KEPT = 5000;
const IDLE_POLL_MS = 200;

export function createRedisQueue(redisUrl: string, options: QueueOptions = {}): JobQueue {
  // BullMQ's blocking worker connection requires maxRetriesPerRequest: null.
  const connection = { url: redisUrl, maxRetriesPerRequest: null };
  const prefix = options.prefix ?? redisPrefix();
  const backoffMs = options.backoffMs ?? DEFAULT_BACKOFF_MS;
  const queue = new Queue(QUEUE_NAME, { connection, prefix });
  queue.on('error', reportError);
  let worker: Worker | undefined;

  async function counts() {
    const c = await queue.getJobCounts('waiting', 'active', 'delayed', 'failed');
    return { waiting: c.waiting ?? 0, active: c.active ?? 0, delayed: c.delayed ?? 0, failed: c.failed ?? 0 };
  }

  return {
    kind: 'redis',
    async add(name, data, opts = {}) {
      await queue.add(name, data, {
        // Simple-mode deduplication: ignored while a job with this key is waiting, delayed or active.
        deduplication: opts.id === undefined ? undefined : { id: opts.id },
        delay: opts.delayMs,
        attempts: Math.max(1, opts.attempts ?? DEFAULT_ATTEMPTS),
        backoff: { type: 'exponential', delay: backoffMs },
        removeOnComplete: true,
        removeOnFail: { count: FAILED_KEPT },
      });
    },
    work(handlers, opts) {
      if (worker) throw new Error('work() was already called on this queue');
      worker = new Worker(QUEUE_NAME, async (job: Job) => {
        const handler = handlers[job.name];
        if (!handler) throw new UnrecoverableError(`no handler for job '${job.name}'`);
        try {
          await handler(job.data);
        } catch (err) {
          if (err instanceof PermanentJobError) throw new UnrecoverableError(err.message);
          throw err;
        }
      }, {
        connection,
        prefix,
        concurrency: Math.max(1, opts.concurrency),
        ...(options.lockMs ? { lockDuration: options.lockMs, stalledInterval: options.lockMs } : {}),
      });
      worker.on('error', reportError);
    },
    counts,
    async failed(limit) {
      if (limit <= 0) return [];
      const jobs = await queue.getFailed(0, limit - 1);
      return jobs.map((job): FailedJob => ({
        id: job.id ?? '',
        name: job.name,
        data: job.data,
        error: job.failedReason,
        attempts: job.attemptsMade,
        failedAt: new Date(job.finishedOn ?? job.timestamp).toISOString(),
      }));
    },
    async idle() {
      for (;;) {
        const c = await counts();
        if (c.waiting + c.active + c.delayed === 0) return;
        await new Promise((resolve) => setTimeout(resolve, IDLE_POLL_MS));
      }
    },
    async close() {
      // Worker.close() waits for the jobs it is running to finish before disconnecting.
      await worker?.close();
      await queue.close();
    },
  };
}

function reportError(err: Error): void {
  console.error(`skim: job queue: ${err.message}`);
}
