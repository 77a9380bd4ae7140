// The ingestion jobs, the search index's upkeep, and the scheduler tick that feeds them. Every
// handler is idempotent: a job run twice (Redis delivers at least once; a killed worker's job runs
// again) changes nothing more.
import type { Store } from '../store/db.ts';
import { dueSources } from '../store/sources.ts';
import { compactRecentSearch, recentSearchNeedsCompaction } from '../store/search.ts';
import type { IngestContext } from '../ingest/pipeline/context.ts';
import { isPermanentFetchError } from '../ingest/pipeline/page.ts';
import { ingestSource } from '../ingest/pipeline/source.ts';
import { ingestUrl } from '../ingest/pipeline/url.ts';
import { PermanentJobError, type JobHandlers, type JobQueue } from './queue.ts';
import type { SchedulerTick } from './scheduler.ts';

export const FETCH_SOURCE = 'fetch-source';
export const FETCH_ARTICLE = 'fetch-article';
export const COMPACT_SEARCH = 'compact-search';

/** Sources enqueued per tick at most; the rest are still due at the next tick. */
const TICK_BATCH = 500;

const isId = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) > 0;

export function createJobHandlers(ctx: IngestContext): JobHandlers {
  return {
    // Feed errors are recorded on the source (with backoff) rather than thrown: the schedule is the retry.
    [FETCH_SOURCE]: async (data: { sourceId?: unknown }) => {
      if (!isId(data?.sourceId)) throw new PermanentJobError(`${FETCH_SOURCE}: sourceId must be a positive integer`);
      await ingestSource(ctx, data.sourceId);
    },
    [FETCH_ARTICLE]: async (data: { url?: unknown; sourceId?: unknown; guid?: unknown }) => {
      if (typeof data?.url !== 'string') throw new PermanentJobError(`${FETCH_ARTICLE}: url must be a string`);
      const sourceId = isId(data.sourceId) ? data.sourceId : null;
      const guid = typeof data.guid === 'string' ? data.guid : null;
      try {
        await ingestUrl(ctx, data.url, { sourceId, guid });
      } catch (err) {
        // A 404 or a blocked address will not change on retry; a timeout might.
        if (isPermanentFetchError(err)) throw new PermanentJobError((err as Error).message);
        throw err;
      }
    },
    [COMPACT_SEARCH]: async () => {
      await compactRecentSearch(ctx.store);
    },
  };
}

/** Enqueues every due source once: the job id keeps a source that is already queued from being queued again. */
export const enqueueDueSources: SchedulerTick = async (store: Store, queue: JobQueue) => {
  for (const source of await dueSources(store.db, new Date(), TICK_BATCH)) {
    await queue.add(FETCH_SOURCE, { sourceId: source.id }, { id: `${FETCH_SOURCE}:${source.id}` });
  }
};

/** Every tick: the due sources, and the search index's compaction when enough articles came since the last. */
export const scheduleDueWork: SchedulerTick = async (store: Store, queue: JobQueue) => {
  await enqueueDueSources(store, queue);
  if (await recentSearchNeedsCompaction(store)) await queue.add(COMPACT_SEARCH, {}, { id: COMPACT_SEARCH });
};
