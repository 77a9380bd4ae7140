// The origin that absolute URLs (feeds, sitemap, API links) start with.
import type { FastifyRequest } from 'fastify';

/**
 * SKIM_BASE_URL when set (what a site behind a proxy or with several host names should do, so
 * feeds never echo an arbitrary Host header), else the request's own protocol and host.
 */
export function baseUrl(request: Pick<FastifyRequest, 'protocol' | 'host'>): string {
  const configured = process.env.SKIM_BASE_URL?.trim();
  if (configured) return withoutTrailingSlash(configured);
  return `${request.protocol}://${request.host}`;
}

/** A configured base URL as pages use it: `https://news.example/` and `https://news.example` are one site. */
export function withoutTrailingSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
