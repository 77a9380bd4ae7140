// Bytes to text for feeds and HTML pages. The charset is taken, in order, from a byte-order mark,
// the HTTP Content-Type header, the document itself (XML declaration, HTML <meta>), or the
// layout of the first bytes (XML spec, appendix F); otherwise UTF-8, falling back to windows-1252
// when the bytes are not valid UTF-8. iconv-lite decodes: Node 20's TextDecoder treats
// windows-1252 as ISO-8859-1 and lacks UTF-32.
import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';

export type DecodedText = { text: string; charset: string };

type Sniffed = { charset: string; skip: number };

function sniffBytes(bytes: Uint8Array): Sniffed | null {
  const [b0, b1, b2, b3] = bytes;
  if (b0 === 0x00 && b1 === 0x00 && b2 === 0xfe && b3 === 0xff) return { charset: 'utf-32be', skip: 4 };
  if (b0 === 0xff && b1 === 0xfe && b2 === 0x00 && b3 === 0x00) return { charset: 'utf-32le', skip: 4 };
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return { charset: 'utf-8', skip: 3 };
  if (b0 === 0xfe && b1 === 0xff) return { charset: 'utf-16be', skip: 2 };
  if (b0 === 0xff && b1 === 0xfe) return { charset: 'utf-16le', skip: 2 };
  // No mark: a leading '<' in a wide encoding.
  if (b0 === 0x00 && b1 === 0x00 && b2 === 0x00 && b3 === 0x3c) return { charset: 'utf-32be', skip: 0 };
  if (b0 === 0x3c && b1 === 0x00 && b2 === 0x00 && b3 === 0x00) return { charset: 'utf-32le', skip: 0 };
  if (b0 === 0x00 && b1 === 0x3c) return { charset: 'utf-16be', skip: 0 };
  if (b0 === 0x3c && b1 === 0x00) return { charset: 'utf-16le', skip: 0 };
  return null;
}

/** The charset parameter of a Content-Type header value, if any. */
export function headerCharset(contentType: string | null | undefined): string | null {
  const match = /;\s*charset\s*=\s*("?)([^";\s]+)\1/i.exec(contentType ?? '');
  return match?.[2] ?? null;
}

/** Charset named inside the document: XML declaration, then HTML <meta charset> forms. */
function declaredCharset(head: string): string | null {
  const xml = /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  if (xml) return xml[1]!;
  const meta = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  return meta?.[1] ?? null;
}

// Labels whose usual meaning differs from their strict one, as browsers read them.
const LABEL_ALIASES: Record<string, string> = {
  'iso-8859-1': 'windows-1252',
  'latin1': 'windows-1252',
  'us-ascii': 'windows-1252',
  'ascii': 'windows-1252',
  'gb2312': 'gb18030',
  'gbk': 'gb18030',
  'x-sjis': 'shift_jis',
  'ucs-2': 'utf-16le',
  'unicode': 'utf-16le',
};

function usableCharset(label: string | null): string | null {
  if (!label) return null;
  const name = label.trim().toLowerCase();
  const resolved = LABEL_ALIASES[name] ?? name;
  return iconv.encodingExists(resolved) ? resolved : null;
}

const isUtf8Label = (label: string) => label === 'utf-8' || label === 'utf8';
// A wide charset named by an ASCII-compatible document is a mislabel: its bytes are not UTF-16/32.
const isWide = (label: string) => /^(utf-?16|utf-?32|ucs-?[24])/.test(label);

function decodeUtf8OrLatin(bytes: Buffer): DecodedText {
  if (isUtf8(bytes)) return { text: bytes.toString('utf8'), charset: 'utf-8' };
  // Invalid UTF-8 with no trustworthy label is almost always windows-1252.
  return { text: iconv.decode(bytes, 'windows-1252'), charset: 'windows-1252' };
}

/**
 * Decodes a document. `contentType` is the HTTP header, when the bytes came over HTTP.
 * A byte-order mark (or a wide '<') wins over everything; the header wins over the document's own
 * declaration.
 */
export function decodeText(input: Uint8Array, contentType?: string | null): DecodedText {
  const bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const sniffed = sniffBytes(bytes);
  if (sniffed) return { text: iconv.decode(bytes.subarray(sniffed.skip), sniffed.charset), charset: sniffed.charset };
  const head = bytes.subarray(0, 4096).toString('latin1');
  const candidates = [headerCharset(contentType), declaredCharset(head)].map(usableCharset);
  const charset = candidates.find((c): c is string => c !== null && !isWide(c));
  if (!charset || isUtf8Label(charset)) return decodeUtf8OrLatin(bytes);
  return { text: iconv.decode(bytes, charset), charset };
}
