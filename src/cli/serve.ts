// skim serve: opens (and migrates) the store, fills an empty one with the demo articles, makes sure
// the admin token exists, and serves the site until SIGINT/SIGTERM, then closes cleanly.
import { CliError, parseCommand } from './args.ts';
import { openStore, resolveDbUrl, type Store } from '../store/db.ts';
import { ensureAdminToken } from '../store/tokens.ts';
import { seedDemoContent } from '../ingest/demo.ts';
import { buildApp } from '../web/app.ts';
import { openQueue } from '../jobs/queue.ts';
import { untilSignal } from './shutdown.ts';

const HELP = `
Usage: skim serve [--db URL] [--port N] [--host H] [--no-worker]

Runs the web site, the JSON API and the feeds.

Options:
  --db URL    SQLite file or postgres:// URL (env DATABASE_URL or SKIM_DB; default ./data/skim.db)
  --port N    port to listen on (env PORT; default 3000; 0 picks a free one)
  --host H    address to listen on (env HOST; default localhost; 0.0.0.0 for every interface)
  --no-worker web only: background jobs are left to 'skim worker' processes (with REDIS_URL)
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
  const parsed = parseCommand(args, { db: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' }, 'no-worker': { type: 'boolean' } }, HELP);
  if (!parsed) return 0;
  if (parsed.positionals.length > 0) throw new CliError(`unexpected argument '${parsed.positionals[0]}' (see 'skim serve --help')`);
  const port = parsePort(parsed.values.port ?? process.env.PORT ?? String(DEFAULT_PORT));
  const host = parsed.values.host ?? process.env.HOST ?? DEFAULT_HOST;

  const store = await open(resolveDbUrl(parsed.values.db));
  console.log(`skim: database ${store.location}`);
  const queue = await openQueue();
  // The jobs load the whole ingest pipeline: a web-only process (--no-worker) never imports it.
  const jobs = parsed.values['no-worker'] ? undefined : (await import('../jobs/run.ts')).startBackgroundJobs(store, queue, { concurrency: 4 });
  // Stopping the jobs drains them and closes the queue; without jobs the queue is closed alone.
  const stopJobs = () => (jobs ? jobs.stop() : queue.close());
  let app;
  try {
    const seeded = await seedDemoContent(store);
    const { token } = await ensureAdminToken(store.db);
    app = await buildApp({ store, logger: true, queue });
    await app.listen({ port, host });
    const address = app.server.address();
    const boundPort = typeof address === 'object' && address ? address.port : port;
    const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
    console.log(`skim: serving http://${shownHost}:${boundPort}`);
    console.log(`skim: admin token ${token}`);
    if (seeded > 0) console.log(`skim: added ${seeded} demo articles to the empty store`);
  } catch (err) {
    await app?.close();
    await stopJobs();
    await store.close();
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') {
      throw new CliError(`cannot listen on ${host}:${port}: ${(err as Error).message}`);
    }
    throw err;
  }

  const server = app;
  return untilSignal('finishing open requests', async () => {
    await server.close();
    await stopJobs();
    await store.close();
  });
}
