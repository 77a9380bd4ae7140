// HTTP load for the benchmarks: a fixed number of connections, each sending its next request as soon
// as the previous one is answered, for a fixed time. wrk (Debian's `wrk`, written in C) is used when
// it is on the PATH, autocannon otherwise. On this 2-core machine the load generator shares the CPU
// with the server under test: autocannon, in JavaScript, took a whole core at ~5,000 requests/s and
// counted its own event loop's delays as the server's latency; wrk (one thread) serves the same load
// with a fraction of a core. Both are started the same way and report the same figures.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';

export interface LoadOptions {
  url: string;
  /** Request paths, sent in this order and then again from the start. */
  paths: readonly string[];
  connections: number;
  seconds: number;
  headers?: Record<string, string>;
  /** How long a request may wait for its answer before it counts as a timeout. */
  timeoutS: number;
}

export interface Load {
  /**
   * The latency distribution in ms, ascending, timeouts counted as the timeout: every request's
   * (autocannon) or WRK_QUANTILES quantiles of them with timeouts in their share (wrk).
   */
  latencies: number[];
  /** Requests answered. */
  requests: number;
  non2xx: number;
  /** Connection errors, timeouts included. */
  errors: number;
  timeouts: number;
}

export type LoadTool = 'wrk' | 'autocannon';

export const loadTool: LoadTool = spawnSync('wrk', ['--version']).error ? 'autocannon' : 'wrk';

/**
 * A request that timed out counts as `timeoutS` in the latencies: leaving it out would flatter the
 * percentiles.
 */
export function runLoad(options: LoadOptions): Promise<Load> {
  return loadTool === 'wrk' ? runWrk(options) : runAutocannon(options);
}

async function runAutocannon({ url, paths, connections, seconds, headers = {}, timeoutS }: LoadOptions): Promise<Load> {
  const latencies: number[] = [];
  let turn = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({
      url, connections, duration: seconds, timeout: timeoutS, headers,
      requests: [{ setupRequest: (request) => ({ ...request, path: paths[turn++ % paths.length]! }) }],
    }, (err, done) => (err ? reject(err) : resolve(done)));
    instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
  });
  for (let i = 0; i < result.timeouts; i++) latencies.push(timeoutS * 1000);
  return { latencies: latencies.sort((a, b) => a - b), requests: result.requests.total, non2xx: result.non2xx, errors: result.errors, timeouts: result.timeouts };
}

/** With wrk, the latency distribution comes back as this many evenly spaced quantiles. */
const WRK_QUANTILES = 1000;

// wrk's Lua hooks: `request` sends the listed paths in turn; `done` prints the error counts and the
// latency quantiles (microseconds) after marker lines, for runWrk to parse.
const WRK_SCRIPT = `
local paths = {}
for line in io.lines(os.getenv("SKIM_LOAD_PATHS")) do paths[#paths + 1] = line end
local turn = 0
request = function()
  turn = turn + 1
  return wrk.format(nil, paths[(turn - 1) % #paths + 1])
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("@@summary %d %d %d %d\\n", summary.requests, e.status, e.connect + e.read + e.write, e.timeout))
  if summary.requests == 0 then return end
  for i = 1, ${WRK_QUANTILES} do
    io.write(string.format("@@quantile %d\\n", latency:percentile(100 * (i - 0.5) / ${WRK_QUANTILES})))
  end
end
`;

async function runWrk({ url, paths, connections, seconds, headers = {}, timeoutS }: LoadOptions): Promise<Load> {
  const dir = mkdtempSync(join(tmpdir(), 'skim-load-'));
  try {
    writeFileSync(join(dir, 'paths.txt'), paths.join('\n') + '\n');
    writeFileSync(join(dir, 'load.lua'), WRK_SCRIPT);
    const args = ['-t1', `-c${connections}`, `-d${seconds}s`, `--timeout`, `${timeoutS}s`, '-s', join(dir, 'load.lua'),
      ...Object.entries(headers).flatMap(([name, value]) => ['-H', `${name}: ${value}`]), url];
    const output = await new Promise<string>((resolve, reject) => {
      const child = spawn('wrk', args, { env: { ...process.env, SKIM_LOAD_PATHS: join(dir, 'paths.txt') }, stdio: ['ignore', 'pipe', 'inherit'] });
      let text = '';
      child.stdout.on('data', (chunk) => (text += String(chunk)));
      child.on('error', reject);
      child.on('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`wrk exited with code ${code}:\n${text}`))));
    });
    const summary = /^@@summary (\d+) (\d+) (\d+) (\d+)$/m.exec(output);
    if (!summary) throw new Error(`wrk printed no summary:\n${output}`);
    const [requests, non2xx, errors, timeouts] = summary.slice(1).map(Number) as [number, number, number, number];
    const latencies = [...output.matchAll(/^@@quantile (\d+)$/gm)].map((m) => Number(m[1]) / 1000);
    // Timeouts join the sample in their share of all requests.
    const timedOut = Math.round((latencies.length * timeouts) / Math.max(requests, 1));
    for (let i = 0; i < timedOut; i++) latencies.push(timeoutS * 1000);
    return { latencies, requests, non2xx, errors: errors + timeouts, timeouts };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
