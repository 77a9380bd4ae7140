// One HTTP GET done safely: SSRF guard on every hop (./ssrf.ts), redirects followed by hand (at
// most 5), a total and a connect timeout, a body limit enforced while streaming and again after
// gzip/deflate/br decoding (so a compression bomb stops at the limit), conditional GET, and
// errors typed so the caller can back off (./politeness.ts) and show the last error.
import { readFileSync } from 'node:fs';
import { Transform, Writable, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress, createGunzip, createUnzip } from 'node:zlib';
import { Agent, request } from 'undici';
import { PACKAGE_ROOT } from '../../package-root.ts';
import { headerCharset } from './encoding.ts';
import { parseRetryAfter } from './politeness.ts';
import { blockedUrlReason, guardedLookup, parseAllowList, type AllowList } from './ssrf.ts';

const { version } = JSON.parse(readFileSync(new URL('package.json', PACKAGE_ROOT), 'utf8')) as { version: string };
export const USER_AGENT = `skim/${version} (+https://github.com/skim)`;

export type FetchOptions = {
  /** Validators from the previous fetch: a 304 answer yields `notModified`. */
  etag?: string | null;
  lastModified?: string | null;
  /** Whole fetch, redirects and body included (default 30 s). */
  timeoutMs?: number;
  /** TCP and TLS connection set-up (default 10 s). */
  connectTimeoutMs?: number;
  /** Body size limit, compressed and decompressed (default 10 MB). */
  maxBytes?: number;
  maxRedirects?: number;
  accept?: string;
  signal?: AbortSignal;
  /** Hosts or CIDRs the SSRF guard lets through; default SKIM_FETCH_ALLOW. */
  allow?: string | string[];
};

export type FetchResult = {
  status: number;
  /** The final URL, after redirects. */
  url: string;
  headers: Record<string, string>;
  body: Buffer;
  notModified: boolean;
  etag?: string;
  lastModified?: string;
  contentType?: string;
  charset?: string;
};

export type FetchErrorCode = 'blocked' | 'timeout' | 'too_large' | 'too_many_redirects' | 'http' | 'network' | 'bad_url' | 'aborted';

export class FetchError extends Error {
  constructor(
    readonly code: FetchErrorCode,
    message: string,
    readonly details: { url?: string; status?: number; retryAfterMs?: number } = {},
  ) {
    super(message);
  }
  get status(): number | undefined { return this.details.status; }
  get retryAfterMs(): number | undefined { return this.details.retryAfterMs; }
}

const DEFAULTS = { timeoutMs: 30_000, connectTimeoutMs: 10_000, maxBytes: 10 * 1024 * 1024, maxRedirects: 5 };
const DEFAULT_ACCEPT = 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5';
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

// One connection pool per guard configuration, reused across fetches.
const agents = new Map<string, Agent>();
function agentFor(allowKey: string, allow: AllowList, connectTimeoutMs: number): Agent {
  const key = `${connectTimeoutMs}|${allowKey}`;
  let agent = agents.get(key);
  if (!agent) {
    agent = new Agent({ connect: { lookup: guardedLookup(allow), timeout: connectTimeoutMs }, connections: 16 });
    agents.set(key, agent);
  }
  return agent;
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  return flat;
}

function decoderFor(encoding: string): Transform {
  switch (encoding) {
    case 'gzip': case 'x-gzip': return createGunzip();
    // 'deflate' is meant to be zlib-wrapped; createUnzip also takes gzip sent under that name.
    case 'deflate': return createUnzip();
    case 'br': return createBrotliDecompress();
    default: throw new FetchError('network', `unsupported content-encoding ${encoding}`);
  }
}

/** Passes bytes through, failing with too_large once more than `maxBytes` have passed. */
function limit(maxBytes: number, what: string): Transform {
  let size = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      done(size > maxBytes ? new FetchError('too_large', `${what} exceeds ${maxBytes} bytes`) : null, chunk);
    },
  });
}

async function readBody(body: Readable, contentEncoding: string | undefined, maxBytes: number, signal: AbortSignal): Promise<Buffer> {
  // Encodings apply in the order listed, so they are undone in reverse.
  const encodings = (contentEncoding ?? '').toLowerCase().split(',').map((e) => e.trim()).filter((e) => e && e !== 'identity');
  let decoders: Transform[];
  try {
    decoders = encodings.reverse().map(decoderFor);
  } catch (err) {
    body.destroy();
    throw err;
  }
  const chunks: Buffer[] = [];
  const collect = new Writable({ write(chunk: Buffer, _encoding, done) { chunks.push(chunk); done(); } });
  await pipeline([body, limit(maxBytes, 'response body'), ...decoders, limit(maxBytes, 'decoded body'), collect], { signal });
  return Buffer.concat(chunks);
}

