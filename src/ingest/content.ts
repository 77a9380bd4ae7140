// One article body in any accepted format → sanitized HTML plus the plain text every later stage
// (summary offsets, search, hashes) indexes into. The text rule lives here alone so that the site,
// the API and extraction derive byte-identical text from the same HTML.
import { createHash } from 'node:crypto';
import { DOMParser } from 'linkedom';
import { marked } from 'marked';
import { escapeUTF8 } from 'entities';
import { sanitizeHtml } from './sanitize/sanitize.ts';
import { countWords } from '../text/words.ts';

export type ContentFormat = 'html' | 'markdown' | 'text';

export interface PreparedContent {
  html: string;
  text: string;
  wordCount: number;
  contentHash: string;
}

/** Elements that end the paragraph before them and start a new one. */
export const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'caption', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup',
  'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tr', 'ul',
]);
// Table cells sit on one line, separated by a space.
const CELL_TAGS = new Set(['td', 'th']);
// Elements whose text is never prose.
const SKIPPED_TAGS = new Set([
  'head', 'script', 'style', 'noscript', 'template', 'title', 'svg', 'math', 'iframe', 'object', 'select',
  'textarea', 'button',
]);

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

/** The subset of a DOM node the text walk reads (linkedom's and the browser's nodes both fit). */
interface TextNode {
  nodeType: number;
  nodeValue: string | null;
  localName?: string;
  childNodes: ArrayLike<TextNode>;
}

/**
 * Plain text of DOM nodes: one paragraph per block element (p, headings, list items, blockquotes,
 * table rows, br…), whitespace collapsed to single spaces inside a paragraph, paragraphs joined by
 * a blank line. Only whitespace changes: src/web/source-marks.ts maps text offsets back onto the
 * HTML by its non-whitespace characters.
 */
function nodesToText(nodes: ArrayLike<TextNode>): string {
  const paragraphs: string[] = [];
  let current = '';
  const flush = () => {
    const paragraph = current.replace(/\s+/g, ' ').trim();
    if (paragraph) paragraphs.push(paragraph);
    current = '';
  };
  // An element is met twice, as a node on the way in and as its
  // tag name on the way out. A loop, not recursion: hostile pages nest tens of thousands deep.
  const boundary = (tag: string) => {
    if (BLOCK_TAGS.has(tag)) flush();
    else if (CELL_TAGS.has(tag)) current += ' ';
  };
  const pending: (TextNode | string)[] = Array.from(nodes).reverse();
  while (pending.length > 0) {
    const next = pending.pop()!;
    if (typeof next === 'string') {
      boundary(next);
    } else if (next.nodeType === TEXT_NODE) {
      current += next.nodeValue ?? '';
    } else if (next.nodeType === ELEMENT_NODE) {
      const tag = next.localName ?? '';
      if (SKIPPED_TAGS.has(tag)) continue;
      boundary(tag);
      pending.push(tag);
      for (let i = next.childNodes.length - 1; i >= 0; i--) pending.push(next.childNodes[i]!);
    }
  }
  flush();
  return paragraphs.join('\n\n');
}

/** Plain text of an HTML fragment or document by the rule of `nodesToText`. */
export function htmlToText(html: string): string {
  const document = new DOMParser().parseFromString(html, 'text/html');
  return nodesToText(document.childNodes as unknown as ArrayLike<TextNode>);
}

/** Plain text → one `<p>` per blank-line-separated block. */
function textToHtml(text: string): string {
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((block) => block.trim())
    .filter(Boolean)
    .map((block) => `<p>${escapeUTF8(block)}</p>`)
    .join('\n');
}

function toUnsafeHtml(body: string, format: ContentFormat): string {
  switch (format) {
    case 'html':
      return body;
    case 'markdown':
      return marked.parse(body, { async: false, gfm: true });
    case 'text':
      return textToHtml(body);
  }
}

export function prepareContent(input: { body: string; format: ContentFormat; baseUrl?: string }): PreparedContent {
  const html = sanitizeHtml(toUnsafeHtml(input.body, input.format), input.baseUrl);
  const text = htmlToText(html);
  return {
    html,
    text,
    wordCount: countWords(text),
    // NFC: the same words typed with combining accents are the same content.
    contentHash: createHash('sha256').update(text.normalize('NFC')).digest('hex'),
  };
}
