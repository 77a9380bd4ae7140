import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../db.ts';

/** `article_pages`: each article's page as served, gzipped, with its generation (store/pages.ts). */
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('article_pages')
    .addColumn('article_id', dialect === 'sqlite' ? 'integer' : 'bigint', (c) => c.primaryKey().references('articles.id').onDelete('cascade'))
    .addColumn('generation', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('context', 'text')
    .addColumn('etag', 'text')
    .addColumn('gzip', dialect === 'sqlite' ? 'blob' : 'bytea')
    .execute();
  if (dialect !== 'postgres') return;
  // A page (5-8 kB gzipped) stays in its heap row, so a view reads one heap page instead of going
  // through the TOAST index and chunks; gzipped bytes are never compressed again.
  await sql`ALTER TABLE article_pages SET (toast_tuple_target = 8160)`.execute(db);
  await sql`ALTER TABLE article_pages ALTER COLUMN gzip SET STORAGE EXTERNAL`.execute(db);
}
