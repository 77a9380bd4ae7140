import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../db.ts';

/** How much of an article's text its lead vector covers (about 150 words: the first paragraph or two). */
export const LEAD_CHARS = 1000;

/**
 * PostgreSQL ranks search candidates by a small vector per article, its title (weight A) and the
 * start of its text (B), instead of the full `search` vector: that one is toasted (kilobytes a
 * row), and reading it for every candidate made a search cost hundreds of milliseconds at a
 * million articles. `search` and its GIN index still decide what matches. The vectors live in a
 * table of their own, kept by a trigger, so this migration fills them without rewriting `articles`
 * or touching its GIN index. SQLite (FTS5) needs nothing.
 */
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  if (dialect !== 'postgres') return;
  await sql`CREATE TABLE article_leads (
    article_id bigint PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    lead tsvector NOT NULL)`.execute(db);
  // MAIN: compressed if need be but kept in the row, so ranking never reads the TOAST table.
  await sql`ALTER TABLE article_leads ALTER COLUMN lead SET STORAGE MAIN`.execute(db);
  await sql`CREATE FUNCTION skim_search_lead(lang text, title text, body text) RETURNS tsvector AS $$
    SELECT setweight(to_tsvector(skim_ts_config(lang), coalesce(title, '')), 'A')
        || setweight(to_tsvector(skim_ts_config(lang), left(coalesce(body, ''), ${sql.lit(LEAD_CHARS)})), 'B')
  $$ LANGUAGE sql STABLE`.execute(db);
  await sql`CREATE FUNCTION skim_articles_lead() RETURNS trigger AS $$
  BEGIN
    INSERT INTO article_leads (article_id, lead) VALUES (NEW.id, skim_search_lead(NEW.lang, NEW.title, NEW.text))
      ON CONFLICT (article_id) DO UPDATE SET lead = EXCLUDED.lead;
    RETURN NULL;
  END $$ LANGUAGE plpgsql`.execute(db);
  await sql`CREATE TRIGGER articles_lead AFTER INSERT OR UPDATE OF title, text, lang ON articles
    FOR EACH ROW EXECUTE FUNCTION skim_articles_lead()`.execute(db);
  await sql`INSERT INTO article_leads (article_id, lead) SELECT id, skim_search_lead(lang, title, text) FROM articles`.execute(db);
}
