// `skim feeds add|import|export|list`: the subscriptions. Adding fetches the URL once to find the
// feed (a site URL is searched for one); importing OPML adds its feeds without fetching them.
import { readFile } from 'node:fs/promises';
import { CliError, parseCommand } from './args.ts';
import { withStore } from './store.ts';
import { listSources, sourceHealth } from '../store/sources.ts';
import { parseOpml } from '../ingest/feeds/opml.ts';
import { createIngestContext } from '../ingest/pipeline/context.ts';
import { errorMessage } from '../ingest/pipeline/source.ts';
import { exportSubscriptions, importSubscriptions, subscribe } from '../ingest/pipeline/subscribe.ts';

const HELP = `
Usage: skim feeds add URL [--section S] [--no-full-text]
       skim feeds import FILE.opml [--no-full-text]
       skim feeds export > feeds.opml
       skim feeds list

  add      subscribe to a feed URL, or a site URL whose feed is discovered
  import   subscribe to every feed of an OPML file (its folders become sections)
  export   print every subscription as OPML
  list     every source: status, last fetch, next fetch, articles, last error

Options:
  --db URL         the store (default: $DATABASE_URL, $SKIM_DB or ./data/skim.db)
  --section S      section for the feed's articles
  --no-full-text   keep the feed's excerpts instead of fetching each full article
`;

const OPTIONS = {
  db: { type: 'string' },
  section: { type: 'string' },
  'no-full-text': { type: 'boolean' },
} as const;

/** "2026-03-02 09:00" in UTC, or a dash. */
const when = (iso: string | null) => (iso ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}` : '-');

export async function run(args: string[]): Promise<number | void> {
  const parsed = parseCommand(args, OPTIONS, HELP);
  if (!parsed) return;
  const [action, ...rest] = parsed.positionals;
  const { db, section } = parsed.values;
  const fullText = !parsed.values['no-full-text'];
  const one = (what: string) => {
    if (rest.length !== 1) throw new CliError(`'feeds ${action}' takes one ${what}\n${HELP.trim()}`);
    return rest[0]!;
  };

  switch (action) {
    case 'add': {
      const url = one('URL');
      return withStore(db, async (store) => {
        const added = await subscribe(createIngestContext(store), url, { section, fullText }).catch((err) => {
          throw new CliError(`${url}: ${errorMessage(err)}`);
        });
        const { source } = added;
        if (added.discoveredOn) console.log(`found the feed ${source.url} on ${added.discoveredOn}`);
        console.log(added.created ? `added source ${source.id}: ${source.title ?? source.url}` : `already subscribed (source ${source.id}): ${source.url}`);
      });
    }
    case 'import': {
      const file = one('OPML file');
      const doc = await readFile(file).then(parseOpml).catch((err) => {
        throw new CliError(`${file}: ${errorMessage(err)}`);
      });
      return withStore(db, async (store) => {
        const { added, existing } = await importSubscriptions(store.db, doc, { fullText });
        console.log(`added ${added.length} feeds${existing.length ? `, ${existing.length} already subscribed` : ''}`);
      });
    }
    case 'export':
      if (rest.length) throw new CliError(`'feeds export' takes no arguments`);
      return withStore(db, async (store) => {
        process.stdout.write(await exportSubscriptions(store.db));
      });
    case 'list':
      if (rest.length) throw new CliError(`'feeds list' takes no arguments`);
      return withStore(db, async (store) => {
        const sources = await listSources(store.db);
        if (sources.length === 0) {
          console.log(`no sources yet: add one with 'skim feeds add URL'`);
          return;
        }
        for (const s of sources) {
          console.log(`${String(s.id).padStart(4)}  ${sourceHealth(s).padEnd(7)}  fetched ${when(s.last_fetched_at)}  next ${when(s.next_fetch_at)}  ${String(s.article_count).padStart(5)} articles  ${s.title ?? '(untitled)'} <${s.url}>`);
          if (s.last_error) console.log(`      last error: ${s.last_error}`);
        }
      });
    default:
      throw new CliError(action ? `unknown action '${action}'\n${HELP.trim()}` : HELP.trim());
  }
}
