// `skim add FILE...`: publishes articles from HTML, Markdown or JSON files. A file that fails is
// reported on one line and skipped; the others are still added; the exit code tells if any failed.
// Adding an article again updates it (or leaves it alone when nothing changed), never duplicates it.
import { parseCommand, CliError } from './args.ts';
import { eachWithProgress } from './progress.ts';
import { withStore } from './store.ts';
import type { Store } from '../store/db.ts';
import { findArticleByUrl, findUrllessArticle } from '../store/articles.ts';
import { articleContent, publishArticle, type ArticleInput, type PublishResult } from '../ingest/publish.ts';
import { canonicalUrl } from '../ingest/dedup/canonical-url.ts';
import { readArticleFile } from './article-files.ts';

const HELP = `
Usage: skim add [--db URL] FILE...

Adds articles from files: HTML pages (.html, .htm; the article is extracted from the page),
Markdown (.md, front matter title/section/byline/publishedAt/url, else the first # heading is the
title) and JSON (.json: one article or an array, fields as in POST /api/articles).
An article already stored (the same canonical URL; without a URL, the same text or else the same
title as a stored article without one) is updated, or left alone when nothing changed.
  --db URL   the store (default: $DATABASE_URL, $SKIM_DB or ./data/skim.db)
`;

export async function run(args: string[]): Promise<number> {
  const parsed = parseCommand(args, { db: { type: 'string' } }, HELP);
  if (!parsed) return 0;
  const files = parsed.positionals;
  if (files.length === 0) throw new CliError(`no files given\n${HELP.trim()}`);

  const outcomes = { added: 0, updated: 0, unchanged: 0 };
  let failed = 0;
  await withStore(parsed.values.db, async (store) => {
    failed = await eachWithProgress(files, 'adding', 'files', async (file) => {
      // Read and check the whole file first: a bad JSON array adds none of its articles.
      for (const article of await readArticleFile(file)) {
        const result = await addArticle(store, article);
        outcomes[result.created ? 'added' : result.changed ? 'updated' : 'unchanged']++;
      }
    });
  });
  const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
  const done = [`added ${count(outcomes.added, 'article')}`];
  if (outcomes.updated) done.push(`updated ${outcomes.updated}`);
  if (outcomes.unchanged) done.push(`${outcomes.unchanged} unchanged`);
  console.log(`${done.join(', ')} from ${count(files.length - failed, 'file')}${failed ? `; ${count(failed, 'file')} failed` : ''}`);
  return failed ? 1 : 0;
}

/** Publishes over the stored article this one already is, else as a new article. */
async function addArticle(store: Store, article: ArticleInput): Promise<PublishResult> {
  const url = article.url ? canonicalUrl(article.url) : null;
  const content = articleContent(article); // prepared once: matched on and published
  const id = url
    ? (await findArticleByUrl(store.db, url))?.id
    : await findUrllessArticle(store.db, content.contentHash, article.title.trim());
  // null: deleted since it was found.
  const updated = id === undefined ? null : await publishArticle(store, article, id, content);
  return updated ?? (await publishArticle(store, article, undefined, content))!;
}
