import { sql, type Kysely, type ColumnDefinitionBuilder } from 'kysely';
import type { Dialect } from '../db.ts';

export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  // SQLite's INTEGER PRIMARY KEY is the rowid (FTS5 content tables point at it); PostgreSQL uses identity.
  const id = (c: ColumnDefinitionBuilder) =>
    dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey().generatedByDefaultAsIdentity();
  const idType = dialect === 'sqlite' ? 'integer' : 'bigint';

  await db.schema
    .createTable('sections')
    .addColumn('slug', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('articles')
    .addColumn('id', idType, id)
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('url', 'text')
    .addColumn('canonical_url', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('byline', 'text')
    .addColumn('section', 'text', (c) => c.references('sections.slug').onDelete('set null'))
    .addColumn('lang', 'text', (c) => c.notNull().defaultTo('en'))
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('html', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('word_count', 'integer', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('ok'))
    .addColumn('status_reason', 'text')
    .addColumn('image_url', 'text')
    .addColumn('site_name', 'text')
    .addColumn('simhash', 'text')
    .execute();
  // Previous/Next and listings walk (published_at, id); the id breaks ties deterministically.
  await db.schema.createIndex('articles_published').on('articles').columns(['published_at', 'id']).execute();
  await db.schema.createIndex('articles_section_published').on('articles').columns(['section', 'published_at', 'id']).execute();
  await db.schema.createIndex('articles_canonical_url').on('articles').column('canonical_url').execute();
  await db.schema.createIndex('articles_content_hash').on('articles').column('content_hash').execute();

  await db.schema
    .createTable('revisions')
    .addColumn('article_id', idType, (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('revisions_pk', ['article_id', 'revision'])
    .execute();

  await db.schema
    .createTable('summaries')
    .addColumn('article_id', idType, (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('length', 'text', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('sentences', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('summaries_pk', ['article_id', 'length'])
    .execute();

  await db.schema
    .createTable('tokens')
    .addColumn('id', idType, id)
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sources')
    .addColumn('id', idType, id)
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text')
    .addColumn('site_url', 'text')
    .addColumn('section', 'text', (c) => c.references('sections.slug').onDelete('set null'))
    .addColumn('full_text', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('etag', 'text')
    .addColumn('last_modified', 'text')
    .addColumn('refresh_minutes', 'integer')
    .addColumn('last_fetched_at', 'text')
    .addColumn('next_fetch_at', 'text', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('error_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sources_next_fetch').on('sources').column('next_fetch_at').execute();

  await db.schema
    .createTable('article_sources')
    .addColumn('article_id', idType, (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('source_id', idType, (c) => c.references('sources.id').onDelete('set null'))
    .addColumn('guid', 'text')
    .addColumn('url', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('seen_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('article_sources_article').on('article_sources').column('article_id').execute();
  await db.schema.createIndex('article_sources_guid').on('article_sources').columns(['source_id', 'guid']).execute();
  await db.schema.createIndex('article_sources_url').on('article_sources').column('url').execute();

  await db.schema
    .createTable('simhash_bands')
    .addColumn('article_id', idType, (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('band', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('simhash_bands_band').on('simhash_bands').column('band').execute();
  await db.schema.createIndex('simhash_bands_article').on('simhash_bands').column('article_id').execute();

  if (dialect === 'sqlite') await createSqliteSearch(db);
  else await createPostgresSearch(db);
}

/** FTS5 over title and text, kept in step with `articles` by triggers (external-content table). */
async function createSqliteSearch(db: Kysely<any>): Promise<void> {
  await sql`CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2')`.execute(db);
  await sql`CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
  END`.execute(db);
  await sql`CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
  END`.execute(db);
  await sql`CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
  END`.execute(db);
}

// ISO 639-1 code -> PostgreSQL's built-in text search configuration (PostgreSQL 12+ has all of these).
const PG_TS_CONFIGS: Record<string, string> = {
  en: 'english', de: 'german', fr: 'french', es: 'spanish', it: 'italian', pt: 'portuguese',
  nl: 'dutch', ru: 'russian', sv: 'swedish', da: 'danish', fi: 'finnish', no: 'norwegian',
  hu: 'hungarian', ro: 'romanian', tr: 'turkish', ar: 'arabic', el: 'greek', id: 'indonesian',
  ga: 'irish', lt: 'lithuanian', ta: 'tamil',
};

/**
 * tsvector + GIN, built with each article's own language configuration (a trigger maps the
 * article's ISO 639-1 code to a text search configuration, 'simple' when PostgreSQL has none).
 * Each configuration is a copy of PostgreSQL's with `unaccent` in front of the stemmer, so "cafe"
 * finds "café" as FTS5's remove_diacritics does on SQLite.
 */
async function createPostgresSearch(db: Kysely<any>): Promise<void> {
  // unaccent ships with PostgreSQL (contrib) and is a trusted extension. It is database-wide; its
  // dictionary is referenced by schema so the configurations work whatever the search_path.
  await sql`CREATE EXTENSION IF NOT EXISTS unaccent`.execute(db);
  const { rows } = await sql<{ schema: string }>`SELECT extnamespace::regnamespace::text AS schema FROM pg_extension WHERE extname = 'unaccent'`.execute(db);
  const unaccent = sql.raw(`${rows[0]!.schema}.unaccent`);
  for (const cfg of [...new Set(Object.values(PG_TS_CONFIGS)), 'simple']) {
    const dictionary = sql.raw(cfg === 'simple' ? 'simple' : `${cfg}_stem`);
    await sql`CREATE TEXT SEARCH CONFIGURATION ${sql.raw(`skim_${cfg}`)} (COPY = ${sql.raw(`pg_catalog.${cfg}`)})`.execute(db);
    await sql`ALTER TEXT SEARCH CONFIGURATION ${sql.raw(`skim_${cfg}`)} ALTER MAPPING FOR word, hword, hword_part WITH ${unaccent}, ${dictionary}`.execute(db);
  }
  const cases = Object.entries(PG_TS_CONFIGS).map(([code, cfg]) => `WHEN '${code}' THEN 'skim_${cfg}'`).join(' ');
  await sql`ALTER TABLE articles ADD COLUMN search tsvector`.execute(db);
  await sql`CREATE OR REPLACE FUNCTION skim_ts_config(lang text) RETURNS regconfig AS $$
    SELECT (CASE lang ${sql.raw(cases)} ELSE 'skim_simple' END)::regconfig
  $$ LANGUAGE sql STABLE`.execute(db);
  await sql`CREATE OR REPLACE FUNCTION skim_articles_search() RETURNS trigger AS $$
  BEGIN
    NEW.search := setweight(to_tsvector(skim_ts_config(NEW.lang), coalesce(NEW.title, '')), 'A')
               || setweight(to_tsvector(skim_ts_config(NEW.lang), coalesce(NEW.text, '')), 'B');
    RETURN NEW;
  END $$ LANGUAGE plpgsql`.execute(db);
  await sql`CREATE TRIGGER articles_search BEFORE INSERT OR UPDATE OF title, text, lang ON articles
    FOR EACH ROW EXECUTE FUNCTION skim_articles_search()`.execute(db);
  // New rows wait in GIN's pending list, which every search scans linearly until it is merged: a
  // 256 kB list (default 4 MB) keeps that scan short while inserts are still merged in batches.
  await sql`CREATE INDEX articles_search_gin ON articles USING gin(search) WITH (gin_pending_list_limit = 256)`.execute(db);
  // Search parses the query once per language in use; this index lists those languages cheaply.
  await db.schema.createIndex('articles_lang').on('articles').column('lang').execute();
  // OR-combines one query per language configuration in use (see store/search.ts).
  await sql`CREATE AGGREGATE tsquery_or_agg(tsquery) (SFUNC = tsquery_or, STYPE = tsquery)`.execute(db);
}
