// Copies one store into another, empty one (`skim migrate`: a SQLite file into PostgreSQL).
// All of it happens in one target transaction, in batches: a failure leaves the target empty, so
// the copy can simply be run again. Ids are kept; PostgreSQL identity sequences are moved past them.
import { sql, type Kysely } from 'kysely';
import type { Store } from './db.ts';

/** Parents before children, so foreign keys hold at every insert. Tables not listed follow. */
const TABLE_ORDER = ['sections', 'articles', 'revisions', 'summaries', 'tokens', 'sources', 'article_sources', 'simhash_bands'];
/**
 * Migration bookkeeping and the size of SQLite's index of recent articles belong to each store;
 * leases are meaningful only where they were taken; rendered pages are a cache the target fills
 * itself (gigabytes at a million articles).
 */
const NOT_COPIED = new Set(['kysely_migration', 'kysely_migration_lock', 'locks', 'article_pages', 'articles_fts_recent_size']);
/** Bind parameters per INSERT stay far below PostgreSQL's 65,535. */
const MAX_PARAMS = 30_000;
const MAX_BATCH = 500;

export interface TableCopy {
  table: string;
  rows: number;
}

export interface CopyProgress {
  /** Called once with the total number of rows to copy, before any is copied. */
  start?(total: number): void;
  /** Called after each batch with the rows of that batch. */
  copied?(table: string, rows: number): void;
}

export class TargetNotEmptyError extends Error {}

type AnyDb = Kysely<any>;

async function tablesOf(store: Store): Promise<string[]> {
  const db = store.db as AnyDb;
  const query = store.dialect === 'sqlite'
    // Ordinary tables only: FTS5's shadow tables are rebuilt by the target's own triggers.
    ? sql<{ name: string }>`SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%'`
    : sql<{ name: string }>`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`;
  return (await query.execute(db)).rows.map((r) => r.name);
}

async function columnsOf(store: Store, table: string): Promise<string[]> {
  const db = store.db as AnyDb;
  const query = store.dialect === 'sqlite'
    ? sql<{ name: string }>`SELECT name FROM pragma_table_info(${table})`
    : sql<{ name: string }>`SELECT column_name AS name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ${table}`;
  return (await query.execute(db)).rows.map((r) => r.name);
}

async function countRows(db: AnyDb, table: string): Promise<number> {
  const row = await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The tables both stores have (the source's search index and bookkeeping excluded), in copy order. */
async function tablesToCopy(source: Store, target: Store): Promise<string[]> {
  const targetTables = new Set(await tablesOf(target));
  const shared = (await tablesOf(source)).filter((t) => targetTables.has(t) && !NOT_COPIED.has(t));
  const rank = (t: string) => (TABLE_ORDER.includes(t) ? TABLE_ORDER.indexOf(t) : TABLE_ORDER.length);
  return shared.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** Reads a SQLite table a batch at a time, in rowid order (keyset paging: no OFFSET rescans). */
async function* readBatches(source: Store, table: string, columns: string[], batch: number): AsyncGenerator<Record<string, unknown>[]> {
  if (source.dialect !== 'sqlite') throw new Error('copying from PostgreSQL is not supported');
  const list = sql.join(columns.map((c) => sql.ref(c)));
  let after = Number.MIN_SAFE_INTEGER;
  for (;;) {
    const { rows } = await sql<Record<string, unknown> & { skim_rowid: number }>`
      SELECT rowid AS skim_rowid, ${list} FROM ${sql.table(table)} WHERE rowid > ${after} ORDER BY rowid LIMIT ${batch}`.execute(source.db);
    if (rows.length === 0) return;
    after = rows[rows.length - 1]!.skim_rowid;
    yield rows.map(({ skim_rowid: _, ...row }) => row);
  }
}

/** Moves each identity sequence past the largest copied id, so new rows do not collide. */
async function resetIdentities(db: AnyDb): Promise<void> {
  const { rows } = await sql<{ table_name: string; column_name: string }>`
    SELECT table_name, column_name FROM information_schema.columns
    WHERE table_schema = current_schema() AND is_identity = 'YES'`.execute(db);
  for (const { table_name: table, column_name: column } of rows) {
    await sql`SELECT setval(pg_get_serial_sequence(${table}, ${column}), coalesce(max(${sql.ref(column)}), 0) + 1, false)
      FROM ${sql.table(table)}`.execute(db);
  }
}

export async function copyStore(source: Store, target: Store, progress: CopyProgress = {}): Promise<TableCopy[]> {
  const tables = await tablesToCopy(source, target);
  const sourceDb = source.db as AnyDb;
  for (const table of tables) {
    const n = await countRows(target.db as AnyDb, table);
    if (n > 0) throw new TargetNotEmptyError(`the target already has data (${n} rows in ${table}); copy into an empty database`);
  }
  const expected = new Map<string, number>();
  for (const table of tables) expected.set(table, await countRows(sourceDb, table));
  progress.start?.([...expected.values()].reduce((a, b) => a + b, 0));

  // Columns both sides have (PostgreSQL adds its search vector, filled by its own trigger).
  const columns = new Map<string, string[]>();
  for (const table of tables) {
    const targetColumns = new Set(await columnsOf(target, table));
    columns.set(table, (await columnsOf(source, table)).filter((c) => targetColumns.has(c)));
  }

  return target.db.transaction().execute(async (trx) => {
    const db = trx as AnyDb;
    const copied: TableCopy[] = [];
    for (const table of tables) {
      const shared = columns.get(table)!;
      const batch = Math.max(1, Math.min(MAX_BATCH, Math.floor(MAX_PARAMS / shared.length)));
      for await (const rows of readBatches(source, table, shared, batch)) {
        await db.insertInto(table).values(rows).execute();
        progress.copied?.(table, rows.length);
      }
      const rows = await countRows(db, table);
      if (rows !== expected.get(table)) {
        throw new Error(`${table}: copied ${rows} rows but the source has ${expected.get(table)}; nothing was kept`);
      }
      copied.push({ table, rows });
    }
    if (target.dialect === 'postgres') await resetIdentities(db);
    return copied;
  });
}
