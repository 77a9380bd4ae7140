#!/usr/bin/env -S node --max-semi-space-size=8
// The package's bin: runs the CLI bundled by scripts/build.mjs, rebuilt first when a source file
// changed (about a second). A process running the bundle holds about 40 MB less than one that
// transpiles the TypeScript as it loads, and starts sooner. Where dist/ can't be written (a
// read-only install), the TypeScript runs through tsx's loader instead.
// The shebang halves V8's young generation (16 MB semi-spaces by default): a web process under load
// peaked at 278 MB instead of 321 MB (bench:scale, PostgreSQL, 1M articles) at the same throughput.
// `npm start`, the bench and the web processes of --processes (which inherit it) all start this way.
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
