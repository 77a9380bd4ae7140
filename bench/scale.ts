// `npm run bench:scale [-- --n N --seconds S --backends sqlite,postgres --pg URL --processes P]`
// Fills a fresh SQLite file and a fresh PostgreSQL schema with N generated articles of realistic
// length (Zipf-distributed vocabulary, 300–1,500 words, summaries with real offsets), renders and
// stores every article page as `skim render-pages` does, then starts `skim serve --no-worker` on each
// and loads it at 64 connections (wrk when installed, else autocannon; bench/load.ts): article pages (random slugs; stored, then rendered
// on every request) and search (10 common and 10 rare words; every request running its query, then
// the same from the server's page cache). Reports insert and render throughput (on PostgreSQL beyond
// 20,000 articles also a bulk load's), article p50/p99, search p95 and the web process's RSS. Targets at N = 1,000,000: search p95 < 50 ms, article
// p99 < 20 ms, web RSS < 300 MB, on both backends. `--processes P` serves with `skim serve
// --processes P` (one per core to use) and reports the largest web process's RSS and their sum. The full-size run:
//   npm run bench:scale -- --n 1000000 --seconds 30
// PostgreSQL comes from --pg, TEST_DATABASE_URL or DATABASE_URL (skipped, and said so, without one);
// the bench works in a schema of its own and drops it afterwards. `--schema NAME` keeps the schema
// NAME instead: filled when it has no articles, reused as it is when it has (pass the same --n), never
// dropped (`DROP SCHEMA NAME CASCADE` when done); for re-running the loads without hours of inserts.
// `--sqlite-file PATH` does the same for SQLite: PATH is filled when it has no articles, else reused,
// and never deleted. `--search-only` renders no pages and loads search only (rendering a million
// pages ahead takes most of an hour), for re-measuring search on a kept store.
// Needs nothing from ../shared.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { openStore, type Store } from '../src/store/db.ts';
import { createTestSchema } from '../src/store/testing.ts';
import type { NewArticle } from '../src/store/schema.ts';
import { COMPACT_RECENT_SEARCH_EVERY, compactRecentSearch, recentSearchNeedsCompaction, searchArticles } from '../src/store/search.ts';
import { renderPages } from '../src/web/article-pages.ts';
import { loadTool, runLoad, type Load } from './load.ts';
import { mulberry32 } from './random.ts';
import { median, percentile } from './stats.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SECTIONS = ['world', 'politics', 'business', 'science', 'technology', 'culture', 'sport', 'local'];
const VOCABULARY = 40_000;
const BATCH = 500;
/** The site's address (SKIM_BASE_URL) for the served process and the pages rendered ahead of it. */
const ORIGIN = 'http://bench.skim.invalid';

const { values: flags } = parseArgs({
  options: {
    n: { type: 'string', default: '20000' },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '64' },
    backends: { type: 'string', default: 'sqlite,postgres' },
    pg: { type: 'string' },
    schema: { type: 'string' },
    'sqlite-file': { type: 'string' },
    processes: { type: 'string', default: '1' },
    'search-only': { type: 'boolean', default: false },
  },
});
const N = Number(flags.n);
const SECONDS = Number(flags.seconds);
const CONNECTIONS = Number(flags.connections);
const PROCESSES = Number(flags.processes);
const ARTICLES = !flags['search-only'];

// Deterministic text: the same N gives the same articles on both backends.
const random = mulberry32(42);
const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)]!;
const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));

/** Pronounceable made-up words, unique, so every query's hit count follows from its Zipf rank. */
function makeVocabulary(size: number): string[] {
  const onsets = ['b', 'c', 'd', 'f', 'g', 'h', 'j', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'w', 'z', 'br', 'st', 'tr', 'pl', 'gr', 'ch', 'sh'];
  const vowels = ['a', 'e', 'i', 'o', 'u', 'ai', 'ou', 'ea'];
  const words = new Set<string>();
  while (words.size < size) {
    let word = '';
    for (let s = between(1, 3); s > 0; s--) word += pick(onsets) + pick(vowels);
    if (random() < 0.4) word += pick(['n', 'r', 's', 't', 'l', 'm']);
    words.add(word);
  }
  return [...words];
}

