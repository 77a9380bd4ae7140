// Sending pages: one payload type for everything served from memory (cached article pages, static
// assets), held gzipped only, and the headers every HTML response carries.
import { gunzipSync, gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { JSX } from 'preact';
import { render } from 'preact-render-to-string';

/**
 * Content kept in memory gzipped only: a page takes a fifth of its size, so the page cache holds
 * five times as many, and the rare client that takes no gzip gets it inflated (~30 µs a page).
 */
export interface Payload {
  gzip: Buffer;
  etag: string;
}

const HTML_TYPE = 'text/html; charset=utf-8';

// Pages run no inline script or style; article images and embeds come from anywhere over https.
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'", "img-src 'self' https: http: data:", "media-src 'self' https:", "frame-src https:",
  "object-src 'none'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'",
].join('; ');

export const HTML_HEADERS = {
  'content-type': HTML_TYPE,
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
};

export function renderDocument(page: JSX.Element): string {
  return `<!doctype html>${render(page)}`;
}

// Every article page that misses the cache is compressed: level 3 takes half the time of the default
// 6 on a 22 kB page (150 vs 270 µs) for 7% more bytes.
const GZIP_LEVEL = 3;

export function makePayload(content: string | Buffer): Payload {
  const body = typeof content === 'string' ? Buffer.from(content) : content;
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  // gzipSync's result is a view of its 16 kB output chunk: copied, a cached 5 kB page holds 5 kB.
  return { gzip: Buffer.from(gzipSync(body, { level: GZIP_LEVEL })), etag };
}

function acceptsGzip(request: FastifyRequest): boolean {
  const accept = request.headers['accept-encoding'];
  return typeof accept === 'string' && accept.includes('gzip');
}

/**
 * Whether the client's copy is current (RFC 9110 §13.2.2): If-None-Match, when sent, decides (weak
 * comparison, so a proxy's W/ prefix or a list of tags still matches); else If-Modified-Since.
 */
function notModified(request: FastifyRequest, etag: string, lastModified?: number): boolean {
  const { 'if-none-match': tags, 'if-modified-since': since } = request.headers;
  if (tags !== undefined) return tags.trim() === '*' || tags.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
  if (lastModified === undefined || since === undefined) return false;
  const sinceMs = Date.parse(since);
  // HTTP dates have whole seconds.
  return !Number.isNaN(sinceMs) && Math.floor(lastModified / 1000) * 1000 <= sinceMs;
}

/**
 * Sends a payload, or 304 when the client holds it already; gzip when the client takes it.
 * `lastModified` (ms) adds Last-Modified and If-Modified-Since.
 */
export function sendPayload(request: FastifyRequest, reply: FastifyReply, payload: Payload, headers: Record<string, string>, lastModified?: number): FastifyReply {
  reply.headers(headers).header('etag', payload.etag).header('vary', 'accept-encoding');
  if (lastModified !== undefined) reply.header('last-modified', new Date(lastModified).toUTCString());
  if (notModified(request, payload.etag, lastModified)) return reply.code(304).send();
  if (acceptsGzip(request)) return reply.header('content-encoding', 'gzip').send(payload.gzip);
  return reply.send(gunzipSync(payload.gzip));
}

/** Renders and sends an uncached page. */
export function sendPage(reply: FastifyReply, page: JSX.Element, status = 200): FastifyReply {
  return reply.code(status).headers(HTML_HEADERS).header('cache-control', 'no-cache').send(renderDocument(page));
}
