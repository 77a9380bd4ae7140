// Full-text search: FTS5 (bm25) on SQLite, tsvector + websearch_to_tsquery (ts_rank_cd) on PostgreSQL.
// Both return the same hits; snippets mark matches with HIGHLIGHT_START/END so a page can escape the
// snippet first and then turn the markers into <mark>.
import { sql } from 'kysely';
import type { Store } from './db.ts';
import { listColumns, type ArticleListItem } from './articles.ts';

export const HIGHLIGHT_START = '\u0002';
export const HIGHLIGHT_END = '\u0003';

export interface SearchQuery {
  q: string;
  section?: string;
  limit: number;
  offset?: number;
}

export interface SearchHit extends ArticleListItem {
  snippet: string;
}

export interface SearchResult {
  hits: SearchHit[];
  total: number;
}

/** Words of the user's query (letters and digits of any script), at most 16. */
export function queryTerms(q: string): string[] {
  return (q.normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 16);
}

export async function searchArticles(store: Store, query: SearchQuery): Promise<SearchResult> {
  const terms = queryTerms(query.q);
  if (terms.length === 0) return { hits: [], total: 0 };
  return store.dialect === 'sqlite' ? searchSqlite(store, terms, query) : searchPostgres(store, query);
}

const columns = sql.join(listColumns.map((c) => sql.ref(`a.${c}`)));

/**
 * How many of the newest matches are ranked. Ranking and snippets for every match of a common word
 * cost hundreds of milliseconds at 100,000 articles; news readers want recent hits, so relevance is
 * ranked among the newest matches and `total` counts at most this many.
 */
export const SEARCH_CANDIDATES = 2000;

async function searchSqlite(store: Store, terms: string[], query: SearchQuery): Promise<SearchResult> {
  // Each term quoted (FTS5 syntax characters in user input are inert), the last one also as a prefix.
  const match = terms.map((t, i) => `"${t}"${i === terms.length - 1 ? '*' : ''}`).join(' ');
  const section = query.section ? sql`AND a.section = ${query.section}` : sql``;
  // FTS5 walks its index newest-first (rowid order) and stops after the candidates; only the page's
  // rows get a snippet.
  const newest = (rank: boolean) => sql`SELECT articles_fts.rowid AS id${rank ? sql`, bm25(articles_fts, 8.0, 1.0) AS score` : sql``}
      FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
      WHERE articles_fts MATCH ${match} ${section}
      ORDER BY articles_fts.rowid DESC LIMIT ${SEARCH_CANDIDATES}`;
  const [rows, count] = await Promise.all([
    sql<SearchHit>`WITH candidates AS (${newest(true)}),
        page AS (SELECT id, score FROM candidates ORDER BY score LIMIT ${query.limit} OFFSET ${query.offset ?? 0})
      SELECT ${columns}, snippet(articles_fts, 1, ${HIGHLIGHT_START}, ${HIGHLIGHT_END}, '…', 28) AS snippet
      FROM page JOIN articles_fts ON articles_fts.rowid = page.id JOIN articles a ON a.id = page.id
      WHERE articles_fts MATCH ${match}
      ORDER BY page.score, a.published_at DESC`.execute(store.db),
    sql<{ n: number }>`SELECT count(*) AS n FROM (${newest(false)})`.execute(store.db),
  ]);
  return { hits: rows.rows, total: Number(count.rows[0]?.n ?? 0) };
}

async function searchPostgres(store: Store, query: SearchQuery): Promise<SearchResult> {
  // Articles are indexed with their own language's configuration, so the query is parsed with every
  // configuration in use and OR-ed: an English stem and a German stem both find their articles.
  const section = query.section ? sql`AND a.section = ${query.section}` : sql``;
  // The languages in use come from a loose index scan of articles_lang (one probe per language).
  const tsquery = sql`(WITH RECURSIVE langs(lang) AS (
        SELECT min(lang) FROM articles
        UNION ALL
        SELECT (SELECT min(lang) FROM articles WHERE lang > langs.lang) FROM langs WHERE langs.lang IS NOT NULL)
      SELECT coalesce(tsquery_or_agg(websearch_to_tsquery(cfg, ${query.q})), ''::tsquery)
      FROM (SELECT DISTINCT skim_ts_config(lang) AS cfg FROM langs WHERE lang IS NOT NULL) configs)`;
  // Ranking decompresses each match's tsvector: only the newest candidates are ranked, and only the
  // page's rows get a ts_headline (its default mode, one excerpt, is ~4× cheaper than MaxFragments).
  const candidates = sql`SELECT a.id FROM articles a, q WHERE a.search @@ q.query ${section}
      ORDER BY a.id DESC LIMIT ${SEARCH_CANDIDATES}`;
  const [rows, count] = await Promise.all([
    sql<SearchHit>`WITH q AS (SELECT ${tsquery} AS query),
        candidates AS (${candidates}),
        page AS (SELECT a.id, ts_rank_cd(a.search, q.query) AS score
          FROM candidates c JOIN articles a ON a.id = c.id, q
          ORDER BY score DESC, a.published_at DESC
          LIMIT ${query.limit} OFFSET ${query.offset ?? 0})
      SELECT ${columns},
        ts_headline(skim_ts_config(a.lang), a.text, q.query,
          ${`StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_END}, MaxWords=35, MinWords=15`}) AS snippet
      FROM page JOIN articles a ON a.id = page.id, q
      ORDER BY page.score DESC, a.published_at DESC`.execute(store.db),
    sql<{ n: string }>`WITH q AS (SELECT ${tsquery} AS query)
      SELECT count(*) AS n FROM (${candidates}) c`.execute(store.db),
  ]);
  return { hits: rows.rows, total: Number(count.rows[0]?.n ?? 0) };
}
