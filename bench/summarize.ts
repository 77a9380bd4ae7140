// `npm run bench:summarize [-- --limit N] [--sets a,b] [--systems a,b]`: ROUGE-1/2/Lsum F1 (mean over
// articles), median ms per article, articles/s and peak RSS for LEAD-3, skim and two npm peers on
// the development sets in ../shared. Each (set, system) runs in its own child process so that peak
// RSS and JIT warm-up belong to that system alone. One untimed warm-up pass over all articles, then
// one timed pass: its per-article median and its total give the figures (single-threaded, honest
// about a busy machine, which is why the load average is printed beside them).
// Skips (exit 0) when ../shared is absent.
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { createRequire } from 'node:module';
import { DEV_SET_FILES, SHARED_SUMMARIZATION_DIR, loadDevSets, type DevArticle } from '../src/summarize/devdata.ts';
import { rouge } from '../src/summarize/rouge.ts';
import { summarize } from '../src/summarize/summarize.ts';
import { splitSentences } from '../src/text/segment.ts';
import { median } from './stats.ts';

const SENTENCES = 3;
const DEFAULT_SETS = ['cnn-validation', 'bbc-validation', 'bbc-cased'];

type System = (article: DevArticle) => string[] | Promise<string[]>;

const require = createRequire(import.meta.url);

function tsTextrank(): System {
  const { AbsoluteSummarizerConfig, DefaultTextParser, NullLogger, SorensenDiceSimilarity, Summarizer } = require('ts-textrank');
  const config = new AbsoluteSummarizerConfig(SENTENCES, new SorensenDiceSimilarity(), new DefaultTextParser(), 0.85, Summarizer.SORT_OCCURENCE);
  return ({ article }) => new Summarizer(config, new NullLogger()).summarize(article, 'en');
}

function nodeSummarizer(): System {
  // Its public API concatenates the chosen sentences with no separator; this subclass keeps them
  // apart so that ROUGE-Lsum sees its sentence boundaries. Selection is untouched.
  type PeerSummarizer = new (text: string, sentences: number) => { summarizeByRank(): Promise<{ summary?: unknown } | undefined> };
  const { Summarizer } = require('node-summarizer/src/Summarizer.js') as { Summarizer: PeerSummarizer };
  class SentenceListSummarizer extends Summarizer {
    listToString(sorted: [number, string][], clean: [string[], Map<string, string>]): string {
      return sorted.slice(0, SENTENCES).map(([, key]) => clean[1].get(key)).join('\n');
    }
  }
  return async ({ article }) => {
    const result = await new SentenceListSummarizer(article, SENTENCES).summarizeByRank();
    return typeof result?.summary === 'string' ? result.summary.split('\n') : [];
  };
}

const SYSTEMS: Record<string, () => System> = {
  'lead-3': () => ({ article }) => splitSentences(article).slice(0, SENTENCES).map((s) => s.text),
  skim: () => ({ article, title }) => summarize(article, { title: title ?? undefined, sentences: SENTENCES }).sentences.map((s) => s.text),
  'ts-textrank': tsTextrank,
  'node-summarizer': nodeSummarizer,
};

interface Row { set: string; system: string; articles: number; r1: number; r2: number; rlsum: number; medianMs: number; perSecond: number; peakRssMb: number }

