// ROUGE-1, ROUGE-2 and ROUGE-Lsum F1 as Google's rouge-score computes them (use_stemmer=True):
// lowercase, [a-z0-9]+ tokens, Porter stems for tokens longer than 3 characters, and summary-level
// LCS (union LCS per reference sentence) over "\n"-separated sentences. Written here because no npm
// package reproduces rouge-score's numbers, which are what published results are compared against.
import { stemmer } from 'stemmer';

export interface RougeScore { precision: number; recall: number; f: number }
export interface RougeScores { rouge1: RougeScore; rouge2: RougeScore; rougeLsum: RougeScore }

const stems = new Map<string, string>();

function stemToken(token: string): string {
  if (token.length <= 3) return token;
  let stem = stems.get(token);
  if (stem === undefined) {
    stem = stemmer(token);
    if (stems.size > 200_000) stems.clear();
    stems.set(token, stem);
  }
  return stem;
}

/** rouge-score's tokenizer: lowercase, split on anything but [a-z0-9], stem. */
export function rougeTokens(text: string): string[] {
  const words = text.toLowerCase().split(/[^a-z0-9]+/);
  const tokens: string[] = [];
  for (const word of words) if (word) tokens.push(stemToken(word));
  return tokens;
}

/** One token list per non-empty line, as rougeLsum sees a summary. */
export function rougeSentenceTokens(text: string): string[][] {
  return text.split('\n').filter((line) => line.length > 0).map(rougeTokens);
}

function score(hits: number, targetCount: number, predictionCount: number): RougeScore {
  const precision = hits / Math.max(predictionCount, 1);
  const recall = hits / Math.max(targetCount, 1);
  const f = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f };
}

export function ngramCounts(tokens: readonly string[], n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    const gram = n === 1 ? tokens[i]! : tokens.slice(i, i + n).join(' ');
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
}

function countTotal(counts: Map<string, number>): number {
  let total = 0;
  for (const c of counts.values()) total += c;
  return total;
}

/** ROUGE-N between n-gram count maps (see ngramCounts). */
export function rougeNCounts(target: Map<string, number>, prediction: Map<string, number>): RougeScore {
  let hits = 0;
  for (const [gram, c] of prediction) hits += Math.min(c, target.get(gram) ?? 0);
  return score(hits, countTotal(target), countTotal(prediction));
}

export function rougeN(target: readonly string[], prediction: readonly string[], n: number): RougeScore {
  return rougeNCounts(ngramCounts(target, n), ngramCounts(prediction, n));
}

/** Indices into `ref` of one LCS of ref and can, backtracked as rouge-score does. */
function lcsIndices(ref: readonly string[], can: readonly string[]): number[] {
  const cols = can.length + 1;
  const table = new Uint32Array((ref.length + 1) * cols);
  for (let i = 1; i <= ref.length; i++) {
    for (let j = 1; j <= can.length; j++) {
      table[i * cols + j] = ref[i - 1] === can[j - 1]
        ? table[(i - 1) * cols + j - 1]! + 1
        : Math.max(table[(i - 1) * cols + j]!, table[i * cols + j - 1]!);
    }
  }
  const indices: number[] = [];
  let i = ref.length;
  let j = can.length;
  while (i > 0 && j > 0) {
    if (ref[i - 1] === can[j - 1]) {
      indices.push(i - 1);
      i--;
      j--;
    } else if (table[i * cols + j - 1]! > table[(i - 1) * cols + j]!) j--;
    else i--;
  }
  return indices.reverse();
}

/** Summary-level LCS: each reference sentence's union LCS over all candidate sentences, with
 * token counts so that no token is credited more often than it occurs on either side. */
export function rougeLsum(target: readonly string[][], prediction: readonly string[][]): RougeScore {
  const targetCounts = new Map<string, number>();
  const predictionCounts = new Map<string, number>();
  for (const s of target) for (const t of s) targetCounts.set(t, (targetCounts.get(t) ?? 0) + 1);
  for (const s of prediction) for (const t of s) predictionCounts.set(t, (predictionCounts.get(t) ?? 0) + 1);
  let hits = 0;
  for (const ref of target) {
    const union = new Set<number>();
    for (const can of prediction) for (const i of lcsIndices(ref, can)) union.add(i);
    for (const i of [...union].sort((a, b) => a - b)) {
      const token = ref[i]!;
      const inTarget = targetCounts.get(token) ?? 0;
      const inPrediction = predictionCounts.get(token) ?? 0;
      if (inTarget > 0 && inPrediction > 0) {
        hits++;
        targetCounts.set(token, inTarget - 1);
        predictionCounts.set(token, inPrediction - 1);
      }
    }
  }
  const targetLength = target.reduce((n, s) => n + s.length, 0);
  const predictionLength = prediction.reduce((n, s) => n + s.length, 0);
  if (targetLength === 0 || predictionLength === 0) return { precision: 0, recall: 0, f: 0 };
  return score(hits, targetLength, predictionLength);
}

/** ROUGE-1, ROUGE-2 and ROUGE-Lsum of `prediction` against `target` (both "\n"-separated sentences). */
export function rouge(target: string, prediction: string): RougeScores {
  const targetSentences = rougeSentenceTokens(target);
  const predictionSentences = rougeSentenceTokens(prediction);
  const targetTokens = targetSentences.flat();
  const predictionTokens = predictionSentences.flat();
  return {
    rouge1: rougeN(targetTokens, predictionTokens, 1),
    rouge2: rougeN(targetTokens, predictionTokens, 2),
    rougeLsum: rougeLsum(targetSentences, predictionSentences),
  };
}
