import type { Kysely } from 'kysely';

/** Named leases (the scheduler's "one at a time") when there is no Redis: see src/jobs/lock.ts. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('locks')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('holder', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
}
