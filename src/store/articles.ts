// Articles: reads for pages and the API, writes for publishing. Listings never load html/text.
import type { ExpressionBuilder, Kysely } from 'kysely';
import slugify from '@sindresorhus/slugify';
import type { Article, ArticlesTable, ArticleUpdate, Database, NewArticle } from './schema.ts';
import { invalidatePages } from './pages.ts';

export type Db = Kysely<Database>;

/** The columns a listing (home, section, feeds, API list) needs. */
export const listColumns = [
  'id', 'slug', 'title', 'byline', 'section', 'lang', 'url', 'published_at', 'updated_at', 'word_count', 'revision', 'status', 'image_url',
] as const;
export type ArticleListItem = Pick<Article, (typeof listColumns)[number]>;

// Every column of ArticlesTable (the Record makes the compiler check the list is complete), so a
// full read never loads PostgreSQL's search vector, which is not part of the type.
const articleColumnSet: Record<keyof ArticlesTable, true> = {
  id: true, slug: true, url: true, canonical_url: true, title: true, byline: true, section: true, lang: true,
  published_at: true, updated_at: true, created_at: true, html: true, text: true, word_count: true,
  content_hash: true, revision: true, status: true, status_reason: true, image_url: true, site_name: true, simhash: true,
};
export const articleColumns = Object.keys(articleColumnSet) as Array<keyof ArticlesTable>;

export interface ListQuery {
  section?: string;
  limit: number;
  offset?: number;
}

export function getArticle(db: Db, id: number): Promise<Article | undefined> {
  return db.selectFrom('articles').select(articleColumns).where('id', '=', id).executeTakeFirst();
}

export function getArticleBySlug(db: Db, slug: string): Promise<Article | undefined> {
  return db.selectFrom('articles').select(articleColumns).where('slug', '=', slug).executeTakeFirst();
}

export function findArticleByUrl(db: Db, canonicalUrl: string): Promise<Article | undefined> {
  return db.selectFrom('articles').select(articleColumns).where('canonical_url', '=', canonicalUrl).executeTakeFirst();
}

/**
 * The newest article without a URL that has this text (content hash), else this exact title. Titles
 * are found through their slugs, which always derive from the current title.
 */
export async function findUrllessArticle(db: Db, contentHash: string, title: string): Promise<number | undefined> {
  const urlless = db.selectFrom('articles').select('id').where('canonical_url', 'is', null).orderBy('id', 'desc');
  const row = await urlless.where('content_hash', '=', contentHash).executeTakeFirst()
    ?? await urlless.where(slugsFor(title)).where('title', '=', title).executeTakeFirst();
  return row?.id;
}

/** Newest first; ties on published_at broken by id so paging is stable. */
export function listArticles(db: Db, q: ListQuery): Promise<ArticleListItem[]> {
  let query = db.selectFrom('articles').select(listColumns);
  if (q.section) query = query.where('section', '=', q.section);
  return query.orderBy('published_at', 'desc').orderBy('id', 'desc').limit(q.limit).offset(q.offset ?? 0).execute();
}

/** The sanitized HTML of several listed articles, by id (feeds carry full content). */
export async function getArticlesHtml(db: Db, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('articles').select(['id', 'html']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [Number(r.id), r.html]));
}

