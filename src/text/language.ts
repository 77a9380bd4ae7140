// Language of an article, as an ISO 639-1 code for the stemmer, stopword and abbreviation tables.
import { franc } from 'franc-min';
import { iso6393To1 } from 'iso-639-3/iso6393-to-1.js';

// franc costs about 0.5 ms per 300 characters (trigrams scored against 82 models), so only a
// prefix is read: a few sentences tell the languages franc-min knows apart.
const SAMPLE_LENGTH = 400;
// Below this many characters franc guesses; the caller gets the fallback instead.
const MIN_LENGTH = 20;
const FALLBACK = 'en';

// franc reports individual languages; ISO 639-1 only codes their macrolanguage.
const MACROLANGUAGE_CODES: Record<string, string> = {
  arb: 'ar', cmn: 'zh', zlm: 'ms', pes: 'fa', npi: 'ne', uzn: 'uz', azj: 'az', ckb: 'ku', swh: 'sw',
  plt: 'mg', koi: 'kv', qug: 'qu', pbu: 'ps', fuv: 'ff', ydd: 'yi', khk: 'mn', ekk: 'et', lvs: 'lv',
};

/** ISO 639-1 code of the text's language; 'en' when the text is too short or unknown. */
export function detectLanguage(text: string): string {
  const code = franc(text.slice(0, SAMPLE_LENGTH), { minLength: MIN_LENGTH });
  return iso6393To1[code] ?? MACROLANGUAGE_CODES[code] ?? FALLBACK;
}
