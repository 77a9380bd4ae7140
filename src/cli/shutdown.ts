// Long-running commands (serve, worker) stop the same way: the first SIGINT/SIGTERM drains the
// work in hand, a second one means "now".

/** Resolves with the exit code once `drain` has finished after a signal (1 if it failed). */
export function untilSignal(announce: string, drain: () => Promise<unknown>): Promise<number> {
  return new Promise((resolve) => {
    let draining = false;
    const shutdown = (signal: NodeJS.Signals) => {
      if (draining) process.exit(130);
      draining = true;
      console.log(`skim: ${signal} received, ${announce}`);
      drain().then(() => resolve(0), (err: unknown) => {
        console.error(`skim: shutdown failed: ${(err as Error).message}`);
        resolve(1);
      });
    };
    process.on('SIGINT', shutdown);
    process.on('SIGTERM', shutdown);
  });
}