export async function countArticles(db: Db, section?: string): Promise<number> {
  let query = db.selectFrom('articles').select((eb) => eb.fn.countAll<number | string>().as('n'));
  if (section) query = query.where('section', '=', section);
  const row = await query.executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface Neighbours {
  previous?: Pick<Article, 'id' | 'slug' | 'title'>;
  next?: Pick<Article, 'id' | 'slug' | 'title'>;
}

/**
 * Previous = the next older article site-wide, Next = the next newer, ordered by (published_at, id).
 * The plain bound on published_at is what lets the index walk start at the article: with the OR
 * alone, SQLite scanned every older article (7 ms at 20,000 articles; 0.1 ms this way).
 */
export async function getNeighbours(db: Db, article: Pick<Article, 'id' | 'published_at'>): Promise<Neighbours> {
  const { id, published_at: at } = article;
  const [previous, next] = await Promise.all([
    db.selectFrom('articles').select(['id', 'slug', 'title'])
      .where('published_at', '<=', at).where((eb) => eb.or([eb('published_at', '<', at), eb('id', '<', id)]))
      .orderBy('published_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst(),
    db.selectFrom('articles').select(['id', 'slug', 'title'])
      .where('published_at', '>=', at).where((eb) => eb.or([eb('published_at', '>', at), eb('id', '>', id)]))
      .orderBy('published_at', 'asc').orderBy('id', 'asc').limit(1).executeTakeFirst(),
  ]);
  return { previous, next };
}

/** Runs `work` in the caller's transaction, or in a new one: a write and its pages' invalidation commit together. */
export function atomically<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}

async function neighbourIds(db: Db, article: Pick<Article, 'id' | 'published_at'> | undefined): Promise<Array<number | undefined>> {
  if (!article) return [];
  const { previous, next } = await getNeighbours(db, article);
  return [previous?.id, next?.id];
}

function placeOf(db: Db, id: number) {
  return db.selectFrom('articles').select(['id', 'published_at']).where('id', '=', id).executeTakeFirst();
}

// Every write below changes what some stored pages show (store/pages.ts): the article's own, and its
// neighbours', whose Previous/Next link to it by slug and title.

export function insertArticle(db: Db, article: NewArticle): Promise<number> {
  return atomically(db, async (trx) => {
    const row = await trx.insertInto('articles').values(article).returning('id').executeTakeFirstOrThrow();
    const id = Number(row.id);
    await invalidatePages(trx, await neighbourIds(trx, { id, published_at: article.published_at }));
    return id;
  });
}

export function updateArticle(db: Db, id: number, update: ArticleUpdate): Promise<void> {
  return atomically(db, async (trx) => {
    const before = await neighbourIds(trx, await placeOf(trx, id));
    await trx.updateTable('articles').set(update).where('id', '=', id).execute();
    // Only a new publication time moves the article between other neighbours.
    const after = update.published_at === undefined ? [] : await neighbourIds(trx, await placeOf(trx, id));
    await invalidatePages(trx, [id, ...before, ...after]);
  });
}

export function deleteArticle(db: Db, id: number): Promise<boolean> {
  return atomically(db, async (trx) => {
    const neighbours = await neighbourIds(trx, await placeOf(trx, id));
    const result = await trx.deleteFrom('articles').where('id', '=', id).executeTakeFirst();
    await invalidatePages(trx, neighbours);
    return Number(result.numDeletedRows) > 0;
  });
}

function slugBase(title: string): string {
  return slugify(title).slice(0, 80).replace(/-+$/, '') || 'article';
}

/** The slugs an article with this title can have: the base and its -2, -3… variants. */
function slugsFor(title: string) {
  const base = slugBase(title);
  return (eb: ExpressionBuilder<Database, 'articles'>) => eb.or([eb('slug', '=', base), eb('slug', 'like', `${base}-%`)]);
}

/** A URL-safe slug from the title, made unique with -2, -3… (transliterates non-Latin titles). */
export async function uniqueSlug(db: Db, title: string, exceptId?: number): Promise<string> {
  const base = slugBase(title);
  const taken = await db.selectFrom('articles').select(['slug', 'id']).where(slugsFor(title)).execute();
  const used = new Set(taken.filter((r) => r.id !== exceptId).map((r) => r.slug));
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}

export async function* iterateArticles(db: Db, batch = 500): AsyncGenerator<Article> {
  let after = 0;
  for (;;) {
    const rows = await db.selectFrom('articles').select(articleColumns).where('id', '>', after).orderBy('id').limit(batch).execute();
    if (rows.length === 0) return;
    yield* rows;
    after = Number(rows[rows.length - 1]!.id);
  }
}
