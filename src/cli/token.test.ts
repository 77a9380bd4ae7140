import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runSkim } from './testing.ts';

let dir: string;
before(() => { dir = mkdtempSync(join(tmpdir(), 'skim-token-')); });
after(() => rmSync(dir, { recursive: true, force: true }));

test('skim token prints the same admin token every time', async () => {
  const db = join(dir, 'token.db');
  const first = await runSkim('token', '--db', db);
  assert.equal(first.code, 0, first.stderr);
  assert.match(first.stdout, /^skim_[\w-]{20,}\n$/);
  assert.equal((await runSkim('token', '--db', db)).stdout, first.stdout);
});

test('skim token: --help, and an extra argument is a usage error', async () => {
  const help = await runSkim('token', '--help');
  assert.equal(help.code, 0);
  assert.match(help.stdout, /^Usage: skim token/);
  const extra = await runSkim('token', '--db', join(dir, 'extra.db'), 'extra');
  assert.equal(extra.code, 1);
  assert.match(extra.stderr, /^skim: unexpected argument 'extra'/);
});
