// A feed item → an Arrival: its identity (GUID, canonical link), a hash of what the feed showed,
// and how to load it: the full page when the feed carries an excerpt (and the source wants full
// text), else the feed's own content.
import { createHash } from 'node:crypto';
import { htmlToText } from '../content.ts';
import { countWords } from '../../text/words.ts';
import { canonicalUrl } from '../dedup/canonical-url.ts';
import { judgeQuality } from '../extract/quality.ts';
import type { FeedItem } from '../feeds/types.ts';
import type { IngestContext } from './context.ts';
import { isPermanentFetchError, loadPage, type PageHints } from './page.ts';
import type { Arrival, LoadedArticle } from './store-article.ts';

/** Where an item came from: a stored source, or none (a local feed file). */
export interface ItemOrigin {
  sourceId: number | null;
  section: string | null;
  fullText: boolean;
}

/** Feed content shorter than this is taken for an excerpt. */
const FULL_CONTENT_MIN_WORDS = 150;
// "…", "[…]", "[...]", "Read more", "Continue reading" at the end: the feed cut the article short.
const TRUNCATED = /(\u2026|\.\.\.|\[(\u2026|\.\.\.)\]|read more|continue reading[^.]*)\W*$/i;

function isExcerpt(text: string): boolean {
  return countWords(text) < FULL_CONTENT_MIN_WORDS || TRUNCATED.test(text);
}

function itemHash(item: FeedItem): string {
  const shown = [item.title, item.link, item.summary, item.content, item.published, item.updated];
  return createHash('sha256').update(JSON.stringify(shown)).digest('hex').slice(0, 32);
}

/** Null for an item that names nothing we could find again (no GUID, no link). */
export function itemArrival(ctx: IngestContext, origin: ItemOrigin, item: FeedItem): Arrival | null {
  const link = item.link ? canonicalUrl(item.link) : null;
  const guid = item.id ?? item.link ?? null;
  if (!guid) return null;
  return {
    sourceId: origin.sourceId,
    guid,
    urls: link ? [link] : [],
    itemHash: itemHash(item),
    load: () => loadItem(ctx, origin, item),
  };
}

async function loadItem(ctx: IngestContext, origin: ItemOrigin, item: FeedItem): Promise<LoadedArticle> {
  const body = item.content ?? item.summary ?? '';
  const text = htmlToText(body);
  const hints: PageHints = { title: item.title, byline: item.author, published: item.published ?? item.updated, section: origin.section, excerptHtml: body || null };
  if (origin.fullText && item.link && isExcerpt(text)) {
    try {
      return await loadPage(ctx, item.link, hints);
    } catch (err) {
      // Transient failures throw: the item is tried again on the next poll.
      if (!isPermanentFetchError(err)) throw err;
      const reason = `full article unavailable (${err instanceof Error ? err.message : String(err)}); feed excerpt only`;
      return fromFeed(item, hints, text, { status: 'too_short', reason });
    }
  }
  return fromFeed(item, hints, text, judgeQuality({ words: countWords(text), rawText: text, pageTitle: '' }));
}

function fromFeed(item: FeedItem, hints: PageHints, text: string, verdict: ReturnType<typeof judgeQuality>): LoadedArticle {
  const url = item.link ?? null;
  return {
    input: {
      title: hints.title || url || 'Untitled',
      body: hints.excerptHtml ?? '',
      format: 'html',
      url,
      byline: hints.byline ?? null,
      section: hints.section ?? null,
      publishedAt: hints.published ?? null,
      status: verdict.status,
      statusReason: verdict.reason,
    },
    urls: [],
    text,
  };
}
