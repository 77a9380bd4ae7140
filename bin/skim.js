#!/usr/bin/env node
// The package's bin: runs the CLI bundled by scripts/build.mjs, rebuilt first when a source file
// changed (about a second). A process running the bundle holds about 40 MB less than one that
// transpiles the TypeScript as it loads, and starts sooner. Where dist/ can't be written (a
// read-only install), the TypeScript runs through tsx's loader instead.
import { pathToFileURL } from 'node:url';
import { ensureBundle } from '../scripts/build.mjs';

let bundle;
try {
  bundle = await ensureBundle();
} catch (error) {
  process.stderr.write(`skim: running from source, as the bundle could not be built (${error.errors?.[0]?.text ?? error.message})\n`);
}
if (bundle) {
  await import(pathToFileURL(bundle).href);
} else {
  (await import('tsx/esm/api')).register();
  await import('../src/cli/main.ts');
}
