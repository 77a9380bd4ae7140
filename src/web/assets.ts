// Static CSS, JS and icon, served from memory under content-hashed URLs (site.3f9a1c2b.css) so
// browsers may keep them for a year: a changed file gets a new URL.
import { readFileSync, readdirSync } from 'node:fs';
import { extname } from 'node:path';
import type { FastifyPluginAsync } from 'fastify';
import { PACKAGE_ROOT } from '../package-root.ts';
import { makePayload, sendPayload, type Payload } from './respond.ts';

const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
};

interface Asset {
  type: string;
  payload: Payload;
}

const ASSET_DIR = new URL('src/web/assets/', PACKAGE_ROOT);
const byName = new Map<string, string>(); // site.css → /assets/site.<hash>.css
const byPath = new Map<string, Asset>();

for (const name of readdirSync(ASSET_DIR)) {
  const type = TYPES[extname(name)];
  if (!type) continue;
  const payload = makePayload(readFileSync(new URL(name, ASSET_DIR)));
  const hash = payload.etag.slice(1, 11).replace(/[^\w]/g, '0');
  const file = name.replace(/(\.[^.]+)$/, `.${hash}$1`);
  byName.set(name, `/assets/${file}`);
  byPath.set(file, { type, payload });
}

/** The versioned URL of a file in src/web/assets/. */
export function assetPath(name: string): string {
  const path = byName.get(name);
  if (!path) throw new Error(`no asset named ${name}`);
  return path;
}

export const assetRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Params: { file: string } }>('/assets/:file', async (request, reply) => {
    const asset = byPath.get(request.params.file);
    if (!asset) return reply.callNotFound();
    return sendPayload(request, reply, asset.payload, {
      'content-type': asset.type,
      'cache-control': 'public, max-age=31536000, immutable',
    });
  });
};
