// A single article URL: `skim ingest URL` and the fetch-article job. An article already held at
// that address is loaded again and updated when its page changed.
import { getSource } from '../../store/sources.ts';
import { canonicalUrl } from '../dedup/canonical-url.ts';
import type { IngestContext } from './context.ts';
import { loadPage, PageUnavailableError } from './page.ts';
import { storeArrival, type Outcome } from './store-article.ts';

export interface UrlOrigin {
  /** The feed the URL came from, when it came from one. */
  sourceId?: number | null;
  guid?: string | null;
}

export async function ingestUrl(ctx: IngestContext, url: string, origin: UrlOrigin = {}): Promise<Outcome> {
  const canonical = canonicalUrl(url);
  if (!canonical) throw new PageUnavailableError(`not an http(s) URL: ${url}`);
  const source = origin.sourceId ? await getSource(ctx.store.db, origin.sourceId) : undefined;
  return storeArrival(ctx, {
    sourceId: source?.id ?? null,
    guid: source ? origin.guid ?? null : null,
    urls: [canonical],
    itemHash: null,
    load: () => loadPage(ctx, url, { section: source?.section }),
  });
}
