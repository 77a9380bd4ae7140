// Readable article from a web page: Readability on linkedom picks the body, our cleanup removes
// what it leaves in (captions, bylines, share bars, link lists), the sanitizer makes it storable,
// and a verdict marks pages that are not the article (bot challenges, walls, stubs).
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { htmlToText } from '../content.ts';
import { countWords } from '../../text/words.ts';
import { sanitizeHtml } from '../sanitize/sanitize.ts';
import { detectLanguage } from '../../text/language.ts';
import { canonicalUrl } from '../dedup/canonical-url.ts';
import { cleanArticle } from './cleanup.ts';
import { readMetadata, type PageMetadata } from './metadata.ts';
import { judgeQuality, type Verdict } from './quality.ts';

/** The page's metadata (its description as the excerpt, falling back to Readability's), plus the article. */
export interface Extracted extends Verdict, Omit<PageMetadata, 'description'> {
  excerpt: string | null;
  /** Sanitized article HTML, URLs absolute. */
  html: string;
  /** `htmlToText(html)`: paragraphs separated by a blank line. */
  text: string;
  wordCount: number;
}

/** The `<base href>` of the page resolved against its URL, else the URL itself. */
function baseUrlOf(document: Document, url: string | undefined): string | undefined {
  const base = document.head?.querySelector('base[href]')?.getAttribute('href');
  if (!base) return url;
  try {
    return new URL(base, url).href;
  } catch {
    return url;
  }
}

// Comments, scripts (but JSON-LD), styles and inline SVG icons: never article text, and about a
// tenth of the extraction time goes to building their DOM nodes.
const NEVER_TEXT = /<!--[\s\S]*?-->|<script\b(?![^>]*ld\+json)[^>]*>[\s\S]*?<\/script\s*>|<style\b[^>]*>[\s\S]*?<\/style\s*>|<svg\b[^>]*>[\s\S]*?<\/svg\s*>/gi;

/** linkedom implies no <html> or <body> (Readability needs both): add them where a page leaves them out. */
function parseDocument(html: string): Document {
  let source = html.replace(NEVER_TEXT, '').replace(/^\s*<!doctype[^>]*>/i, '');
  if (!/<body[\s>]/i.test(source)) source = `<body>${source.replace(/<\/?html[^>]*>/gi, '')}</body>`;
  if (!/<html[\s>]/i.test(source)) source = `<html>${source}</html>`;
  return (parseHTML(`<!doctype html>${source}`) as unknown as { document: Document }).document;
}

// Menus, page footers, form controls and head tags (metadata is read by then): Readability would
// score and drop them anyway; removing them first makes it about a tenth faster.
const NEVER_ARTICLE = 'nav, footer, button, select, input, textarea, link, meta';

// Readability's cost grows steeply with nesting (about a second at depth 300); real pages nest at
// most about 50 deep (AEB and Readability's test pages).
const MAX_DEPTH = 200;

/** Whether any element under `root` sits more than `limit` levels deep (iterative: no stack to overflow). */
function nestedDeeperThan(root: Element, limit: number): boolean {
  let node: Element | null = root;
  let depth = 1;
  while (node) {
    if (depth > limit) return true;
    if (node.firstElementChild) {
      node = node.firstElementChild;
      depth++;
      continue;
    }
    while (node && node !== root && !node.nextElementSibling) {
      node = node.parentElement;
      depth--;
    }
    if (!node || node === root) return false;
    node = node.nextElementSibling;
  }
  return false;
}

/** Readability's article element, or why the page was not given to it. */
function readArticle(document: Document): { article: ReturnType<Readability<Element>['parse']>; refusal: string | null } {
  if (nestedDeeperThan(document.documentElement, MAX_DEPTH)) return { article: null, refusal: `page nested deeper than ${MAX_DEPTH} elements` };
  try {
    // Classes are kept for cleanArticle; the sanitizer drops them afterwards.
    const reader = new Readability(document, { keepClasses: true, serializer: (node) => node as Element });
    return { article: reader.parse(), refusal: null };
  } catch {
    // A DOM Readability trips over is read like a page without an article: the whole body.
    return { article: null, refusal: null };
  }
}

// Page chrome dropped when Readability finds no article and the whole body has to do.
const CHROME = 'script, style, noscript, template, svg, nav, header, footer, aside, form, iframe, [role="navigation"], [role="banner"], [role="contentinfo"], [aria-hidden="true"], [hidden]';

/** The page body without its chrome: what is left of a page Readability cannot read. */
function wholeBody(html: string): Element | null {
  const document = parseDocument(html);
  for (const element of document.querySelectorAll(CHROME)) element.remove();
  return document.body;
}

export function extractArticle(html: string, url?: string): Extracted {
  const document = parseDocument(html);
  const baseUrl = baseUrlOf(document, url);
  const metadata = readMetadata(document, baseUrl);
  const pageTitle = document.querySelector('title')?.textContent?.trim() ?? '';
  for (const element of document.querySelectorAll(NEVER_ARTICLE)) element.remove();
  const { article, refusal } = readArticle(document);
  const title = metadata.title ?? (article?.title?.trim() || pageTitle || null);
  const byline = metadata.byline ?? (article?.byline?.trim() || null);
  const root = refusal ? null : (article?.content ?? wholeBody(html));
  const rawText = root?.textContent ?? '';
  // The declared canonical address first, then the one fetched.
  const pageUrls = [metadata.canonicalUrl, url].filter((u): u is string => !!u);
  const content = root ? cleanArticle(root, { title, byline, urls: pageUrls }) : '';
  const safeHtml = sanitizeHtml(content, baseUrl);
  const text = htmlToText(safeHtml);
  const wordCount = countWords(text);
  return {
    title,
    byline,
    published: metadata.published,
    modified: metadata.modified,
    siteName: metadata.siteName ?? article?.siteName ?? null,
    // The page's declaration wins; detection only fills in for pages that declare nothing.
    lang: metadata.lang ?? (text ? detectLanguage(text) : null),
    canonicalUrl: pageUrls.map(canonicalUrl).find((u) => u !== null) ?? null,
    leadImage: metadata.leadImage,
    excerpt: metadata.description ?? article?.excerpt ?? null,
    html: safeHtml,
    text,
    wordCount,
    ...(refusal ? { status: 'junk' as const, reason: refusal } : judgeQuality({ words: wordCount, rawText, pageTitle })),
  };
}
