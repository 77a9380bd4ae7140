// skim serve: opens (and migrates) the store, fills an empty one with the demo articles, makes sure
// the admin token exists, and serves the site until SIGINT/SIGTERM, then closes cleanly.
import cluster from 'node:cluster';
import type { AddressInfo } from 'node:net';
import { CliError, parseCommand, positiveInteger } from './args.ts';
import { openStore, resolveDbUrl, type Store } from '../store/db.ts';
import { ensureAdminToken } from '../store/tokens.ts';
import { seedDemoContent } from '../ingest/demo.ts';
import { buildApp } from '../web/app.ts';
import { openQueue } from '../jobs/queue.ts';
import { untilSignal } from './shutdown.ts';
import { startWebProcesses, untilPrimaryStops } from './web-processes.ts';

const HELP = `
Usage: skim serve [--db URL] [--port N] [--host H] [--no-worker] [--processes N]

Runs the web site, the JSON API and the feeds.

Options:
  --db URL    SQLite file or postgres:// URL (env DATABASE_URL or SKIM_DB; default ./data/skim.db)
  --port N    port to listen on (env PORT; default 3000; 0 picks a free one)
  --host H    address to listen on (env HOST; default localhost; 0.0.0.0 for every interface)
  --no-worker web only: background jobs are left to 'skim worker' processes (with REDIS_URL)
  --processes N  web processes sharing the port, one per core to use (env WEB_CONCURRENCY; default 1)
`;

const DEFAULT_PORT = 3000;
const DEFAULT_HOST = 'localhost';

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) throw new CliError(`invalid port '${value}': expected a number from 0 to 65535`);
  return port;
}

async function open(url: string): Promise<Store> {
  try {
    return await openStore(url);
  } catch (err) {
    throw new CliError(`cannot open the store at ${url}: ${(err as Error).message}`);
  }
}

export async function run(args: string[]): Promise<number> {
  const parsed = parseCommand(args, {
    db: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' }, 'no-worker': { type: 'boolean' }, processes: { type: 'string' },
  }, HELP);
  if (!parsed) return 0;
  if (parsed.positionals.length > 0) throw new CliError(`unexpected argument '${parsed.positionals[0]}' (see 'skim serve --help')`);
  const port = parsePort(parsed.values.port ?? process.env.PORT ?? String(DEFAULT_PORT));
  const host = parsed.values.host ?? process.env.HOST ?? DEFAULT_HOST;
  const processes = positiveInteger('processes', parsed.values.processes ?? process.env.WEB_CONCURRENCY, 1);
  const dbUrl = resolveDbUrl(parsed.values.db);
  const options = { dbUrl, port, host, withJobs: !parsed.values['no-worker'] };
  if (cluster.isWorker) return serveInCluster(options);
  return processes > 1 ? serveWithProcesses(options, processes) : serve(options);
}

interface ServeOptions {
  dbUrl: string;
  port: number;
  host: string;
  withJobs: boolean;
}

/** Prints where the store is, seeds it when empty and makes sure the admin token exists; closes it on failure. */
async function prepare(store: Store): Promise<{ seeded: number; token: string }> {
  console.log(`skim: database ${store.location}`);
  try {
    const seeded = await seedDemoContent(store);
    const { token } = await ensureAdminToken(store.db);
    return { seeded, token };
  } catch (err) {
    await store.close();
    throw err;
  }
}

function announce(address: { port: number }, host: string, { seeded, token }: { seeded: number; token: string }): void {
  const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  console.log(`skim: serving http://${shownHost}:${address.port}`);
  console.log(`skim: admin token ${token}`);
  if (seeded > 0) console.log(`skim: added ${seeded} demo articles to the empty store`);
}

function listenError(err: unknown, { host, port }: ServeOptions): unknown {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') {
    return new CliError(`cannot listen on ${host}:${port}: ${(err as Error).message}`);
  }
  return err;
}

/** Starts the web app (and the jobs); returns its address and how to stop both. */
async function startApp(options: ServeOptions, store: Store): Promise<{ address: AddressInfo; stop: () => Promise<void> }> {
  const queue = await openQueue();
  // The jobs load the whole ingest pipeline: a web-only process (--no-worker) never imports it.
  const jobs = options.withJobs ? (await import('../jobs/run.ts')).startBackgroundJobs(store, queue, { concurrency: 4 }) : undefined;
  // Stopping the jobs drains them and closes the queue; without jobs the queue is closed alone.
  const stopJobs = () => (jobs ? jobs.stop() : queue.close());
  let app;
  try {
    app = await buildApp({ store, logger: true, queue });
    await app.listen({ port: options.port, host: options.host });
  } catch (err) {
    await app?.close();
    await stopJobs();
    await store.close();
    throw listenError(err, options);
  }
  const server = app;
  const stop = async () => {
    await server.close();
    await stopJobs();
    await store.close();
  };
  return { address: server.server.address() as AddressInfo, stop };
}

async function serve(options: ServeOptions): Promise<number> {
  const store = await open(options.dbUrl);
  const prepared = await prepare(store);
  const { address, stop } = await startApp(options, store);
  announce(address, options.host, prepared);
  return untilSignal('finishing open requests', stop);
}

/** The primary of `--processes N`: prepares the store once, then runs N copies of `serve`. */
async function serveWithProcesses(options: ServeOptions, count: number): Promise<number> {
  const store = await open(options.dbUrl);
  const prepared = await prepare(store);
  await store.close();
  let processes;
  try {
    processes = await startWebProcesses(count);
  } catch (err) {
    throw new CliError(`cannot start the web processes: ${(err as Error).message}`);
  }
  announce(processes.address, options.host, prepared);
  console.log(`skim: ${count} web processes (pids ${processes.pids.join(', ')})${options.withJobs ? ', each running background jobs' : ''}`);
  return untilSignal('the web processes are finishing open requests', () => processes.stop());
}

/** One web process of `--processes N`: the store was prepared and the address is announced by the primary. */
async function serveInCluster(options: ServeOptions): Promise<number> {
  let stop;
  try {
    ({ stop } = await startApp(options, await open(options.dbUrl)));
  } catch (err) {
    // The channel to the primary would keep this failed process alive (its exit code is the error's).
    cluster.worker!.disconnect();
    throw err;
  }
  return untilPrimaryStops(stop);
}
