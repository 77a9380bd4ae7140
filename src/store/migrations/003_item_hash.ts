import type { Kysely } from 'kysely';

/**
 * What a feed item looked like when last ingested, per (article, source): a poll that finds the
 * same hash skips the item without fetching its page again.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('article_sources').addColumn('item_hash', 'text').execute();
}
