// `npm run train:summarizer`: learns the sentence-ranking weights in src/summarize/weights.json.
//
// Data: the development sets in ../shared/data/summarization. Training uses BBC News Summary
// train and a seeded half of the CNN validation rows; the other CNN half, BBC validation and the
// cased BBC sample are held out and only reported. Labels (src/summarize/oracle.ts): a reference
// that is an extract of its article (BBC's: an editor's choice of ~8 of ~18 sentences) labels its
// own sentences; an abstractive one (CNN's highlights) the greedy ROUGE oracle's 3 sentences.
// Model: a linear score over the features in src/summarize/features.ts, learned listwise (a
// conditional logit: each oracle sentence is a draw from the softmax of its article's scores),
// L2-regularized and fitted by Newton's method (exact and deterministic), each article weighted
// equally within its corpus. Only the order within an article matters to selection; at the same
// shares the listwise fit beat the pointwise logistic regression used before by +0.7 R1 / +0.7 R2
// on the CNN half, for -0.4 R1 on BBC validation. A bias fitted afterwards makes sigmoid(score) a calibrated probability for
// display. Same data in, same weights out.
//
// Corpus shares: the two corpora disagree about length. CNN's references are short abstractive
// highlights (~34 words), so short lead sentences win; BBC's are long extracts (~45% of the
// article), so long sentences win whatever they say. Trained 1:1 the model drops below LEAD-3 on
// CNN; trained on CNN alone it ignores titles (CNN rows have none). CNN-style highlights are what
// a reader of skim wants, so CNN gets 90% of the weight and BBC 10%.
//
// Held-out history (CNN half R1/R2/RLsum; BBC validation R1): pointwise, 17 features 30.46 / 11.58 /
// 26.97, 51.52. English content terms on NLTK's classic stopword list instead of stopwords-iso's,
// with the listwise fit: 30.69 / 11.94 / 27.15, 51.65. The position features crossed with article
// size (firstBySize etc.): 30.56 / 11.83 / 27.06, 53.17, and BBC cased 54.15 -> 55.31. Blocking
// only near-duplicates in select.ts: 30.27 / 11.80 / 26.75, 54.31 (cased 56.64). On this one half
// that reads as a CNN R1 loss, but over 6 folds (3 other seeds x 2 halves) the pipeline went from 29.91 /
// 11.37 / 26.53 before these changes to 30.28 / 11.90 / 26.82, and any-trigram blocking vs
// near-duplicate blocking was 30.25 / 11.63 / 26.81 vs 30.28 / 11.90 / 26.82 (BBC 52.99 vs 54.06).
// Tried and not adopted: TextRank (PageRank over Dice or cosine sentence graphs), length relative
// to the article's mean or as a rank within it, size crossed with every feature or with the length
// features (within ±0.3 on CNN, ±0.6 on BBC), soft labels from each sentence's own ROUGE (trade CNN
// for BBC, like a larger BBC share), the `stopword` package's 108-word English list (below NLTK's
// on both), direct coordinate ascent on ROUGE (overfits the CNN half). Earlier, with the pointwise
// model: graded targets, MMR on top of trigram blocking, L2 0.1 or 10 and other shares.
//
// BBC's own extracts as its labels instead of the 3-sentence oracle. Matching a ~146-word
// reference, the oracle mostly rewards length (fitted on BBC alone: shortness -7.2, longness +2.1;
// on its extracts: -0.2, -0.1), which is what pulled CNN's short-sentence preference the wrong
// way: CNN 6-fold 30.35 / 12.01 / 26.92 -> 30.58 / 11.93 / 27.02, BBC validation
// 54.26 -> 54.20, cased 56.74 -> 58.23 (the figures before are the previous code retrained today;
// weights.json had recorded 30.28 / 11.94 / 26.79). Shares 0.95 / 0.8 / 0.7 with
// these labels: 30.73 / 30.08 / 29.53 on CNN for 53.02 / 55.67 / 56.56 on BBC, the same trade as
// before. Tried with it or before it and not adopted (CNN 6-fold R1 and the paired per-article
// standard error of the change in (R1 + RLsum) / 2, ~0.06-0.12, with BBC validation / cased):
// background IDF from the training folds' document frequencies (MEAD centroid and TF-IDF cosine):
// +0.09 CNN, +0.35 / +0.21 BBC with oracle labels, -0.04 with extract labels, within one standard
// error either way; entity salience (the article's most frequent capitalized words after the first,
// share of the top 3 a sentence names, their summed frequency, overlap with the lead's): -0.05 CNN
// and -0.4 on the cased sample (BBC train is lowercased, so only CNN teaches them); reporting cues
// (said, told, according to): +0.07 CNN, -0.4 / -0.7 BBC; a lexical prior (smoothed log-odds of a
// stemmed term reaching the reference, learned inside each fold): -0.24 CNN; cosine to the lead-3,
// maximum similarity to another sentence, share of the article's top TF-IDF terms, keyword density:
// within ±0.07; oracle labels forced to 3 sentences: -0.9; adding to CNN's oracle labels the
// sentence closest (ROUGE-1 + ROUGE-2 F1) to each highlight line: +0.03 / +0.16 / +0.15 CNN,
// +0.4 / -0.1 BBC, within one standard error (by recall instead of F1: -1.1 CNN); picking by
// score minus 0.3 · ln(words/20) (CNN references are short): +0.54 CNN for -2.1 BBC, the share
// trade again. Boosted regression
// trees (100 depth-2 trees on the listwise gradient on top of the linear score) reached 30.63-30.73
// CNN and 55.8-58.3 BBC validation, but their splits used `names` (zero on lowercased text),
// `titleOverlap` (zero without a title) and `paragraphStart` to tell BBC from CNN; with those three
// kept out of the trees the gain was gone (30.32-30.41 CNN, 53.0-53.2 BBC), and with extract labels
// 30.74 CNN for -1.0 / -1.8 BBC.
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mulberry32 } from '../bench/random.ts';
import { loadDevSets, type DevArticle } from '../src/summarize/devdata.ts';
import { analyze, FEATURE_NAMES, type Sentence } from '../src/summarize/features.ts';
import { sentenceScore, type RankingModel } from '../src/summarize/model.ts';
import { extractLabels, greedyOracle } from '../src/summarize/oracle.ts';
import { rouge } from '../src/summarize/rouge.ts';
import { selectSentences } from '../src/summarize/select.ts';

