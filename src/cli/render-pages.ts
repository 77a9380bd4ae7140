// `skim render-pages`: renders and stores every article page that is missing or out of date, so
// that after an import, a migration or an upgrade no reader waits on a render.
import { CliError, expectNoArguments, parseCommand } from './args.ts';
import { progress } from './progress.ts';
import { withStore } from './store.ts';
import { countArticles } from '../store/articles.ts';
import { renderPages } from '../web/article-pages.ts';
import { withoutTrailingSlash } from '../web/base-url.ts';

const HELP = `
Usage: skim render-pages [--origin URL] [--all]

Renders every article page that is not stored yet, or was stored for other templates, another
section list or another origin, and stores it for the site to serve. Pages also render on their
first view; this does it ahead of readers (after an import or an upgrade, say).

Options:
  --db URL       the store (default: $DATABASE_URL, $SKIM_DB or ./data/skim.db)
  --origin URL   the site's address, as readers reach it (default: $SKIM_BASE_URL)
  --all          render every page, current or not (after an upgrade that changes pages in ways
                 a sample page does not show)
`;

function originOf(value: string | undefined): string {
  if (!value?.trim()) throw new CliError('render-pages needs the site\'s address, for the absolute URLs in its pages: --origin URL or SKIM_BASE_URL');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new CliError(`invalid --origin '${value}': expected a URL such as https://news.example`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new CliError(`invalid --origin '${value}': expected an http or https URL`);
  return withoutTrailingSlash(value.trim());
}

export async function run(args: string[]): Promise<number | void> {
  const parsed = parseCommand(args, { db: { type: 'string' }, origin: { type: 'string' }, all: { type: 'boolean' } }, HELP);
  if (!parsed) return;
  expectNoArguments(parsed.positionals, HELP);
  const origin = originOf(parsed.values.origin ?? process.env.SKIM_BASE_URL);
  return withStore(parsed.values.db, async (store) => {
    const bar = progress(await countArticles(store.db), 'rendering', 'articles');
    let checked = 0;
    try {
      const done = await renderPages(store, origin, {
        all: parsed.values.all,
        onBatch: (p) => {
          for (; checked < p.checked; checked++) bar.tick();
        },
      });
      console.log(`${done.rendered} pages rendered for ${origin}, ${done.checked - done.rendered} already current`);
    } finally {
      bar.stop();
    }
  });
}
