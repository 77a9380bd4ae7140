import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../db.ts';

/**
 * Where the last compaction of `articles_fts_recent` (008) left off: the newest article id it saw.
 * Each article the window takes in deletes one it pushes out, and FTS5 keeps a contentless index's
 * deletes as tombstones that every query checks until its segments are merged: after 1,000,000
 * inserts a common word cost 5.3 ms in the window against 1.1 ms once merged. The scheduler merges
 * it again after every 1,000 new articles (store/search.ts, compactRecentSearch). SQLite only.
 */
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  if (dialect !== 'sqlite') return;
  await sql`ALTER TABLE articles_fts_recent_size ADD COLUMN compacted_through INTEGER NOT NULL DEFAULT 0`.execute(db);
}
