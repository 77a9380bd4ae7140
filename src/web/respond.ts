// Sending pages: one payload type for everything served from memory (cached article pages, static
// assets) with its gzip twin made once, and the headers every HTML response carries.
import { gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { JSX } from 'preact';
import { render } from 'preact-render-to-string';

export interface Payload {
  body: Buffer;
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

export function makePayload(content: string | Buffer): Payload {
  const body = typeof content === 'string' ? Buffer.from(content) : content;
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  return { body, gzip: gzipSync(body), etag };
}

function acceptsGzip(request: FastifyRequest): boolean {
  const accept = request.headers['accept-encoding'];
  return typeof accept === 'string' && accept.includes('gzip');
}

/** Sends a payload, or 304 when the client holds it already; gzip when the client takes it. */
export function sendPayload(request: FastifyRequest, reply: FastifyReply, payload: Payload, headers: Record<string, string>): FastifyReply {
  reply.headers(headers).header('etag', payload.etag).header('vary', 'accept-encoding');
  if (request.headers['if-none-match'] === payload.etag) return reply.code(304).send();
  if (acceptsGzip(request)) return reply.header('content-encoding', 'gzip').send(payload.gzip);
  return reply.send(payload.body);
}

/** Renders and sends an uncached page. */
export function sendPage(reply: FastifyReply, page: JSX.Element, status = 200): FastifyReply {
  return reply.code(status).headers(HTML_HEADERS).header('cache-control', 'no-cache').send(renderDocument(page));
}
