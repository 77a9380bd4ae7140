// `skim serve --processes N`: N web processes sharing one port through node:cluster, so every core
// of a host answers requests without a load balancer in front. The primary serves nothing itself:
// it starts the processes, starts a new one when one dies, answers their requests for the metrics
// of all of them (a scrape reaches one process at random), and on stop has each drain and waits.
import cluster, { type Address, type Worker } from 'node:cluster';
import { answerMetricsRequests } from '../web/cluster-metrics.ts';

const STOP = 'skim:stop';
/** A process that dies this soon after it started, again and again, is not restarted forever. */
const EARLY_EXIT_MS = 10_000;
const MAX_EARLY_EXITS = 5;

export interface WebProcesses {
  address: Address;
  pids: number[];
  /** Tells every process to drain (finish open requests and jobs) and resolves when all have exited. */
  stop(): Promise<void>;
}

/**
 * Forks `count` copies of this command (cluster workers run it again with the same arguments and
 * know themselves by `cluster.isWorker`) and resolves once all listen; rejects, stopping the
 * others, when one exits before then (its own error went to the shared stderr).
 */
export function startWebProcesses(count: number): Promise<WebProcesses> {
  let stopping = false;
  let earlyExits = 0;
  answerMetricsRequests();

  const listening = new Set<Worker>();
  return new Promise((resolve, reject) => {
    let started = false;
    const fork = () => {
      const startedAt = Date.now();
      const worker = cluster.fork();
      worker.once('listening', (address) => {
        listening.add(worker);
        if (!started && listening.size === count) {
          started = true;
          resolve({ address, pids: [...listening].map((w) => w.process.pid!), stop });
        }
      });
      worker.once('exit', (code, signal) => {
        listening.delete(worker);
        if (stopping) return;
        const how = signal ?? `code ${code}`;
        if (!started) {
          void stop().then(() => reject(new Error(`a web process exited before all listened (${how})`)));
          return;
        }
        earlyExits = Date.now() - startedAt < EARLY_EXIT_MS ? earlyExits + 1 : 0;
        if (earlyExits >= MAX_EARLY_EXITS) {
          console.error(`skim: web processes keep dying within ${EARLY_EXIT_MS / 1000} s of starting; stopping`);
          void stop().then(() => { process.exitCode = 1; });
          return;
        }
        console.error(`skim: web process ${worker.process.pid} exited (${how}); starting another`);
        fork();
      });
    };
    for (let i = 0; i < count; i++) fork();
  });

  async function stop(): Promise<void> {
    stopping = true;
    const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);
    await Promise.all(workers.map((worker) => new Promise<void>((resolve) => {
      if (worker.isDead()) return resolve();
      worker.once('exit', () => resolve());
      // One still starting has nothing to drain and may not listen for the message yet.
      if (listening.has(worker) && worker.isConnected()) worker.send(STOP);
      else worker.kill('SIGTERM');
    })));
  }
}

/**
 * In a web process of the cluster: resolves after `drain` once the primary says stop. Signals are
 * left to the primary (a terminal's Ctrl-C reaches every process of the group at once); a second
 * one while draining means "now", as in `untilSignal`. A process whose primary is gone exits at
 * once (node:cluster does that).
 */
export function untilPrimaryStops(drain: () => Promise<unknown>): Promise<number> {
  return new Promise((resolve) => {
    let draining = false;
    const finish = () => {
      if (draining) return;
      draining = true;
      drain().then(() => resolve(0), (err: unknown) => {
        console.error(`skim: web process ${process.pid} failed to stop cleanly: ${(err as Error).message}`);
        resolve(1);
      }).finally(() => cluster.worker?.disconnect()); // the channel would keep the process alive
    };
    const onSignal = () => { if (draining) process.exit(130); };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    process.on('message', (message) => { if (message === STOP) finish(); });
  });
}
