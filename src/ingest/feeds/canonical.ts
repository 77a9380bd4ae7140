// Rewrites a feed document into the well-formed, conventional XML feedsmith reads best.
// linkedom's lenient XML parser closes truncated or mismatched elements and escapes stray '&' and
// '<'; then the spellings feeds use in the wild for standard elements (an RSS namespace prefix,
// dc:author, a channel <author>, base64 Atom text, <xhtml:body>, a lone Atom entry) become the
// standard ones. The DOM round trip is four times slower than feedsmith itself, so it runs only
// for documents that show one of those spellings (needsCanonicalXml) or that feedsmith refuses.
import { decodeHTML } from 'entities';
import { DOMParser } from 'linkedom';
import { prologEnd } from './prolog.ts';

const NS = {
  dc: 'http://purl.org/dc/elements/1.1/',
  content: 'http://purl.org/rss/1.0/modules/content/',
  xhtml: 'http://www.w3.org/1999/xhtml',
};

// Namespaces of the RSS core elements; feedsmith reads those elements only without a prefix.
const RSS_NAMESPACES = new Set([
  'http://backend.userland.com/rss2',
  'http://backend.userland.com/rss',
  'http://purl.org/rss/1.0/',
  'http://my.netscape.com/rdf/simple/0.9/',
]);

/** The part of a linkedom element this module uses (the tree has no DOM lib types). */
interface XmlElement {
  tagName: string;
  parentElement: XmlElement | null;
  attributes: ArrayLike<{ name: string; value: string }>;
  textContent: string | null;
  innerHTML: string;
  firstChild: unknown;
  ownerDocument: { createElement(name: string): XmlElement };
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  removeAttribute(name: string): void;
  appendChild(child: unknown): unknown;
  replaceWith(other: XmlElement): void;
  querySelectorAll(selector: string): Iterable<XmlElement>;
  toString(): string;
}

const ATOM_NAMESPACES = new Set(['http://www.w3.org/2005/Atom', 'http://purl.org/atom/ns#']);
const ATOM_TEXT_CONSTRUCTS = new Set(['title', 'subtitle', 'tagline', 'summary', 'content', 'rights', 'copyright', 'info']);

