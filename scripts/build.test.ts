// The bundle bin/skim.js runs: built once per state of the sources, rebuilt when one changes,
// lazy imports kept as chunks, concurrent starts agreeing on one build. Runs on a small package of
// its own in a temp folder, so the project's own sources are never touched.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ensureBundle } from './build.mjs';

function tinyPackage(t: { after(fn: () => void): void }): string {
  const root = mkdtempSync(join(tmpdir(), 'skim-bundle-'));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const files: Record<string, string> = {
    'package.json': '{ "type": "module" }',
    'tsconfig.json': '{}',
    'src/cli/main.ts': "const { greeting } = await import('./lazy.ts');\nconsole.log(greeting satisfies string);\n",
    'src/cli/lazy.ts': "export const greeting: string = 'hello from a chunk';\n",
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const run = (entry: string) => execFileSync(process.execPath, [entry], { encoding: 'utf8' }).trim();
const builds = (root: string) => readdirSync(join(root, 'dist')).sort();

test('builds once, keeps lazy imports as chunks, and rebuilds when a source changes', async (t) => {
  const root = tinyPackage(t);
  const entry = await ensureBundle(root);
  assert.equal(run(entry), 'hello from a chunk');
  assert.ok(readdirSync(dirname(entry)).length > 1, 'the lazy import is a chunk of its own');
  const builtAt = statSync(entry).mtimeMs;

  assert.equal(await ensureBundle(root), entry, 'unchanged sources reuse the build');
  assert.equal(statSync(entry).mtimeMs, builtAt);

  const later = new Date(Date.now() + 5000);
  writeFileSync(join(root, 'src/cli/lazy.ts'), "export const greeting: string = 'changed';\n");
  utimesSync(join(root, 'src/cli/lazy.ts'), later, later);
  const rebuilt = await ensureBundle(root);
  assert.notEqual(rebuilt, entry);
  assert.equal(run(rebuilt), 'changed');
  assert.equal(builds(root).length, 2, 'a recent build stays for processes started from it');

  const hoursAgo = new Date(Date.now() - 2 * 3600_000);
  utimesSync(dirname(rebuilt), hoursAgo, hoursAgo);
  const evenLater = new Date(Date.now() + 10_000);
  utimesSync(join(root, 'src/cli/main.ts'), evenLater, evenLater);
  const third = await ensureBundle(root);
  assert.ok(!builds(root).includes(dirname(rebuilt).split('/').pop()!), 'builds older than an hour are removed');
  assert.ok(builds(root).includes(dirname(third).split('/').pop()!));
});

test('processes starting at once agree on one complete build', async (t) => {
  const root = tinyPackage(t);
  const entries = await Promise.all([ensureBundle(root), ensureBundle(root), ensureBundle(root)]);
  assert.equal(new Set(entries).size, 1);
  assert.deepEqual(builds(root).filter((name) => name.endsWith('.tmp')), [], 'no half-built folder is left');
  assert.equal(run(entries[0]!), 'hello from a chunk');
});