const SEED = 20261124;
const SUMMARY_SENTENCES = 3;
const L2 = 1;
const NEWTON_STEPS = 25;
const CORPUS_SHARES = [0.9, 0.1]; // CNN training half, BBC train
const WEIGHTS_FILE = join(import.meta.dirname, '../src/summarize/weights.json');

interface Example { article: DevArticle; candidates: Sentence[]; labels: number[] }

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const next = mulberry32(seed); // the CNN split is the same on every machine
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

function examples(articles: readonly DevArticle[]): Example[] {
  return articles.map((article) => {
    // Every development set is English; summarize() would detect the same.
    const candidates = analyze(article.article, 'en', article.title ?? undefined);
    const texts = candidates.map((s) => s.text);
    const picks = new Set(extractLabels(texts, article.reference) ?? greedyOracle(texts, article.reference, SUMMARY_SENTENCES));
    return { article, candidates, labels: candidates.map((_, i) => (picks.has(i) ? 1 : 0)) };
  });
}

/** Solves a·x = b by Gaussian elimination with partial pivoting (a is small and dense). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r]![col]!) > Math.abs(m[pivot]![col]!)) pivot = r;
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const factor = m[r]![col]! / m[col]![col]!;
      for (let c = col; c <= n; c++) m[r]![c]! -= factor * m[col]![c]!;
    }
  }
  return m.map((row, i) => row[n]! / row[i]!);
}

/** Softmax over each article's sentences, `probability` computed at weights `w`. */
function articleSoftmax(example: Example, w: readonly number[]): number[] {
  const z = example.candidates.map((s) => s.features.reduce((sum, v, k) => sum + v * w[k]!, 0));
  const top = Math.max(...z);
  const e = z.map((v) => Math.exp(v - top));
  const total = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / total);
}

