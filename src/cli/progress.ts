// Progress of a many-item command on stderr: a bar where a person watches (a terminal, more than one
// item), plain lines otherwise, so logs and pipes get no control characters.
import cliProgress from 'cli-progress';
import { errorMessage } from '../ingest/pipeline/source.ts';

export interface Progress {
  /** Prints a line above the bar (or plainly on stderr). */
  log(line: string): void;
  tick(): void;
  stop(): void;
}

/** `verb` and `unit` make the bar's label: "adding ███░░ 3/8 files". */
export function progress(total: number, verb: string, unit: string): Progress {
  if (!process.stderr.isTTY || total < 2) return { log: (line) => console.error(line), tick: () => {}, stop: () => {} };
  const bars = new cliProgress.MultiBar({ stream: process.stderr, format: `${verb} {bar} {value}/{total} ${unit}`, hideCursor: true }, cliProgress.Presets.shades_classic);
  const bar = bars.create(total, 0);
  return {
    log: (line) => bars.log(`${line}\n`),
    // The work keeps the event loop busy, so the bar's own redraw timer rarely fires: redraw per item.
    tick: () => { bar.increment(); bars.update(); },
    stop: () => bars.stop(),
  };
}

/**
 * Runs `work` on each named item in turn under a progress bar. An item that throws is reported on
 * one line and counted, and the others still run: returns how many failed.
 */
export async function eachWithProgress(names: string[], verb: string, unit: string, work: (name: string, bar: Progress) => Promise<void>): Promise<number> {
  const bar = progress(names.length, verb, unit);
  let failed = 0;
  try {
    for (const name of names) {
      try {
        await work(name, bar);
      } catch (err) {
        failed++;
        bar.log(`skim: ${name}: ${errorMessage(err)}`);
      }
      bar.tick();
    }
  } finally {
    bar.stop();
  }
  return failed;
}