async function measure(setName: string, systemName: string, limit: number): Promise<Row> {
  const [set] = loadDevSets([setName], limit);
  if (!set) throw new Error(`missing set ${setName}`);
  const system = SYSTEMS[systemName]!();
  // The peers print to the console on some inputs; keep stdout for the result line.
  console.log = () => {};
  const run = async (article: DevArticle): Promise<string[]> => {
    try {
      return await system(article);
    } catch {
      return [];
    }
  };
  for (const article of set.articles) await run(article);
  const times: number[] = [];
  const summaries: string[][] = [];
  for (const article of set.articles) {
    const started = process.hrtime.bigint();
    summaries.push(await run(article));
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  // Scored after the timed pass, so that ROUGE's garbage is not collected on the systems' clock.
  let r1 = 0, r2 = 0, rlsum = 0;
  set.articles.forEach((article, i) => {
    const scores = rouge(article.reference, summaries[i]!.map((s) => s.replace(/\n/g, ' ')).join('\n'));
    r1 += scores.rouge1.f;
    r2 += scores.rouge2.f;
    rlsum += scores.rougeLsum.f;
  });
  const n = set.articles.length;
  const totalMs = times.reduce((a, b) => a + b, 0);
  times.sort((a, b) => a - b);
  return {
    set: setName, system: systemName, articles: n,
    r1: (100 * r1) / n, r2: (100 * r2) / n, rlsum: (100 * rlsum) / n,
    medianMs: median(times),
    perSecond: n / (totalMs / 1000),
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
}

/** Time for one document of ~5,000 sentences (dev articles joined as paragraphs): cost must stay linear. */
function longDocument(articles: readonly DevArticle[]): string {
  const parts: string[] = [];
  let sentences = 0;
  for (let i = 0; sentences < 5000 && articles.length; i++) {
    const article = articles[i % articles.length]!.article;
    parts.push(article);
    sentences += splitSentences(article).length;
  }
  const text = parts.join('\n\n');
  summarize(text, { sentences: SENTENCES });
  const started = performance.now();
  summarize(text, { sentences: SENTENCES });
  const ms = performance.now() - started;
  return `skim on one ${sentences}-sentence document (${(text.length / 1e6).toFixed(1)} MB): ${ms.toFixed(0)} ms (after one warm-up run)`;
}

function printTable(rows: Row[]): void {
  console.log('set             system           n      R1     R2  RLsum  median ms  articles/s  peak RSS MB');
  for (const r of rows) {
    console.log(
      `${r.set.padEnd(15)} ${r.system.padEnd(15)} ${String(r.articles).padStart(4)} ${r.r1.toFixed(2).padStart(7)} ${r.r2.toFixed(2).padStart(6)} ` +
      `${r.rlsum.toFixed(2).padStart(6)} ${r.medianMs.toFixed(3).padStart(10)} ${r.perSecond.toFixed(0).padStart(11)} ${r.peakRssMb.toFixed(0).padStart(12)}`,
    );
  }
}

const { values } = parseArgs({
  options: {
    limit: { type: 'string' },
    sets: { type: 'string' },
    systems: { type: 'string' },
    child: { type: 'boolean' },
  },
});
const limit = values.limit ? Number(values.limit) : Infinity;
const setNames = values.sets?.split(',') ?? DEFAULT_SETS;
const systemNames = values.systems?.split(',') ?? Object.keys(SYSTEMS);
for (const name of setNames) if (!DEV_SET_FILES[name]) throw new Error(`unknown set ${name}; known: ${Object.keys(DEV_SET_FILES).join(', ')}`);
for (const name of systemNames) if (!SYSTEMS[name]) throw new Error(`unknown system ${name}; known: ${Object.keys(SYSTEMS).join(', ')}`);

if (values.child) {
  const row = await measure(setNames[0]!, systemNames[0]!, limit);
  process.stdout.write(JSON.stringify(row) + '\n');
} else {
  const present = loadDevSets(setNames, 1).map((s) => s.name);
  if (present.length === 0) {
    console.log(`bench:summarize: no development sets under ${SHARED_SUMMARIZATION_DIR}; skipping.`);
  } else {
    const rows: Row[] = [];
    for (const setName of present) {
      for (const systemName of systemNames) {
        const args = ['--import', 'tsx', import.meta.filename, '--child', '--sets', setName, '--systems', systemName];
        if (Number.isFinite(limit)) args.push('--limit', String(limit));
        const child = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 24 });
        const line = child.stdout.trim().split('\n').pop();
        if (child.status !== 0 || !line) {
          console.error(`${setName}/${systemName} failed: ${child.stderr.trim().split('\n').slice(-3).join(' ')}`);
          continue;
        }
        rows.push(JSON.parse(line) as Row);
        console.error(`done ${setName}/${systemName}`);
      }
    }
    printTable(rows);
    console.log(longDocument(loadDevSets([present[0]!])[0]!.articles));
    console.log(`load average while measuring (1/5/15 min): ${loadavg().map((l) => l.toFixed(1)).join(' / ')}`);
  }
}
