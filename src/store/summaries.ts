// Cached summaries: one row per (article, length), valid while version and content hash match.
import { atomically, type Db } from './articles.ts';
import { invalidatePages } from './pages.ts';

export interface StoredSentence {
  text: string;
  start: number;
  end: number;
  score: number;
  index: number;
}

export interface StoredSummary {
  length: string;
  version: string;
  contentHash: string;
  sentences: StoredSentence[];
}

export function saveSummaries(db: Db, articleId: number, summaries: StoredSummary[]): Promise<void> {
  const now = new Date().toISOString();
  return atomically(db, async (trx) => {
    await invalidatePages(trx, [articleId]);
    await trx.deleteFrom('summaries').where('article_id', '=', articleId).execute();
    if (summaries.length === 0) return;
    await trx.insertInto('summaries').values(summaries.map((s) => ({
      article_id: articleId,
      length: s.length,
      version: s.version,
      content_hash: s.contentHash,
      sentences: JSON.stringify(s.sentences),
      created_at: now,
    }))).execute();
  });
}

export async function getSummaries(db: Db, articleId: number): Promise<StoredSummary[]> {
  const rows = await db.selectFrom('summaries').selectAll().where('article_id', '=', articleId).execute();
  return rows.map((r) => ({ length: r.length, version: r.version, contentHash: r.content_hash, sentences: JSON.parse(r.sentences) as StoredSentence[] }));
}

/** Article ids whose summaries are missing or stale for this summarizer version. */
export async function staleSummaryIds(db: Db, version: string, limit: number): Promise<number[]> {
  const rows = await db.selectFrom('articles')
    .leftJoin('summaries', (j) => j.onRef('summaries.article_id', '=', 'articles.id').on('summaries.length', '=', 'medium'))
    .select('articles.id')
    .where('articles.status', '=', 'ok')
    .where((eb) => eb.or([
      eb('summaries.version', 'is', null),
      eb('summaries.version', '!=', version),
      eb('summaries.content_hash', '!=', eb.ref('articles.content_hash')),
    ]))
    .orderBy('articles.id')
    .limit(limit)
    .execute();
  return rows.map((r) => Number(r.id));
}

/** One length's sentences for many articles at once (listings show a line of each). */
export async function getSummariesOfLength(db: Db, articleIds: number[], length: string): Promise<Map<number, StoredSentence[]>> {
  if (articleIds.length === 0) return new Map();
  const rows = await db.selectFrom('summaries').select(['article_id', 'sentences'])
    .where('article_id', 'in', articleIds).where('length', '=', length).execute();
  return new Map(rows.map((r) => [Number(r.article_id), JSON.parse(r.sentences) as StoredSentence[]]));
}
