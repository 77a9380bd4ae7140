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

// Words frequent in English and rare as words elsewhere (a sixth to a third of English news, none
// of the other test languages). When both halves of the sample are 6% such words the text is
// English and franc, which costs more than summarizing the whole article, is skipped.
const ENGLISH_MARKERS = new Set(['the', 'and', 'of', 'that', 'with', 'was', 'were', 'for', 'from', 'said',
  'has', 'have', 'this', 'which', 'would', 'by', 'are', 'his', 'their', 'been', 'who', 'but', 'not', 'they', 'she']);
const MARKER_SHARE = 0.06;
const MARKER_MIN_WORDS = 10;

function markedEnglish(part: string): boolean {
  const words = part.toLowerCase().match(/\p{L}+/gu) ?? [];
  let markers = 0;
  for (const word of words) if (ENGLISH_MARKERS.has(word)) markers++;
  return words.length >= MARKER_MIN_WORDS && markers >= words.length * MARKER_SHARE;
}

/** ISO 639-1 code of the text's language; 'en' when the text is too short or unknown. */
export function detectLanguage(text: string): string {
  const sample = text.slice(0, SAMPLE_LENGTH);
  const half = sample.length >> 1;
  if (markedEnglish(sample.slice(0, half)) && markedEnglish(sample.slice(half))) return 'en';
  const code = franc(sample, { minLength: MIN_LENGTH });
  return iso6393To1[code] ?? MACROLANGUAGE_CODES[code] ?? FALLBACK;
}

/** Primary subtag of a language tag, lowercased: "en-US" and "pt_BR" give "en" and "pt". */
export function primaryLanguage(tag: string): string {
  return tag.trim().toLowerCase().split(/[-_]/, 1)[0]!;
}
