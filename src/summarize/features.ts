// Per-sentence signals for ranking, computed once per article in time linear in its length.
// Every feature is scaled to about [0, 1] so that the learned weights stay comparable and few.
import { splitParagraphs, splitSentences, type Span } from '../text/segment.ts';
import { contentTerms, contentTermsOfTokens, tokenize } from '../text/tokens.ts';
import { isChrome } from './chrome.ts';
import { maskMarkup } from './markup.ts';

export const FEATURE_NAMES = [
  'first', // the article's first content sentence: news leads with the point
  'position', // 1 / (1 + rank among content sentences)
  'relativePosition', // rank / sentence count: how deep into the article
  'paragraphStart', // first sentence of a paragraph, when the text has paragraphs
  'centrality', // cosine to the rest of the article's terms, relative to the article's best
  'keywordCentrality', // the article's repeated terms the sentence holds, by TF-IDF with IDF within the article
  'leadSimilarity', // cosine to the first content sentence
  'titleOverlap', // share of the title's terms the sentence contains
  'fragment', // how far below 10 words: headings, captions, fragments
  'shortness', // how far below 20 words
  'longness', // how far above 25 words
  'density', // share of words that are content terms rather than function words
  'number', // contains a digit
  'quote', // contains a quotation mark: quotes are colour, rarely the point
  'names', // share of capitalized words after the first: named entities
  'question', // ends with a question or exclamation mark
  'dependent', // opens with a pronoun or connective that leans on the sentence before
  // The three position features again, times the article's size (log of its sentence count, 1 from
  // 64 sentences): the lead carries a long article, while a short one spreads its point throughout.
  'firstBySize',
  'positionBySize',
  'relativePositionBySize',
] as const;

export type FeatureName = (typeof FEATURE_NAMES)[number];

export interface Sentence extends Span {
  /** Sentence number in the article (counting every sentence the segmenter found). */
  index: number;
  /** Lowercased word tokens, read once and shared by features and selection. */
  tokens: string[];
  /** Stemmed content terms. */
  terms: string[];
  /** Feature values in FEATURE_NAMES order. */
  features: number[];
}

// Openers that make a sentence read as a continuation. Lowercased first words, a few languages.
const DEPENDENT_OPENERS = new Set([
  'he', 'she', 'it', 'they', 'his', 'her', 'its', 'their', 'this', 'these', 'those', 'that', 'but', 'and',
  'or', 'so', 'yet', 'also', 'however', 'meanwhile', 'still', 'instead', 'then', 'there', 'such', 'both',
  'er', 'sie', 'es', 'aber', 'und', 'doch', 'il', 'elle', 'ils', 'elles', 'mais', 'et', 'él', 'ella', 'ellos',
  'pero', 'lui', 'lei', 'ma', 'ele', 'ela', 'mas', 'hij', 'zij', 'maar', 'он', 'она', 'они', 'но', 'він', 'вона',
  'вони', 'але',
]);

const TAG = /<\/?[a-z][^>]*>|&[a-z]+;|&#\d+;/i;
const NOT_LETTER = /[\p{P}\p{S}\p{Z}\p{C}\p{N}]/u;
const UPPERCASE = /\p{Lu}/u;
const QUOTE = /["“”«»„]/;
const DIGIT = /\d/;
const FIRST_WORD = /[\p{L}\p{N}]+/u;

const isSpace = (code: number) => code === 32 || (code >= 9 && code <= 13) || code === 160 || code === 0x2028 || code === 0x2029;
const isAsciiLetter = (code: number) => (code >= 65 && code <= 90) || (code >= 97 && code <= 122);

/** Words (whitespace-separated runs), capitalized words after the first, and letters. */
function countShape(text: string): { words: number; capitalized: number; letters: number } {
  let words = 0;
  let capitalized = 0;
  let letters = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isSpace(code)) {
      inWord = false;
      continue;
    }
    // Charcode checks keep this cheap for Latin text; other scripts fall back to Unicode classes.
    const letter = isAsciiLetter(code) || (code >= 128 && !NOT_LETTER.test(text.charAt(i)));
    if (letter) letters++;
    if (!inWord) {
      inWord = true;
      words++;
      if (words > 1 && ((code >= 65 && code <= 90) || (code >= 128 && UPPERCASE.test(text.charAt(i))))) capitalized++;
    }
  }
  return { words, capitalized, letters };
}

// A sentence's terms as sorted term ids: vector products become merges of short arrays, with no
// per-sentence map to allocate (this runs for every sentence of every article).
type TermIds = Int32Array;

function termIds(terms: readonly string[], ids: Map<string, number>): TermIds {
  const result = new Int32Array(terms.length);
  terms.forEach((term, i) => {
    let id = ids.get(term);
    if (id === undefined) ids.set(term, (id = ids.size));
    result[i] = id;
  });
  return result.sort();
}

/** Σ count_a(t) · count_b(t) over sorted id arrays. */
function dot(a: TermIds, b: TermIds): number {
  let sum = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i]! < b[j]!) i++;
    else if (a[i]! > b[j]!) j++;
    else {
      const id = a[i]!;
      let inA = 0;
      let inB = 0;
      while (i < a.length && a[i] === id) { i++; inA++; }
      while (j < b.length && b[j] === id) { j++; inB++; }
      sum += inA * inB;
    }
  }
  return sum;
}

function cosine(a: TermIds, b: TermIds): number {
  const denominator = Math.sqrt(dot(a, a) * dot(b, b));
  return denominator > 0 ? dot(a, b) / denominator : 0;
}

