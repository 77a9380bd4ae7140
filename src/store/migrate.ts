// Versioned migrations with Kysely's Migrator. One list serves both backends: the schema builder
// is portable, and the few dialect-specific statements (ids, full-text search) branch on dialect.
import { Migrator, type Migration, type MigrationProvider } from 'kysely';
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
  const { error, results } = await new Migrator({ db: store.db, provider }).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`migration ${failed} failed: ${(error as Error).message ?? String(error)}`);
  }
}
