// Word tokens, stopwords and stems for every language the platform reads.
// Lists come from stopwords-iso and stems from snowball-stemmers; this module only picks,
// caches and glues them so the per-sentence hot path stays a regex match and set lookups.
import { newStemmer } from 'snowball-stemmers';
import stopwordLists from 'stopwords-iso';
import { stemUkrainian } from './ukrainian-stem.ts';

// Letters, combining marks and digits of any script. Apostrophes and hyphens split words, as in
// the ROUGE tokenizer the summaries are scored with ("don't" -> "don", "t"; both are stopwords).
const WORD = /[\p{L}\p{M}\p{N}]+/gu;

export function tokenize(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
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

function stemmerFor(lang: string): StemFunction {
  let stemmer = stemmers.get(lang);
  if (!stemmer) {
    const algorithm = SNOWBALL_ALGORITHMS[lang];
    if (algorithm) {
      const snowball = newStemmer(algorithm);
      stemmer = (word) => snowball.stem(word);
    } else {
      stemmer = lang === 'uk' ? stemUkrainian : unchanged;
    }
    stemmers.set(lang, stemmer);
  }
  return stemmer;
}

/** Stem of a lowercased word; languages without a stemmer return the word unchanged. */
export function stem(word: string, lang: string): string {
  return stemmerFor(lang)(word);
}

const stopwordSets = new Map<string, ReadonlySet<string>>();

function stopwordsFor(lang: string): ReadonlySet<string> {
  let set = stopwordSets.get(lang);
  if (!set) {
    set = new Set(stopwordLists[lang] ?? []);
    stopwordSets.set(lang, set);
  }
  return set;
}

/** True for function words of `lang` (expects a lowercased word, as tokenize returns). */
export function isStopword(word: string, lang: string): boolean {
  return stopwordsFor(lang).has(word);
}

/** Tokens of `text` minus stopwords, stemmed: the terms that carry a sentence's content. */
export function contentTerms(text: string, lang: string): string[] {
  const stopwords = stopwordsFor(lang);
  const stemWord = stemmerFor(lang);
  const terms: string[] = [];
  for (const token of tokenize(text)) {
    if (!stopwords.has(token)) terms.push(stemWord(token));
  }
  return terms;
}
