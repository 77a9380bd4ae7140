// The article page's data: loaded (with a version covering everything the page shows, neighbours'
// titles and the section list included) and rendered for the page cache.
import { createHash } from 'node:crypto';
import type { Store } from '../store/db.ts';
import { getArticleBySlug, getNeighbours, type Neighbours } from '../store/articles.ts';
import type { Article, Section } from '../store/schema.ts';
import { listSections } from '../store/sections.ts';
import { getSummaries, type StoredSummary } from '../store/summaries.ts';
import type { Versioned } from './page-cache.ts';
import { ArticlePage } from './pages/article.tsx';
import { renderDocument } from './respond.ts';
import { markSourceSentences, type SourceRange } from './source-marks.ts';

export interface ArticleView {
  article: Article;
  neighbours: Neighbours;
  sections: Section[];
  summaries: StoredSummary[];
}

export async function loadArticleView(store: Store, slug: string): Promise<Versioned<ArticleView> | undefined> {
  const article = await getArticleBySlug(store.db, slug);
  if (!article) return undefined;
  // The summaries themselves, not a stamp of them: on a miss (most requests, when readers spread
  // over many articles) the render needs them anyway, and reading them costs no more than a stamp.
  const [neighbours, sections, summaries] = await Promise.all([
    getNeighbours(store.db, article),
    listSections(store.db),
    getSummaries(store.db, article.id),
  ]);
  const data = { article, neighbours, sections, summaries };
  return { version: pageVersion(data), data };
}

/** A hash of every value the page shows. The body's html and text go in as they are, not copied into JSON. */
function pageVersion({ article: { html, text, ...row }, neighbours, sections, summaries }: ArticleView): string {
  const hash = createHash('sha256');
  for (const part of [html, text, JSON.stringify([row, neighbours, sections, summaries])]) hash.update(`${part.length}:`).update(part);
  return hash.digest('base64url');
}

export function renderArticleView(view: ArticleView, origin: string): string {
  // Offsets index into the text they were computed from: summaries of another text are not shown.
  const summaries = view.summaries.filter((s) => s.contentHash === view.article.content_hash);
  // Every length quotes from the same sentence list: wrap each quoted sentence once.
  const ranges = new Map<number, SourceRange>();
  for (const summary of summaries) for (const s of summary.sentences) ranges.set(s.index, s);
  const { html, marked } = markSourceSentences(view.article.html, view.article.text, [...ranges.values()]);
  return renderDocument(<ArticlePage {...view} summaries={summaries} bodyHtml={html} linked={marked} origin={origin} />);
}
