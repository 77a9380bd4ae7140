// Versioned migrations with Kysely's Migrator. One list serves both backends: the schema builder
// is portable, and the few dialect-specific statements (ids, full-text search) branch on dialect.
import { Migrator, sql, type Migration, type MigrationProvider } from 'kysely';
import type { Store } from './db.ts';
import { migrations } from './migrations/index.ts';

export async function migrateToLatest(store: Store): Promise<void> {
  const provider: MigrationProvider = {
    async getMigrations() {
      const out: Record<string, Migration> = {};
      for (const [name, m] of Object.entries(migrations)) {
        out[name] = { up: (db) => m.up(db, store.dialect) };
      }
      return out;
    },
  };
  // Unless told the schema, Kysely takes its lock table in any schema for its own: on PostgreSQL
  // name the current one, so stores side by side in one database (parallel tests) stay apart.
  const migrationTableSchema = store.dialect === 'postgres'
    ? (await sql<{ schema: string }>`SELECT current_schema() AS schema`.execute(store.db)).rows[0]?.schema
    : undefined;
  const { error, results } = await new Migrator({ db: store.db, provider, migrationTableSchema }).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`migration ${failed} failed: ${(error as Error).message ?? String(error)}`);
  }
}