/** Samples word ranks with probability ∝ 1/rank^1.07 (English-like). */
function zipf(size: number): () => number {
  const cumulative = new Float64Array(size);
  let total = 0;
  for (let r = 0; r < size; r++) cumulative[r] = total += 1 / (r + 1) ** 1.07;
  return () => {
    const x = random() * total;
    let lo = 0;
    let hi = size - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

const words = makeVocabulary(VOCABULARY);
const nextRank = zipf(VOCABULARY);
const capitalize = (w: string) => w[0]!.toUpperCase() + w.slice(1);
const phrase = (count: number) => Array.from({ length: count }, () => words[nextRank()]!).join(' ');

interface GeneratedArticle {
  article: NewArticle;
  sentences: Array<{ text: string; start: number; end: number }>;
}

function generateArticle(i: number): GeneratedArticle {
  const title = capitalize(phrase(between(5, 10)));
  const paragraphs: string[][] = [];
  let wordsLeft = between(300, 1500);
  while (wordsLeft > 0) {
    const paragraph: string[] = [];
    for (let s = between(2, 5); s > 0 && wordsLeft > 0; s--) {
      const length = Math.min(wordsLeft, between(8, 28));
      wordsLeft -= length;
      paragraph.push(`${capitalize(phrase(length))}.`);
    }
    paragraphs.push(paragraph);
  }
  const text = paragraphs.map((p) => p.join(' ')).join('\n\n');
  const sentences: GeneratedArticle['sentences'] = [];
  let offset = 0;
  for (const paragraph of paragraphs) {
    for (const sentence of paragraph) {
      sentences.push({ text: sentence, start: offset, end: offset + sentence.length });
      offset += sentence.length + 1;
    }
    offset += 1; // the second newline of the paragraph break
  }
  const published = new Date(Date.UTC(2023, 0, 1) + i * 90_000).toISOString();
  return {
    article: {
      slug: `${title.toLowerCase().split(' ').slice(0, 6).join('-')}-${i}`,
      url: `https://news.example/${i}`,
      canonical_url: `https://news.example/${i}`,
      title,
      byline: `${capitalize(words[between(0, 5000)]!)} ${capitalize(words[between(0, 5000)]!)}`,
      section: SECTIONS[i % SECTIONS.length]!,
      lang: 'en',
      published_at: published,
      updated_at: published,
      created_at: published,
      html: paragraphs.map((p) => `<p>${p.join(' ')}</p>`).join('\n'),
      text,
      word_count: text.split(/\s+/).length,
      content_hash: `bench-${i}`,
      image_url: null,
      site_name: 'Example News',
      simhash: null,
    },
    sentences,
  };
}

const SUMMARY_SENTENCES: Record<string, number> = { short: 2, medium: 4, long: 7, bullets: 5 };

/** One transaction: articles (the search trigger runs) and 4 summaries each, as publishing writes them. */
async function writeBatch(store: Store, batch: GeneratedArticle[]): Promise<void> {
  await store.db.transaction().execute(async (trx) => {
    const ids = await trx.insertInto('articles').values(batch.map((g) => g.article)).returning('id').execute();
    const rows = batch.map((g, k) => ({ ...g, id: Number(ids[k]!.id) }));
    await trx.insertInto('summaries').values(rows.flatMap((r) => Object.entries(SUMMARY_SENTENCES).map(([length, count]) => ({
      article_id: r.id, length, version: 'bench', content_hash: r.article.content_hash, created_at: r.article.created_at,
      sentences: JSON.stringify(r.sentences.slice(0, count).map((s, index) => ({ ...s, score: 1 / (index + 1), index }))),
    })))).execute();
  });
}

// On PostgreSQL each article costs milliseconds of to_tsvector (the trigger) and GIN maintenance:
// the app's insert path is measured on the first APP_PATH_ARTICLES, and the rest is bulk-loaded
// the way one restores a dump: the GIN index dropped, BULK_WRITERS transactions at once, the index
// rebuilt at the end (its time counted). The trigger still runs for every row.
const APP_PATH_ARTICLES = 20_000;
const BULK_WRITERS = 2;

interface Filled {
  slugs: string[];
  /** Articles per second through the app's insert path (only the writes are timed). */
  appRate: number;
  appCount: number;
  /** PostgreSQL beyond APP_PATH_ARTICLES: wall-clock rate, text generation and index build included. */
  bulk?: { count: number; rate: number; indexSeconds: number };
}

/** A kept schema's or file's articles (--schema, --sqlite-file), when it has them: nothing is inserted. */
async function reuse(store: Store): Promise<Filled | undefined> {
  if ((store.dialect === 'postgres' ? flags.schema : flags['sqlite-file']) === undefined) return undefined;
  const rows = await store.db.selectFrom('articles').select('slug').execute();
  return rows.length > 0 ? { slugs: rows.map((r) => r.slug), appRate: 0, appCount: 0 } : undefined;
}

async function fill(store: Store): Promise<Filled> {
  const db = store.db;
  await db.insertInto('sections').values(SECTIONS.map((slug, position) => ({ slug, name: capitalize(slug), position })))
    .onConflict((oc) => oc.column('slug').doNothing()).execute();
  const slugs: string[] = [];
  // A 1M run takes most of an hour: a log gets a line every 5%, a terminal a counter.
  const progress = () => {
    if (process.stderr.isTTY) process.stderr.write(`\r  inserted ${slugs.length}/${N}`);
    else if (slugs.length % Math.max(BATCH, Math.round(N / 20 / BATCH) * BATCH) === 0) console.error(`  inserted ${slugs.length}/${N}`);
  };
  const generate = (from: number) => Array.from({ length: Math.min(BATCH, N - from) }, (_, k) => generateArticle(from + k));
  const appCount = store.dialect === 'postgres' ? Math.min(N, APP_PATH_ARTICLES) : N;
  let writeMs = 0; // only the writes are timed, not generating the text
  for (let from = 0; from < appCount; from += BATCH) {
    const batch = generate(from);
    const started = performance.now();
    await writeBatch(store, batch);
    writeMs += performance.now() - started;
    for (const g of batch) slugs.push(g.article.slug);
    progress();
  }
  let bulk: Filled['bulk'];
  if (appCount < N) {
    const started = performance.now();
    const { rows: [gin] } = await sql<{ indexdef: string }>`SELECT indexdef FROM pg_indexes
      WHERE schemaname = current_schema() AND indexname = 'articles_search_gin'`.execute(db);
    await sql`DROP INDEX articles_search_gin`.execute(db);
    const writing = new Set<Promise<void>>();
    for (let from = appCount; from < N; from += BATCH) {
      const batch = generate(from);
      const write: Promise<void> = writeBatch(store, batch).then(() => {
        writing.delete(write);
        for (const g of batch) slugs.push(g.article.slug);
        progress();
      });
      writing.add(write);
      if (writing.size >= BULK_WRITERS) await Promise.race(writing);
    }
    await Promise.all(writing);
    const indexStarted = performance.now();
    await db.connection().execute(async (connection) => {
      await sql`SET maintenance_work_mem = '512MB'`.execute(connection);
      await sql.raw(gin!.indexdef).execute(connection);
      await sql`RESET maintenance_work_mem`.execute(connection);
    });
    const done = performance.now();
    bulk = { count: N - appCount, rate: (N - appCount) / ((done - started) / 1000), indexSeconds: (done - indexStarted) / 1000 };
  }
  if (process.stderr.isTTY) process.stderr.write('\n');
  await sql`ANALYZE`.execute(db);
  return { slugs, appRate: appCount / (writeMs / 1000), appCount, bulk };
}

interface Server {
  url: string;
  child: ChildProcess;
  /** The processes answering requests: the child itself, or its web processes under --processes. */
  webPids: number[];
}

async function startServer(dbUrl: string): Promise<Server> {
  // Started as a user starts it, by its shebang (which sets Node's flags).
  const child = spawn(join(ROOT, 'bin/skim.js'), ['serve', '--no-worker', '--db', dbUrl, '--host', '127.0.0.1', '--port', '0', '--processes', String(PROCESSES)], {
    cwd: ROOT, env: { ...process.env, REDIS_URL: '', SKIM_BASE_URL: ORIGIN }, stdio: ['ignore', 'pipe', 'inherit'],
  });
  // The server's stdout keeps flowing after the address is read, so its later log lines never block.
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk) => {
      output += String(chunk);
      const url = /serving (http:\/\/\S+)/.exec(output)?.[1];
      const pids = PROCESSES > 1 ? /web processes \(pids ([\d, ]+)\)/.exec(output)?.[1]?.split(', ').map(Number) : [child.pid!];
      if (url && pids) resolve({ url, child, webPids: pids });
    });
    child.on('exit', () => reject(new Error(`skim serve exited before serving:\n${output}`)));
  });
}

