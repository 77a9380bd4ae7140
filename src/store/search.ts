// Full-text search: FTS5 (bm25) on SQLite, tsvector + websearch_to_tsquery (ts_rank_cd) on PostgreSQL.
// Both return the same hits; snippets mark matches with HIGHLIGHT_START/END so a page can escape the
// snippet first and then turn the markers into <mark>.
import { sql } from 'kysely';
import type { Store } from './db.ts';
import { listColumns, type ArticleListItem, type Db } from './articles.ts';
import { makeSnippet } from './snippet.ts';

export { HIGHLIGHT_END, HIGHLIGHT_START } from './snippet.ts';

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
  const { rows, total } = store.dialect === 'sqlite' ? await searchSqlite(store, terms, query) : await searchPostgres(store, query);
  return { hits: rows.map(({ text, ...hit }) => ({ ...hit, snippet: makeSnippet(text, terms, hit.lang) })), total };
}

/** A hit's listing fields and its text, for the snippet. */
type PageRow = ArticleListItem & { text: string };

/** The page's rows and the number of candidates. */
interface RankedPage {
  rows: PageRow[];
  total: number;
}

const columns = sql.join(listColumns.map((c) => sql.ref(`a.${c}`)));

/**
 * How many of the newest matches are ranked. Ranking reads each match's index data (FTS5 doclist
 * sizes; on PostgreSQL its row and lead vector): every match of a common word costs hundreds of
 * milliseconds at 100,000 articles. News readers want recent hits, so
 * relevance is ranked among the newest matches and `total` counts at most this many.
 */
export const SEARCH_CANDIDATES = 1000;

async function searchSqlite(store: Store, terms: string[], query: SearchQuery): Promise<RankedPage> {
  // The newest matches are ranked in the index of recent articles when it holds enough of them
  // (migrations/008_recent_search.ts): bm25() then counts each word's matches there, not in every
  // article. Else, or for a page past the candidates, the whole index answers.
  return (await rankSqlite(store, terms, query, 'articles_fts_recent')) ?? (await rankSqlite(store, terms, query, 'articles_fts'))!;
}

/** Ids above this are in the index of recent articles; 0 or less when it holds every article. */
const recentWindowStart = sql`(SELECT coalesce(max(id), 0) - (SELECT articles FROM articles_fts_recent_size) FROM articles)`;

/**
 * The page of the newest matches in `index`, ranked by bm25. From the index of recent articles,
 * only when it holds every candidate and the page has rows (else nothing, found without reading a
 * row of `articles`), so that an empty page, which may be past the candidates, comes from the whole
 * index with its count.
 */
async function rankSqlite(store: Store, terms: string[], query: SearchQuery, index: 'articles_fts' | 'articles_fts_recent'): Promise<RankedPage | undefined> {
  // Each term quoted, so FTS5 syntax characters in user input are inert. No prefix matching: a
  // prefix query merges the doclists of every word it starts, all of them, before the first row.
  const match = terms.map((t) => `"${t}"`).join(' ');
  const fts = sql.raw(index);
  const recent = index === 'articles_fts_recent';
  // FTS5 walks its index newest-first (rowid order) and stops after the candidates. `articles` (wide
  // rows) is joined only to filter by section, and then for the page's rows.
  const from = query.section ? sql`${fts} JOIN articles a ON a.id = ${fts}.rowid AND a.section = ${query.section}` : fts;
  const newest = sql`SELECT ${fts}.rowid AS id, bm25(${fts}, 8.0, 1.0) AS score FROM ${from}
    WHERE ${fts} MATCH ${match} ${recent ? sql`AND ${fts}.rowid > ${recentWindowStart}` : sql``}
    ORDER BY ${fts}.rowid DESC LIMIT ${SEARCH_CANDIDATES}`;
  const offset = query.offset ?? 0;
  const { rows } = await sql<PageRow & { total: number }>`WITH candidates AS MATERIALIZED (${newest}),
      page AS (SELECT id, score FROM candidates ORDER BY score, id DESC LIMIT ${query.limit} OFFSET ${offset})
    SELECT ${columns}, a.text, (SELECT count(*) FROM candidates) AS total
    FROM page JOIN articles a ON a.id = page.id
    ${recent ? sql`WHERE (SELECT count(*) FROM candidates) = ${SEARCH_CANDIDATES} OR ${recentWindowStart} <= 0` : sql``}
    ORDER BY page.score, page.id DESC`.execute(store.db);
  if (recent && rows.length === 0) return undefined;
  return withTotal(rows, offset, async () => {
    const { rows: [count] } = await sql<{ n: number }>`SELECT count(*) AS n FROM (${newest})`.execute(store.db);
    return Number(count?.n ?? 0);
  });
}

/** Makes the index of recent articles hold the newest `articles` (tests use small windows). */
export async function resizeRecentSearch(store: Store, articles: number): Promise<void> {
  await store.db.transaction().execute(async (trx) => {
    const inWindow = sql`id > (SELECT max(id) FROM articles) - ${articles}`;
    if (store.dialect === 'sqlite') {
      await sql`UPDATE articles_fts_recent_size SET articles = ${articles}`.execute(trx);
      await sql`INSERT INTO articles_fts_recent (articles_fts_recent) VALUES ('delete-all')`.execute(trx);
      await sql`INSERT INTO articles_fts_recent (rowid, title, text) SELECT id, title, text FROM articles WHERE ${inWindow}`.execute(trx);
      await sql`UPDATE articles_fts_recent_size SET compacted_through = (SELECT coalesce(max(id), 0) FROM articles)`.execute(trx);
    } else {
      await sql`UPDATE articles_search_recent_size SET articles = ${articles}`.execute(trx);
      await sql`DELETE FROM articles_search_recent`.execute(trx);
      await sql`INSERT INTO articles_search_recent (id, section, search) SELECT id, section, search FROM articles WHERE ${inWindow}`.execute(trx);
    }
  });
}