function errorCodes(err: unknown): string[] {
  const codes: string[] = [];
  for (let e = err as { code?: unknown; cause?: unknown; name?: unknown } | undefined; e && codes.length < 5; e = e.cause as typeof e) {
    if (typeof e.code === 'string') codes.push(e.code);
    if (typeof e.name === 'string') codes.push(e.name);
  }
  return codes;
}

/** Any failure below the HTTP layer, as a FetchError. */
function asFetchError(err: unknown, url: string, timedOut: boolean, callerAborted: boolean): FetchError {
  if (err instanceof FetchError) return err;
  const codes = errorCodes(err);
  const message = err instanceof Error ? err.message : String(err);
  if (codes.includes('ERR_SKIM_BLOCKED')) return new FetchError('blocked', message, { url });
  if (callerAborted) return new FetchError('aborted', 'fetch aborted', { url });
  if (timedOut || codes.some((c) => /TIMEOUT/i.test(c))) return new FetchError('timeout', `timed out fetching ${url}`, { url });
  return new FetchError('network', `${url}: ${message}`, { url });
}

/**
 * GETs `url`, following redirects. Resolves for 2xx and 304 (`notModified`); throws FetchError for
 * everything else, with `retryAfterMs` on 429 and 503 when the server says when to come back.
 */
export async function fetchUrl(url: string, opts: FetchOptions = {}): Promise<FetchResult> {
  const { timeoutMs, connectTimeoutMs, maxBytes, maxRedirects } = { ...DEFAULTS, ...definedOnly(opts) };
  // The environment is read on each call so operators and tests can change it.
  const allowSpec = [opts.allow ?? process.env.SKIM_FETCH_ALLOW ?? ''].flat().join(',');
  const allow = parseAllowList(allowSpec);
  const agent = agentFor(allowSpec, allow, connectTimeoutMs);
  const deadline = AbortSignal.timeout(timeoutMs);
  const signal = opts.signal ? AbortSignal.any([deadline, opts.signal]) : deadline;

  let current: URL;
  try {
    current = new URL(url);
  } catch {
    throw new FetchError('bad_url', `not a URL: ${url}`, { url });
  }
  const headers: Record<string, string> = {
    'user-agent': USER_AGENT,
    accept: opts.accept ?? DEFAULT_ACCEPT,
    'accept-encoding': 'gzip, deflate, br',
  };
  if (opts.etag) headers['if-none-match'] = opts.etag;
  if (opts.lastModified) headers['if-modified-since'] = opts.lastModified;

  for (let hop = 0; ; hop++) {
    const blocked = blockedUrlReason(current, allow);
    if (blocked) throw new FetchError(current.protocol.startsWith('http') ? 'blocked' : 'bad_url', `refused ${current.href}: ${blocked}`, { url: current.href });
    try {
      const response = await request(current, { method: 'GET', headers, dispatcher: agent, signal, headersTimeout: timeoutMs, bodyTimeout: timeoutMs });
      const responseHeaders = flattenHeaders(response.headers);
      const { statusCode: status } = response;
      if (REDIRECTS.has(status) && responseHeaders.location) {
        await response.body.dump();
        if (hop >= maxRedirects) throw new FetchError('too_many_redirects', `more than ${maxRedirects} redirects from ${url}`, { url: current.href, status });
        current = new URL(responseHeaders.location, current);
        continue;
      }
      if (status < 200 || status >= 300) {
        await response.body.dump();
        if (status === 304) return result(status, current, responseHeaders, Buffer.alloc(0));
        const retryAfterMs = status === 429 || status === 503 ? parseRetryAfter(responseHeaders['retry-after']) ?? undefined : undefined;
        throw new FetchError('http', `HTTP ${status} from ${current.href}`, { url: current.href, status, retryAfterMs });
      }
      const declared = Number(responseHeaders['content-length']);
      if (declared > maxBytes) {
        response.body.destroy();
        throw new FetchError('too_large', `response body of ${declared} bytes exceeds ${maxBytes}`, { url: current.href, status });
      }
      const body = await readBody(response.body, responseHeaders['content-encoding'], maxBytes, signal);
      return result(status, current, responseHeaders, body);
    } catch (err) {
      if (err instanceof TypeError && /Invalid URL/i.test(err.message)) throw new FetchError('bad_url', `bad redirect from ${current.href}`, { url: current.href });
      throw asFetchError(err, current.href, deadline.aborted, !!opts.signal?.aborted);
    }
  }
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function result(status: number, url: URL, headers: Record<string, string>, body: Buffer): FetchResult {
  const contentType = headers['content-type'];
  return {
    status,
    url: url.href,
    headers,
    body,
    notModified: status === 304,
    etag: headers.etag,
    lastModified: headers['last-modified'],
    contentType,
    charset: headerCharset(contentType) ?? undefined,
  };
}
