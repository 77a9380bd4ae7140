// Rendered pages kept in memory, so the hot path is a map lookup. An entry is trusted for
// `revalidateMs`; after that the next request triggers a reload of the page's version (a few
// indexed queries) and a re-render only when it changed. Meanwhile requests keep getting the
// cached page (stale-while-revalidate), so no request waits on the store once a page is cached.
// Concurrent misses for one key share one render.
import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { makePayload, type Payload } from './respond.ts';

export interface CachedPage extends Payload {
  /** What the page was rendered from: a hash of every stored value it shows. */
  version: string;
  /** When this version was rendered (ms): the page's Last-Modified. */
  renderedAt: number;
  checkedAt: number;
}

export interface Versioned<T> {
  version: string;
  data: T;
}

/** `data` with the version of its JSON: a page built from it changes only when the version does. */
export function versioned<T>(data: T, shown: unknown = data): Versioned<T> {
  return { version: createHash('sha256').update(JSON.stringify(shown)).digest('base64url'), data };
}

/** How to build one page: load its data and version, render the data to HTML. */
export interface PageSource<T> {
  load(): Promise<Versioned<T> | undefined>;
  render(data: T): Promise<string>;
}

export interface PageCacheOptions {
  /**
   * Bound on the bytes held (pages are held gzipped; default 8 MB): every megabyte held counts in
   * each web process's memory.
   */
  maxBytes?: number;
  revalidateMs?: number;
  /** Make a request that finds its page due wait for the check (tests that must see a write at once). */
  waitForRevalidation?: boolean;
  now?: () => number;
}

export interface PageCache {
  /** The page for `key`, rendered or revalidated as needed; undefined when its source has none. */
  get<T>(key: string, source: PageSource<T>): Promise<CachedPage | undefined>;
}

export function createPageCache(options: PageCacheOptions = {}): PageCache {
  const { maxBytes = 8 * 1024 * 1024, revalidateMs = 1000, waitForRevalidation = false, now = Date.now } = options;
  const pages = new LRUCache<string, CachedPage>({ maxSize: maxBytes, sizeCalculation: (p) => p.gzip.length });
  const inFlight = new Map<string, Promise<CachedPage | undefined>>();

  async function refresh<T>(key: string, cached: CachedPage | undefined, source: PageSource<T>): Promise<CachedPage | undefined> {
    const startedAt = now();
    const loaded = await source.load();
    if (!loaded) {
      pages.delete(key);
      return undefined;
    }
    if (cached && cached.version === loaded.version) {
      cached.checkedAt = startedAt;
      return cached;
    }
    const page: CachedPage = { ...makePayload(await source.render(loaded.data)), version: loaded.version, renderedAt: startedAt, checkedAt: startedAt };
    pages.set(key, page);
    return page;
  }

  return {
    get(key, source) {
      const cached = pages.get(key);
      if (cached && now() - cached.checkedAt < revalidateMs) return Promise.resolve(cached);
      let pending = inFlight.get(key);
      if (!pending) {
        pending = refresh(key, cached, source).finally(() => inFlight.delete(key));
        inFlight.set(key, pending);
      }
      if (!cached || waitForRevalidation) return pending;
      // A failed check keeps the cached page; the next due request tries again.
      pending.catch(() => {});
      return Promise.resolve(cached);
    },
  };
}
