// Word tokens, stopwords and stems for every language the platform reads.
// Lists come from stopwords-iso (English content terms: NLTK's shorter list, below) and stems from
// snowball-stemmers (plus @nlpjs/lang-uk for Ukrainian, which snowball-stemmers lacks); this module only picks, caches and glues them so the
// per-sentence hot path stays a regex match and set lookups.
import { createRequire } from 'node:module';
import { newStemmer } from 'snowball-stemmers';
import { primaryLanguage } from './language.ts';

const require = createRequire(import.meta.url);
// A JSON package: required, as importing JSON needs an import attribute that only Node 20.10+ reads.
const stopwordLists = require('stopwords-iso') as Record<string, string[]>;

// Letters, combining marks and digits of any script. Apostrophes and hyphens split words, as in
// the ROUGE tokenizer the summaries are scored with ("don't" -> "don", "t"; both are stopwords).
const WORD = /[\p{L}\p{M}\p{N}]+/gu;

// Scripts written without spaces between words (Chinese, Japanese, Thai, Lao, Khmer, Burmese): there
// a run of letters is a clause, so Intl.Segmenter (ICU's dictionaries) finds the words. It takes
// ~40 µs a sentence against ~1 µs for the regex, so only text holding such a script takes it.
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const wordSegmenter = new Intl.Segmenter(undefined, { granularity: 'word' });

/** Lowercased, NFC-normalized word tokens ("Cafe\u0301" and "café" both give "café"). */
export function tokenize(text: string): string[] {
  const normalized = text.normalize('NFC').toLowerCase();
  if (!UNSPACED.test(normalized)) return normalized.match(WORD) ?? [];
  const tokens: string[] = [];
  for (const { segment, isWordLike } of wordSegmenter.segment(normalized)) {
    if (isWordLike) tokens.push(...(segment.match(WORD) ?? [])); // "don't" splits as above
  }
  return tokens;
}

// ISO 639-1 code -> snowball algorithm. English uses the original Porter algorithm because the
// ROUGE scorer stems with Porter, so feature terms and scored terms agree.
const SNOWBALL_ALGORITHMS: Record<string, string> = {
  en: 'porter', de: 'german', fr: 'french', es: 'spanish', it: 'italian', pt: 'portuguese',
  nl: 'dutch', ru: 'russian', ar: 'arabic', hy: 'armenian', eu: 'basque', ca: 'catalan',
  cs: 'czech', da: 'danish', fi: 'finnish', hu: 'hungarian', ga: 'irish', no: 'norwegian',
  nb: 'norwegian', nn: 'norwegian', ro: 'romanian', sl: 'slovene', sv: 'swedish', ta: 'tamil',
  tr: 'turkish',
};

type StemFunction = (word: string) => string;
const unchanged: StemFunction = (word) => word;
const stemmers = new Map<string, StemFunction>();
// The snowball ports take 5-20 µs a word; news vocabulary repeats, so each language memoizes its
// stems. The memo is dropped when full so a long-running process stays bounded.
const STEM_MEMO_LIMIT = 200_000;

function stemmerFor(lang: string): StemFunction {
  let stemmer = stemmers.get(lang);
  if (!stemmer) {
    stemmer = memoized(algorithmFor(lang));
    stemmers.set(lang, stemmer);
  }
  return stemmer;
}

function algorithmFor(tag: string): StemFunction {
  const lang = primaryLanguage(tag);
  const algorithm = SNOWBALL_ALGORITHMS[lang];
  if (algorithm) {
    const snowball = newStemmer(algorithm);
    return (word) => snowball.stem(word);
  }
  if (lang === 'uk') {
    // Loaded on first use: the package also brings @nlpjs/core and sentiment data (~6 MB).
    const { StemmerUk } = require('@nlpjs/lang-uk') as typeof import('@nlpjs/lang-uk');
    const ukrainian = new StemmerUk();
    return (word) => ukrainian.stemWord(word);
  }
  return unchanged;
}

function memoized(stemWord: StemFunction): StemFunction {
  if (stemWord === unchanged) return unchanged;
  const memo = new Map<string, string>();
  return (word) => {
    let stemmed = memo.get(word);
    if (stemmed === undefined) {
      if (memo.size >= STEM_MEMO_LIMIT) memo.clear();
      stemmed = stemWord(word);
      memo.set(word, stemmed);
    }
    return stemmed;
  };
}

/**
 * Stem of a lowercased word. `lang` is an ISO 639-1 code or a tag such as "en-US"; languages
 * without a stemmer return the word unchanged.
 */
export function stem(word: string, lang: string): string {
  return stemmerFor(lang)(word);
}

const stopwordSets = new Map<string, ReadonlySet<string>>();

function stopwordsFor(lang: string): ReadonlySet<string> {
  let set = stopwordSets.get(lang);
  if (!set) {
    set = new Set(stopwordLists[primaryLanguage(lang)] ?? []);
    stopwordSets.set(lang, set);
  }
  return set;
}

/** True for function words of `lang` (expects a lowercased word, as tokenize returns). */
export function isStopword(word: string, lang: string): boolean {
  return stopwordsFor(lang).has(word);
}

// stopwords-iso's English list merges many lists and drops content words ("state", "home",
// "million"); fine for the segmenter's sentence-starter test, but content terms lost centrality and
// ROUGE with it. English content terms drop only NLTK's classic list of function words.
const CLASSIC_ENGLISH = new Set(
  `i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she her hers herself
  it its itself they them their theirs themselves what which who whom this that these those am is are was were be
  been being have has had having do does did doing a an the and but if or because as until while of at by for with
  about against between into through during before after above below to from up down in out on off over under
  again further then once here there when where why how all any both each few more most other some such no nor not
  only own same so than too very s t can will just don should now d ll m o re ve y ain aren couldn didn doesn hadn
  hasn haven isn ma mightn mustn needn shan shouldn wasn weren won wouldn`.split(/\s+/),
);

function contentStopwordsFor(lang: string): ReadonlySet<string> {
  return primaryLanguage(lang) === 'en' ? CLASSIC_ENGLISH : stopwordsFor(lang);
}

/** Tokens of `text` minus stopwords, stemmed: the terms that carry a sentence's content. */
export function contentTerms(text: string, lang: string): string[] {
  return contentTermsOfTokens(tokenize(text), lang);
}

/** contentTerms for a caller that already holds `tokenize(text)`, so the text is read once. */
export function contentTermsOfTokens(tokens: readonly string[], lang: string): string[] {
  const stopwords = contentStopwordsFor(lang);
  const stemWord = stemmerFor(lang);
  const terms: string[] = [];
  for (const token of tokens) {
    if (!stopwords.has(token)) terms.push(stemWord(token));
  }
  return terms;
}
