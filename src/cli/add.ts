// `skim add FILE...`: publishes articles from HTML, Markdown or JSON files. A file that fails is
// reported on one line and skipped; the others are still added; the exit code tells if any failed.
import { parseCommand, CliError } from './args.ts';
import { eachWithProgress } from './progress.ts';
import { withStore } from './store.ts';
import { publishArticle } from '../ingest/publish.ts';
import { readArticleFile } from './article-files.ts';

const HELP = `
Usage: skim add [--db URL] FILE...

Adds articles from files: HTML pages (.html, .htm; the article is extracted from the page),
Markdown (.md, front matter title/section/byline/publishedAt/url, else the first # heading is the
title) and JSON (.json: one article or an array, fields as in POST /api/articles).
  --db URL   the store (default: $DATABASE_URL, $SKIM_DB or ./data/skim.db)
`;

export async function run(args: string[]): Promise<number> {
  const parsed = parseCommand(args, { db: { type: 'string' } }, HELP);
  if (!parsed) return 0;
  const files = parsed.positionals;
  if (files.length === 0) throw new CliError(`no files given\n${HELP.trim()}`);

  let added = 0;
  let failed = 0;
  await withStore(parsed.values.db, async (store) => {
    failed = await eachWithProgress(files, 'adding', 'files', async (file) => {
      // Read and check the whole file first: a bad JSON array adds none of its articles.
      for (const article of await readArticleFile(file)) {
        await publishArticle(store, article);
        added++;
      }
    });
  });
  const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
  console.log(`added ${count(added, 'article')} from ${count(files.length - failed, 'file')}${failed ? `; ${count(failed, 'file')} failed` : ''}`);
  return failed ? 1 : 0;
}
