// npm run bench:web: the article page under load, next to a bare node:http server sending the same
// bytes. 10,000 generated articles are stored in a temporary SQLite file; the page of one of them
// is requested by wrk, or autocannon without it (bench/load.ts; 64 connections, 10 s), from this process while the servers run in
// child processes, one at a time, so the load generator never shares a thread with a server.
// Target: the article page at >= 50% of the bare server's requests/s, with p99 latency < 10 ms.
import { fork, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore } from '../src/store/db.ts';
import { insertArticle } from '../src/store/articles.ts';
import { ensureSection } from '../src/store/sections.ts';
import { saveSummaries } from '../src/store/summaries.ts';
import { countWords } from '../src/text/words.ts';
import { summarizeArticle } from '../src/ingest/publish.ts';
import { buildApp } from '../src/web/app.ts';
import { loadTool, runLoad } from './load.ts';
import { mulberry32 } from './random.ts';
import { percentile } from './stats.ts';

const ARTICLES = 10_000;
/** The benchmarked article: one in the middle, so it has both neighbours. */
const TARGET = ARTICLES / 2;
/** Summarizing takes tens of milliseconds an article; every this-many-th article gets its summaries. */
const SUMMARY_EVERY = 100;
const CONNECTIONS = 64;
const DURATION_S = 10;
const SECTIONS = ['World', 'Business', 'Science', 'Technology', 'Culture', 'Sport', 'Health', 'Local'];

const SYLLABLES = ['ar', 'en', 'ta', 'lo', 'mi', 'ver', 'sto', 'pa', 'ri', 'con', 'del', 'na', 'ges', 'tur', 'bo', 'li', 'sen', 'ca', 'mo', 'dre'];
const COMMON = ['the', 'of', 'and', 'to', 'in', 'a', 'that', 'said', 'on', 'for', 'was', 'with', 'by', 'as', 'city', 'government', 'year', 'people', 'report'];

/** Paragraphs of plain sentences, `words` words in all. */
function generateParagraphs(next: () => number, words: number): string[] {
  const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)]!;
  const word = () => (next() < 0.45 ? pick(COMMON) : Array.from({ length: 1 + Math.floor(next() * 3) }, () => pick(SYLLABLES)).join(''));
  const paragraphs: string[] = [];
  let left = words;
  while (left > 0) {
    const sentences: string[] = [];
    for (let s = 2 + Math.floor(next() * 4); s > 0 && left > 0; s--) {
      const length = Math.min(left, 8 + Math.floor(next() * 22));
      const sentence = Array.from({ length }, word).join(' ');
      sentences.push(`${sentence[0]!.toUpperCase()}${sentence.slice(1)}.`);
      left -= length;
    }
    paragraphs.push(sentences.join(' '));
  }
  return paragraphs;
}

async function fillStore(file: string): Promise<string> {
  const store = await openStore(file);
  const next = mulberry32(42); // every run stores the same articles
  const sections = await Promise.all(SECTIONS.map((name) => ensureSection(store.db, name)));
  const start = Date.parse('2026-01-01T00:00:00Z');
  let target = '';
  const BATCH = 500;
  for (let first = 0; first < ARTICLES; first += BATCH) {
    await store.db.transaction().execute(async (trx) => {
      for (let i = first; i < Math.min(first + BATCH, ARTICLES); i++) {
        const paragraphs = generateParagraphs(next, 400 + Math.floor(next() * 800));
        // The plain-text rule for <p> blocks of plain words: paragraphs joined by a blank line.
        const text = paragraphs.join('\n\n');
        const html = paragraphs.map((p) => `<p>${p}</p>`).join('\n');
        const title = paragraphs[0]!.split(' ').slice(0, 9).join(' ');
        const at = new Date(start + i * 15 * 60_000).toISOString();
        const contentHash = createHash('sha256').update(text).digest('hex');
        const slug = `bench-article-${i}`;
        const id = await insertArticle(trx, {
          slug, url: null, canonical_url: null, title, byline: 'Bench Reporter', section: sections[i % sections.length]!,
          lang: 'en', published_at: at, updated_at: at, created_at: at, html, text, word_count: countWords(text),
          content_hash: contentHash, image_url: null, site_name: null, simhash: null, status_reason: null,
        });
        if (i % SUMMARY_EVERY === 0 || i === TARGET) await saveSummaries(trx, id, summarizeArticle(text, title, 'en', contentHash));
        if (i === TARGET) target = slug;
      }
    });
  }
  await store.close();
  return target;
}

interface Measured {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

async function load(url: string, path: string): Promise<Measured> {
  const { latencies, requests, non2xx, errors } = await runLoad({ url, paths: [path], connections: CONNECTIONS, seconds: DURATION_S, timeoutS: 10 });
  return { requestsPerSecond: requests / DURATION_S, p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99), errors, non2xx };
}

