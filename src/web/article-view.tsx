// The article page's data, loaded from the store and rendered (article-pages.ts stores the result).
import type { Store } from '../store/db.ts';
import { getArticleBySlug, getNeighbours, type Neighbours } from '../store/articles.ts';
import type { Article, Section } from '../store/schema.ts';
import { listSections } from '../store/sections.ts';
import { getSummaries, type StoredSummary } from '../store/summaries.ts';
import { ArticlePage } from './pages/article.tsx';
import { renderDocument } from './respond.ts';
import { markSourceSentences, type SourceRange } from './source-marks.ts';

export interface ArticleView {
  article: Article;
  neighbours: Neighbours;
  sections: Section[];
  summaries: StoredSummary[];
}

export async function loadArticleView(store: Store, slug: string): Promise<ArticleView | undefined> {
  const article = await getArticleBySlug(store.db, slug);
  if (!article) return undefined;
  const [neighbours, sections, summaries] = await Promise.all([
    getNeighbours(store.db, article),
    listSections(store.db),
    getSummaries(store.db, article.id),
  ]);
  return { article, neighbours, sections, summaries };
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
