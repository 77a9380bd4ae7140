// The package's root folder (the one holding package.json), for the files shipped beside the code:
// static assets, demo articles, package.json itself. Found by walking up from this module, so it
// is the same under tsx (src/) and in the bundle bin/skim.js runs (dist/<build>/).
import { existsSync } from 'node:fs';

function findRoot(from: URL): URL {
  for (let dir = new URL('./', from); ; dir = new URL('../', dir)) {
    if (existsSync(new URL('package.json', dir))) return dir;
    if (dir.pathname === '/') throw new Error(`no package.json above ${from.href}`);
  }
}

export const PACKAGE_ROOT = findRoot(new URL(import.meta.url));
