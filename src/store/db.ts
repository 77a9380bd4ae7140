// Opens the store named by a URL: a SQLite file path (the default) or postgres://… .
// Callers get the same Kysely<Database> either way; the few dialect-specific queries (search)
// branch on `store.dialect`.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { CompiledQuery, Kysely, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver, type SqliteDatabase, type SqliteDialectConfig } from 'kysely';
import SQLite from 'better-sqlite3';
import { LRUCache } from 'lru-cache';
import pg from 'pg';
import type { Database } from './schema.ts';
import { migrateToLatest } from './migrate.ts';
import { CurrentSchemaPostgresDialect } from './pg-introspector.ts';

export type Dialect = 'sqlite' | 'postgres';

export interface Store {
  db: Kysely<Database>;
  dialect: Dialect;
  /** Where the data lives, for log lines (password removed from URLs). */
  location: string;
  close(): Promise<void>;
}

export const DEFAULT_DB = './data/skim.db';

/** How long a SQLite write waits for another process's writer. */
export const SQLITE_BUSY_TIMEOUT_MS = 5000;

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

/** The store URL from a --db flag, DATABASE_URL / SKIM_DB, or the default SQLite file. */
export function resolveDbUrl(flag?: string): string {
  return flag || process.env.DATABASE_URL || process.env.SKIM_DB || DEFAULT_DB;
}

export interface OpenOptions {
  /** Run pending migrations (default true). */
  migrate?: boolean;
  /** PostgreSQL pool size. */
  poolSize?: number;
}

export async function openStore(url: string, options: OpenOptions = {}): Promise<Store> {
  const store = isPostgresUrl(url) ? openPostgres(url, options.poolSize ?? 10) : openSqlite(url);
  if (options.migrate !== false) {
    try {
      await migrateToLatest(store);
    } catch (err) {
      await store.close();
      throw err;
    }
  }
  return store;
}

/**
 * Transactions take the write lock when they begin (BEGIN IMMEDIATE), so they wait (busy_timeout)
 * for another process's writer. A deferred BEGIN that reads first fails at once with "database is
 * locked" when it writes after another process committed (serve and ingest workers together).
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  readonly #settings: SqliteDialectConfig;
  constructor(settings: SqliteDialectConfig) {
    super(settings);
    this.#settings = settings;
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#settings);
  }
}

/**
 * Kysely prepares every query it runs; a page runs the same few queries over and over, so their
 * prepared statements are kept (statements are reusable, and Kysely runs one query at a time).
 */
function withStatementCache(sqlite: SQLite.Database): SqliteDatabase {
  const statements = new LRUCache<string, SQLite.Statement>({ max: 500 });
  return {
    prepare(sql) {
      let statement = statements.get(sql);
      if (!statement) statements.set(sql, (statement = sqlite.prepare(sql)));
      return statement;
    },
    close: () => sqlite.close(),
  };
}

function openSqlite(path: string): Store {
  const file = path.startsWith('file:') ? path.slice(5) : path;
  if (file !== ':memory:') mkdirSync(dirname(resolve(file)), { recursive: true });
  const sqlite = new SQLite(file);
  // WAL: readers never block the writer; NORMAL sync is durable against a killed process (kill -9),
  // which is the failure we promise to survive; busy_timeout lets a CLI write while `serve` runs.
  // 8 KB pages: a stored article page (~5 KB gzipped) fits in one instead of spilling into an overflow
  // page, so a view reads one page less (the stored-page query alone 26-28 against 29-46 µs at 20,000
  // articles). Only a new file takes it: an existing one keeps its page size (set before WAL, which fixes it).
  sqlite.pragma('page_size = 8192');
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
  const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: withStatementCache(sqlite) }) });
  return {
    db,
    dialect: 'sqlite',
    location: file === ':memory:' ? ':memory:' : resolve(file),
    close: () => db.destroy(),
  };
}

// int8 (ids, counts) as numbers, as SQLite returns them; ids stay far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, Number);

function openPostgres(url: string, max: number): Store {
  const pool = new pg.Pool({ connectionString: url, max });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  const db = new Kysely<Database>({ dialect: new CurrentSchemaPostgresDialect({ pool }) });
  const safe = new URL(url);
  if (safe.password) safe.password = '***';
  return { db, dialect: 'postgres', location: safe.toString(), close: () => db.destroy() };
}

