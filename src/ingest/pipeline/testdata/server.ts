// A local web server for pipeline tests: routes by path, counts requests per path, and answers
// conditional GETs for responses that carry an ETag.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Route = (req: IncomingMessage, res: ServerResponse) => void;

export interface TestSite {
  /** http://127.0.0.1:PORT */
  base: string;
  routes: Map<string, Route>;
  hits(path: string): number;
  close(): Promise<void>;
}

export async function startSite(routes: Record<string, Route> = {}): Promise<TestSite> {
  const table = new Map(Object.entries(routes));
  const counts = new Map<string, number>();
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    counts.set(path, (counts.get(path) ?? 0) + 1);
    const route = table.get(path);
    if (route) route(req, res);
    else res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  // Longer than any pause in a test on a loaded machine: a kept-alive socket is not closed under a request.
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    routes: table,
    hits: (path) => counts.get(path) ?? 0,
    close: () => new Promise((closed) => {
      server.closeAllConnections();
      server.close(() => closed());
    }),
  };
}

/** A fixed response; with `etag`, a request carrying it gets 304. */
export function respond(body: string, type = 'text/html; charset=utf-8', headers: Record<string, string> = {}, etag?: string): Route {
  return (req, res) => {
    if (etag && req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag }).end();
      return;
    }
    res.writeHead(200, { 'content-type': type, ...(etag ? { etag } : {}), ...headers }).end(body);
  };
}

export const RSS = 'application/rss+xml; charset=utf-8';
