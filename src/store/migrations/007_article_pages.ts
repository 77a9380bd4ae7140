import type { Kysely } from 'kysely';
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
}
