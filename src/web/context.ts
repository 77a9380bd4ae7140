import type { Store } from '../store/db.ts';
import type { JobQueue } from '../jobs/queue.ts';
import type { PageCacheOptions } from './page-cache.ts';

export interface AppContext {
  store: Store;
  logger?: boolean;
  /** Page cache tuning (search pages, feeds; how long article pages held in memory are trusted); tests set `revalidateMs: 0, waitForRevalidation: true` to see every write at once. */
  pageCache?: PageCacheOptions;
  /** The background job queue, when this process has one (readiness and queue-depth metrics). */
  queue?: JobQueue;
}
