// Sources (feeds and pages we poll) and their schedule. The schedule lives in the store
// (next_fetch_at) so that polling resumes where it stopped after a restart or kill -9.
import type { Db } from './articles.ts';
import type { Source } from './schema.ts';
import { ensureSection } from './sections.ts';

export interface SourceInput {
  url: string;
  kind?: 'feed' | 'page';
  title?: string | null;
  siteUrl?: string | null;
  section?: string | null;
  /** Fetch the full article when the feed carries excerpts (default true). */
  fullText?: boolean;
}

/** A source with what `feeds list` and the sources page show beside it. */
export interface SourceStatus extends Source {
  article_count: number;
}

/** Adds a source, due at once; an existing source with this URL is returned unchanged. */
export async function addSource(db: Db, input: SourceInput, now = new Date()): Promise<{ source: Source; created: boolean }> {
  const existing = await findSourceByUrl(db, input.url);
  if (existing) return { source: existing, created: false };
  const section = input.section?.trim() ? await ensureSection(db, input.section) : null;
  const at = now.toISOString();
  await db.insertInto('sources').values({
    kind: input.kind ?? 'feed',
    url: input.url,
    title: input.title ?? null,
    site_url: input.siteUrl ?? null,
    section,
    full_text: input.fullText === false ? 0 : 1,
    etag: null,
    last_modified: null,
    refresh_minutes: null,
    last_fetched_at: null,
    next_fetch_at: at,
    last_error: null,
    created_at: at,
  }).onConflict((oc) => oc.column('url').doNothing()).execute();
  // Read back rather than trust RETURNING: a concurrent add of the same URL wins the insert.
  return { source: (await findSourceByUrl(db, input.url))!, created: true };
}

export function getSource(db: Db, id: number): Promise<Source | undefined> {
  return db.selectFrom('sources').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findSourceByUrl(db: Db, url: string): Promise<Source | undefined> {
  return db.selectFrom('sources').selectAll().where('url', '=', url).executeTakeFirst();
}

export type SourceHealth = 'new' | 'ok' | 'warning' | 'failing';

/** new: never fetched; failing: the last poll failed; warning: the feed was read but some items were not. */
export function sourceHealth(source: Pick<Source, 'last_fetched_at' | 'last_error' | 'error_count'>): SourceHealth {
  if (source.error_count > 0) return 'failing';
  if (source.last_error) return 'warning';
  return source.last_fetched_at ? 'ok' : 'new';
}

/** Every source with the number of articles it brought (near-duplicate copies not counted). */
export async function listSources(db: Db): Promise<SourceStatus[]> {
  const rows = await db.selectFrom('sources')
    .leftJoin('article_sources', (j) => j.onRef('article_sources.source_id', '=', 'sources.id').on('article_sources.kind', '!=', 'near_duplicate'))
    .selectAll('sources')
    .select((eb) => eb.fn.count<number | string>('article_sources.article_id').distinct().as('article_count'))
    .groupBy('sources.id')
    .orderBy('sources.id')
    .execute();
  return rows.map((r) => ({ ...r, article_count: Number(r.article_count) }));
}

/** Sources whose next fetch is due, most overdue first. */
export function dueSources(db: Db, now = new Date(), limit = 1000): Promise<Source[]> {
  return db.selectFrom('sources').selectAll()
    .where('next_fetch_at', '<=', now.toISOString())
    .orderBy('next_fetch_at').orderBy('id')
    .limit(limit)
    .execute();
}

export async function allSourceIds(db: Db): Promise<number[]> {
  const rows = await db.selectFrom('sources').select('id').orderBy('id').execute();
  return rows.map((r) => Number(r.id));
}

export interface FetchSuccess {
  /** Validators for the next conditional GET; null drops them so the next poll re-reads the feed. */
  etag: string | null;
  lastModified: string | null;
  refreshMinutes: number;
  title?: string | null;
  siteUrl?: string | null;
  /** Items that failed this time (the feed itself was read): shown as the source's last error. */
  itemError?: string | null;
}

/** A completed poll: validators kept, error count cleared, next poll after the refresh interval. */
export async function recordFetchSuccess(db: Db, id: number, result: FetchSuccess, now = new Date()): Promise<void> {
  const source = await getSource(db, id);
  if (!source) return;
  await db.updateTable('sources').set({
    etag: result.etag,
    last_modified: result.lastModified,
    refresh_minutes: result.refreshMinutes,
    // A title or site the user set is kept; the feed fills them in when missing.
    title: source.title ?? result.title ?? null,
    site_url: source.site_url ?? result.siteUrl ?? null,
    last_fetched_at: now.toISOString(),
    next_fetch_at: new Date(now.getTime() + result.refreshMinutes * 60_000).toISOString(),
    last_error: result.itemError ?? null,
    error_count: 0,
  }).where('id', '=', id).execute();
}

export interface FetchFailure {
  error: string;
  /** When to try again: the caller's backoff (see ingest/fetch/politeness.ts). */
  nextFetchAt: Date;
}

/** A failed poll: the error kept for display, the error count raised, the next try as given. */
export async function recordFetchFailure(db: Db, id: number, failure: FetchFailure, now = new Date()): Promise<void> {
  await db.updateTable('sources').set((eb) => ({
    last_fetched_at: now.toISOString(),
    next_fetch_at: failure.nextFetchAt.toISOString(),
    last_error: failure.error,
    error_count: eb('error_count', '+', 1),
  })).where('id', '=', id).execute();
}
