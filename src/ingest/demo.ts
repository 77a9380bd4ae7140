// Demo content: the articles a fresh install shows, published on first start through the ordinary
// publish path, so they get summaries like any other article.
import type { Store } from '../store/db.ts';
import { countArticles } from '../store/articles.ts';
import { DEMO_DIR, demoPublishedAt, loadDemoArticles, type DemoArticle } from './demo-articles.ts';
import type { ArticleInput } from './publish.ts';

function demoArticleInput(article: DemoArticle, now: Date): ArticleInput {
  return {
    title: article.title,
    body: article.body,
    format: 'markdown',
    section: article.section,
    byline: article.byline,
    publishedAt: demoPublishedAt(article, now),
    lang: article.lang,
    url: article.url,
  };
}

/** Fills an empty store with the demo articles and returns how many; a store with articles is left alone (0). */
export async function seedDemoContent(store: Store, now = new Date(), dir = DEMO_DIR): Promise<number> {
  if ((await countArticles(store.db)) > 0) return 0;
  // Every file is parsed before the first write, so a broken file leaves the store empty.
  const articles = await loadDemoArticles(dir);
  // Loaded only now: every start but the first finds articles, and a web process need not hold the summarizer.
  const { publishArticle } = await import('./publish.ts');
  for (const article of articles) await publishArticle(store, demoArticleInput(article, now));
  return articles.length;
}