async function stopServer(server: Server): Promise<void> {
  server.child.kill('SIGTERM');
  if (server.child.exitCode === null) await once(server.child, 'exit');
}

/** Resident and peak resident memory of a process, in MB (Linux). */
function memoryMb(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

/** How long a request may wait for its answer before it counts as a timeout. */
const TIMEOUT_S = 10;

/** Loads the server for SECONDS at CONNECTIONS, asking for `paths` in turn (bench/load.ts). */
const load = (url: string, paths: readonly string[], headers: Record<string, string> = {}): Promise<Load> =>
  runLoad({ url, paths, connections: CONNECTIONS, seconds: SECONDS, timeoutS: TIMEOUT_S, headers: { 'accept-encoding': 'gzip', ...headers } });

/** Median time of one request at a time: the service time, without queueing behind 63 others. */
async function serviceMs(url: string, paths: string[], headers: Record<string, string> = {}): Promise<number> {
  const times: number[] = [];
  for (const path of paths) {
    const started = performance.now();
    const response = await fetch(`${url}${path}`, { headers: { 'accept-encoding': 'gzip', ...headers } });
    await response.arrayBuffer();
    times.push(performance.now() - started);
  }
  return median(times.sort((a, b) => a - b));
}

/** Waits until the server has worked off the previous run's backlog (a quick /healthz). */
async function settle(url: string): Promise<void> {
  for (let i = 0; i < 120; i++) {
    const started = performance.now();
    await fetch(`${url}/healthz`);
    if (performance.now() - started < 50) return;
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** Equal weight to each query class, whatever their request counts: the larger is thinned by stride. */
function mixEqually(a: number[], b: number[]): number[] {
  const [small, large] = a.length <= b.length ? [a, b] : [b, a];
  const stride = large.length / Math.max(1, small.length);
  const thinned = small.map((_, i) => large[Math.floor(i * stride)]!);
  return [...small, ...thinned].sort((x, y) => x - y);
}

const fmt = (ms: number) => (Number.isNaN(ms) ? 'n/a (nothing answered)' : `${ms.toFixed(1)} ms`);

/** Bytes on disk of every table and index of the store. */
async function storeSizeMb(store: Store): Promise<number> {
  const query = store.dialect === 'sqlite'
    ? sql<{ bytes: number }>`SELECT page_count * page_size AS bytes FROM pragma_page_count(), pragma_page_size()`
    : sql<{ bytes: string }>`SELECT sum(pg_total_relation_size(c.oid)) AS bytes FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND c.relkind = 'r'`;
  const { rows } = await query.execute(store.db);
  return Number(rows[0]?.bytes ?? 0) / 1e6;
}

/** Renders every page not yet stored, as `skim render-pages` does after an import. */
async function prerenderPages(store: Store): Promise<{ rendered: number; checked: number; rate: number; sizeMb: number }> {
  const started = performance.now();
  let reported = 0;
  const done = await renderPages(store, ORIGIN, { onBatch: ({ checked }) => {
    if (process.stderr.isTTY) process.stderr.write(`\r  rendered ${checked}/${N}`);
    else if (checked - reported >= N / 20) console.error(`  rendered ${(reported = checked)}/${N}`);
  } });
  if (process.stderr.isTTY) process.stderr.write('\n');
  return { ...done, rate: done.rendered / ((performance.now() - started) / 1000), sizeMb: await storeSizeMb(store) };
}

/**
 * What the scheduler would have done during the fill (SQLite): merge what the window's deletes left
 * in the index of recent articles. Undefined when it is not due.
 */
async function compactSearch(store: Store): Promise<{ seconds: number; steps: number } | undefined> {
  if (!(await recentSearchNeedsCompaction(store))) return undefined;
  const started = performance.now();
  const steps = await compactRecentSearch(store);
  return { seconds: (performance.now() - started) / 1000, steps };
}

async function benchBackend(name: string, dbUrl: string): Promise<void> {
  // A busy machine slows every figure below: the load average says how busy it was.
  console.log(`\n== ${name}: ${N.toLocaleString('en')} articles (load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${availableParallelism()} cores)`);
  const common = Array.from({ length: 10 }, (_, k) => words[200 + k]!);
  const rare = Array.from({ length: 10 }, (_, k) => words[20_000 + k]!);
  const store = await openStore(dbUrl);
  const { slugs, appRate, appCount, bulk, sizeMb, compaction, prerender, commonHits, rareHits } = await reuse(store)
    .then((kept) => kept ?? fill(store))
    .then(async (filled) => ({
      ...filled,
      sizeMb: await storeSizeMb(store),
      compaction: await compactSearch(store),
      prerender: ARTICLES ? await prerenderPages(store) : undefined,
      commonHits: (await searchArticles(store, { q: common[0]!, limit: 1 })).total,
      rareHits: (await searchArticles(store, { q: rare[0]!, limit: 1 })).total,
    }))
    .finally(() => store.close());
  if (appCount === 0) console.log(`reused ${store.dialect === 'postgres' ? `schema ${flags.schema}` : flags['sqlite-file']}: ${slugs.length.toLocaleString('en')} articles, ${sizeMb.toFixed(0)} MB on disk`);
  else console.log(`insert: ${appRate.toFixed(0)} articles/s through the app's insert path (${appCount.toLocaleString('en')} articles; article + 4 summaries, ${BATCH} per transaction); ${sizeMb.toFixed(0)} MB on disk`);
  if (compaction) console.log(`search index of recent articles compacted, as the scheduler does every ${COMPACT_RECENT_SEARCH_EVERY.toLocaleString('en')} articles: ${compaction.seconds.toFixed(1)} s in ${compaction.steps} steps`);
  if (prerender) console.log(`pages rendered ahead (skim render-pages): ${prerender.rendered.toLocaleString('en')} at ${prerender.rate.toFixed(0)} pages/s (${(prerender.checked - prerender.rendered).toLocaleString('en')} already current); store now ${prerender.sizeMb.toFixed(0)} MB`);
  if (bulk) console.log(`bulk load of the other ${bulk.count.toLocaleString('en')}: ${bulk.rate.toFixed(0)} articles/s (GIN index dropped, ${BULK_WRITERS} writers, text generation and the ${bulk.indexSeconds.toFixed(0)} s index rebuild included)`);

  const server = await startServer(dbUrl);
  try {
    const articlePath = () => `/articles/${encodeURIComponent(pick(slugs))}`;
    // Random articles drawn ahead, new ones for every run: a run never finds the pages of the
    // previous one (the warm-up's) in the OS page cache any more than chance would have it.
    const articlePaths = () => Array.from({ length: 20_000 * SECONDS }, articlePath);
    // The server keeps search pages in memory, so these 20 repeated queries would be answered from
    // its cache after their first request: Cache-Control: no-cache makes it run every search, and
    // the cached figures are reported beside, never instead.
    const fresh = { 'cache-control': 'no-cache' };
    const commonPaths = common.map((q) => `/search?q=${q}`);
    const rarePaths = rare.map((q) => `/search?q=${q}`);
    // Warm-up: JIT, pool, the OS page cache.
    await (ARTICLES ? load(server.url, articlePaths()) : load(server.url, [...commonPaths, ...rarePaths], fresh));
    await settle(server.url);
    const single = {
      article: ARTICLES ? await serviceMs(server.url, Array.from({ length: 20 }, articlePath)) : NaN,
      renderedArticle: ARTICLES ? await serviceMs(server.url, Array.from({ length: 20 }, articlePath), fresh) : NaN,
      common: await serviceMs(server.url, commonPaths, fresh),
      rare: await serviceMs(server.url, rarePaths, fresh),
    };
    await settle(server.url);
    const articles = ARTICLES ? await load(server.url, articlePaths()) : undefined;
    await settle(server.url);
    // A page rendered from the store's data on every request: what readers get while pages are
    // being rendered again (after an upgrade, or for a site without render-pages).
    const renderedArticles = ARTICLES ? await load(server.url, articlePaths(), fresh) : undefined;
    await settle(server.url);
    const searchCommon = await load(server.url, commonPaths, fresh);
    await settle(server.url);
    const searchRare = await load(server.url, rarePaths, fresh);
    const search = mixEqually(searchCommon.latencies, searchRare.latencies);
    await settle(server.url);
    const cachedCommon = await load(server.url, commonPaths);
    await settle(server.url);
    const cachedRare = await load(server.url, rarePaths);
    const cached = mixEqually(cachedCommon.latencies, cachedRare.latencies);
    const memories = server.webPids.map(memoryMb);
    const memory = { rss: Math.max(...memories.map((m) => m.rss)), peak: Math.max(...memories.map((m) => m.peak)) };
    const runs = { 'article pages': articles, 'rendered article pages': renderedArticles, 'common search': searchCommon, 'rare search': searchRare, 'cached common search': cachedCommon, 'cached rare search': cachedRare };
    const failures = Object.entries(runs).filter((run): run is [string, Load] => run[1] !== undefined && run[1].non2xx + run[1].errors > 0)
      .map(([run, r]) => `${run}: ${r.non2xx} non-2xx, ${r.errors} errors (${r.timeouts} timeouts, counted as ${TIMEOUT_S} s above), ${r.requests} answered`);
    if (articles) console.log(`article page (stored): p50 ${fmt(percentile(articles.latencies, 0.5))}, p99 ${fmt(percentile(articles.latencies, 0.99))} (${(articles.requests / SECONDS).toFixed(0)} req/s)`);
    if (renderedArticles) console.log(`article page rendered per request (no-cache): p50 ${fmt(percentile(renderedArticles.latencies, 0.5))}, p99 ${fmt(percentile(renderedArticles.latencies, 0.99))} (${(renderedArticles.requests / SECONDS).toFixed(0)} req/s)`);
    console.log(`search, every request runs the query: p95 ${fmt(percentile(search, 0.95))} (common words p95 ${fmt(percentile(searchCommon.latencies, 0.95))}, ${(searchCommon.requests / SECONDS).toFixed(0)} req/s, e.g. ${commonHits} hits; rare words p95 ${fmt(percentile(searchRare.latencies, 0.95))}, ${(searchRare.requests / SECONDS).toFixed(0)} req/s, e.g. ${rareHits} hits)`);
    console.log(`search, the same queries from the page cache: p95 ${fmt(percentile(cached, 0.95))} (common ${fmt(percentile(cachedCommon.latencies, 0.95))}, rare ${fmt(percentile(cachedRare.latencies, 0.95))})`);
    console.log(`one request at a time (median): ${ARTICLES ? `article ${fmt(single.article)} (rendered ${fmt(single.renderedArticle)}), ` : ''}common search ${fmt(single.common)}, rare search ${fmt(single.rare)} (searches uncached)`);
    const total = PROCESSES > 1 ? ` (the largest of ${PROCESSES}; all together ${memories.reduce((sum, m) => sum + m.rss, 0).toFixed(0)} MB now)` : '';
    console.log(`web process RSS: ${memory.rss.toFixed(0)} MB now, ${memory.peak.toFixed(0)} MB peak${total}`);
    if (failures.length > 0) console.log(`WARNING: ${failures.join('; ')}`);
  } finally {
    await stopServer(server);
  }
}

async function main(): Promise<void> {
  const backends = flags.backends.split(',');
  console.log(`bench:scale: N=${N}, ${CONNECTIONS} connections, ${SECONDS} s per run, ${PROCESSES} web process${PROCESSES > 1 ? 'es' : ''}; ${loadTool} shares the machine with the server${loadTool === 'wrk' ? '' : ' (install wrk, `apt-get install -y wrk`, for a load generator that needs less of it)'}.`);
  console.log('Targets at N=1,000,000: search p95 < 50 ms, article p99 < 20 ms, web RSS < 300 MB. Full run: npm run bench:scale -- --n 1000000 --seconds 30');
  if (backends.includes('sqlite') && flags['sqlite-file']) {
    await benchBackend('SQLite', flags['sqlite-file']); // kept: never deleted
  } else if (backends.includes('sqlite')) {
    const dir = mkdtempSync(join(tmpdir(), 'skim-bench-'));
    try {
      await benchBackend('SQLite', join(dir, 'skim.db'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  if (backends.includes('postgres')) {
    const pgUrl = flags.pg ?? process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
    if (!pgUrl) {
      console.log('\n== PostgreSQL skipped: pass --pg postgres://… or set TEST_DATABASE_URL');
      return;
    }
    if (flags.schema) {
      await benchBackend('PostgreSQL', (await createTestSchema(pgUrl, flags.schema)).url); // kept: never dropped
      return;
    }
    const schema = await createTestSchema(pgUrl);
    try {
      await benchBackend('PostgreSQL', schema.url);
    } finally {
      await schema.drop();
    }
  }
}

await main();
