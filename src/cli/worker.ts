// skim worker: runs background jobs (fetch, extract, summarize, index) until SIGINT/SIGTERM, then
// finishes the jobs in hand. With REDIS_URL any number of workers share one BullMQ queue; without
// it the worker runs its own in-process queue. Optionally serves /healthz, /readyz and /metrics.
import Fastify from 'fastify';
import { CliError, parseCommand, positiveInteger } from './args.ts';
import { openStore, resolveDbUrl } from '../store/db.ts';
import { openQueue } from '../jobs/queue.ts';
import { startBackgroundJobs } from '../jobs/run.ts';
import { opsRoutes } from '../web/ops.ts';
import { untilSignal } from './shutdown.ts';

const HELP = `
Usage: skim worker [--db URL] [--concurrency N] [--listen HOST:PORT]

Runs background jobs: the Redis queue when REDIS_URL is set (shared by every worker), otherwise an
in-process queue. One process at a time schedules due sources (a lock); every worker runs jobs.

Options:
  --db URL            SQLite file or postgres:// URL (env DATABASE_URL or SKIM_DB; default ./data/skim.db)
  --concurrency N     jobs run at once (default 4)
  --listen HOST:PORT  serve /healthz, /readyz and /metrics (Prometheus) on this address
  --job-lock-ms N     Redis: how long a crashed worker's job stays claimed before another worker
                      retries it (default 30000)
  --tick-ms N         how often the scheduler looks for due sources (default 15000)

Environment: REDIS_URL (redis://…), SKIM_REDIS_PREFIX (key prefix, default skim),
SKIM_FETCH_ALLOW (hosts or CIDRs the fetcher may reach despite the SSRF guard).
`;

function parseListen(value: string): { host: string; port: number } {
  const match = /^(.*):(\d{1,5})$/.exec(value);
  if (!match || Number(match[2]) > 65535) throw new CliError(`invalid --listen '${value}': expected HOST:PORT, e.g. 127.0.0.1:9464`);
  return { host: match[1]!.replace(/^\[(.*)\]$/, '$1') || '127.0.0.1', port: Number(match[2]) };
}

export async function run(args: string[]): Promise<number> {
  const parsed = parseCommand(args, {
    db: { type: 'string' },
    concurrency: { type: 'string' },
    listen: { type: 'string' },
    'job-lock-ms': { type: 'string' },
    'tick-ms': { type: 'string' },
  }, HELP);
  if (!parsed) return 0;
  if (parsed.positionals.length > 0) throw new CliError(`unexpected argument '${parsed.positionals[0]}' (see 'skim worker --help')`);
  const concurrency = positiveInteger('concurrency', parsed.values.concurrency, 4);
  const lockMs = positiveInteger('job-lock-ms', parsed.values['job-lock-ms'], 30_000);
  const intervalMs = positiveInteger('tick-ms', parsed.values['tick-ms'], 15_000);
  const listen = parsed.values.listen ? parseListen(parsed.values.listen) : undefined;

  const dbUrl = resolveDbUrl(parsed.values.db);
  const store = await openStore(dbUrl).catch((err: Error) => {
    throw new CliError(`cannot open the store at ${dbUrl}: ${err.message}`);
  });
  const queue = await openQueue({ lockMs });
  const jobs = startBackgroundJobs(store, queue, { concurrency, scheduler: { intervalMs } });
  const ops = listen ? Fastify() : undefined;
  try {
    if (ops && listen) {
      await ops.register(opsRoutes, { store, queue });
      await ops.listen(listen);
    }
  } catch (err) {
    await jobs.stop();
    await store.close();
    throw new CliError(`cannot listen on ${parsed.values.listen}: ${(err as Error).message}`);
  }
  console.log(`skim: worker running ${concurrency} jobs at once on the ${queue.kind === 'redis' ? 'Redis' : 'in-process'} queue; database ${store.location}`);
  if (listen) console.log(`skim: health and metrics on http://${listen.host}:${listen.port}/metrics`);

  return untilSignal('finishing the jobs in hand', async () => {
    await jobs.stop();
    await ops?.close();
    await store.close();
  });
}
