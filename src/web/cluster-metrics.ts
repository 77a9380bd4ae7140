// Prometheus metrics under `skim serve --processes N`: a scrape reaches one web process at random,
// so each asks the cluster's primary, which gathers every process's registries through
// prom-client's AggregatorRegistry (counters and histograms summed; a gauge of shared state, such
// as a Redis queue's depth, declares `aggregator: 'max'`).
import cluster from 'node:cluster';
import { AggregatorRegistry, type Registry } from 'prom-client';

const REQUEST = 'skim:metrics-request';
const RESPONSE = 'skim:metrics-response';
const TIMEOUT_MS = 5_000;

interface Reply {
  type: typeof RESPONSE;
  id: number;
  text?: string;
  error?: string;
}

/** The text /metrics answers with: every web process's `registries` in a cluster, else this process's. */
export function metricsSource(registries: Registry[]): () => Promise<string> {
  if (!cluster.isWorker) return async () => (await Promise.all(registries.map((r) => r.metrics()))).join('\n');
  AggregatorRegistry.setRegistries(registries);
  new AggregatorRegistry(); // installs this process's answer to the primary's gathering
  let nextId = 0;
  const pending = new Map<number, (reply: Partial<Reply>) => void>();
  process.on('message', (message: Partial<Reply>) => {
    if (message?.type === RESPONSE && message.id !== undefined) pending.get(message.id)?.(message);
  });
  return () => new Promise((resolve, reject) => {
    const id = nextId++;
    const settle = (reply: Partial<Reply>) => {
      clearTimeout(timer);
      pending.delete(id);
      if (reply.text !== undefined) resolve(reply.text);
      else reject(new Error(`metrics of the web processes: ${reply.error}`));
    };
    const timer = setTimeout(() => settle({ error: `no answer within ${TIMEOUT_MS / 1000} s` }), TIMEOUT_MS);
    pending.set(id, settle);
    process.send!({ type: REQUEST, id });
  });
}

/** In the cluster's primary: answers each web process's request with everyone's metrics. */
export function answerMetricsRequests(): void {
  const aggregator = new AggregatorRegistry();
  cluster.on('message', (worker, message: { type?: string; id?: number }) => {
    if (message?.type !== REQUEST) return;
    aggregator.clusterMetrics().then(
      (text) => worker.send({ type: RESPONSE, id: message.id, text }),
      (err: Error) => worker.send({ type: RESPONSE, id: message.id, error: err.message }),
    );
  });
}
