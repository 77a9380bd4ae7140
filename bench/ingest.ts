// `npm run bench:ingest [-- --feeds N] [--items N] [--words N] [--workers N]`: end-to-end ingestion
// throughput. A local server serves N feeds of excerpts plus a ~600-word article page per item
// (with site chrome); worker processes (as `skim worker` processes would) poll the feeds into one
// SQLite file: fetch, parse, fetch each page, extract, deduplicate, summarize, index (FTS5), store.
// Prints articles/s for 1 worker and for --workers (default: every core), then a per-stage cost
// breakdown measured in isolation on a sample. Needs nothing from ../shared.
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openStore, type Store } from '../src/store/db.ts';
import { addSource } from '../src/store/sources.ts';
import { extractArticle } from '../src/ingest/extract/extract.ts';
import { fetchUrl } from '../src/ingest/fetch/fetch.ts';
import { parseFeed } from '../src/ingest/feeds/parse.ts';
import { simhash } from '../src/ingest/dedup/simhash.ts';
import { publishArticle, summarizeArticle } from '../src/ingest/publish.ts';
import { createIngestContext } from '../src/ingest/pipeline/context.ts';
import { emptyTally, ingestSource, type Tally } from '../src/ingest/pipeline/source.ts';
import { articlePage, excerptOf, rssFeed, storyParagraphs } from '../src/ingest/pipeline/testdata/site.ts';
import { RSS, respond, startSite } from '../src/ingest/pipeline/testdata/server.ts';

const ALLOW = '127.0.0.1';
// Politeness is for other people's servers; this one is ours.
const SETTINGS = { allow: ALLOW, minIntervalMs: 0, concurrency: 64, itemConcurrency: 4 };
const SAMPLE = 100;

interface WorkOrder { db: string; sourceIds: number[] }
interface WorkDone { tally: Tally; failed: number; cpuMs: number; errors: string[] }

/** A worker process: opens the store, says it is ready, ingests its sources on "go", reports. */
async function child(): Promise<void> {
  const order = await new Promise<WorkOrder>((resolve) => process.once('message', (m) => resolve(m as WorkOrder)));
  const store = await openStore(order.db, { migrate: false });
  const ctx = createIngestContext(store, SETTINGS);
  process.send!('ready');
  await new Promise((go) => process.once('message', go));
  const cpu = process.cpuUsage();
  const tally = emptyTally();
  let failed = 0;
  const errors: string[] = [];
  for (const id of order.sourceIds) {
    const report = await ingestSource(ctx, id);
    if (report.status === 'failed') failed++;
    if (report.error) errors.push(report.error);
    for (const key of Object.keys(tally) as (keyof Tally)[]) tally[key] += report.tally[key];
  }
  const { user, system } = process.cpuUsage(cpu);
  await store.close();
  process.send!({ tally, failed, cpuMs: (user + system) / 1000, errors } satisfies WorkDone, () => process.exit(0));
}

