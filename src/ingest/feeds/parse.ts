// One entry point for every feed format: bytes in, the normalized schema (./types.ts) out.
// Decoding is ours (../fetch/encoding.ts), parsing is feedsmith's, and a feed feedsmith refuses as
// malformed (truncated, mismatched tags, stray '&') is repaired by ./canonical.ts and parsed
// again, so it still yields what can be read, with a warning, instead of failing.
import { detectAtomFeed, detectRdfFeed, detectRssFeed, MalformedError, parseFeed as feedsmithParse, ParseError, type AnyFeed } from 'feedsmith';
import { decodeText } from '../fetch/encoding.ts';
import { canonicalXml, needsCanonicalXml } from './canonical.ts';
import { normalizeFeed } from './normalize.ts';
import { prologDoctype } from './prolog.ts';
import type { ParsedFeed } from './types.ts';

export type ParseFeedOptions = { contentType?: string | null; url?: string | null };

/** The document is not a feed in any format we read (or is empty). */
export class FeedParseError extends Error {}

// A DOCTYPE with an internal subset can declare entities: recursive ones expand exponentially
// (billion laughs) and SYSTEM ones read files or URLs. Declarations are dropped unread, so a
// reference to them stays literal text. Only a DOCTYPE in the prolog counts: one inside a CDATA
// section is text.
function dropDoctype(text: string, warnings: string[]): string {
  const doctype = prologDoctype(text);
  if (!doctype) return text;
  if (/<!ENTITY/i.test(text.slice(doctype.start, doctype.end))) warnings.push('entity declarations ignored');
  return text.slice(0, doctype.start) + text.slice(doctype.end);
}

/** feedsmith refuses a feed it recognizes but finds nothing in; that is an empty feed to us. */
function emptyFeed(text: string): AnyFeed | null {
  if (detectRssFeed(text)) return { format: 'rss', feed: {} };
  if (detectAtomFeed(text)) return { format: 'atom', feed: {} };
  if (detectRdfFeed(text)) return { format: 'rdf', feed: {} };
  return null;
}

function tryParse(document: string | object): AnyFeed | Error {
  try {
    return feedsmithParse(document);
  } catch (err) {
    const empty = err instanceof ParseError && typeof document === 'string' ? emptyFeed(document) : null;
    return empty ?? (err instanceof Error ? err : new Error(String(err)));
  }
}

function parseJson(text: string): AnyFeed | Error {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return new Error(`invalid JSON (${(err as Error).message})`);
  }
  // feedsmith wants a jsonfeed.org version URL; older and sloppier feeds say "1.0" or nothing.
  if (json && typeof json === 'object' && 'items' in json && Array.isArray(json.items)) {
    const version = 'version' in json ? String(json.version) : '';
    if (!version.includes('jsonfeed.org/version/')) json = { ...json, version: 'https://jsonfeed.org/version/1.1' };
  }
  return tryParse(json as object);
}

function parseXml(text: string, warnings: string[]): AnyFeed | Error {
  const direct = needsCanonicalXml(text) ? null : tryParse(text);
  if (direct && !(direct instanceof MalformedError)) return direct;
  const repaired = tryParse(canonicalXml(text) ?? text);
  if (direct && !(repaired instanceof Error)) warnings.push('malformed XML repaired');
  return repaired;
}

/**
 * Parses a feed document (RSS 0.9x/1.0/2.0, Atom 0.3/1.0, JSON Feed 1.0/1.1).
 * `contentType` (the HTTP header) helps pick the charset; `url` resolves relative links.
 * Throws FeedParseError only when nothing can be read at all.
 */
export function parseFeed(input: Buffer | string, opts: ParseFeedOptions = {}): ParsedFeed {
  const warnings: string[] = [];
  const decoded = typeof input === 'string' ? input : decodeText(input, opts.contentType).text;
  const text = dropDoctype(decoded.replace(/^\uFEFF/, ''), warnings);
  if (!text.trim()) throw new FeedParseError('empty document');
  const parsed = /^\s*[{[]/.test(text) ? parseJson(text) : parseXml(text, warnings);
  if (parsed instanceof Error) throw new FeedParseError(`not a readable feed: ${parsed.message}`);
  return { ...normalizeFeed(parsed, opts.url ?? null), warnings };
}
