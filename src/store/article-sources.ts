// Where articles came from (article_sources) and their SimHash lookup bands: the store side of
// identity and deduplication. The rules (what counts as the same article) live in src/ingest/pipeline.
import type { ExpressionBuilder, Selectable } from 'kysely';
import type { Db } from './articles.ts';
import type { Database } from './schema.ts';

export type ArticleSource = Selectable<Database['article_sources']>;
export type LinkKind = 'original' | 'duplicate' | 'near_duplicate';

/** The link recorded for this GUID in this source, if any. */
export function findLinkByGuid(db: Db, sourceId: number, guid: string): Promise<ArticleSource | undefined> {
  return db.selectFrom('article_sources').selectAll()
    .where('source_id', '=', sourceId).where('guid', '=', guid)
    .orderBy('seen_at').executeTakeFirst();
}

/**
 * The article at any of these canonical URLs: its own URL first, then a URL recorded as one of its
 * sources (a copy or a rel=canonical alias). `link` is that recorded row when the match came from one.
 */
export async function findArticleByUrls(db: Db, urls: string[]): Promise<{ articleId: number; link?: ArticleSource } | undefined> {
  if (urls.length === 0) return undefined;
  const own = await db.selectFrom('articles').select('id').where('canonical_url', 'in', urls).orderBy('id').executeTakeFirst();
  if (own) return { articleId: Number(own.id) };
  const link = await db.selectFrom('article_sources').selectAll().where('url', 'in', urls).orderBy('seen_at').executeTakeFirst();
  return link ? { articleId: Number(link.article_id), link } : undefined;
}

export function linksOf(db: Db, articleId: number): Promise<ArticleSource[]> {
  return db.selectFrom('article_sources').selectAll().where('article_id', '=', articleId).orderBy('seen_at').execute();
}

export interface LinkInput {
  articleId: number;
  sourceId: number | null;
  guid: string | null;
  url: string | null;
  kind: LinkKind;
  itemHash: string | null;
}

/** The row `link` would update: one per (article, source, kind); copies and source-less rows also by URL. */
function sameLink(link: LinkInput) {
  return (eb: ExpressionBuilder<Database, 'article_sources'>) => {
    const conditions = [
      eb('article_id', '=', link.articleId),
      eb('kind', '=', link.kind),
      link.sourceId === null ? eb('source_id', 'is', null) : eb('source_id', '=', link.sourceId),
    ];
    if (link.kind === 'near_duplicate' || link.sourceId === null) conditions.push(link.url === null ? eb('url', 'is', null) : eb('url', '=', link.url));
    return eb.and(conditions);
  };
}

/**
 * Records that `sourceId` carries the article, updating the row in place when the source's GUID,
 * URL or item changed, so re-running an ingest adds nothing.
 */
export async function recordLink(db: Db, link: LinkInput, now = new Date()): Promise<void> {
  const row = await db.selectFrom('article_sources').select(['guid', 'url', 'item_hash']).where(sameLink(link)).executeTakeFirst();
  if (!row) {
    await db.insertInto('article_sources').values({
      article_id: link.articleId, source_id: link.sourceId, guid: link.guid, url: link.url, kind: link.kind, item_hash: link.itemHash, seen_at: now.toISOString(),
    }).execute();
    return;
  }
  const update = { guid: link.guid ?? row.guid, url: link.url ?? row.url, item_hash: link.itemHash ?? row.item_hash };
  if (update.guid === row.guid && update.url === row.url && update.item_hash === row.item_hash) return;
  await db.updateTable('article_sources').set(update).where(sameLink(link)).execute();
}

/** Stores an article's SimHash (hex) and replaces its lookup bands. */
export async function saveSimhash(db: Db, articleId: number, hex: string, bands: string[]): Promise<void> {
  await db.updateTable('articles').set({ simhash: hex }).where('id', '=', articleId).execute();
  await db.deleteFrom('simhash_bands').where('article_id', '=', articleId).execute();
  if (bands.length) await db.insertInto('simhash_bands').values(bands.map((band) => ({ article_id: articleId, band }))).execute();
}

/** Articles sharing at least one band, with their SimHash (hex): near-duplicate candidates. */
export async function simhashCandidates(db: Db, bands: string[]): Promise<{ id: number; simhash: string }[]> {
  if (bands.length === 0) return [];
  const rows = await db.selectFrom('simhash_bands')
    .innerJoin('articles', 'articles.id', 'simhash_bands.article_id')
    .select(['articles.id', 'articles.simhash'])
    .where('simhash_bands.band', 'in', bands)
    .where('articles.simhash', 'is not', null)
    .distinct()
    .execute();
  return rows.map((r) => ({ id: Number(r.id), simhash: r.simhash! }));
}