/** Runs `workers` processes over `sourceIds` (split evenly); seconds from "go" to the last report. */
async function run(db: string, sourceIds: number[], workers: number): Promise<{ seconds: number; cpuMs: number; tally: Tally; failed: number; errors: string[] }> {
  const self = fileURLToPath(import.meta.url);
  const procs = Array.from({ length: workers }, (_, w) => {
    const proc = fork(self, ['--child'], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
    proc.send({ db, sourceIds: sourceIds.filter((_, i) => i % workers === w) } satisfies WorkOrder);
    return proc;
  });
  await Promise.all(procs.map((p) => new Promise((ready) => p.once('message', ready))));
  const start = performance.now();
  const done = procs.map((p) => new Promise<WorkDone>((resolve, reject) => {
    p.once('message', (m) => resolve(m as WorkDone));
    p.once('exit', (code) => code && reject(new Error(`worker exited with code ${code}`)));
  }));
  for (const p of procs) p.send('go');
  const results = await Promise.all(done);
  const seconds = (performance.now() - start) / 1000;
  const tally = emptyTally();
  for (const r of results) for (const key of Object.keys(tally) as (keyof Tally)[]) tally[key] += r.tally[key];
  return { seconds, tally, failed: results.reduce((n, r) => n + r.failed, 0), cpuMs: results.reduce((n, r) => n + r.cpuMs, 0), errors: results.flatMap((r) => r.errors) };
}

async function freshStore(dir: string, name: string, feedUrls: string[]): Promise<{ db: string; ids: number[] }> {
  const db = join(dir, `${name}.db`);
  const store = await openStore(db);
  const ids: number[] = [];
  for (const url of feedUrls) ids.push((await addSource(store.db, { url })).source.id);
  await store.close();
  return { db, ids };
}

/** Milliseconds per call of `work` over `items`, after one warm-up pass. */
async function perItem<T>(items: T[], work: (item: T) => unknown): Promise<number> {
  for (const item of items.slice(0, 10)) await work(item);
  const start = performance.now();
  for (const item of items) await work(item);
  return (performance.now() - start) / items.length;
}

async function stages(store: Store, pageUrls: string[], feedUrl: string): Promise<Record<string, number>> {
  const sample = pageUrls.slice(0, SAMPLE);
  const pages = await Promise.all(sample.map((url) => fetchUrl(url, { allow: ALLOW })));
  const feed = (await fetchUrl(feedUrl, { allow: ALLOW })).body;
  const htmls = pages.map((p) => p.body.toString('utf8'));
  const extracted = htmls.map((html, i) => extractArticle(html, sample[i]));
  let n = 0;
  return {
    'fetch page': await perItem(sample, (url) => fetchUrl(url, { allow: ALLOW })),
    'parse feed (per item)': (await perItem([feed], (body) => parseFeed(body))) / Math.max(1, parseFeed(feed).items.length),
    extract: await perItem(htmls, (html) => extractArticle(html, 'http://bench.test/a')),
    simhash: await perItem(extracted, (e) => simhash(e.text)),
    'summarize (4 lengths)': await perItem(extracted, (e) => summarizeArticle(e.text, e.title ?? '', 'en', 'x')),
    'publish (sanitize, language, summarize, index, store)': await perItem(extracted, (e) =>
      publishArticle(store, { title: `${e.title} ${n++}`, body: e.html, format: 'html', url: `http://bench.test/${n}` })),
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: {
    feeds: { type: 'string', default: '20' }, items: { type: 'string', default: '30' },
    words: { type: 'string', default: '600' }, workers: { type: 'string', default: String(availableParallelism()) },
  } });
  const feeds = Number(values.feeds);
  const items = Number(values.items);
  const words = Number(values.words);
  const workers = Math.max(1, Number(values.workers));

  const site = await startSite();
  const pageUrls: string[] = [];
  const feedUrls: string[] = [];
  for (let f = 0; f < feeds; f++) {
    const entries = Array.from({ length: items }, (_, i) => {
      const seed = f * items + i + 1;
      const paragraphs = storyParagraphs(seed, words);
      const path = `/news/${f}/${i}`;
      site.routes.set(path, respond(articlePage({ title: `Story ${seed}`, paragraphs, site: `Paper ${f}` })));
      pageUrls.push(site.base + path);
      return { guid: `story-${seed}`, link: site.base + path, title: `Story ${seed}`, description: excerptOf(paragraphs) };
    });
    site.routes.set(`/feeds/${f}.xml`, respond(rssFeed(`Paper ${f}`, site.base, entries), RSS));
    feedUrls.push(`${site.base}/feeds/${f}.xml`);
  }

  const dir = mkdtempSync(join(tmpdir(), 'skim-bench-ingest-'));
  try {
    console.log(`bench:ingest: ${feeds} feeds × ${items} items = ${feeds * items} articles of ~${words} words, SQLite file, ${availableParallelism()} cores`);
    for (const n of [...new Set([1, workers])]) {
      const { db, ids } = await freshStore(dir, `run-${n}`, feedUrls);
      const { seconds, cpuMs, tally, failed, errors } = await run(db, ids, n);
      const processed = tally.created + tally.near_duplicate + tally.linked;
      console.log(`${n} worker${n > 1 ? 's' : ''}: ${(processed / seconds).toFixed(1)} articles/s (${processed} in ${seconds.toFixed(2)} s; ${tally.created} stored, ${tally.near_duplicate} near-duplicates, ${tally.failed} failed items, ${failed} failed feeds)`);
      // Wall time depends on what else the machine runs; CPU time per article much less so.
      console.log(`  CPU ${(cpuMs / processed).toFixed(1)} ms per article → ${(processed / (cpuMs / 1000)).toFixed(1)} articles/s per busy core`);
      if (errors.length) console.log(`  first error: ${errors[0]}`);
    }
    const store = await openStore(join(dir, 'stages.db'));
    try {
      console.log(`per-stage cost, one process, ms per article (sample of ${SAMPLE}, warm):`);
      for (const [stage, ms] of Object.entries(await stages(store, pageUrls, feedUrls[0]!))) console.log(`  ${stage.padEnd(56)} ${ms.toFixed(2)}`);
    } finally {
      await store.close();
    }
  } finally {
    await site.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv.includes('--child')) await child();
else await main();
