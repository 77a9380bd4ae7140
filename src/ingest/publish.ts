// The one way an article enters the store, whatever brought it (API, CLI, feeds, demo content):
// content is sanitized and turned into plain text, its language found, its summaries computed, and
// all of it written in one transaction. A changed article gets a new revision number and new
// summaries, and its previous version goes to `revisions`; an unchanged one is left alone, so
// re-ingesting is idempotent.
import type { Store } from '../store/db.ts';
import type { Article } from '../store/schema.ts';
import { getArticle, insertArticle, uniqueSlug, updateArticle } from '../store/articles.ts';
import { ensureSection } from '../store/sections.ts';
import { saveSummaries, type StoredSummary } from '../store/summaries.ts';
import { prepareContent, type PreparedContent } from './content.ts';
import { canonicalUrl } from './dedup/canonical-url.ts';
import { detectLanguage } from '../text/language.ts';
import { summarizeEach, SUMMARIZER_VERSION, type SummaryLength } from '../summarize/summarize.ts';
import { summaryDuration } from '../metrics.ts';

export interface ArticleInput {
  title: string;
  body: string;
  format: 'html' | 'markdown' | 'text';
  url?: string | null;
  byline?: string | null;
  section?: string | null;
  publishedAt?: string | null;
  lang?: string | null;
  imageUrl?: string | null;
  siteName?: string | null;
  /** Extraction verdict; anything but 'ok' is stored and shown as such, never summarized. */
  status?: 'ok' | 'too_short' | 'junk';
  statusReason?: string | null;
}

export interface PublishResult {
  id: number;
  slug: string;
  created: boolean;
  /** False when an update carried nothing new. */
  changed: boolean;
}

export const SUMMARY_LENGTHS: SummaryLength[] = ['short', 'medium', 'long', 'bullets'];

export function summarizeArticle(text: string, title: string, lang: string, contentHash: string): StoredSummary[] {
  const stopTimer = summaryDuration.startTimer();
  try {
    return summarizeEach(text, SUMMARY_LENGTHS, { title, lang }).map((summary) => ({
      length: summary.length,
      version: SUMMARIZER_VERSION,
      contentHash,
      sentences: summary.sentences,
    }));
  } finally {
    stopTimer();
  }
}

function toIsoDate(value: string | null | undefined, fallback: string): string {
  if (!value) return fallback;
  const t = Date.parse(value);
  return Number.isNaN(t) ? fallback : new Date(t).toISOString();
}

/** The article's sanitized HTML and plain text, as publishing stores them. */
export function articleContent(input: ArticleInput): PreparedContent {
  return prepareContent({ body: input.body, format: input.format, baseUrl: input.url ?? undefined });
}

/**
 * Creates an article, or updates article `id` (null when that id does not exist). `content` is
 * passed by a caller that already prepared it (to match on it), so it is not prepared twice.
 */
export async function publishArticle(store: Store, input: ArticleInput, id?: number, content = articleContent(input)): Promise<PublishResult | null> {
  const now = new Date().toISOString();
  const title = input.title.trim();
  const lang = input.lang?.trim().toLowerCase() || detectLanguage(`${title}\n\n${content.text}`);
  const status = input.status ?? 'ok';
  // CPU work happens before the transaction so the write lock is held only for the writes.
  const summaries = status === 'ok' ? summarizeArticle(content.text, title, lang, content.contentHash) : [];

  return store.db.transaction().execute(async (trx) => {
    const section = input.section?.trim() ? await ensureSection(trx, input.section) : null;
    const fields = {
      title,
      url: input.url ?? null,
      canonical_url: input.url ? canonicalUrl(input.url) : null,
      byline: input.byline?.trim() || null,
      section,
      lang,
      html: content.html,
      text: content.text,
      word_count: content.wordCount,
      content_hash: content.contentHash,
      status,
      status_reason: input.statusReason ?? null,
      image_url: input.imageUrl ?? null,
      site_name: input.siteName ?? null,
    };

    if (id === undefined) {
      const published = toIsoDate(input.publishedAt, now);
      const newId = await insertArticle(trx, { ...fields, slug: await uniqueSlug(trx, title), published_at: published, updated_at: published, created_at: now });
      await saveSummaries(trx, newId, summaries);
      const slug = (await getArticle(trx, newId))!.slug;
      return { id: newId, slug, created: true, changed: true };
    }

    const existing = await getArticle(trx, id);
    if (!existing) return null;
    const contentChanged = existing.content_hash !== content.contentHash || existing.title !== title;
    const changed = contentChanged || metadataChanged(existing, fields, input.publishedAt);
    if (!changed) return { id, slug: existing.slug, created: false, changed: false };
    const revision = contentChanged ? existing.revision + 1 : existing.revision;
    await updateArticle(trx, id, {
      ...fields,
      slug: existing.title === title ? existing.slug : await uniqueSlug(trx, title, id),
      published_at: toIsoDate(input.publishedAt, existing.published_at),
      updated_at: contentChanged ? now : existing.updated_at,
      revision,
    });
    if (contentChanged) {
      // The version being replaced joins the history; the current one lives in `articles` only.
      await trx.insertInto('revisions').values({
        article_id: id, revision: existing.revision, title: existing.title, text: existing.text, content_hash: existing.content_hash,
        // When that version was stored: a first version's updated_at is its publication date.
        created_at: existing.revision === 1 ? existing.created_at : existing.updated_at,
      }).execute();
    }
    if (contentChanged || existing.status !== status) await saveSummaries(trx, id, summaries);
    const slug = (await getArticle(trx, id))!.slug;
    return { id, slug, created: false, changed: true };
  });
}

function metadataChanged(existing: Article, fields: Partial<Article>, publishedAt: string | null | undefined): boolean {
  const keys = ['url', 'byline', 'section', 'lang', 'status', 'status_reason', 'image_url', 'site_name'] as const;
  return keys.some((k) => existing[k] !== fields[k]) || (!!publishedAt && toIsoDate(publishedAt, existing.published_at) !== existing.published_at);
}
