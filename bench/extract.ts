// `npm run bench:extract`: token-level precision/recall/F1 of extractArticle on the
// article-extraction-benchmark pages in ../shared (metric of its evaluate.py: 4-token shingles,
// per-page tp/fp/fn normalised, corpus P and R as means over pages, F1 of the means), plus
// median and p95 ms per page. Skips (exit 0) when ../shared is absent.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { extractArticle } from '../src/ingest/extract/extract.ts';
import { median, percentile } from './stats.ts';

const DATA_DIR = fileURLToPath(new URL('../../shared/data/extraction/scrapinghub-aeb/', import.meta.url));
const WARMUP_PAGES = 10;

interface TruthRow { id: string; url: string; articleBody: string }

// Python's \w under re.UNICODE: letters, digits and underscore (combining marks split words).
const TOKEN = /[\p{L}\p{N}_]+/gu;

function shingleCounts(text: string): Map<string, number> {
  const tokens = text.match(TOKEN) ?? [];
  const counts = new Map<string, number>();
  for (let i = 0; i < Math.max(1, tokens.length - 3); i++) {
    const shingle = tokens.slice(i, i + 4).join(' ');
    if (shingle) counts.set(shingle, (counts.get(shingle) ?? 0) + 1);
  }
  return counts;
}

/** Per-page precision and recall (undefined where evaluate.py leaves the page out of the mean). */
function scorePage(truth: string, prediction: string): { precision?: number; recall?: number } {
  const expected = shingleCounts(truth);
  const predicted = shingleCounts(prediction);
  let tp = 0, fp = 0, fn = 0;
  for (const key of new Set([...expected.keys(), ...predicted.keys()])) {
    const e = expected.get(key) ?? 0, p = predicted.get(key) ?? 0;
    tp += Math.min(e, p);
    fp += Math.max(0, p - e);
    fn += Math.max(0, e - p);
  }
  if (fp === 0 && fn === 0) return { precision: tp > 0 ? 1 : undefined, recall: tp > 0 ? 1 : undefined };
  return {
    precision: tp + fp > 0 ? tp / (tp + fp) : undefined,
    recall: tp + fn > 0 ? tp / (tp + fn) : undefined,
  };
}

const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;

function main(): void {
  if (!existsSync(`${DATA_DIR}truth.jsonl`)) {
    console.log(`bench:extract skipped: ${DATA_DIR} not found (the shared data is not present)`);
    return;
  }
  console.log(`bench:extract reads ${DATA_DIR}`);
  const rows: TruthRow[] = readFileSync(`${DATA_DIR}truth.jsonl`, 'utf8').trim().split('\n').map((line) => JSON.parse(line));
  const pages = rows.map((row) => ({ ...row, html: readFileSync(`${DATA_DIR}html/${row.id}.html`, 'utf8') }));
  for (const page of pages.slice(0, WARMUP_PAGES)) extractArticle(page.html, page.url);

  // CPU time too: on a shared machine wall time also counts the wait for a core.
  const precisions: number[] = [], recalls: number[] = [], times: number[] = [], cpuTimes: number[] = [];
  const verbose = process.argv.includes('--pages');
  for (const page of pages) {
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    const result = extractArticle(page.html, page.url);
    const cpu = process.cpuUsage(cpuStart);
    times.push(performance.now() - start);
    cpuTimes.push((cpu.user + cpu.system) / 1000);
    const { precision, recall } = scorePage(page.articleBody, result.text);
    if (precision !== undefined) precisions.push(precision);
    if (recall !== undefined) recalls.push(recall);
    if (verbose) console.log(`${page.id.slice(0, 8)} P=${precision?.toFixed(3)} R=${recall?.toFixed(3)} ${result.status} ${page.url}`);
  }
  const precision = mean(precisions), recall = mean(recalls);
  times.sort((a, b) => a - b);
  cpuTimes.sort((a, b) => a - b);
  console.log(`pages ${pages.length} (after ${WARMUP_PAGES} warm-up extractions)`);
  console.log(`F1 ${(2 * precision * recall / (precision + recall)).toFixed(4)}  precision ${precision.toFixed(4)}  recall ${recall.toFixed(4)}`);
  console.log(`ms/page median ${median(times).toFixed(1)}  p95 ${percentile(times, 0.95).toFixed(1)}  (wall clock)`);
  console.log(`ms/page median ${median(cpuTimes).toFixed(1)}  p95 ${percentile(cpuTimes, 0.95).toFixed(1)}  (CPU time)`);
}

main();
