// Background work of one process (`skim worker`, or `skim serve` without --no-worker): runs the
// queue's jobs and takes part in the scheduler election. The job handlers and the scheduler's tick
// come from handlers.ts (the ingestion pipeline, the search index's upkeep); this module only wires
// them to the queue.
import type { Store } from '../store/db.ts';
import { jobDuration } from '../metrics.ts';
import type { JobHandlers, JobQueue } from './queue.ts';
import { startScheduler, type SchedulerOptions } from './scheduler.ts';
import { createJobHandlers, scheduleDueWork } from './handlers.ts';
import { createIngestContext, type IngestSettings } from '../ingest/pipeline/context.ts';

export interface BackgroundJobs {
  /** Graceful: stops scheduling, lets running jobs finish, then closes the queue. */
  stop(): Promise<void>;
}

export interface JobsOptions {
  concurrency: number;
  scheduler?: SchedulerOptions;
  ingest?: IngestSettings;
}

/** Times every job into skim_job_duration_seconds, by name and outcome. */
export function instrumentHandlers(handlers: JobHandlers): JobHandlers {
  return Object.fromEntries(Object.entries(handlers).map(([name, handler]) => [name, async (data: unknown) => {
    const stop = jobDuration.startTimer({ name });
    try {
      await handler(data);
      stop({ outcome: 'done' });
    } catch (err) {
      stop({ outcome: 'failed' });
      throw err;
    }
  }]));
}

export function startBackgroundJobs(store: Store, queue: JobQueue, options: JobsOptions): BackgroundJobs {
  // One ingest context per process: its per-host gate keeps concurrent jobs polite together.
  const ctx = createIngestContext(store, options.ingest);
  queue.work(instrumentHandlers(createJobHandlers(ctx)), { concurrency: options.concurrency });
  const scheduler = startScheduler(store, queue, scheduleDueWork, options.scheduler);
  return {
    async stop() {
      await scheduler.stop();
      await queue.close();
    },
  };
}
