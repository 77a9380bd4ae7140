// The article page's data: loaded (with a version covering everything the page shows, neighbours'
// titles and the section list included) and rendered for the page cache.
import { createHash } from 'node:crypto';
import type { Store } from '../store/db.ts';
import { getArticleBySlug, getNeighbours, type Neighbours } from '../store/articles.ts';
import type { Article, Section } from '../store/schema.ts';
import { listSections } from '../store/sections.ts';
import { getSummaries, summaryStamp } from '../store/summaries.ts';
import type { Versioned } from './page-cache.ts';
import { ArticlePage } from './pages/article.tsx';
import { renderDocument } from './respond.ts';
import { markSourceSentences, type SourceRange } from './source-marks.ts';

export interface ArticleView {
  article: Article;
  neighbours: Neighbours;
  sections: Section[];
}

export async function loadArticleView(store: Store, slug: string): Promise<Versioned<ArticleView> | undefined> {
  const article = await getArticleBySlug(store.db, slug);
  if (!article) return undefined;
  const [neighbours, sections, summaries] = await Promise.all([
    getNeighbours(store.db, article),
    listSections(store.db),
    summaryStamp(store.db, article.id),
  ]);
  const version = createHash('sha256').update(JSON.stringify([article, neighbours, sections, summaries])).digest('base64url');
  return { version, data: { article, neighbours, sections } };
}

export async function renderArticleView(store: Store, view: ArticleView, origin: string): Promise<string> {
  // Offsets index into the text they were computed from: summaries of another text are not shown.
  const summaries = (await getSummaries(store.db, view.article.id)).filter((s) => s.contentHash === view.article.content_hash);
  // Every length quotes from the same sentence list: wrap each quoted sentence once.
  const ranges = new Map<number, SourceRange>();
  for (const summary of summaries) for (const s of summary.sentences) ranges.set(s.index, s);
  const { html, marked } = markSourceSentences(view.article.html, view.article.text, [...ranges.values()]);
  return renderDocument(<ArticlePage {...view} summaries={summaries} bodyHtml={html} linked={marked} origin={origin} />);
}
