// The tables, as Kysely sees them. Times are ISO 8601 UTC strings (`toISOString()`) on both backends,
// so they sort as text and round-trip without driver-specific date handling.
import type { Generated, Selectable, Insertable, Updateable } from 'kysely';

export interface ArticlesTable {
  id: Generated<number>;
  slug: string;
  url: string | null;
  canonical_url: string | null;
  title: string;
  byline: string | null;
  section: string | null; // sections.slug
  lang: string;
  published_at: string;
  updated_at: string;
  created_at: string;
  html: string; // sanitized
  text: string; // plain text the summary offsets index into
  word_count: number;
  content_hash: string;
  revision: Generated<number>;
  /** Extraction verdict: 'ok', or why the text is not the article ('too_short', 'junk'); never summarized unless 'ok'. */
  status: Generated<string>;
  status_reason: string | null;
  image_url: string | null;
  site_name: string | null;
  simhash: string | null; // hex; near-duplicate detection
}

/** A version an article has left behind (its current one is in `articles`), from when it was stored. */
export interface RevisionsTable {
  article_id: number;
  revision: number;
  title: string;
  text: string;
  content_hash: string;
  created_at: string;
}

export interface SummariesTable {
  article_id: number;
  length: string; // short | medium | long | bullets
  version: string; // summarizer version
  content_hash: string; // of the text summarized
  sentences: string; // JSON: [{text,start,end,score,index}]
  created_at: string;
}

export interface ArticlePagesTable {
  article_id: number;
  generation: number;
  /** What else the page was rendered for: templates, sections, origin (web/article-pages.ts). */
  context: string | null;
  etag: string | null;
  gzip: Buffer | null;
}

export interface SectionsTable {
  slug: string;
  name: string;
  position: Generated<number>;
}

export interface TokensTable {
  id: Generated<number>;
  name: string;
  token: string;
  created_at: string;
}

export interface SourcesTable {
  id: Generated<number>;
  kind: string; // 'feed' | 'page'
  url: string;
  title: string | null;
  site_url: string | null;
  section: string | null;
  full_text: Generated<number>; // 1: fetch the full article when the feed carries excerpts
  etag: string | null;
  last_modified: string | null;
  refresh_minutes: number | null;
  last_fetched_at: string | null;
  next_fetch_at: string;
  last_error: string | null;
  error_count: Generated<number>;
  created_at: string;
}

/** Every place an article was seen: feeds (with their GUID), URLs, near-duplicate copies. */
export interface ArticleSourcesTable {
  article_id: number;
  source_id: number | null;
  guid: string | null;
  url: string | null;
  kind: string; // 'original' | 'duplicate' | 'near_duplicate'
  seen_at: string;
  /** Hash of the feed item as last ingested from this source (unchanged → not fetched again). */
  item_hash: string | null;
}

export interface SimhashBandsTable {
  article_id: number;
  band: string;
}

/** A lease held until expires_at (ISO time) by one process; see src/jobs/lock.ts. */
export interface LocksTable {
  name: string;
  holder: string;
  expires_at: string;
}

export interface Database {
  articles: ArticlesTable;
  revisions: RevisionsTable;
  summaries: SummariesTable;
  article_pages: ArticlePagesTable;
  sections: SectionsTable;
  tokens: TokensTable;
  sources: SourcesTable;
  article_sources: ArticleSourcesTable;
  simhash_bands: SimhashBandsTable;
  locks: LocksTable;
}

export type Article = Selectable<ArticlesTable>;
export type NewArticle = Insertable<ArticlesTable>;
export type ArticleUpdate = Updateable<ArticlesTable>;
export type Section = Selectable<SectionsTable>;
export type Source = Selectable<SourcesTable>;
