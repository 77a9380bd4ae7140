// Extractive summaries: every sentence is a verbatim span of the article, with its offsets, chosen
// by a learned ranking of position, centrality, title overlap, length and cue features, with
// trigram blocking against repeats, and presented in article order.
import { detectLanguage } from '../text/language.ts';
import { analyze, sentenceTokens } from './features.ts';
import { checkedModel, sentenceScore } from './model.ts';
import { selectSentences } from './select.ts';

export type SummaryLength = 'short' | 'medium' | 'long' | 'bullets';
export interface SummarySentence { text: string; start: number; end: number; score: number; index: number }
export interface Summary { sentences: SummarySentence[]; lang: string; length: SummaryLength }
export interface SummarizeOptions { title?: string; lang?: string; length?: SummaryLength; sentences?: number }

const MODEL = checkedModel();

/** Changes whenever the algorithm or the weights do: summaries are cached under it. */
export const SUMMARIZER_VERSION = `1-${MODEL.version}`;

/** How many sentences each length asks for, given the number of candidate sentences. */
function sentenceCount(length: SummaryLength, candidates: number, bestWords: number): number {
  switch (length) {
    case 'short': return bestWords >= 20 ? 1 : 2;
    case 'medium': return 3;
    case 'long': return candidates >= 30 ? 6 : 5;
    case 'bullets': return candidates >= 30 ? 5 : candidates >= 15 ? 4 : 3;
  }
}

export function summarize(text: string, opts: SummarizeOptions = {}): Summary {
  const length = opts.length ?? 'medium';
  const lang = opts.lang ?? detectLanguage(text);
  const candidates = analyze(text, lang, opts.title);
  const scores = candidates.map((s) => sentenceScore(MODEL, s.features));
  const best = scores.reduce((top, score, i) => (score > scores[top]! ? i : top), 0);
  const bestWords = candidates[best] ? sentenceTokens(candidates[best]).length : 0;
  const count = Math.max(0, Math.floor(opts.sentences ?? sentenceCount(length, candidates.length, bestWords)));
  const sentences = selectSentences(candidates, scores, count).map((i) => {
    const { text: sentence, start, end, index } = candidates[i]!;
    return { text: sentence, start, end, index, score: scores[i]! };
  });
  return { sentences, lang, length };
}
