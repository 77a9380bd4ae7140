// Second stage for 3-sentence summaries: the sentence model scores each sentence alone, so its top
// three can say one thing twice or miss the article's topic. Every 3-sentence set drawn from the
// POOL best-scoring sentences is scored as a whole, linearly over set features, with weights that
// scripts/train-summarizer.ts fits to rank the sets by their ROUGE against the reference.
import type { Sentence } from './features.ts';

export const SET_FEATURE_NAMES = [
  'score', // summed sentence logits: what the sentence model thinks of the three
  'redundancy', // mean over pairs of shared distinct content terms, relative to the smaller sentence
  'coverage', // share of the article's TOP_TERMS most frequent repeated content terms the set holds
] as const;

export const SET_SIZE = 3;
// 20 sets of 3; pools of 5 and 7 scored within 0.1 ROUGE-1 of 6 on CNN (train-summarizer.ts).
const POOL = 6;
const TOP_TERMS = 10;

/** The article's most frequent content terms used more than once (ties by term, for determinism). */
export function topTerms(candidates: readonly Sentence[]): Set<string> {
  const counts = new Map<string, number>();
  for (const s of candidates) for (const term of s.terms) counts.set(term, (counts.get(term) ?? 0) + 1);
  const repeated = [...counts].filter(([, n]) => n > 1);
  repeated.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return new Set(repeated.slice(0, TOP_TERMS).map(([term]) => term));
}

/** Every SET_SIZE-subset of the POOL highest-logit sentences, each in article order. */
export function candidateSets(logits: readonly number[]): number[][] {
  const pool = logits.map((_, i) => i).sort((a, b) => logits[b]! - logits[a]! || a - b).slice(0, POOL).sort((a, b) => a - b);
  const sets: number[][] = [];
  for (let i = 0; i < pool.length; i++) {
    for (let j = i + 1; j < pool.length; j++) for (let k = j + 1; k < pool.length; k++) sets.push([pool[i]!, pool[j]!, pool[k]!]);
  }
  return sets;
}

function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (!a.size || !b.size) return 0;
  let shared = 0;
  for (const term of a) if (b.has(term)) shared++;
  return shared / Math.min(a.size, b.size);
}

/** SET_FEATURE_NAMES values of one set; `terms` holds each sentence's distinct content terms. */
export function setFeatures(set: readonly number[], logits: readonly number[], terms: readonly ReadonlySet<string>[], top: ReadonlySet<string>): number[] {
  let score = 0;
  let redundancy = 0;
  let pairs = 0;
  const covered = new Set<string>();
  set.forEach((i, n) => {
    score += logits[i]!;
    for (const term of terms[i]!) if (top.has(term)) covered.add(term);
    for (const j of set.slice(n + 1)) {
      redundancy += overlap(terms[i]!, terms[j]!);
      pairs++;
    }
  });
  return [score, pairs ? redundancy / pairs : 0, top.size ? covered.size / top.size : 0];
}

/** The best-scoring 3-sentence set under `weights`, in article order; every candidate when fewer. */
export function rerankedSelection(candidates: readonly Sentence[], logits: readonly number[], weights: readonly number[]): number[] {
  if (candidates.length <= SET_SIZE) return candidates.map((_, i) => i);
  const top = topTerms(candidates);
  const sets = candidateSets(logits);
  const terms: Set<string>[] = []; // only the pool's
  for (const set of sets) for (const i of set) terms[i] ??= new Set(candidates[i]!.terms);
  let best: number[] = [];
  let bestScore = -Infinity;
  for (const set of sets) {
    const score = setFeatures(set, logits, terms, top).reduce((sum, v, k) => sum + v * weights[k]!, 0);
    if (score > bestScore) {
      bestScore = score;
      best = set;
    }
  }
  return best;
}
