// Per-sentence signals for ranking, computed once per article in time linear in its length.
// Every feature is scaled to about [0, 1] so that the learned weights stay comparable and few.
import { splitParagraphs, splitSentences, type Span } from '../text/segment.ts';
import { contentTerms, tokenize } from '../text/tokens.ts';
import { isChrome } from './chrome.ts';

export const FEATURE_NAMES = [
  'first', // the article's first content sentence: news leads with the point
  'position', // 1 / (1 + rank among content sentences)
  'relativePosition', // rank / sentence count: how deep into the article
  'paragraphStart', // first sentence of a paragraph, when the text has paragraphs
  'centrality', // cosine to the rest of the article's terms, relative to the article's best
  'leadSimilarity', // cosine to the first content sentence
  'titleOverlap', // share of the title's terms the sentence contains
  'shortness', // how far below 20 words
  'longness', // how far above 25 words
  'number', // contains a digit
  'quote', // contains a quotation mark: quotes are colour, rarely the point
  'names', // share of capitalized words after the first: named entities
  'question', // ends with a question or exclamation mark
] as const;

export type FeatureName = (typeof FEATURE_NAMES)[number];

export interface Sentence extends Span {
  /** Sentence number in the article (counting every sentence the segmenter found). */
  index: number;
  /** Lowercased word tokens, for redundancy checks. */
  tokens: string[];
  /** Stemmed content terms. */
  terms: string[];
  /** Feature values in FEATURE_NAMES order. */
  features: number[];
}

export interface Analysis {
  /** Sentences that may be chosen (chrome, markup and garbage left out), in article order. */
  candidates: Sentence[];
  /** Every sentence the segmenter found. */
  sentenceCount: number;
}

const TAG = /<\/?[a-z][^>]*>|&[a-z]+;|&#\d+;/i;
const LETTER = /\p{L}/gu;
const QUOTE = /["“”«»„]/;
const DIGIT = /\d/;
const CAPITALIZED = /^\p{Lu}/u;

/** Leftover HTML, code or binary noise: not prose a reader should be shown. */
function isNoise(text: string): boolean {
  if (TAG.test(text)) return true;
  const letters = text.match(LETTER)?.length ?? 0;
  return letters < text.length * 0.5;
}

type Vector = Map<string, number>;

function termVector(terms: readonly string[]): Vector {
  const vector: Vector = new Map();
  for (const term of terms) vector.set(term, (vector.get(term) ?? 0) + 1);
  return vector;
}

function dot(a: Vector, b: Vector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let sum = 0;
  for (const [term, weight] of small) sum += weight * (large.get(term) ?? 0);
  return sum;
}

function norm(a: Vector): number {
  return Math.sqrt(dot(a, a));
}

function cosine(a: Vector, b: Vector): number {
  const denominator = norm(a) * norm(b);
  return denominator > 0 ? dot(a, b) / denominator : 0;
}

/** Share of capitalized words after the first; 0 for caseless (lowercased) text. */
function nameDensity(text: string, caseless: boolean): number {
  if (caseless) return 0;
  const words = text.split(/\s+/);
  if (words.length < 2) return 0;
  let capitalized = 0;
  for (let i = 1; i < words.length; i++) if (CAPITALIZED.test(words[i]!)) capitalized++;
  return capitalized / (words.length - 1);
}

/** Segments `text`, drops what may not be chosen, and computes every candidate's features. */
export function analyze(text: string, lang: string, title?: string): Analysis {
  const spans = splitSentences(text, lang);
  const paragraphs = splitParagraphs(text);
  const hasParagraphs = paragraphs.length > 1;
  const caseless = !/\p{Lu}/u.test(text.slice(0, 5000));

  const candidates: Sentence[] = [];
  const paragraphStarts: boolean[] = [];
  let paragraph = 0;
  let lastParagraph = -1;
  spans.forEach((span, index) => {
    while (paragraph < paragraphs.length - 1 && paragraphs[paragraph]!.end <= span.start) paragraph++;
    const firstInParagraph = paragraph !== lastParagraph;
    lastParagraph = paragraph;
    if (isChrome(span.text) || isNoise(span.text)) return;
    candidates.push({ ...span, index, tokens: tokenize(span.text), terms: contentTerms(span.text, lang), features: [] });
    paragraphStarts.push(firstInParagraph);
  });

  const vectors = candidates.map((s) => termVector(s.terms));
  const whole = termVector(candidates.flatMap((s) => s.terms));
  const wholeNormSquared = dot(whole, whole);
  // Cosine of each sentence to the article without that sentence.
  const centrality = vectors.map((v) => {
    const shared = dot(v, whole);
    const own = dot(v, v);
    const restNorm = Math.sqrt(Math.max(wholeNormSquared - 2 * shared + own, 0));
    return own > 0 && restNorm > 0 ? (shared - own) / (Math.sqrt(own) * restNorm) : 0;
  });
  const bestCentrality = centrality.reduce((a, b) => Math.max(a, b), 1e-9);
  const lead = vectors[0];
  const titleTerms = new Set(title ? contentTerms(title, lang) : []);
  const last = Math.max(candidates.length - 1, 1);

  candidates.forEach((sentence, rank) => {
    const words = sentence.tokens.length;
    let titleHits = 0;
    for (const term of new Set(sentence.terms)) if (titleTerms.has(term)) titleHits++;
    const values: Record<FeatureName, number> = {
      first: rank === 0 ? 1 : 0,
      position: 1 / (1 + rank),
      relativePosition: rank / last,
      paragraphStart: hasParagraphs && paragraphStarts[rank] ? 1 : 0,
      centrality: centrality[rank]! / bestCentrality,
      leadSimilarity: rank > 0 && lead ? cosine(vectors[rank]!, lead) : 0,
      titleOverlap: titleTerms.size ? titleHits / titleTerms.size : 0,
      shortness: Math.max(0, 1 - words / 20),
      longness: Math.min(1, Math.max(0, (words - 25) / 25)),
      number: DIGIT.test(sentence.text) ? 1 : 0,
      quote: QUOTE.test(sentence.text) ? 1 : 0,
      names: nameDensity(sentence.text, caseless),
      question: /[?!]["'”’»)]*$/.test(sentence.text) ? 1 : 0,
    };
    sentence.features = FEATURE_NAMES.map((name) => values[name]);
  });
  return { candidates, sentenceCount: spans.length };
}