/** New articles after which the index of recent articles is due to be compacted again. */
export const COMPACT_RECENT_SEARCH_EVERY = 1000;
/**
 * Leaf pages one merge step may write: ~45 ms of work each, so writers of other processes wait
 * no longer than that and this process serves its requests between steps.
 */
const MERGE_STEP_PAGES = 200;

/** Whether COMPACT_RECENT_SEARCH_EVERY articles came since the last compaction (SQLite; PostgreSQL's autovacuum does it there). */
export async function recentSearchNeedsCompaction(store: Store): Promise<boolean> {
  if (store.dialect !== 'sqlite') return false;
  const { rows: [row] } = await sql<{ due: number }>`SELECT (SELECT coalesce(max(id), 0) FROM articles) - compacted_through >= ${COMPACT_RECENT_SEARCH_EVERY} AS due
    FROM articles_fts_recent_size`.execute(store.db);
  return Boolean(row?.due);
}

/**
 * Merges the segments of the index of recent articles into one, dropping what its deletes left
 * (migrations/010_recent_search_compaction.ts), in steps of MERGE_STEP_PAGES pages, each its own
 * transaction; a negative page count makes FTS5 merge until one segment is left, and a step that
 * changes nothing means it is done. Returns the number of steps.
 */
export async function compactRecentSearch(store: Store): Promise<number> {
  if (store.dialect !== 'sqlite') return 0;
  const { rows: [newest] } = await sql<{ id: number }>`SELECT coalesce(max(id), 0) AS id FROM articles`.execute(store.db);
  const totalChanges = async (db: Db) => (await sql<{ n: number }>`SELECT total_changes() AS n`.execute(db)).rows[0]!.n;
  // One connection held per step, so no other statement's changes are counted as the step's.
  const step = () => store.db.connection().execute(async (db) => {
    const before = await totalChanges(db);
    await sql`INSERT INTO articles_fts_recent (articles_fts_recent, rank) VALUES ('merge', ${sql.lit(-MERGE_STEP_PAGES)})`.execute(db);
    // The command counts as one change; a step that merged anything wrote more.
    return (await totalChanges(db)) - before > 1;
  });
  let steps = 1;
  while (await step()) {
    steps++;
    await new Promise((resolve) => setImmediate(resolve));
  }
  await sql`UPDATE articles_fts_recent_size SET compacted_through = ${newest!.id}`.execute(store.db);
  return steps;
}

/** Rows that carry the total in each; past the last page there are none, and `count` gives it. */
async function withTotal(rows: Array<PageRow & { total: number | string }>, offset: number, count: () => Promise<number>): Promise<RankedPage> {
  if (rows.length > 0) return { rows: rows.map(({ total: _, ...row }) => row), total: Number(rows[0]!.total) };
  return { rows: [], total: offset === 0 ? 0 : await count() };
}

async function searchPostgres(store: Store, query: SearchQuery): Promise<RankedPage> {
  // Articles are indexed with their own language's configuration, so the query is parsed with every
  // configuration in use and OR-ed: an English stem and a German stem both find their articles.
  // The languages in use come from a loose index scan of articles_lang (one probe per language).
  const { rows: [parsed] } = await sql<{ query: string }>`WITH RECURSIVE langs(lang) AS (
        SELECT min(lang) FROM articles
        UNION ALL
        SELECT (SELECT min(lang) FROM articles WHERE lang > langs.lang) FROM langs WHERE langs.lang IS NOT NULL)
      SELECT coalesce(tsquery_or_agg(websearch_to_tsquery(cfg, ${query.q})), ''::tsquery)::text AS query
      FROM (SELECT DISTINCT skim_ts_config(lang) AS cfg FROM langs WHERE lang IS NOT NULL) configs`.execute(store.db);
  if (!parsed?.query) return { rows: [], total: 0 }; // stopwords only
  // The parsed query goes in as a value, so the planner sees how common its words are. Matching
  // needs only `search` and GIN, never a row's toasted vector, in the index of recent articles first
  // (migrations/009_recent_search_postgres.ts, then 005_newest_matches.ts); ranking reads the small
  // vectors of article_leads (title and lead, see migrations/004_search_leads.ts) of the newest
  // candidates only.
  const tsquery = sql`${parsed.query}::tsquery`;
  const newest = sql`SELECT skim_newest_matches_recent_first(${tsquery}, (SELECT max(id) FROM articles), ${query.section ?? null}, ${SEARCH_CANDIDATES}) AS id`;
  const ranked = sql`SELECT l.article_id AS id, ts_rank_cd(l.lead, ${tsquery}) AS score
    FROM article_leads l WHERE l.article_id IN (${newest})`;
  const offset = query.offset ?? 0;
  const { rows } = await sql<PageRow & { total: string }>`WITH candidates AS MATERIALIZED (${ranked}),
      page AS (SELECT id, score FROM candidates ORDER BY score DESC, id DESC LIMIT ${query.limit} OFFSET ${offset})
    SELECT ${columns}, a.text, (SELECT count(*) FROM candidates) AS total
    FROM page JOIN articles a ON a.id = page.id
    ORDER BY page.score DESC, page.id DESC`.execute(store.db);
  return withTotal(rows, offset, async () => {
    const { rows: [count] } = await sql<{ n: string }>`SELECT count(*) AS n FROM (${newest}) c`.execute(store.db);
    return Number(count?.n ?? 0);
  });
}
