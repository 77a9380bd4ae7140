// Extractive summaries: every sentence is a verbatim span of the article, with its offsets, chosen
// by a learned ranking of position, centrality, title overlap, length and cue features, with
// trigram blocking against repeats, and presented in article order.
import { detectLanguage } from '../text/language.ts';
import { analyze, type Sentence } from './features.ts';
import { MODEL, sentenceScore, type RankingModel } from './model.ts';

export type SummaryLength = 'short' | 'medium' | 'long' | 'bullets';
export interface SummarySentence { text: string; start: number; end: number; score: number; index: number }
export interface Summary { sentences: SummarySentence[]; lang: string; length: SummaryLength }
export interface SummarizeOptions { title?: string; lang?: string; length?: SummaryLength; sentences?: number }

/** Changes whenever the algorithm or the weights do: summaries are cached under it. */
export const SUMMARIZER_VERSION = `1-${MODEL.version}`;

/** How many sentences each length asks for, given the number of candidate sentences. */
function sentenceCount(length: SummaryLength, candidates: number, longestFirst: number): number {
  switch (length) {
    case 'short': return longestFirst >= 20 ? 1 : 2;
    case 'medium': return 3;
    case 'long': return candidates >= 30 ? 6 : 5;
    case 'bullets': return candidates >= 30 ? 5 : candidates >= 15 ? 4 : 3;
  }
}

function trigrams(tokens: readonly string[]): string[] {
  const grams: string[] = [];
  for (let i = 0; i + 3 <= tokens.length; i++) grams.push(`${tokens[i]} ${tokens[i + 1]} ${tokens[i + 2]}`);
  return grams;
}

/**
 * The `count` best-scoring sentences, skipping any that repeats a word trigram of one already
 * chosen (unless too few remain), returned in article order.
 */
export function selectSentences(candidates: readonly Sentence[], scores: readonly number[], count: number): number[] {
  const order = candidates.map((_, i) => i).sort((a, b) => scores[b]! - scores[a]! || a - b);
  const seen = new Set<string>();
  const chosen: number[] = [];
  const blocked: number[] = [];
  for (const i of order) {
    if (chosen.length === count) break;
    const grams = trigrams(candidates[i]!.tokens);
    if (grams.some((gram) => seen.has(gram))) {
      blocked.push(i);
      continue;
    }
    for (const gram of grams) seen.add(gram);
    chosen.push(i);
  }
  for (const i of blocked) if (chosen.length < count) chosen.push(i);
  return chosen.sort((a, b) => a - b);
}

/** summarize() with an explicit model: the training script evaluates candidate weights with it. */
export function summarizeWith(model: RankingModel, text: string, opts: SummarizeOptions = {}): Summary {
  const length = opts.length ?? 'medium';
  const lang = opts.lang ?? detectLanguage(text);
  const { candidates } = analyze(text, lang, opts.title);
  const scores = candidates.map((s) => sentenceScore(model, s.features));
  const best = scores.reduce((top, score, i) => (score > scores[top]! ? i : top), 0);
  const count = opts.sentences ?? sentenceCount(length, candidates.length, candidates[best]?.tokens.length ?? 0);
  const sentences = selectSentences(candidates, scores, Math.max(0, Math.floor(count))).map((i) => {
    const { text: sentence, start, end, index } = candidates[i]!;
    return { text: sentence, start, end, index, score: scores[i]! };
  });
  return { sentences, lang, length };
}

export function summarize(text: string, opts: SummarizeOptions = {}): Summary {
  return summarizeWith(MODEL, text, opts);
}
