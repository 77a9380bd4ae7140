// What every ingestion step shares: the store, one per-host gate for the whole process (so that
// concurrent jobs stay polite together), and the fetch settings.
import type { Store } from '../../store/db.ts';
import { FetchError, fetchUrl, type FetchOptions, type FetchResult } from '../fetch/fetch.ts';
import { fetchErrors } from '../../metrics.ts';
import { createHostGate, type HostGate, type HostGateOptions } from '../fetch/politeness.ts';

export interface IngestContext {
  store: Store;
  gate: HostGate;
  /** Hosts or CIDRs the SSRF guard lets through (default: SKIM_FETCH_ALLOW). */
  allow?: string | string[];
  /** Feed items of one source worked on at once (the gate still limits each host). */
  itemConcurrency: number;
}

export interface IngestSettings extends HostGateOptions {
  allow?: string | string[];
  itemConcurrency?: number;
}

export function createIngestContext(store: Store, settings: IngestSettings = {}): IngestContext {
  const { allow, itemConcurrency = 4, ...gate } = settings;
  return { store, gate: createHostGate(gate), allow, itemConcurrency };
}

export const FEED_ACCEPT = 'application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.5, */*;q=0.3';

/** A GET through the host gate and the SSRF guard. */
export function politeFetch(ctx: IngestContext, url: string, options: Omit<FetchOptions, 'allow'> = {}): Promise<FetchResult> {
  const get = () => fetchUrl(url, { ...options, allow: ctx.allow }).catch((err: unknown) => {
    fetchErrors.inc({ reason: err instanceof FetchError ? err.code : 'other' });
    throw err;
  });
  // A malformed URL has no host to wait for; fetchUrl turns it into a FetchError.
  return URL.canParse(url) ? ctx.gate.run(url, get) : get();
}
