// `skim ingest`: one pass over the due sources (or --all), as the background scheduler would do it;
// `skim ingest URL|FILE...`: single article URLs and local files (HTML, feed XML/JSON, OPML).
import { readFile } from 'node:fs/promises';
import { CliError, parseCommand } from './args.ts';
import { eachWithProgress, progress } from './progress.ts';
import { withStore } from './store.ts';
import { allSourceIds, dueSources } from '../store/sources.ts';
import { createIngestContext, type IngestContext } from '../ingest/pipeline/context.ts';
import { forEachLimited } from '../for-each-limited.ts';
import { ingestDocument } from '../ingest/pipeline/document.ts';
import { emptyTally, ingestSource, type Tally } from '../ingest/pipeline/source.ts';
import { ingestUrl } from '../ingest/pipeline/url.ts';

const HELP = `
Usage: skim ingest [--all]
       skim ingest URL|FILE...

Without arguments, fetches every source that is due (every source with --all) once.
With arguments, ingests single article URLs and local files: HTML pages, feeds (XML or JSON;
their items are ingested) and OPML lists (their feeds are subscribed to and fetched).

Options:
  --db URL   the store (default: $DATABASE_URL, $SKIM_DB or ./data/skim.db)
  --all      fetch every source, due or not

Environment: SKIM_FETCH_ALLOW (hosts or CIDRs the fetcher may reach despite the SSRF guard).
`;

/** Sources polled at once; the per-host gate keeps each site's share polite. */
const SOURCE_CONCURRENCY = 4;

function add(into: Tally, from: Tally | keyof Tally): void {
  if (typeof from === 'string') into[from]++;
  else for (const key of Object.keys(into) as (keyof Tally)[]) into[key] += from[key];
}

function describe(tally: Tally): string {
  return `${tally.created} new, ${tally.updated} updated, ${tally.unchanged} unchanged, ${tally.linked} from another source, ${tally.near_duplicate} near-duplicates, ${tally.failed} failed`;
}

async function pollSources(ctx: IngestContext, all: boolean): Promise<number> {
  const ids = all ? await allSourceIds(ctx.store.db) : (await dueSources(ctx.store.db)).map((s) => s.id);
  if (ids.length === 0) {
    console.log(all ? `no sources: add one with 'skim feeds add URL'` : 'no source is due (use --all to fetch every source)');
    return 0;
  }
  const tally = emptyTally();
  const counts = { fetched: 0, not_modified: 0, failed: 0, missing: 0 };
  const bar = progress(ids.length, 'ingesting', 'sources');
  try {
    await forEachLimited(ids, SOURCE_CONCURRENCY, async (id) => {
      const report = await ingestSource(ctx, id);
      counts[report.status]++;
      add(tally, report.tally);
      if (report.error) bar.log(`skim: source ${id}: ${report.error}`);
      bar.tick();
    });
  } finally {
    bar.stop();
  }
  console.log(`${ids.length} sources: ${counts.fetched} fetched, ${counts.not_modified} not modified, ${counts.failed} failed; articles: ${describe(tally)}`);
  return 0;
}

async function ingestArguments(ctx: IngestContext, targets: string[]): Promise<number> {
  const tally = emptyTally();
  const failed = await eachWithProgress(targets, 'ingesting', 'items', async (target, bar) => {
    if (/^https?:\/\//i.test(target)) add(tally, await ingestUrl(ctx, target));
    else {
      const report = await ingestDocument(ctx, await readFile(target));
      add(tally, report.tally);
      for (const error of report.errors) bar.log(`skim: ${target}: ${error}`);
    }
  });
  console.log(`articles: ${describe(tally)}`);
  return failed ? 1 : 0;
}

export async function run(args: string[]): Promise<number | void> {
  const parsed = parseCommand(args, { db: { type: 'string' }, all: { type: 'boolean' } }, HELP);
  if (!parsed) return;
  const targets = parsed.positionals;
  if (targets.length && parsed.values.all) throw new CliError(`--all polls the sources; it takes no URL or FILE`);
  return withStore(parsed.values.db, (store) => {
    const ctx = createIngestContext(store);
    return targets.length ? ingestArguments(ctx, targets) : pollSources(ctx, !!parsed.values.all);
  });
}
