// Article pages as served (gzipped), stored so that a view costs one indexed read: at a million
// articles readers and crawlers spread over pages no memory cache holds, and rendering one costs
// ten times what reading it does. web/article-pages.ts renders them; the store keeps them true.
// What a page shows from the store (its article, summaries, and the titles and slugs of its
// Previous/Next neighbours) changes only through the writes below, which invalidate the page in
// the same transaction. What lives outside the store (templates, the section list, the origin)
// is the page's `context`, which readers compare with their own.
//
// Invalidating bumps a generation rather than deleting the row: a page rendered from data read
// before a write is stored only if the generation read before the render still holds, so a slow
// render can never store a page older than the write that invalidated it.
import { sql, type CompiledQuery, type InferResult } from 'kysely';
import type { Db } from './articles.ts';
import { SQLITE_BUSY_TIMEOUT_MS, type Store } from './db.ts';

export interface PageRecord {
  context: string;
  etag: string;
  gzip: Buffer;
}

export interface StoredPage {
  articleId: number;
  /** 0 when the article has no row yet. */
  generation: number;
  /** Null when invalidated or never rendered. */
  page: PageRecord | null;
}

function buildStoredPageQuery(db: Db, slug: string) {
  return db.selectFrom('articles')
    .leftJoin('article_pages', 'article_pages.article_id', 'articles.id')
    .select(['articles.id', 'article_pages.generation', 'article_pages.context', 'article_pages.etag', 'article_pages.gzip'])
    .where('articles.slug', '=', slug);
}

// The one query of a view, compiled once per store: building and compiling it took as long as
// running it (~20 µs), on a path that serves thousands of pages a second.
type StoredPageRow = InferResult<ReturnType<typeof buildStoredPageQuery>>[number];
const storedPageQueries = new WeakMap<Db, CompiledQuery<StoredPageRow>>();

function storedPageQuery(db: Db) {
  let query = storedPageQueries.get(db);
  if (!query) storedPageQueries.set(db, (query = buildStoredPageQuery(db, '').compile()));
  return query;
}

/** The article's stored page, if any; undefined when no article has the slug. */
export async function getStoredPage(db: Db, slug: string): Promise<StoredPage | undefined> {
  const [row] = (await db.executeQuery<StoredPageRow>({ ...storedPageQuery(db), parameters: [slug] })).rows;
  if (!row) return undefined;
  const { id, generation, context, etag, gzip } = row;
  return { articleId: Number(id), generation: generation ?? 0, page: context && etag && gzip ? { context, etag, gzip } : null };
}

/**
 * Stores a page rendered after reading `generation`, unless the article was invalidated since.
 * False when it was not stored: invalidated meanwhile, article deleted, or (SQLite) another
 * process holding the write lock: a page is a cache, and a view must never wait on a writer.
 */
export async function storePage(store: Store, articleId: number, generation: number, page: PageRecord): Promise<boolean> {
  const write = (db: Db) => db.insertInto('article_pages')
    .values({ article_id: articleId, generation, ...page })
    .onConflict((oc) => oc.column('article_id').doUpdateSet({ context: page.context, etag: page.etag, gzip: page.gzip })
      .where('article_pages.generation', '=', generation))
    .executeTakeFirst();
  try {
    if (store.dialect === 'postgres') return Number((await write(store.db)).numInsertedOrUpdatedRows) > 0;
    // better-sqlite3 waits for a lock synchronously, blocking every request of the process.
    return await store.db.connection().execute(async (db) => {
      await sql`PRAGMA busy_timeout = 0`.execute(db);
      try {
        return Number((await write(db)).numInsertedOrUpdatedRows) > 0;
      } finally {
        await sql.raw(`PRAGMA busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`).execute(db);
      }
    });
  } catch {
    return false; // the next view renders it again
  }
}

/** Marks the articles' pages out of date; called by every write that changes what a page shows. */
export async function invalidatePages(db: Db, articleIds: Array<number | undefined>): Promise<void> {
  const ids = [...new Set(articleIds.filter((id): id is number => id !== undefined))];
  if (ids.length === 0) return;
  await db.insertInto('article_pages')
    .values(ids.map((id) => ({ article_id: id, generation: 1, context: null, etag: null, gzip: null })))
    .onConflict((oc) => oc.column('article_id').doUpdateSet({
      generation: sql`article_pages.generation + 1`, context: null, etag: null, gzip: null,
    }))
    .execute();
}
