// `skim add FILE...`: publishes articles from HTML, Markdown or JSON files. A file that fails is
// reported on one line and skipped; the others are still added; the exit code tells if any failed.
import cliProgress from 'cli-progress';
import { parseCommand, CliError } from './args.ts';
import { openStore, resolveDbUrl } from '../store/db.ts';
import { publishArticle } from '../ingest/publish.ts';
import { readArticleFile } from './article-files.ts';

const HELP = `
Usage: skim add [--db URL] FILE...

Adds articles from files: HTML pages (.html, .htm; the article is extracted from the page),
Markdown (.md, front matter title/section/byline/publishedAt/url, else the first # heading is the
title) and JSON (.json: one article or an array, fields as in POST /api/articles).
  --db URL   the store (default: $DATABASE_URL, $SKIM_DB or ./data/skim.db)
`;

/** Progress on stderr, only where a person watches it: a terminal, and more than one file. */
function progress(total: number) {
  if (!process.stderr.isTTY || total < 2) {
    return { report: (line: string) => console.error(line), tick: () => {}, stop: () => {} };
  }
  const bars = new cliProgress.MultiBar({ stream: process.stderr, format: 'adding {bar} {value}/{total} files', hideCursor: true }, cliProgress.Presets.shades_classic);
  const bar = bars.create(total, 0);
  // Publishing keeps the event loop busy, so the bar's own redraw timer rarely fires: redraw per file.
  return {
    report: (line: string) => bars.log(`${line}\n`),
    tick: () => { bar.increment(); bars.update(); },
    stop: () => bars.stop(),
  };
}

export async function run(args: string[]): Promise<number> {
  const parsed = parseCommand(args, { db: { type: 'string' } }, HELP);
  if (!parsed) return 0;
  const files = parsed.positionals;
  if (files.length === 0) throw new CliError(`no files given\n${HELP.trim()}`);

  const store = await openStore(resolveDbUrl(parsed.values.db));
  const bar = progress(files.length);
  let added = 0;
  let failed = 0;
  try {
    for (const file of files) {
      try {
        // Read and check the whole file first: a bad JSON array adds none of its articles.
        for (const article of await readArticleFile(file)) {
          await publishArticle(store, article);
          added++;
        }
      } catch (err) {
        failed++;
        bar.report(`skim: ${file}: ${(err as Error).message.split('\n')[0]}`);
      }
      bar.tick();
    }
  } finally {
    bar.stop();
    await store.close();
  }
  const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
  console.log(`added ${count(added, 'article')} from ${count(files.length - failed, 'file')}${failed ? `; ${count(failed, 'file')} failed` : ''}`);
  return failed ? 1 : 0;
}
