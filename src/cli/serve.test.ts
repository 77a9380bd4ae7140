// `skim serve` as a user runs it: a child process on a temporary SQLite file and a free port.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createServer, type AddressInfo } from 'node:net';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/skim.js', import.meta.url));

test('serve: creates the store, seeds the demo, prints database, URL and token, stops on SIGTERM', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'skim-serve-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const db = join(dir, 'nested', 'skim.db');
  const child = spawn(process.execPath, [BIN, 'serve', '--db', db, '--port', '0', '--host', '127.0.0.1'], {
    env: { ...process.env, PORT: '1', SKIM_DB: join(dir, 'not-this.db') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const lines: string[] = [];
  for await (const line of createInterface({ input: child.stdout })) {
    lines.push(line);
    if (line.includes('demo articles') || lines.length >= 4) break;
  }
  assert.equal(lines[0], `skim: database ${db}`);
  const url = /^skim: serving (http:\/\/127\.0\.0\.1:\d+)$/.exec(lines[1] ?? '')?.[1];
  assert.ok(url, lines.join('\n'));
  assert.match(lines[2] ?? '', /^skim: admin token skim_[\w-]{20,}$/);
  assert.match(lines[3] ?? '', /^skim: added \d+ demo articles to the empty store$/);

  const home = await fetch(url);
  assert.equal(home.status, 200);
  assert.ok((await home.text()).includes('class="lead-story"'));

  child.kill('SIGTERM');
  assert.equal(await exited, 0);
});

test('serve: bad flags are one clear line and a non-zero exit', () => {
  const badPort = spawnSync(process.execPath, [BIN, 'serve', '--port', 'eighty'], { encoding: 'utf8' });
  assert.equal(badPort.status, 1);
  assert.equal(badPort.stderr.trim(), "skim: invalid port 'eighty': expected a number from 0 to 65535");
  const extra = spawnSync(process.execPath, [BIN, 'serve', 'now'], { encoding: 'utf8' });
  assert.equal(extra.status, 1);
  assert.match(extra.stderr, /unexpected argument 'now'/);
  const help = spawnSync(process.execPath, [BIN, 'serve', '--help'], { encoding: 'utf8' });
  assert.equal(help.status, 0);
  assert.match(help.stdout, /Usage: skim serve/);
});

test('serve --processes 2: one port, metrics summed over both, a killed process replaced, SIGTERM stops all', { timeout: 60_000 }, async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'skim-serve-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const child = spawn(process.execPath, [BIN, 'serve', '--db', join(dir, 'skim.db'), '--port', '0', '--host', '127.0.0.1', '--processes', '2', '--no-worker'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  t.after(() => child.kill('SIGKILL'));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const lines: string[] = [];
  for await (const line of createInterface({ input: child.stdout })) {
    if (line.startsWith('skim: ')) lines.push(line);
    if (line.includes('web processes')) break;
  }
  child.stdout.resume(); // the request log goes on: a full pipe would stall every process
  const url = /^skim: serving (http:\/\/127\.0\.0\.1:\d+)$/.exec(lines[1] ?? '')?.[1];
  assert.ok(url, lines.join('\n'));
  const pids = /^skim: 2 web processes \(pids (\d+), (\d+)\)$/.exec(lines.at(-1)!)?.slice(1).map(Number);
  assert.ok(pids, lines.join('\n'));
  const stderr: string[] = [];
  createInterface({ input: child.stderr }).on('line', (line) => stderr.push(line));

  // The cluster hands connections out in turn, so each process answers some of these: only the
  // primary's gathering makes any process report all 20.
  for (let i = 0; i < 20; i++) await (await fetch(`${url}/healthz`, { headers: { connection: 'close' } })).text();
  const metrics = await (await fetch(`${url}/metrics`)).text();
  assert.match(metrics, /^skim_http_requests_total\{method="GET",route="\/healthz",status="200"\} 20$/m);

  process.kill(pids[0]!, 'SIGKILL');
  const replaced = `web process ${pids[0]} exited (SIGKILL); starting another`;
  for (let waited = 0; !stderr.some((l) => l.includes(replaced)); waited += 50) {
    assert.ok(waited < 30_000, `no "${replaced}" within 30 s:\n${stderr.join('\n')}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  for (let i = 0; i < 4; i++) assert.equal((await fetch(`${url}/healthz`, { headers: { connection: 'close' } })).status, 200);

  child.kill('SIGTERM');
  assert.equal(await exited, 0);
  assert.throws(() => process.kill(pids[1]!, 0), { code: 'ESRCH' });
});

test('serve --processes 2 on a port in use: the error of each process, then one line and exit 1', { timeout: 60_000 }, async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'skim-serve-'));
  const taken = createServer().listen(0, '127.0.0.1');
  await once(taken, 'listening');
  t.after(() => { taken.close(); rmSync(dir, { recursive: true, force: true }); });
  const { port } = taken.address() as AddressInfo;
  const child = spawn(process.execPath, [BIN, 'serve', '--db', join(dir, 'skim.db'), '--port', String(port), '--host', '127.0.0.1', '--processes', '2'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => { stderr += chunk; });
  const [code] = await once(child, 'exit');
  assert.equal(code, 1);
  assert.match(stderr, /cannot listen on 127\.0\.0\.1:\d+: .*EADDRINUSE/);
  assert.match(stderr, /^skim: cannot start the web processes: a web process exited before all listened \(code 1\)$/m);
});
