import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../db.ts';

/**
 * skim_newest_matches(query, newest, in_section, n): the ids of the newest n articles that match a
 * search query (in a section, when one is given), for store/search.ts. Testing `search @@ query` on a
 * row reads its toasted vector (kilobytes, ~6 µs), a cost the planner does not see: for a common word
 * it walks the primary key newest-first testing row after row (~25 ms at 300,000 articles). Here GIN's
 * bitmap of the matches is ANDed with the primary key's bitmap of a window of the newest ids, so only
 * rows in both are read, and no vector: the window starts at 4n ids and widens by the density of
 * matches it found until it holds n of them or every article. The planner settings this takes hold
 * inside the function only; a query sent by the application would need a transaction around them,
 * and its round trips. SQLite (FTS5) needs nothing.
 */
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  if (dialect !== 'postgres') return;
  // Bitmap scans only, and a heap row priced at 1 (default 0.01): testing a row's vector costs about
  // what 100 GIN entries do (~6 µs against ~60 ns), so the planner takes the BitmapAnd when it saves
  // enough rows. Estimates then run high: no JIT, no parallel workers. Each call plans afresh, as the
  // query's words and the window decide the plan.
  await sql`CREATE FUNCTION skim_newest_matches(query tsquery, newest bigint, in_section text, n integer)
    RETURNS SETOF bigint LANGUAGE plpgsql STABLE
    SET enable_indexscan = off SET enable_seqscan = off SET cpu_tuple_cost = 1 SET jit = off
    SET max_parallel_workers_per_gather = 0 SET plan_cache_mode = force_custom_plan
  AS $$
  DECLARE
    size bigint := 4 * n;
    ids bigint[];
  BEGIN
    IF newest IS NULL THEN RETURN; END IF;
    LOOP
      -- OFFSET 0 keeps the section test out of the scan: offered the section index with the window,
      -- the planner drops the GIN bitmap and tests every row of the section's window.
      ids := ARRAY(SELECT m.id FROM (SELECT a.id, a.section FROM articles a
          WHERE a.search @@ query AND (size >= newest OR a.id > newest - size) OFFSET 0) m
        WHERE in_section IS NULL OR m.section = in_section ORDER BY m.id DESC LIMIT n);
      IF cardinality(ids) = n OR size >= newest THEN
        RETURN QUERY SELECT unnest(ids);
        RETURN;
      END IF;
      size := size * greatest(4, ceil(2.0 * n / greatest(cardinality(ids), 1)));
    END LOOP;
  END $$`.execute(db);
}
