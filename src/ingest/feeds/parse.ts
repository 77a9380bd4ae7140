// One entry point for every feed format: bytes in, the normalized schema (./types.ts) out.
// Decoding is ours (./../fetch/encoding.ts), parsing is feedsmith's, and a feed that is broken in
// the usual ways (junk before the root, bare ampersands, control characters) is repaired and
// parsed again so it still yields what can be read, with a warning, instead of failing.
import { parseFeed as feedsmithParse, type AnyFeed } from 'feedsmith';
import { decodeText } from '../fetch/encoding.ts';
import { normalizeFeed } from './normalize.ts';
import type { ParsedFeed } from './types.ts';

export type ParseFeedOptions = { contentType?: string | null; url?: string | null };

/** The document is not a feed in any format we read (or is empty). */
export class FeedParseError extends Error {}

// A DOCTYPE with an internal subset can declare entities: recursive ones expand exponentially
// (billion laughs) and SYSTEM ones read files or URLs. Declarations are dropped unread, so a
// reference to them stays literal text.
const DOCTYPE_RE = /<!DOCTYPE(?:[^[>]|\[[\s\S]*?\]\s*)*>/gi;

function dropDoctype(text: string, warnings: string[]): string {
  return text.replace(DOCTYPE_RE, (doctype) => {
    if (/<!ENTITY/i.test(doctype)) warnings.push('entity declarations ignored');
    return '';
  });
}

// Characters XML 1.0 forbids; feeds in the wild carry them from copied text.
const CONTROL_CHARS_RE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
// An ampersand that starts no entity or character reference.
const BARE_AMPERSAND_RE = /&(?!(?:[a-zA-Z][\w.-]*|#\d+|#x[\da-fA-F]+);)/g;

function repair(text: string): string {
  const start = text.search(/<(?:\?xml|[a-zA-Z])/);
  return (start > 0 ? text.slice(start) : text).replace(CONTROL_CHARS_RE, '').replace(BARE_AMPERSAND_RE, '&amp;');
}

function tryParse(text: string): AnyFeed | Error {
  try {
    return feedsmithParse(text);
  } catch (err) {
    return err instanceof Error ? err : new Error(String(err));
  }
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
  let parsed = tryParse(text);
  if (parsed instanceof Error) {
    const repaired = tryParse(repair(text));
    if (repaired instanceof Error) throw new FeedParseError(`not a readable feed: ${parsed.message}`);
    warnings.push(`malformed document recovered (${parsed.message})`);
    parsed = repaired;
  }
  return { ...normalizeFeed(parsed, opts.url ?? null), warnings };
}