/**
 * Listwise ranking (a conditional logit): each oracle sentence is a draw from the softmax of the
 * scores over its article's sentences. Only the order within an article matters, as in selection;
 * L2-regularized, fitted by Newton's method. Returns the weights (a bias cancels out here).
 */
function fitListwise(corpora: Example[][], shares: number[]): number[] {
  const dims = FEATURE_NAMES.length;
  let w = new Array<number>(dims).fill(0);
  for (let step = 0; step < NEWTON_STEPS; step++) {
    const gradient = w.map((v) => L2 * v);
    const hessian = Array.from({ length: dims }, (_, a) => Array.from({ length: dims }, (_, b) => (a === b ? L2 : 0)));
    corpora.forEach((corpus, c) => {
      for (const example of corpus) {
        const picks = example.labels.reduce((a, b) => a + b, 0);
        if (!picks) continue;
        // A corpus weighs its share in total, every article the same within it.
        const weight = (1000 * shares[c]!) / corpus.length;
        const p = articleSoftmax(example, w);
        const mean = new Array<number>(dims).fill(0);
        example.candidates.forEach((s, i) => s.features.forEach((v, a) => (mean[a]! += p[i]! * v)));
        example.candidates.forEach((s, i) => {
          for (let a = 0; a < dims; a++) {
            const da = s.features[a]! - mean[a]!;
            gradient[a]! += weight * (picks * p[i]! - example.labels[i]!) * s.features[a]!;
            for (let b = 0; b < dims; b++) hessian[a]![b]! += weight * picks * p[i]! * da * (s.features[b]! - mean[b]!);
          }
        });
      }
    });
    const delta = solve(hessian, gradient);
    w = w.map((t, k) => t - delta[k]!);
    if (Math.max(...delta.map(Math.abs)) < 1e-9) break;
  }
  return w;
}

/** The bias that makes sigmoid(bias + w·x) a calibrated probability of being picked (Newton in 1-D). */
function fitBias(corpora: Example[][], shares: number[], w: readonly number[]): number {
  let bias = 0;
  for (let step = 0; step < NEWTON_STEPS; step++) {
    let gradient = 0;
    let curvature = 0;
    corpora.forEach((corpus, c) => {
      for (const example of corpus) {
        const weight = (1000 * shares[c]!) / (corpus.length * Math.max(example.candidates.length, 1));
        example.candidates.forEach((s, i) => {
          const p = sentenceScore({ version: '', features: [], bias, weights: [...w] }, s.features);
          gradient += weight * (p - example.labels[i]!);
          curvature += weight * p * (1 - p);
        });
      }
    });
    const delta = gradient / curvature;
    bias -= delta;
    if (Math.abs(delta) < 1e-9) break;
  }
  return bias;
}

function train(corpora: Example[][], shares: number[]): RankingModel {
  const w = fitListwise(corpora, shares);
  const weights = w.map((v) => Number(v.toFixed(4)));
  const bias = Number(fitBias(corpora, shares, weights).toFixed(4));
  const version = createHash('sha256').update(JSON.stringify([bias, weights])).digest('hex').slice(0, 8);
  return { version, features: [...FEATURE_NAMES], bias, weights };
}

interface Scores { r1: number; r2: number; rlsum: number }

