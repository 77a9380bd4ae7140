// `npm run bench:text`: speed and quality of src/text.
// Speed: synthetic inputs (a 5,000-sentence document, 5 MB of prose, 5 MB without spaces, 5 MB of
// binary garbage; best of 3 runs), then median ms per article of splitSentences, contentTerms over every sentence
// and detectLanguage on the development sets. Quality: LEAD-3 ROUGE and the share of reference
// lines that come out as exactly one sentence (BBC references are verbatim article sentences), for
// skim's splitter, Intl.Segmenter and a naive regex split. The dev-set part reads ../shared and is
// skipped when it is absent.
import { loadDevSets } from '../src/summarize/devdata.ts';
import { rouge } from '../src/summarize/rouge.ts';
import { splitSentences } from '../src/text/segment.ts';
import { contentTerms } from '../src/text/tokens.ts';
import { detectLanguage } from '../src/text/language.ts';
import { median } from './stats.ts';

const MEGABYTES = 5;

function timeMs(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

function syntheticSpeed(): void {
  const sentence = 'Mr. Smith told reporters in Washington on Jan. 5 that the U.S. would spend $3.5 billion. ';
  const document = sentence.repeat(5000);
  const prose = sentence.repeat(Math.ceil((MEGABYTES * 1e6) / sentence.length));
  const noSpaces = 'x'.repeat(MEGABYTES * 1e6);
  let garbage = '';
  for (let i = 0; garbage.length < MEGABYTES * 1e6; i++) garbage += String.fromCharCode((i * 7919) % 0xffff);
  console.log('input                          sentences  ms (best of 3)');
  for (const [name, text] of [['5,000 sentences', document], [`${MEGABYTES} MB prose`, prose],
    [`${MEGABYTES} MB without spaces`, noSpaces], [`${MEGABYTES} MB binary garbage`, garbage]] as const) {
    let count = 0;
    const runs = [0, 1, 2].map(() => timeMs(() => { count = splitSentences(text).length; }));
    console.log(`${name.padEnd(30)} ${String(count).padStart(9)} ${Math.min(...runs).toFixed(1).padStart(9)}`);
  }
}

type Splitter = (text: string) => string[];

const intl = new Intl.Segmenter('en', { granularity: 'sentence' });
const SPLITTERS: Record<string, Splitter> = {
  skim: (text) => splitSentences(text).map((span) => span.text),
  'Intl.Segmenter': (text) => Array.from(intl.segment(text), (s) => s.segment.trim()).filter(Boolean),
  'naive regex': (text) => text.split(/(?<=[.!?]["'”’)]?)\s+/).map((s) => s.trim()).filter(Boolean),
};

function devSets(): void {
  const sets = loadDevSets(['cnn-validation', 'bbc-validation', 'bbc-cased']);
  if (sets.length === 0) {
    console.log('\n../shared/data/summarization is absent: dev-set part skipped');
    return;
  }
  console.log('\nset              splitter        LEAD-3 R1    R2  RLsum  ref lines exact');
  for (const { name, articles } of sets) {
    for (const [splitterName, split] of Object.entries(SPLITTERS)) {
      let r1 = 0, r2 = 0, rl = 0, referenceLines = 0, exact = 0;
      for (const { article, reference } of articles) {
        const sentences = split(article);
        const scores = rouge(reference, sentences.slice(0, 3).join('\n'));
        r1 += scores.rouge1.f; r2 += scores.rouge2.f; rl += scores.rougeLsum.f;
        const produced = new Set(sentences);
        for (const line of reference.split('\n').map((l) => l.trim()).filter(Boolean)) {
          if (!article.includes(line)) continue;
          referenceLines++;
          if (produced.has(line)) exact++;
        }
      }
      const percent = (x: number) => (100 * x / articles.length).toFixed(2).padStart(6);
      const exactShare = name.startsWith('bbc') ? `${(100 * exact / referenceLines).toFixed(2)}%` : '-';
      console.log(`${name.padEnd(16)} ${splitterName.padEnd(15)} ${percent(r1)} ${percent(r2)} ${percent(rl)}  ${exactShare.padStart(15)}`);
    }
  }

  console.log('\nset              median ms/article: splitSentences  contentTerms  detectLanguage');
  for (const { name, articles } of sets) {
    const lang = 'en';
    const split: number[] = [], terms: number[] = [], detect: number[] = [];
    for (let pass = 0; pass < 2; pass++) {
      for (const { article } of articles) {
        const spans = splitSentences(article, lang);
        if (pass === 0) continue; // warm-up: JIT and stem memo
        split.push(timeMs(() => splitSentences(article, lang)));
        terms.push(timeMs(() => { for (const span of spans) contentTerms(span.text, lang); }));
        detect.push(timeMs(() => detectLanguage(article)));
      }
    }
    for (const times of [split, terms, detect]) times.sort((a, b) => a - b);
    console.log(`${name.padEnd(16)} ${median(split).toFixed(3).padStart(34)} ${median(terms).toFixed(3).padStart(13)} ${median(detect).toFixed(3).padStart(15)}`);
  }
}

syntheticSpeed();
devSets();
