// Extractive summaries: every sentence is a verbatim span of the article, with its offsets, chosen
// by a learned ranking of position, centrality, title overlap, length and cue features, with
// trigram blocking against repeats (for 3 sentences, the best-scoring whole set: rerank.ts), and
// presented in article order.
import { detectLanguage } from '../text/language.ts';
import { analyze } from './features.ts';
import { checkedModel, probability, sentenceLogit } from './model.ts';
import { rerankedSelection, SET_SIZE } from './rerank.ts';
import { selectSentences } from './select.ts';

export type SummaryLength = 'short' | 'medium' | 'long' | 'bullets';
export interface SummarySentence { text: string; start: number; end: number; score: number; index: number }
export interface Summary { sentences: SummarySentence[]; lang: string; length: SummaryLength }
export interface SummarizeOptions { title?: string; lang?: string; length?: SummaryLength; sentences?: number }

const MODEL = checkedModel();

/**
 * Summaries are cached under this: the leading number is bumped by hand when the algorithm
 * changes, the rest is the hash of the trained weights.
 */
export const SUMMARIZER_VERSION = `6-${MODEL.version}`;

/**
 * How many sentences each length asks for: a short summary is one sentence when the best one is
 * long enough to stand alone; long and bullet summaries grow with the article.
 */
function sentenceCount(length: SummaryLength, candidates: number, bestWords: number): number {
  switch (length) {
    case 'short': return bestWords >= 20 ? 1 : 2;
    case 'medium': return 3;
    case 'long': return candidates >= 30 ? 6 : 5;
    case 'bullets': return candidates >= 30 ? 5 : candidates >= 15 ? 4 : 3;
  }
}

/**
 * Summarizes plain text (paragraphs separated by blank lines). `sentences` overrides the count
 * that `length` implies; `lang` (ISO 639-1) is detected when left out. Never throws on bad text:
 * empty, binary or chrome-only input gives zero sentences.
 */
export function summarize(text: string, opts: SummarizeOptions = {}): Summary {
  const length = opts.length ?? 'medium';
  return summarizeEach(text, [length], opts)[0]!;
}

/**
 * Summaries of several lengths from one analysis of the text: segmentation, features and scores
 * are the expensive part, and publishing an article stores every length.
 */
export function summarizeEach(text: string, lengths: readonly SummaryLength[], opts: Omit<SummarizeOptions, 'length'> = {}): Summary[] {
  const lang = opts.lang ?? detectLanguage(text);
  const candidates = analyze(text, lang, opts.title);
  const logits = candidates.map((s) => sentenceLogit(MODEL, s.features));
  const scores = logits.map(probability);
  const best = scores.reduce((top, score, i) => (score > scores[top]! ? i : top), 0);
  const bestWords = candidates[best]?.tokens.length ?? 0;
  return lengths.map((length) => {
    const requested = opts.sentences ?? sentenceCount(length, candidates.length, bestWords);
    const count = Number.isFinite(requested) ? Math.max(0, Math.floor(requested)) : 0;
    // The set model was trained and measured on 3-sentence summaries only.
    const chosen = count === SET_SIZE ? rerankedSelection(candidates, logits, MODEL.setWeights) : selectSentences(candidates, scores, count);
    const sentences = chosen.map((i) => {
      const { text: sentence, start, end, index } = candidates[i]!;
      return { text: sentence, start, end, index, score: scores[i]! };
    });
    return { sentences, lang, length };
  });
}