function evaluate(set: Example[], pick: (example: Example) => number[]): Scores {
  const total = { r1: 0, r2: 0, rlsum: 0 };
  for (const example of set) {
    const summary = pick(example).map((i) => example.candidates[i]!.text.replace(/\n/g, ' ')).join('\n');
    const s = rouge(example.article.reference, summary);
    total.r1 += s.rouge1.f;
    total.r2 += s.rouge2.f;
    total.rlsum += s.rougeLsum.f;
  }
  const n = Math.max(set.length, 1);
  return { r1: (100 * total.r1) / n, r2: (100 * total.r2) / n, rlsum: (100 * total.rlsum) / n };
}

const modelPick = (model: RankingModel) => (example: Example) =>
  selectSentences(example.candidates, example.candidates.map((s) => sentenceScore(model, s.features)), SUMMARY_SENTENCES);
const leadPick = (example: Example) => example.candidates.slice(0, SUMMARY_SENTENCES).map((_, i) => i);
const format = (s: Scores) => `${s.r1.toFixed(2)} / ${s.r2.toFixed(2)} / ${s.rlsum.toFixed(2)}`;

const sets = Object.fromEntries(loadDevSets(['cnn-validation', 'bbc-train', 'bbc-validation', 'bbc-cased']).map((s) => [s.name, s.articles]));
if (!sets['cnn-validation'] || !sets['bbc-train'] || !sets['bbc-validation']) {
  console.error('train:summarizer needs ../shared/data/summarization (CNN validation, BBC train and validation).');
  process.exit(1);
}
const cnn = examples(shuffled(sets['cnn-validation'], SEED));
const half = Math.floor(cnn.length / 2);
const bbcTrain = examples(sets['bbc-train']);
const trainCorpora = [cnn.slice(0, half), bbcTrain];
const heldOut: Record<string, Example[]> = {
  'cnn (held-out half)': cnn.slice(half),
  'bbc validation': examples(sets['bbc-validation']),
  ...(sets['bbc-cased'] ? { 'bbc cased sample': examples(sets['bbc-cased']) } : {}),
};

const model = train(trainCorpora, CORPUS_SHARES);
const report: Record<string, string> = {};
console.log('held-out ROUGE-1 / ROUGE-2 / ROUGE-Lsum F1, 3 sentences:');
for (const [name, set] of Object.entries(heldOut)) {
  report[name] = format(evaluate(set, modelPick(model)));
  console.log(`  ${name.padEnd(22)} lead-3 ${format(evaluate(set, leadPick))}   model ${report[name]}`);
}
// One CNN half is a noisy yardstick (the two halves differ by ~0.3 R1 for the same model), so the
// CNN figure is also averaged over 2-fold cross-validation with 3 more seeds: fit on one half of
// the CNN rows (plus BBC train), score the other.
const folds = [1, 2, 3].flatMap((k) => {
  const rows = shuffled(cnn, SEED + k);
  const middle = Math.floor(rows.length / 2);
  return [[rows.slice(0, middle), rows.slice(middle)], [rows.slice(middle), rows.slice(0, middle)]] as const;
});
const cv = { r1: 0, r2: 0, rlsum: 0 };
for (const [fit, score] of folds) {
  const s = evaluate(score, modelPick(train([fit, bbcTrain], CORPUS_SHARES)));
  cv.r1 += s.r1 / folds.length;
  cv.r2 += s.r2 / folds.length;
  cv.rlsum += s.rlsum / folds.length;
}
report['cnn (6-fold mean)'] = format(cv);
console.log(`  ${'cnn (6-fold mean)'.padEnd(22)} model ${report['cnn (6-fold mean)']}`);
const file = {
  comment: 'Written by npm run train:summarizer (scripts/train-summarizer.ts); do not edit by hand.',
  ...model,
  heldOut: report,
};
writeFileSync(WEIGHTS_FILE, JSON.stringify(file, null, 2) + '\n');
console.log(`wrote ${WEIGHTS_FILE} (version ${model.version})`);
for (const [name, w] of FEATURE_NAMES.map((n, i) => [n, model.weights[i]!] as const)) console.log(`  ${name.padEnd(18)} ${w}`);
