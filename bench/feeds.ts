// `npm run bench:feeds`: parseFeed throughput (MB/s, feeds/s, median ms per feed) on the
// real-world feeds in ../shared/data/feeds, and how many parse at all. Reads ../shared; skips
// (exit 0) when it is absent. Conformance itself is scored by ../shared/tools/feed-conformance.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { parseFeed } from '../src/ingest/feeds/parse.ts';
import { median, percentile } from './stats.ts';

const DATA_DIR = fileURLToPath(new URL('../../shared/data/feeds/', import.meta.url));
// Captures of publishers' feeds, as the conformance tool groups them; the rest are unit fixtures.
const FIXTURES = ['feedparser-tests/', 'gofeed-testdata/', 'feedsmith/', 'jsonfeed-spec/', 'miniflux/encoding/', 'miniflux/xml/'];
const FEED_FILE = /\.(xml|rss|atom|rdf|json)$/i;
const ROUNDS = 3;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

if (!existsSync(DATA_DIR)) {
  console.log(`bench:feeds skipped: ${DATA_DIR} not found`);
  process.exit(0);
}

const docs = files(DATA_DIR)
  .map((path) => relative(DATA_DIR, path))
  .filter((rel) => FEED_FILE.test(rel) && !FIXTURES.some((prefix) => rel.startsWith(prefix)) && !/\/(expected|negative)\//.test(rel))
  .map((rel) => readFileSync(join(DATA_DIR, rel)))
  // Two captures are stored gzipped; a fetch would have undone that Content-Encoding.
  .map((bytes) => (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes));
const megabytes = docs.reduce((sum, d) => sum + d.length, 0) / 1e6;
let parsed = 0;
for (const doc of docs) {
  try {
    parseFeed(doc);
    parsed++;
  } catch { /* counted as not parsed */ }
}
const perDoc: number[] = [];
const started = performance.now();
for (let round = 0; round < ROUNDS; round++) {
  for (const doc of docs) {
    const t0 = performance.now();
    try { parseFeed(doc); } catch { /* timed all the same */ }
    perDoc.push(performance.now() - t0);
  }
}
const seconds = (performance.now() - started) / 1000 / ROUNDS;
perDoc.sort((a, b) => a - b);
console.log(`documents: ${docs.length} (${megabytes.toFixed(1)} MB), parsed: ${parsed}`);
console.log(`throughput: ${(megabytes / seconds).toFixed(2)} MB/s, ${(docs.length / seconds).toFixed(0)} feeds/s`);
console.log(`per feed: median ${median(perDoc).toFixed(2)} ms, p95 ${percentile(perDoc, 0.95).toFixed(2)} ms`);
