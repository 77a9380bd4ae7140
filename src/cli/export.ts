// `skim export`: every article, in id order, as one JSON line each on stdout, in the API's article
// shape (links site-relative) plus its stored summaries.
import { once } from 'node:events';
import { CliError, expectNoArguments, parseCommand } from './args.ts';
import { withStore } from './store.ts';
import { iterateArticles } from '../store/articles.ts';
import { getSummaries } from '../store/summaries.ts';
import { presentArticle } from '../web/api/present.ts';

const HELP = `
Usage: skim export [--db URL] > articles.jsonl

Prints every article as one JSON line: the fields of GET /api/articles/:id plus
"summaries": [{length, version, sentences: [{text, start, end, index, score}]}].
  --db URL   the store (default: $DATABASE_URL, $SKIM_DB or ./data/skim.db)
`;

export async function run(args: string[]): Promise<number> {
  const parsed = parseCommand(args, { db: { type: 'string' } }, HELP);
  if (!parsed) return 0;
  expectNoArguments(parsed.positionals, HELP);
  // A reader that stops early (`skim export | head`) ends the export quietly.
  let closed = false;
  let writeError: string | undefined;
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    closed = true;
    if (err.code !== 'EPIPE') writeError = err.message;
  });
  await withStore(parsed.values.db, async (store) => {
    for await (const article of iterateArticles(store.db)) {
      if (closed) break;
      const summaries = (await getSummaries(store.db, Number(article.id)))
        .map(({ length, version, sentences }) => ({ length, version, sentences }));
      const line = `${JSON.stringify({ ...presentArticle(article, ''), summaries })}\n`;
      if (!process.stdout.write(line)) await Promise.race([once(process.stdout, 'drain'), once(process.stdout, 'close')]);
    }
  });
  if (writeError) throw new CliError(`cannot write the export: ${writeError}`);
  return 0;
}
