// An article page → what publishArticle stores: fetched politely, decoded, extracted, and judged
// (ok / too_short / junk). What the feed said about the item fills in what the page lacks.
import { canonicalUrl } from '../dedup/canonical-url.ts';
import { extractArticle } from '../extract/extract.ts';
import { decodeText } from '../fetch/encoding.ts';
import { FetchError } from '../fetch/fetch.ts';
import type { ArticleInput } from '../publish.ts';
import { politeFetch, type IngestContext } from './context.ts';
import type { LoadedArticle } from './store-article.ts';

/** What is known about an article before its page is read (from a feed item or a source). */
export interface PageHints {
  title?: string | null;
  byline?: string | null;
  published?: string | null;
  section?: string | null;
  /** The feed's excerpt: shown instead of a page that is not the article (challenge, wall). */
  excerptHtml?: string | null;
}

const HTML_ACCEPT = 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5';

/** The page cannot become an article and asking again will not help (404, blocked, not HTML…). */
export class PageUnavailableError extends Error {}

/** Transient failures (timeouts, 5xx, 429) are worth another try later; the rest are final. */
export function isPermanentFetchError(err: unknown): boolean {
  if (err instanceof PageUnavailableError) return true;
  if (!(err instanceof FetchError)) return false;
  if (err.code === 'http') return err.status !== undefined && err.status >= 400 && err.status < 500 && err.status !== 408 && err.status !== 429;
  return err.code === 'blocked' || err.code === 'bad_url' || err.code === 'too_large' || err.code === 'too_many_redirects';
}

export async function loadPage(ctx: IngestContext, url: string, hints: PageHints = {}): Promise<LoadedArticle> {
  const response = await politeFetch(ctx, url, { accept: HTML_ACCEPT });
  const type = response.contentType?.split(';')[0]!.trim().toLowerCase() ?? '';
  if (type && !/html|xml/.test(type)) throw new PageUnavailableError(`${response.url} is not an HTML page (${type})`);
  return articleFromHtml(decodeText(response.body, response.contentType).text, response.url, hints);
}

/** `rel=canonical` as an identity only when it stays on the page's site and names a page, not the home page. */
function trustedCanonical(canonical: string | null, pageUrl: string | undefined): string | null {
  if (!canonical) return null;
  if (!pageUrl) return canonical; // a local file: its canonical link is the only address it has
  const site = (u: URL) => u.hostname.replace(/^www\./, '');
  try {
    const page = new URL(pageUrl);
    const target = new URL(canonical);
    return site(page) === site(target) && target.pathname.length > 1 ? target.href : null;
  } catch {
    return null;
  }
}

export function articleFromHtml(html: string, pageUrl: string | undefined, hints: PageHints = {}): LoadedArticle {
  const extracted = extractArticle(html, pageUrl);
  const canonical = trustedCanonical(extracted.canonicalUrl, pageUrl);
  const url = canonical ?? pageUrl ?? null;
  const showExcerpt = extracted.status !== 'ok' && !!hints.excerptHtml;
  const input: ArticleInput = {
    title: hints.title || extracted.title || url || 'Untitled',
    body: showExcerpt ? hints.excerptHtml! : extracted.html,
    format: 'html',
    url,
    byline: extracted.byline ?? hints.byline ?? null,
    section: hints.section ?? null,
    publishedAt: extracted.published ?? hints.published ?? null,
    lang: extracted.lang,
    imageUrl: extracted.leadImage,
    siteName: extracted.siteName,
    status: extracted.status,
    statusReason: extracted.reason,
  };
  const urls = [pageUrl, canonical].map((u) => (u ? canonicalUrl(u) : null)).filter((u): u is string => !!u);
  return { input, urls: [...new Set(urls)], text: extracted.text };
}
