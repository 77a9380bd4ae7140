// Test helpers: run the same tests against every store backend. SQLite (:memory:) always;
// PostgreSQL when TEST_DATABASE_URL is set, each test in a schema of its own that is dropped after.
import { describe, type TestContext } from 'node:test';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { openStore, type Dialect, type Store } from './db.ts';

export const POSTGRES_SKIP = 'PostgreSQL tests skipped: TEST_DATABASE_URL not set';

export interface TestSchema {
  /** The connection URL with search_path set to the new schema. */
  url: string;
  schema: string;
  drop(): Promise<void>;
}

async function adminQuery(baseUrl: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: baseUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** A fresh, empty PostgreSQL schema; anything (other processes too) opening `url` works inside it. */
export async function createTestSchema(baseUrl: string): Promise<TestSchema> {
  // The store's migration creates the unaccent extension where none exists; created here first, in
  // public, it never lands in (and vanishes with) a test schema. Concurrent test files may race to it.
  await adminQuery(baseUrl, 'CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public').catch((err: { code?: string }) => {
    if (err.code !== '23505') throw err;
  });
  const schema = `skim_test_${randomUUID().replaceAll('-', '')}`;
  await adminQuery(baseUrl, `CREATE SCHEMA ${schema}`);
  const url = new URL(baseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return { url: url.toString(), schema, drop: () => adminQuery(baseUrl, `DROP SCHEMA IF EXISTS ${schema} CASCADE`) };
}

/** Opens a migrated, empty store on this backend, closed (and its schema dropped) when the test ends. */
export type OpenTestStore = (t: TestContext) => Promise<Store>;

export interface StoreBackend {
  dialect: Dialect;
  /** The reason this backend is skipped, or false. */
  skip: string | false;
  open: OpenTestStore;
}

export function storeBackends(): StoreBackend[] {
  const pgUrl = process.env.TEST_DATABASE_URL;
  return [
    {
      dialect: 'sqlite',
      skip: false,
      open: async (t) => {
        const store = await openStore(':memory:');
        t.after(() => store.close());
        return store;
      },
    },
    {
      dialect: 'postgres',
      skip: pgUrl ? false : POSTGRES_SKIP,
      open: async (t) => {
        const schema = await createTestSchema(pgUrl!);
        const store = await openStore(schema.url, { poolSize: 4 }).catch(async (err) => {
          await schema.drop();
          throw err;
        });
        t.after(async () => {
          await store.close();
          await schema.drop();
        });
        return store;
      },
    },
  ];
}

/**
 * `describe(name)` once per backend (`name [sqlite]`, `name [postgres]`), the PostgreSQL one skipped
 * with POSTGRES_SKIP when TEST_DATABASE_URL is unset.
 */
export function describeEachStore(name: string, body: (open: OpenTestStore, dialect: Dialect) => void): void {
  for (const backend of storeBackends()) {
    describe(`${name} [${backend.dialect}]`, { skip: backend.skip }, () => body(backend.open, backend.dialect));
  }
}