/**
 * Per sentence, the summed weight of the distinct terms it holds, a term weighing its count in the
 * article times its in-article IDF: terms the article repeats in few sentences are its topic, terms
 * in every sentence are filler. Terms used once weigh nothing. No outside corpus is needed.
 */
function keywordMass(vectors: readonly TermIds[], counts: Float64Array): number[] {
  const sentencesWith = new Float64Array(counts.length);
  for (const v of vectors) for (let i = 0; i < v.length; i++) if (v[i] !== v[i - 1]) sentencesWith[v[i]!]! += 1;
  const weights = counts.map((count, id) => (count > 1 ? count * Math.log((vectors.length + 1) / sentencesWith[id]!) : 0));
  return vectors.map((v) => {
    let mass = 0;
    for (let i = 0; i < v.length; i++) if (v[i] !== v[i - 1]) mass += weights[v[i]!]!;
    return mass;
  });
}

/**
 * Segments `text`, leaves out what may never be chosen (chrome, leftover markup, binary noise)
 * and computes every remaining sentence's features, in article order.
 */
export function analyze(text: string, lang: string, title?: string): Sentence[] {
  // Segmented with markup blanked out; sentence text is sliced from the original at the same
  // offsets, so a sentence with a tag inside still shows it and is left out below.
  const masked = maskMarkup(text);
  const spans = splitSentences(masked, lang);
  const paragraphs = splitParagraphs(masked);
  const hasParagraphs = paragraphs.length > 1;
  const caseless = !UPPERCASE.test(text.slice(0, 5000));

  interface Raw { sentence: Sentence; words: number; capitalized: number; paragraphStart: boolean }
  const raws: Raw[] = [];
  let paragraph = 0;
  let lastParagraph = -1;
  spans.forEach(({ start, end }, index) => {
    const sentenceText = text.slice(start, end);
    while (paragraph < paragraphs.length - 1 && paragraphs[paragraph]!.end <= start) paragraph++;
    const paragraphStart = paragraph !== lastParagraph;
    lastParagraph = paragraph;
    const { words, capitalized, letters } = countShape(sentenceText);
    if (letters < sentenceText.length * 0.5 || TAG.test(sentenceText) || isChrome(sentenceText)) return;
    const tokens = tokenize(sentenceText);
    const terms = contentTermsOfTokens(tokens, lang);
    const sentence: Sentence = { text: sentenceText, start, end, index, tokens, terms, features: [] };
    // Capitals are counted on whitespace words, where a capital after the first marks a name.
    raws.push({ sentence, words, capitalized: words > 1 ? capitalized / (words - 1) : 0, paragraphStart });
  });

  const ids = new Map<string, number>();
  const vectors = raws.map((r) => termIds(r.sentence.terms, ids));
  const counts = new Float64Array(ids.size);
  for (const v of vectors) for (const id of v) counts[id] = counts[id]! + 1;
  let wholeNormSquared = 0;
  for (const c of counts) wholeNormSquared += c * c;
  // Cosine of each sentence to the article without that sentence.
  const centrality = vectors.map((v) => {
    let shared = 0;
    for (const id of v) shared += counts[id]!;
    const own = dot(v, v);
    const restNorm = Math.sqrt(Math.max(wholeNormSquared - 2 * shared + own, 0));
    return own > 0 && restNorm > 0 ? (shared - own) / (Math.sqrt(own) * restNorm) : 0;
  });
  const bestCentrality = centrality.reduce((a, b) => Math.max(a, b), 1e-9);
  const keyword = keywordMass(vectors, counts);
  const bestKeyword = keyword.reduce((a, b) => Math.max(a, b), 1e-9);
  const lead = vectors[0];
  const titleTerms = new Set(title ? contentTerms(title, lang) : []);
  const titleIds = new Set([...titleTerms].map((term) => ids.get(term) ?? -1));
  const last = Math.max(raws.length - 1, 1);
  const size = Math.min(1, Math.log(Math.max(raws.length, 1)) / Math.log(64));

  return raws.map(({ sentence, words, capitalized, paragraphStart }, rank) => {
    let titleHits = 0;
    const v = vectors[rank]!;
    if (titleTerms.size) for (let i = 0; i < v.length; i++) if (v[i] !== v[i - 1] && titleIds.has(v[i]!)) titleHits++;
    const opener = FIRST_WORD.exec(sentence.text)?.[0].toLowerCase() ?? '';
    const values: Record<FeatureName, number> = {
      first: rank === 0 ? 1 : 0,
      position: 1 / (1 + rank),
      relativePosition: rank / last,
      paragraphStart: hasParagraphs && paragraphStart ? 1 : 0,
      centrality: centrality[rank]! / bestCentrality,
      keywordCentrality: keyword[rank]! / bestKeyword,
      leadSimilarity: rank > 0 && lead ? cosine(v, lead) : 0,
      titleOverlap: titleTerms.size ? titleHits / titleTerms.size : 0,
      fragment: Math.max(0, 1 - words / 10),
      shortness: Math.max(0, 1 - words / 20),
      longness: Math.min(1, Math.max(0, (words - 25) / 25)),
      density: words ? Math.min(1, sentence.terms.length / words) : 0,
      number: DIGIT.test(sentence.text) ? 1 : 0,
      quote: QUOTE.test(sentence.text) ? 1 : 0,
      names: caseless ? 0 : capitalized,
      question: /[?!]["'”’»)]*$/.test(sentence.text) ? 1 : 0,
      dependent: DEPENDENT_OPENERS.has(opener) ? 1 : 0,
      firstBySize: rank === 0 ? size : 0,
      positionBySize: size / (1 + rank),
      relativePositionBySize: (size * rank) / last,
    };
    sentence.features = FEATURE_NAMES.map((name) => values[name]);
    return sentence;
  });
}
