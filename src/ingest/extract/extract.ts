// Readable article from a web page: Readability on linkedom picks the body, our cleanup removes
// what it leaves in (captions, bylines, share bars, link lists), the sanitizer makes it storable,
// and a verdict marks pages that are not the article (bot challenges, walls, stubs).
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { countWords, htmlToText } from '../content.ts';
import { sanitizeHtml } from '../sanitize/sanitize.ts';
import { cleanArticle } from './cleanup.ts';
import { readMetadata } from './metadata.ts';
import { judgeQuality, type Verdict } from './quality.ts';

export interface Extracted extends Verdict {
  title: string | null;
  byline: string | null;
  published: string | null;
  modified: string | null;
  siteName: string | null;
  lang: string | null;
  canonicalUrl: string | null;
  leadImage: string | null;
  excerpt: string | null;
  /** Sanitized article HTML, URLs absolute. */
  html: string;
  /** `htmlToText(html)`: paragraphs separated by a blank line. */
  text: string;
  wordCount: number;
}

/** The `<base href>` of the page resolved against its URL, else the URL itself. */
function baseUrlOf(document: Document, url: string | undefined): string | undefined {
  const base = document.querySelector('base[href]')?.getAttribute('href');
  if (!base) return url;
  try {
    return new URL(base, url).href;
  } catch {
    return url;
  }
}

export function extractArticle(html: string, url?: string): Extracted {
  const { document } = parseHTML(html) as unknown as { document: Document };
  const baseUrl = baseUrlOf(document, url);
  const metadata = readMetadata(document, baseUrl);
  const pageTitle = document.querySelector('title')?.textContent?.trim() ?? '';
  // Classes are kept for cleanArticle; the sanitizer drops them afterwards.
  const article = new Readability(document, { keepClasses: true, serializer: (node) => node as Element }).parse();
  const title = metadata.title ?? (article?.title?.trim() || pageTitle || null);
  const byline = metadata.byline ?? (article?.byline?.trim() || null);
  const content = article?.content ? cleanArticle(article.content, { title, byline, urls: [url, metadata.canonicalUrl].filter((u): u is string => !!u) }) : '';
  const safeHtml = sanitizeHtml(content, baseUrl);
  const text = htmlToText(safeHtml);
  return {
    title,
    byline,
    published: metadata.published,
    modified: metadata.modified,
    siteName: metadata.siteName ?? article?.siteName ?? null,
    lang: metadata.lang,
    canonicalUrl: metadata.canonicalUrl,
    leadImage: metadata.leadImage,
    excerpt: metadata.description ?? article?.excerpt ?? null,
    html: safeHtml,
    text,
    wordCount: countWords(text),
    ...judgeQuality({ text, pageTitle }),
  };
}