/**
 * Server CPU time while under load, as a child measures it: on a shared machine requests/s and
 * latency move with the neighbours' load, CPU time per request much less.
 */
function reportCpu(): void {
  let mark = process.cpuUsage();
  process.on('message', (message) => {
    if (message === 'mark') mark = process.cpuUsage();
    if (message === 'report') {
      const used = process.cpuUsage(mark);
      process.send!({ cpuMs: (used.user + used.system) / 1000 });
    }
  });
}

async function cpuDuring(child: ChildProcess, work: () => Promise<Measured>): Promise<Measured & { cpuUsPerRequest: number }> {
  child.send('mark');
  const measured = await work();
  const reply = new Promise<{ cpuMs: number }>((resolve) => child.once('message', (m) => resolve(m as { cpuMs: number })));
  child.send('report');
  const { cpuMs } = await reply;
  return { ...measured, cpuUsPerRequest: (cpuMs * 1000) / (measured.requestsPerSecond * DURATION_S) };
}

/** Starts this file as a server child process and resolves with its port. */
function startChild(role: string, arg: string): Promise<{ child: ChildProcess; port: number }> {
  const child = fork(fileURLToPath(import.meta.url), [role, arg], { execArgv: ['--import', 'tsx'] });
  return new Promise((resolve, reject) => {
    child.once('message', (port) => resolve({ child, port: port as number }));
    child.once('exit', (code) => reject(new Error(`${role} server exited with code ${code}`)));
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

async function serveSkim(file: string): Promise<void> {
  const store = await openStore(file);
  const app = await buildApp({ store });
  await app.listen({ port: 0, host: '127.0.0.1' });
  reportCpu();
  process.send!((app.server.address() as { port: number }).port);
  // The IPC channel (kept open by reportCpu) would keep the process alive: exit once closed.
  process.once('SIGTERM', () => void app.close().then(() => store.close()).then(() => process.exit(0)));
}

function serveBare(bytesFile: string): void {
  const body = readFileSync(bytesFile);
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': body.length });
    response.end(body);
  });
  reportCpu();
  server.listen(0, '127.0.0.1', () => process.send!((server.address() as { port: number }).port));
  process.once('SIGTERM', () => server.close(() => process.exit(0)));
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'skim-bench-web-'));
  try {
    const file = join(dir, 'skim.db');
    const started = performance.now();
    const slug = await fillStore(file);
    console.log(`stored ${ARTICLES} generated articles (400-1,200 words) in ${((performance.now() - started) / 1000).toFixed(1)} s:`);
    console.log(`  rows written with the store functions; summaries by the real summarizer for every ${SUMMARY_EVERY}th article, the benchmarked one included`);

    const skim = await startChild('serve-skim', file);
    const path = `/articles/${slug}`;
    const first = await fetch(`http://127.0.0.1:${skim.port}${path}`);
    const bytes = Buffer.from(await first.arrayBuffer());
    if (first.status !== 200 || !bytes.includes('Get a summary')) throw new Error(`unexpected article page: ${first.status}`);
    writeFileSync(join(dir, 'page.html'), bytes);
    console.log(`article page ${path}: ${bytes.length} bytes; ${loadTool} ${CONNECTIONS} connections for ${DURATION_S} s each`);

    const page = await cpuDuring(skim.child, () => load(`http://127.0.0.1:${skim.port}`, path));
    await stopChild(skim.child);
    const bare = await startChild('serve-bare', join(dir, 'page.html'));
    const baseline = await cpuDuring(bare.child, () => load(`http://127.0.0.1:${bare.port}`, '/'));
    await stopChild(bare.child);

    const row = (name: string, m: Measured & { cpuUsPerRequest: number }) =>
      `${name.padEnd(16)} ${m.requestsPerSecond.toFixed(0).padStart(8)} req/s   p50 ${m.p50.toFixed(1).padStart(5)} ms   p99 ${m.p99.toFixed(1).padStart(5)} ms   ` +
      `server CPU ${m.cpuUsPerRequest.toFixed(0).padStart(4)} µs/request   errors ${m.errors + m.non2xx}`;
    console.log(row('skim article', page));
    console.log(row('bare node:http', baseline));
    const ratio = page.requestsPerSecond / baseline.requestsPerSecond;
    console.log(`ratio ${(ratio * 100).toFixed(1)}% of bare throughput (target >= 50%); article p99 ${page.p99.toFixed(1)} ms (target < 10 ms)`);
    console.log(`CPU per request: bare/skim ${((baseline.cpuUsPerRequest / page.cpuUsPerRequest) * 100).toFixed(1)}% (throughput ratio on an idle machine)`);
    console.log(`load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${availableParallelism()} CPUs; ${ratio >= 0.5 && page.p99 < 10 ? 'targets met' : 'targets NOT met'}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const [role, arg] = process.argv.slice(2);
if (role === 'serve-skim') await serveSkim(arg!);
else if (role === 'serve-bare') serveBare(arg!);
else await main();
