// Operations endpoints for load balancers and Prometheus: /healthz (the process answers), /readyz
// (the store and the job queue answer too) and /metrics (requests, latency, queue depth, plus the
// process-wide metrics of src/metrics.ts). Registered with fastify-plugin so its hooks time every
// route of the app, not only its own.
import fp from 'fastify-plugin';
import { sql } from 'kysely';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Store } from '../store/db.ts';
import type { JobQueue } from '../jobs/queue.ts';
import { processRegistry } from '../metrics.ts';
import { metricsSource } from './cluster-metrics.ts';

export interface OpsOptions {
  store: Store;
  queue?: JobQueue;
}

/** A readiness check that hangs (an unreachable Redis retries forever) counts as a failure. */
const READY_TIMEOUT_MS = 2_000;

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms); });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

async function check(work: () => Promise<unknown>): Promise<string> {
  try {
    await withTimeout(work(), READY_TIMEOUT_MS);
    return 'ok';
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

export const opsRoutes = fp<OpsOptions>(async (app, { store, queue }) => {
  const registry = new Registry();
  const requests = new Counter({
    name: 'skim_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'skim_http_request_duration_seconds',
    help: 'HTTP response time, by method and route pattern',
    labelNames: ['method', 'route'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  if (queue) {
    new Gauge({
      name: 'skim_queue_jobs',
      help: 'Background jobs by state (waiting, active, delayed, failed)',
      labelNames: ['state'] as const,
      registers: [registry],
      // Web processes of one host share a Redis queue (each reports all of it) but not a memory one.
      aggregator: queue.kind === 'redis' ? 'max' : 'sum',
      async collect() {
        // An unreachable queue leaves the gauge out of this scrape instead of failing it.
        const counts = await withTimeout(queue.counts(), READY_TIMEOUT_MS).catch(() => undefined);
        if (!counts) return this.reset();
        for (const [state, n] of Object.entries(counts)) this.set({ state }, n);
      },
    });
  }
  app.addHook('onResponse', async (request, reply) => {
    // The route pattern, not the URL, keeps the label set small; unmatched URLs share one label.
    const route = request.routeOptions.url ?? 'unmatched';
    requests.inc({ method: request.method, route, status: reply.statusCode });
    latency.observe({ method: request.method, route }, reply.elapsedTime / 1000);
  });

  app.get('/healthz', async () => ({ status: 'ok' }));

  app.get('/readyz', async (_request, reply) => {
    const checks: Record<string, string> = { store: await check(() => sql`SELECT 1`.execute(store.db)) };
    if (queue) checks.queue = await check(() => queue.counts());
    const ready = Object.values(checks).every((c) => c === 'ok');
    return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'unavailable', checks });
  });

  const metricsText = metricsSource([processRegistry, registry]);
  app.get('/metrics', async (_request, reply) => reply.type(registry.contentType).send(await metricsText()));
}, { name: 'skim-ops' });
