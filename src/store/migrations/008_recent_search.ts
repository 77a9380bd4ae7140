import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../db.ts';

/** How many of the newest articles `articles_fts_recent` holds, unless a store is given another size. */
export const RECENT_SEARCH_ARTICLES = 50_000;

/**
 * `articles_fts_recent`: a second FTS5 index, of the newest articles only (their number is the one
 * row of `articles_fts_recent_size`). FTS5's bm25() counts every match of each query word in the
 * whole index before it ranks anything (its IDF): ~12 ms for a common word at 1,000,000 articles,
 * whatever LIMIT follows. store/search.ts ranks the newest matches, so when this index holds enough
 * of them it ranks them here and that count covers this index alone. Contentless (the text stays in
 * `articles`), with deletes by rowid. Triggers keep it in step: an insert adds the article and drops
 * the one it pushes out of the window; a delete or an edit of title or text follows its article.
 * PostgreSQL's counterpart, for GIN's cost rather than an IDF's, is 009_recent_search_postgres.ts.
 */
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  if (dialect !== 'sqlite') return;
  await sql`CREATE VIRTUAL TABLE articles_fts_recent USING fts5(title, text, content='', contentless_delete=1, tokenize='porter unicode61 remove_diacritics 2')`.execute(db);
  await sql`CREATE TABLE articles_fts_recent_size (articles INTEGER NOT NULL)`.execute(db);
  await sql`INSERT INTO articles_fts_recent_size (articles) VALUES (${RECENT_SEARCH_ARTICLES})`.execute(db);
  // An article inserted below the window (an explicit old id) is left out: nothing would drop it.
  const inWindow = (id: string) => sql.raw(`${id} > (SELECT max(id) FROM articles) - (SELECT articles FROM articles_fts_recent_size)`);
  await sql`CREATE TRIGGER articles_fts_recent_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts_recent (rowid, title, text) SELECT new.id, new.title, new.text WHERE ${inWindow('new.id')};
    DELETE FROM articles_fts_recent WHERE rowid = new.id - (SELECT articles FROM articles_fts_recent_size);
  END`.execute(db);
  await sql`CREATE TRIGGER articles_fts_recent_delete AFTER DELETE ON articles BEGIN
    DELETE FROM articles_fts_recent WHERE rowid = old.id;
  END`.execute(db);
  await sql`CREATE TRIGGER articles_fts_recent_update AFTER UPDATE OF title, text ON articles BEGIN
    DELETE FROM articles_fts_recent WHERE rowid = old.id;
    INSERT INTO articles_fts_recent (rowid, title, text) SELECT new.id, new.title, new.text WHERE ${inWindow('new.id')};
  END`.execute(db);
  await sql`INSERT INTO articles_fts_recent (rowid, title, text) SELECT id, title, text FROM articles WHERE ${inWindow('id')}`.execute(db);
}
