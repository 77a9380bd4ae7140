// Process-wide Prometheus metrics, in prom-client's default registry: the runtime's own (memory,
// event loop, GC) plus what jobs and ingestion record. Each web app adds its request metrics and
// the queue depth in a registry of its own (src/web/ops.ts), so apps built in tests never collide.
import { collectDefaultMetrics, Counter, Histogram, register } from 'prom-client';

collectDefaultMetrics();

export const processRegistry = register;

/** Incremented wherever a fetch of a source or an article fails (network, HTTP status, guard, limits). */
export const fetchErrors = new Counter({
  name: 'skim_fetch_errors_total',
  help: 'Fetches of sources and articles that failed, by reason',
  labelNames: ['reason'] as const,
});

export const summaryDuration = new Histogram({
  name: 'skim_summary_duration_seconds',
  help: 'Time to summarize one article at every length',
  buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
});

export const jobDuration = new Histogram({
  name: 'skim_job_duration_seconds',
  help: 'Background job run time, by job name and outcome',
  labelNames: ['name', 'outcome'] as const,
  buckets: [0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
});
