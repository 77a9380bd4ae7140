import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../db.ts';
import { RECENT_SEARCH_ARTICLES } from './008_recent_search.ts';

/**
 * `articles_search_recent`: the search vectors of the newest articles (their number is the one row
 * of `articles_search_recent_size`) under a GIN index of their own, PostgreSQL's counterpart of
 * SQLite's `articles_fts_recent` (008_recent_search.ts). GIN answers a word with a bitmap of every
 * row that has it, ~56 ns a match, before the newest 1,000 can be picked, and the window of newest
 * ids in skim_newest_matches (005) cannot cut that short: a word in 313,000 of 1,000,000 articles
 * took a search 28 ms, 8.7 ms with this table. A common word costs its matches among the newest
 * articles only; rarer words, with fewer matches there than candidates, go on to the whole index
 * as before. Triggers keep the table in step: one per INSERT statement adds the new rows and drops
 * those pushed out of the window (a bulk insert pays once per statement), an edit follows its
 * article, a delete cascades.
 */
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  if (dialect !== 'postgres') return;
  await sql`CREATE TABLE articles_search_recent_size (articles integer NOT NULL)`.execute(db);
  await sql`INSERT INTO articles_search_recent_size (articles) VALUES (${RECENT_SEARCH_ARTICLES})`.execute(db);
  await sql`CREATE TABLE articles_search_recent (
    id bigint PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    section text,
    search tsvector NOT NULL)`.execute(db);
  await sql`INSERT INTO articles_search_recent (id, section, search) SELECT id, section, search FROM articles
    WHERE id > (SELECT max(id) FROM articles) - ${RECENT_SEARCH_ARTICLES}`.execute(db);
  await sql`CREATE INDEX articles_search_recent_gin ON articles_search_recent USING gin(search) WITH (gin_pending_list_limit = 256)`.execute(db);
  // An article inserted below the window (an explicit old id) is left out: nothing would drop it.
  await sql`CREATE FUNCTION skim_search_recent_insert() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE
    start bigint := (SELECT max(id) FROM articles) - (SELECT articles FROM articles_search_recent_size);
  BEGIN
    INSERT INTO articles_search_recent (id, section, search) SELECT id, section, search FROM inserted WHERE id > start;
    DELETE FROM articles_search_recent WHERE id <= start;
    RETURN NULL;
  END $$`.execute(db);
  await sql`CREATE TRIGGER articles_search_recent_insert AFTER INSERT ON articles
    REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION skim_search_recent_insert()`.execute(db);
  // articles_search (001) recomputes `search` before an edit of these columns is stored.
  await sql`CREATE FUNCTION skim_search_recent_update() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    UPDATE articles_search_recent SET section = NEW.section, search = NEW.search WHERE id = NEW.id;
    RETURN NULL;
  END $$`.execute(db);
  await sql`CREATE TRIGGER articles_search_recent_update AFTER UPDATE OF title, text, lang, section ON articles
    FOR EACH ROW EXECUTE FUNCTION skim_search_recent_update()`.execute(db);
  // The newest n matches: from the window when it holds n of them, or every article; else from
  // the whole index, through 005's function.
  await sql`CREATE FUNCTION skim_newest_matches_recent_first(query tsquery, newest bigint, in_section text, n integer)
    RETURNS SETOF bigint LANGUAGE plpgsql STABLE
    SET enable_indexscan = off SET enable_seqscan = off SET cpu_tuple_cost = 1 SET jit = off
    SET max_parallel_workers_per_gather = 0 SET plan_cache_mode = force_custom_plan
  AS $$
  DECLARE
    ids bigint[];
  BEGIN
    IF newest IS NULL THEN RETURN; END IF;
    ids := ARRAY(SELECT r.id FROM articles_search_recent r
      WHERE r.search @@ query AND (in_section IS NULL OR r.section = in_section) ORDER BY r.id DESC LIMIT n);
    IF cardinality(ids) = n OR newest <= (SELECT articles FROM articles_search_recent_size) THEN
      RETURN QUERY SELECT unnest(ids);
    ELSE
      RETURN QUERY SELECT skim_newest_matches(query, newest, in_section, n);
    END IF;
  END $$`.execute(db);
}