// Cheap text markers of every rewrite below; false positives only cost time. Each is linear in
// the document (bounded repetitions, no lazy scan inside a repetition) so hostile input stays cheap.
const BASE64_TYPE = String.raw`\s[^>]{0,500}?type\s*=\s*["'](?!text\/)[\w.+-]+\/(?![\w.+-]*xml["'])`;
const ATOM_TEXT = `(?:${[...ATOM_TEXT_CONSTRUCTS].join('|')})`;
const UNPREFIXED_MARKERS = [/<(?:fullitem|body)[\s>]/, /\smode\s*=\s*["']base64/, new RegExp(`<${ATOM_TEXT}${BASE64_TYPE}`)];
// Prefixed markers, for the prefixes the document binds to each namespace.
const PREFIXED_MARKERS: [Set<string>, string][] = [
  [RSS_NAMESPACES, '[\\w.-]+[\\s>]'],
  [new Set([NS.dc]), 'author[\\s>]'],
  [new Set([NS.xhtml]), 'body[\\s>]'],
  [ATOM_NAMESPACES, ATOM_TEXT + BASE64_TYPE],
];

/** An RSS <author> in the channel, before its first item. */
function hasChannelAuthor(text: string): boolean {
  const channel = text.indexOf('<channel');
  if (channel < 0) return false;
  const find = (re: RegExp) => { re.lastIndex = channel; return re.exec(text)?.index ?? Infinity; };
  const author = find(/<author[\s>]/g);
  return author < find(/<item[\s>]/g);
}

function isEntryDocument(text: string): boolean {
  const root = prologEnd(text);
  return /^<(?:[\w.-]+:)?entry[\s>]/.test(text.slice(root, root + 100));
}

/** Whether the document uses a spelling canonicalXml rewrites. */
export function needsCanonicalXml(text: string): boolean {
  if (UNPREFIXED_MARKERS.some((marker) => marker.test(text)) || hasChannelAuthor(text) || isEntryDocument(text)) return true;
  const declarations = [...text.matchAll(/\sxmlns:([\w.-]+)\s*=\s*["']([^"'<>]{0,500})["']/g)];
  return PREFIXED_MARKERS.some(([namespaces, element]) => {
    // A handful of prefixes per namespace is plenty; thousands would only slow the test down.
    const prefixes = [...new Set(declarations.filter(([, , uri]) => namespaces.has(uri!)).map(([, prefix]) => prefix!.replace(/\./g, '\\.')))].slice(0, 8);
    return prefixes.length > 0 && new RegExp(`<(?:${prefixes.join('|')}):${element}`).test(text);
  });
}

type ElementName = { ns: string | null; local: string };
type Alias = { from: ElementName; parent?: string; to: ElementName; markupToText?: boolean };

// Elements feedparser reads as synonyms of a standard one.
const ALIASES: Alias[] = [
  { from: { ns: NS.dc, local: 'author' }, to: { ns: NS.dc, local: 'creator' } },
  { from: { ns: null, local: 'author' }, parent: 'channel', to: { ns: NS.dc, local: 'creator' } },
  { from: { ns: null, local: 'fullitem' }, parent: 'item', to: { ns: NS.content, local: 'encoded' } },
  { from: { ns: NS.xhtml, local: 'body' }, parent: 'item', to: { ns: NS.content, local: 'encoded' }, markupToText: true },
];

// XML knows five named entities; the HTML ones feeds use anyway become character references so
// the XML parser keeps them.
const XML_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);
function numericEntities(text: string): string {
  return text.replace(/&([a-zA-Z][a-zA-Z0-9]*);/g, (ref, name: string) => {
    if (XML_ENTITIES.has(name)) return ref;
    const decoded = decodeHTML(ref);
    return decoded === ref ? ref : [...decoded].map((c) => `&#${c.codePointAt(0)};`).join('');
  });
}

function splitName(name: string): { prefix: string | null; local: string } {
  const i = name.indexOf(':');
  return i < 0 ? { prefix: null, local: name } : { prefix: name.slice(0, i), local: name.slice(i + 1) };
}

function namespaceOf(el: XmlElement): string | null {
  const { prefix } = splitName(el.tagName);
  const attribute = prefix ? `xmlns:${prefix}` : 'xmlns';
  for (let node: XmlElement | null = el; node; node = node.parentElement) {
    const uri = node.getAttribute(attribute);
    if (uri != null) return uri;
  }
  return null;
}

/** Replaces `el` by an element named `name` with the same attributes and children. */
function rename(el: XmlElement, name: string): void {
  const renamed = el.ownerDocument.createElement(name);
  for (const attr of Array.from(el.attributes)) renamed.setAttribute(attr.name, attr.value);
  while (el.firstChild) renamed.appendChild(el.firstChild);
  el.replaceWith(renamed);
}

function matches(alias: Alias, el: XmlElement, ns: string | null, local: string): boolean {
  const fromNs = alias.from.ns;
  const nsOk = fromNs === null ? ns === null || RSS_NAMESPACES.has(ns) : ns === fromNs;
  return nsOk && local === alias.from.local && (!alias.parent || splitName(el.parentElement?.tagName ?? '').local === alias.parent);
}

// Atom 0.3 marks base64 text with mode="base64"; Atom 1.0 carries any MIME type other than text
// and XML as base64 (RFC 4287, 4.1.3.3).
function isBase64(el: XmlElement, ns: string | null, local: string): boolean {
  if (!ATOM_NAMESPACES.has(ns ?? '') || !ATOM_TEXT_CONSTRUCTS.has(local)) return false;
  if (el.getAttribute('mode') === 'base64') return true;
  const type = el.getAttribute('type')?.toLowerCase();
  return !!type && type.includes('/') && !type.startsWith('text/') && !/[/+]xml$/.test(type);
}

/** Rewrites the document; returns well-formed XML text, or null when there is no root element. */
export function canonicalXml(text: string): string | null {
  const doc = new DOMParser().parseFromString(numericEntities(text), 'text/xml');
  const root = doc.documentElement as XmlElement | null;
  if (!root) return null;
  const prefixes = new Map<string, string>();
  const prefixFor = (ns: string) => {
    let prefix = prefixes.get(ns);
    if (!prefix) {
      prefix = `skim${prefixes.size}`;
      prefixes.set(ns, prefix);
      root.setAttribute(`xmlns:${prefix}`, ns);
    }
    return prefix;
  };
  for (const el of [...root.querySelectorAll('*')]) {
    const ns = namespaceOf(el);
    const { prefix, local } = splitName(el.tagName);
    if (isBase64(el, ns, local)) {
      el.textContent = Buffer.from(el.textContent ?? '', 'base64').toString('utf8');
      el.removeAttribute('mode');
      el.setAttribute('type', 'html');
    }
    const alias = ALIASES.find((a) => matches(a, el, ns, local));
    if (alias) {
      if (alias.markupToText) el.textContent = el.innerHTML;
      rename(el, alias.to.ns ? `${prefixFor(alias.to.ns)}:${alias.to.local}` : alias.to.local);
    } else if (prefix && ns && RSS_NAMESPACES.has(ns)) {
      rename(el, local);
    }
  }
  const rootNs = namespaceOf(root) ?? '';
  const rootName = splitName(root.tagName);
  if (rootName.prefix && RSS_NAMESPACES.has(rootNs)) rename(root, rootName.local);
  // A lone Atom entry document is read as a feed of one entry.
  if (rootName.local === 'entry' && ATOM_NAMESPACES.has(rootNs)) return `<feed xmlns="${rootNs}">${root.toString()}</feed>`;
  return doc.toString();
}
