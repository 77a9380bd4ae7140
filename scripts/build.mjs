// Bundles the CLI (src/cli/main.ts and everything it imports) with esbuild into dist/<build>/,
// where <build> is the newest source file's modification time: a source change means a new folder.
// Lazy imports stay lazy (one chunk each), so a web-only process never loads the job runner or the
// summarizer; npm packages stay external. bin/skim.js runs ensureBundle() on every start;
// `node scripts/build.mjs` does the same.
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
// Older builds are removed after this long: a process started from one may still load its chunks.
const KEEP_OLD_BUILDS_MS = 60 * 60 * 1000;

/** The newest modification time among the files the bundle is made from. */
function newestSource(root) {
  let newest = Math.max(statSync(join(root, 'package.json')).mtimeMs, statSync(join(root, 'tsconfig.json')).mtimeMs);
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  walk(join(root, 'src'));
  return Math.floor(newest);
}

async function build(root, target) {
  const { build } = await import('esbuild');
  // Built beside and renamed into place, so a process starting meanwhile never sees half a build;
  // when two build at once (in two processes or one), the first rename wins and the other's copy is
  // dropped. The folder is the call's own: two builds of one process must not share it.
  const temporary = `${target}.${process.pid}-${randomUUID()}.tmp`;
  await build({
    entryPoints: { skim: join(root, 'src/cli/main.ts') },
    outdir: temporary,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    tsconfig: join(root, 'tsconfig.json'),
    logLevel: 'silent', // failures reach the caller as the thrown error
  });
  try {
    renameSync(temporary, target);
  } catch {
    rmSync(temporary, { recursive: true, force: true });
  }
  const dist = dirname(target);
  const now = Date.now();
  for (const entry of readdirSync(dist)) {
    const path = join(dist, entry);
    try {
      if (path !== target && now - statSync(path).mtimeMs > KEEP_OLD_BUILDS_MS) rmSync(path, { recursive: true, force: true });
    } catch {
      // removed meanwhile by another process's build
    }
  }
}

/** The bundle's entry file for the current sources of the package at `root`, built first when missing. */
export async function ensureBundle(root = ROOT) {
  const target = join(root, 'dist', String(newestSource(root)));
  if (!existsSync(join(target, 'skim.mjs'))) {
    mkdirSync(dirname(target), { recursive: true });
    await build(root, target);
  }
  return join(target, 'skim.mjs');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(await ensureBundle());
