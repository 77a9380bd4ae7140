// Runs every *.test.ts / *.test.tsx under src/, e2e/, bench/ and scripts/ with Node's test runner (through tsx).
// Node 20's --test takes no globs, so the files are listed here.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const roots = process.argv.slice(2).length ? process.argv.slice(2) : ['src', 'e2e', 'bench', 'scripts'];
const files = [];
function walk(dir) {
  let entries;
  try { entries = readdirSync(dir, { withFileTypes: true }); } catch { return; }
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) { if (e.name !== 'node_modules' && e.name !== 'testdata') walk(p); }
    else if (/\.test\.tsx?$/.test(e.name)) files.push(p);
  }
}
for (const r of roots) r.endsWith('.ts') || r.endsWith('.tsx') ? files.push(r) : walk(r);
files.sort();
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], { stdio: 'inherit' });
process.exit(result.status ?? 1);
