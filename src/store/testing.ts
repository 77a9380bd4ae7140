// Test helpers: run the same tests against every store backend. SQLite (:memory:, or a temp file
// for other processes) always; PostgreSQL when TEST_DATABASE_URL is set, each test in a schema of
// its own that is dropped after.
import { after, before, describe } from 'node:test';
import { randomUUID } from 'node:crypto';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openStore, type Dialect, type Store } from './db.ts';
import type { NewArticle } from './schema.ts';

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

/**
 * A PostgreSQL schema, fresh and empty unless `name` picks one that exists (bench:scale --schema
 * reuses one); anything (other processes too) opening `url` works inside it.
 */
export async function createTestSchema(baseUrl: string, name?: string): Promise<TestSchema> {
  if (name !== undefined && !/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain schema name: ${name}`);
  // The store's migration creates the unaccent extension where none exists; created here first, in
  // public, it never lands in (and vanishes with) a test schema. Concurrent test files may race to it.
  await adminQuery(baseUrl, 'CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public').catch((err: { code?: string }) => {
    if (err.code !== '23505') throw err;
  });
  const schema = name ?? `skim_test_${randomUUID().replaceAll('-', '')}`;
  await adminQuery(baseUrl, `CREATE SCHEMA IF NOT EXISTS ${schema}`);
  const url = new URL(baseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return { url: url.toString(), schema, drop: () => adminQuery(baseUrl, `DROP SCHEMA IF EXISTS ${schema} CASCADE`) };
}

/** Where a cleanup is registered: a test's context, or the `after` hook of a describe block. */
export interface Cleanups {
  after(fn: () => unknown): void;
}

/** Opens a migrated, empty store on this backend, closed (and its schema dropped) when the test ends. */
export type OpenTestStore = (t: Cleanups) => Promise<Store>;

export interface StoreBackend {
  dialect: Dialect;
  /** The reason this backend is skipped, or false. */
  skip: string | false;
  open: OpenTestStore;
  /** A URL (`--db`) for a fresh, empty store that other processes can open, removed when the test ends. */
  storeUrl: (t: Cleanups) => Promise<string>;
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
      storeUrl: async (t) => {
        const dir = mkdtempSync(join(tmpdir(), 'skim-test-'));
        t.after(() => rmSync(dir, { recursive: true, force: true }));
        return join(dir, 'skim.db');
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
      storeUrl: async (t) => {
        const schema = await createTestSchema(pgUrl!);
        t.after(() => schema.drop());
        return schema.url;
      },
    },
  ];
}

/**
 * `describe(name)` once per backend (`name [sqlite]`, `name [postgres]`), the PostgreSQL one skipped
 * with POSTGRES_SKIP when TEST_DATABASE_URL is unset.
 */
export function describeEachStore(name: string, body: (open: OpenTestStore, dialect: Dialect, storeUrl: StoreBackend['storeUrl']) => void): void {
  for (const backend of storeBackends()) {
    describe(`${name} [${backend.dialect}]`, { skip: backend.skip }, () => body(backend.open, backend.dialect, backend.storeUrl));
  }
}

/** Cleanups run (newest first) in the `after` hook of the describe block whose body calls this. */
export function suiteCleanups(): Cleanups {
  const fns: (() => unknown)[] = [];
  after(async () => {
    for (const fn of fns) await fn();
  });
  return { after: (fn) => fns.unshift(fn) };
}

/**
 * One store shared by the tests of a describe block: opened before its first test, closed (schema
 * dropped) after its last. Call in the block's body; read the store inside hooks and tests.
 */
export function suiteStore(open: OpenTestStore): () => Store {
  const cleanups = suiteCleanups();
  let store: Store | undefined;
  before(async () => {
    store = await open(cleanups);
  });
  return () => store ?? assert.fail('suiteStore: read the store inside a hook or a test');
}

/**
 * An `articles` row for plain `text`, as publishing stores it, without the content pipeline
 * (tested elsewhere): published, updated and created at `published_at` (default 2026-03-01 noon).
 */
export function articleRow(row: Pick<NewArticle, 'slug' | 'title' | 'text' | 'content_hash'> & Partial<NewArticle>): NewArticle {
  const at = row.published_at ?? '2026-03-01T12:00:00.000Z';
  return {
    url: null, canonical_url: null, byline: null, section: null, lang: 'en',
    html: `<p>${row.text}</p>`, word_count: row.text.split(/\s+/).length, image_url: null, site_name: null, simhash: null,
    ...row,
    published_at: at, updated_at: row.updated_at ?? at, created_at: row.created_at ?? at,
  };
}
