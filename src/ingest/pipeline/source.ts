// One poll of one feed: conditional GET → parse → each item stored (./store-article.ts) → the
// schedule written back. The schedule is written last, so a poll cut short (crash, kill -9) is
// simply done again, and items already stored are recognized instead of doubled.
import { getSource, recordFetchFailure, recordFetchSuccess } from '../../store/sources.ts';
import type { Source } from '../../store/schema.ts';
import { FetchError } from '../fetch/fetch.ts';
import { backoffDelay, cacheMaxAge, feedRefreshInterval } from '../fetch/politeness.ts';
import { parseFeed } from '../feeds/parse.ts';
import type { FeedItem } from '../feeds/types.ts';
import { FEED_ACCEPT, politeFetch, type IngestContext } from './context.ts';
import { forEachLimited } from '../../for-each-limited.ts';
import { itemArrival, type ItemOrigin } from './item.ts';
import { storeArrival, type Outcome } from './store-article.ts';

export type Tally = Record<Outcome | 'failed', number>;

export interface SourceReport {
  sourceId: number;
  status: 'fetched' | 'not_modified' | 'failed' | 'missing';
  /** Why the fetch failed, or the first item failure of a fetched feed. */
  error: string | null;
  tally: Tally;
}

export const emptyTally = (): Tally => ({ created: 0, updated: 0, unchanged: 0, linked: 0, near_duplicate: 0, failed: 0 });

export function errorMessage(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0]!;
}

export async function ingestSource(ctx: IngestContext, sourceId: number): Promise<SourceReport> {
  const { db } = ctx.store;
  const report: SourceReport = { sourceId, status: 'missing', error: null, tally: emptyTally() };
  const source = await getSource(db, sourceId);
  if (!source) return report;

  let response;
  let items: FeedItem[];
  let refreshMinutes: number;
  let title: string | null;
  let siteUrl: string | null;
  try {
    response = await politeFetch(ctx, source.url, { etag: source.etag, lastModified: source.last_modified, accept: FEED_ACCEPT });
    const maxAgeSeconds = cacheMaxAge(response.headers['cache-control']);
    if (response.notModified) {
      await recordFetchSuccess(db, sourceId, {
        etag: response.etag ?? source.etag,
        lastModified: response.lastModified ?? source.last_modified,
        refreshMinutes: source.refresh_minutes ?? feedRefreshInterval({ maxAgeSeconds }),
      });
      return { ...report, status: 'not_modified' };
    }
    const parsed = parseFeed(response.body, { contentType: response.contentType, url: response.url });
    items = parsed.items;
    refreshMinutes = feedRefreshInterval({ ...parsed.refresh, maxAgeSeconds });
    title = parsed.feed.title;
    siteUrl = parsed.feed.link;
  } catch (err) {
    const retryAfterMs = err instanceof FetchError ? err.retryAfterMs ?? 0 : 0;
    const waitMs = Math.max(backoffDelay(source.error_count), retryAfterMs);
    await recordFetchFailure(db, sourceId, { error: errorMessage(err), nextFetchAt: new Date(Date.now() + waitMs) });
    return { ...report, status: 'failed', error: errorMessage(err) };
  }

  const itemErrors = await ingestItems(ctx, originOf(source), items, report.tally);
  const error = itemErrors.length ? `${itemErrors.length} of ${items.length} items failed, tried again next time: ${itemErrors[0]}` : null;
  // With an item left behind, the validators are dropped: the next poll must re-read the feed
  // rather than get a 304 and never see that item again.
  await recordFetchSuccess(db, sourceId, {
    etag: error ? null : response.etag ?? null,
    lastModified: error ? null : response.lastModified ?? null,
    refreshMinutes,
    title,
    siteUrl,
    itemError: error,
  });
  return { ...report, status: 'fetched', error };
}

function originOf(source: Source): ItemOrigin {
  return { sourceId: source.id, section: source.section, fullText: source.full_text !== 0 };
}

/** Stores every item, counting outcomes in `tally`; returns the failures' messages. */
export async function ingestItems(ctx: IngestContext, origin: ItemOrigin, items: FeedItem[], tally: Tally): Promise<string[]> {
  const errors: string[] = [];
  await forEachLimited(items, ctx.itemConcurrency, async (item) => {
    const arrival = itemArrival(ctx, origin, item);
    if (!arrival) return;
    try {
      tally[await storeArrival(ctx, arrival)]++;
    } catch (err) {
      tally.failed++;
      errors.push(`${item.link ?? item.id}: ${errorMessage(err)}`);
    }
  });
  return errors;
}
