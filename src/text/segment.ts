// Paragraph and sentence segmentation that returns verbatim spans of the source text.
//
// A rule-based single pass rather than Intl.Segmenter: ICU's sentence rules split after "Mr." and
// "U.S.", cut `"Why?" he asked` in two, never split lowercased corpora (BBC) and know nothing of
// datelines, bylines or bullet lines. Fixing that on top of ICU output would mean re-joining and
// re-splitting its spans; deciding each candidate boundary once, from a few characters of context,
// is simpler and keeps the cost linear in the length of the text.
import { boundaryWordsFor, type BoundaryWords } from './abbreviations.ts';
import { primaryLanguage } from './language.ts';
import { isStopword } from './tokens.ts';

export interface Span {
  text: string;
  start: number;
  end: number;
}

const PARAGRAPH_BREAK = /(?:\n[^\S\n]*\n|\u2029)\s*/g;

/** Blank-line separated paragraphs, trimmed; whitespace-only paragraphs are left out. */
export function splitParagraphs(text: string): Span[] {
  const paragraphs: Span[] = [];
  let start = 0;
  for (const match of text.matchAll(PARAGRAPH_BREAK)) {
    pushTrimmed(text, start, match.index, paragraphs);
    start = match.index + match[0].length;
  }
  pushTrimmed(text, start, text.length, paragraphs);
  return paragraphs;
}

/**
 * Sentences of `text` as verbatim, trimmed spans in document order. `lang` (ISO 639-1, or a tag
 * such as "de-AT") picks the
 * abbreviation table and the function words that tell a sentence start after an ambiguous period.
 * Datelines ("WASHINGTON (Reuters) --") are cut from the start of a paragraph and bylines
 * ("By Jane Doe, CNN") are left out: they are not sentences a summary should quote.
 */
export function splitSentences(text: string, lang = 'en'): Span[] {
  const base = primaryLanguage(lang);
  const context: Context = { text, lang: base, caseless: isCaseless(text), words: boundaryWordsFor(base) };
  const sentences: Span[] = [];
  for (const paragraph of splitParagraphs(text)) {
    let firstInParagraph = true;
    for (const [blockStart, blockEnd] of lineBlocks(paragraph, context.caseless)) {
      for (const [start, end] of sentenceRanges(context, blockStart, blockEnd)) {
        const bodyStart = firstInParagraph ? afterDateline(context, start, end) : start;
        firstInParagraph = false;
        pushSentence(text, bodyStart, end, sentences);
      }
    }
  }
  return withoutSplitBylines(sentences);
}

interface Context {
  text: string;
  lang: string;
  /** Lowercased text (as the BBC corpus): a lowercase word after ". " may still start a sentence. */
  caseless: boolean;
  words: BoundaryWords;
}

const CASE_SAMPLE_LENGTH = 20_000;
// A word of four or more letters, so that "U.S. officials" and "5 p.m. on" do not count.
const SENTENCE_START_LETTER = /\p{L}{4}[.!?]["'”’)]*\s+["'“‘(]?(\p{L})/gu;

/** Sentences after a period mostly start in lowercase, or the text has no capitals at all. */
function isCaseless(text: string): boolean {
  const sample = text.slice(0, CASE_SAMPLE_LENGTH);
  let lowerStarts = 0;
  let upperStarts = 0;
  for (const [, letter] of sample.matchAll(SENTENCE_START_LETTER)) {
    if (letter === letter!.toUpperCase()) upperStarts++;
    else lowerStarts++;
  }
  if (lowerStarts + upperStarts >= 3) return lowerStarts > upperStarts * 3;
  return sample === sample.toLowerCase() && sample !== sample.toUpperCase();
}

// ---- lines: bullets and headings inside a paragraph ----

const BULLET = /^[^\S\n]*(?:[-*+•·▪▸►◦‣–—]|\d{1,3}[.)]|\p{L}\))[^\S\n]+/u;
const LINE_CONTINUES = /[,;:(\-–—&/]$/;
const SENTENCE_END = /[.!?…。！？।؟]["'”’»)\]]*$/u;

// A line shorter than this followed by a lowercase one is a list item ("baby carrier"), not wrapping.
const MIN_WRAPPED_LINE = 30;

/**
 * Groups the lines of a paragraph into blocks that are segmented as running text. A line ends its
 * block when it is a bullet, the next line is a bullet, or, in a paragraph that is not hard-wrapped,
 * it has no final punctuation and the next line does not continue it in lowercase (a heading, a
 * list item, an address line).
 */
function lineBlocks(paragraph: Span, caseless: boolean): Array<[number, number]> {
  const lines: Array<[number, number]> = [];
  let lineStart = paragraph.start;
  for (let i = paragraph.text.indexOf('\n'); i !== -1; i = paragraph.text.indexOf('\n', i + 1)) {
    lines.push([lineStart, paragraph.start + i]);
    lineStart = paragraph.start + i + 1;
  }
  lines.push([lineStart, paragraph.end]);
  if (lines.length === 1) return lines;

  const source = paragraph.text;
  const lineText = ([start, end]: [number, number]) =>
    source.slice(start - paragraph.start, end - paragraph.start).trim();
  const texts = lines.map(lineText);
  const hardWrapped = isHardWrapped(texts, caseless);
  const blocks: Array<[number, number]> = [];
  let blockStart = lines[0]![0];
  for (let i = 0; i < lines.length - 1; i++) {
    const current = texts[i]!;
    const next = texts[i + 1]!;
    const continued = /^\p{Ll}/u.test(next) && current.length >= MIN_WRAPPED_LINE;
    const breaks = BULLET.test(current) || BULLET.test(next) ||
      (!hardWrapped && !SENTENCE_END.test(current) && !LINE_CONTINUES.test(current) && !continued);
    if (breaks) {
      blocks.push([blockStart, lines[i]![1]]);
      blockStart = lines[i + 1]![0];
    }
  }
  blocks.push([blockStart, lines[lines.length - 1]![1]]);
  return blocks;
}

/**
 * Text wrapped at a fixed width: most lines but the last are long and about equally long, and
 * (in cased text) some line starts in lowercase, which a list of equal-width items would not.
 */
function isHardWrapped(lines: string[], caseless: boolean): boolean {
  if (lines.length < 3) return false;
  const widths = lines.slice(0, -1).map((line) => line.length);
  const widest = widths.reduce((max, width) => Math.max(max, width), 0);
  const full = widths.filter((width) => width >= widest * 0.75).length;
  return widest >= 40 && full >= widths.length * 0.8 &&
    (caseless || lines.some((line, i) => i > 0 && /^\p{Ll}/u.test(line)));
}

// ---- sentence boundaries inside a block ----

const TERMINAL_RUN = /[.!?…‼⁇⁈⁉؟。！？।]+/gu;
// Full-width and Indic terminals end a sentence even without a following space.
const WIDE_TERMINAL = /[。！？।]/u;
const WHITESPACE = /\s*/y;
const CLOSERS = /(?:["'”“’‘»›)\]}」』）】〉》]|[ \u00a0\u202f][»›]){0,8}/uy;
const OPENERS = /^[\s"'“‘„«‹(\[{¿¡*_—–-]*/u;
const WORD_AHEAD = /^[\p{L}\p{M}\p{N}]{1,40}/u;
// "1.", "iv." or "b." numbering an item; Roman numerals up to xxxix.
const LIST_NUMBER = /^(?:\d{1,3}|(?=[ivx])x{0,3}(?:ix|iv|v?i{0,3})|\p{L})$/iu;
const ABBREVIATION_CHARS = /[\p{L}\p{M}.\-№'’]/u;
const INITIAL = /^\p{L}$/u;
const DOTTED_ACRONYM = /^(?:\p{L}{1,2}\.)+\p{L}{1,2}$/u;
const WORD_BOUNDARY = /[\s"'“‘„«‹(\[{¿¡*_—–)\]]/u;
const LOOKAHEAD = 80;
const LOOKBEHIND = 20;

/** Languages that write ordinals with a period ("am 3. Oktober"). */
const ORDINAL_PERIOD_LANGUAGES = new Set(['de', 'da', 'no', 'nb', 'nn', 'fi', 'cs', 'sk', 'pl', 'hu',
  'tr', 'hr', 'sl', 'sr', 'lv', 'et', 'is']);

function sentenceRanges(context: Context, blockStart: number, blockEnd: number): Array<[number, number]> {
  const { text } = context;
  const block = text.slice(blockStart, blockEnd);
  const ranges: Array<[number, number]> = [];
  let sentenceStart = 0;
  for (const match of block.matchAll(TERMINAL_RUN)) {
    const runEnd = match.index + match[0].length;
    CLOSERS.lastIndex = runEnd;
    const closers = CLOSERS.exec(block)![0];
    const end = runEnd + closers.length;
    WHITESPACE.lastIndex = end;
    const nextStart = end + WHITESPACE.exec(block)![0].length;
    if (nextStart === block.length) break;
    const wide = WIDE_TERMINAL.test(match[0]);
    if (!wide && nextStart === end) continue;
    const ahead = block.slice(nextStart, nextStart + LOOKAHEAD);
    if (!wide && !endsSentence(context, block, sentenceStart, match.index, match[0], closers, ahead)) continue;
    ranges.push([blockStart + sentenceStart, blockStart + end]);
    sentenceStart = end;
  }
  ranges.push([blockStart + sentenceStart, blockEnd]);
  return ranges;
}

interface Ahead {
  /** The next word, as written. */
  word: string;
  /** First character after the whitespace and opening quotes or brackets. */
  first: string;
  /** The next word is itself followed by a period, like an initial ("J. K. Rowling"). */
  dotted: boolean;
  /** An opening double quote comes before the next word, and does not close right after it. */
  quoted: boolean;
}

function readAhead(ahead: string): Ahead {
  const opening = OPENERS.exec(ahead)![0];
  const rest = ahead.slice(opening.length);
  const word = WORD_AHEAD.exec(rest)?.[0] ?? '';
  return { word, first: rest.charAt(0), dotted: rest.charAt(word.length) === '.', quoted: /["“„«]/.test(opening) && !/["”»]/.test(rest.charAt(word.length)) };
}

function endsSentence(
  context: Context, block: string, sentenceStart: number, runStart: number, run: string,
  closers: string, ahead: string,
): boolean {
  const next = readAhead(ahead);
  if (next.first === '' || /^[.,;:)\]}]/.test(next.first)) return false;
  const lowerNext = startsLowercase(next.word);
  if (run.startsWith('.') && run.length === 1) {
    const before = tokenBefore(block, runStart, sentenceStart);
    if (before === null) return false;
    const decision = periodAfterToken(context, before, next, lowerNext);
    if (decision !== 'ordinary') return decision === 'split';
  } else if (/["”»’']/.test(closers) && isSpeechAttribution(ahead, context)) {
    return false;
  }
  // Plain endings: a lowercase word continues the sentence. In lowercased text case says nothing,
  // so every remaining period, question or exclamation mark ends one, and an ellipsis never does.
  if (context.caseless) return !run.includes('…') && !run.startsWith('..');
  return !lowerNext;
}

/**
 * The word before a single period, or null when that period is list numbering at the start of a
 * sentence ("1. First item").
 */
function tokenBefore(block: string, periodIndex: number, sentenceStart: number): string | null {
  let start = periodIndex;
  const limit = Math.max(sentenceStart, periodIndex - LOOKBEHIND);
  while (start > limit && ABBREVIATION_CHARS.test(block.charAt(start - 1))) start--;
  let numberStart = start;
  while (numberStart > limit && /\d/.test(block.charAt(numberStart - 1))) numberStart--;
  const token = block.slice(numberStart, periodIndex).replace(/^[.\-]+/, '');
  const lead = Math.max(sentenceStart, numberStart - LOOKBEHIND);
  const isFirst = lead === sentenceStart && block.slice(lead, numberStart).trim() === '';
  if (isFirst && LIST_NUMBER.test(token)) return null;
  // "AT&T." or "1/2.": the period ends a symbol-joined word, never an abbreviation.
  return WORD_BOUNDARY.test(block.charAt(numberStart - 1)) || numberStart === 0 ? token : '';
}

type PeriodDecision = 'split' | 'join' | 'ordinary';

function periodAfterToken(context: Context, token: string, next: Ahead, lowerNext: boolean): PeriodDecision {
  const key = token.toLowerCase();
  let kind = context.words.abbreviations.get(key);
  if (kind === 'never') return 'join';
  if (kind === 'beforeNumber') {
    if (/^\d/.test(next.first)) return 'join';
    kind = undefined;
  }
  if (kind === undefined && (INITIAL.test(key) || DOTTED_ACRONYM.test(key) ||
    (/^\d{1,3}$/.test(key) && ORDINAL_PERIOD_LANGUAGES.has(context.lang)))) kind = 'maybe';
  if (kind !== 'maybe') return 'ordinary';
  // A quotation opening after an initial or acronym starts a sentence ('Serie A. "Look at us," he
  // said'): a name does not go on inside quotes, bar a one-word nickname ('John F. "Jack" Kennedy').
  if (next.quoted && next.word !== '' && !lowerNext) return 'split';
  const starts = next.word !== '' && !next.dotted && (context.caseless || !lowerNext) &&
    isSentenceStarter(next.word, context);
  return starts ? 'split' : 'join';
}

/**
 * A function word that commonly opens a sentence ("The", "He", "Der"), not an initial or an
 * all-caps acronym ("ET" after "9 p.m."). Languages without a hand-picked list use their stopwords.
 */
function isSentenceStarter(word: string, context: Context): boolean {
  if (word.length > 1 && word === word.toUpperCase()) return false;
  const lower = word.toLowerCase();
  if (lower.length === 1 && lower !== 'a' && lower !== 'i' && !context.words.known) return false;
  return context.words.starters.has(lower) || (!context.words.known && isStopword(lower, context.lang));
}

/** Lowercase first letter, unless the word is cased inside like "iPhone" or "theGrio". */
function startsLowercase(word: string): boolean {
  return /^\p{Ll}/u.test(word) && !/\p{Lu}/u.test(word);
}

const SPEECH_VERBS = new Set(['said', 'says', 'asked', 'asks', 'added', 'adds', 'told', 'tells',
  'replied', 'replies', 'wrote', 'writes', 'shouted', 'cried', 'exclaimed', 'wondered', 'insisted',
  'explained', 'continued', 'recalled', 'admitted', 'warned', 'claimed', 'declared', 'argued',
  'noted', 'joked', 'laughed', 'demanded', 'yelled', 'whispered', 'answered', 'screamed', 'tweeted']);

const SUBJECT_PRONOUNS = new Set(['he', 'she', 'they', 'i', 'we', 'you', 'it']);

/**
 * `"Why?" he asked` and `"Stop!" John Smith shouted`: a speech verb within four words, after a
 * speaker made of names or a pronoun. `"Is it true?" Nobody answered` is a new sentence.
 */
function isSpeechAttribution(ahead: string, context: Context): boolean {
  if (context.lang !== 'en') return false;
  const words = ahead.trimStart().split(/[^\p{L}\p{M}'’-]+/u, 5).slice(0, 4);
  const verbAt = words.findIndex((word) => SPEECH_VERBS.has(word.toLowerCase()));
  if (verbAt < 0) return false;
  if (context.caseless) return true;
  return words.slice(0, verbAt).every((word) => {
    const lower = word.toLowerCase();
    return SUBJECT_PRONOUNS.has(lower) || (/^\p{Lu}/u.test(word) && !context.words.starters.has(lower));
  });
}

// ---- datelines, bylines, trimming ----

const NEWS_AGENCY = /^(?:cnn|reuters|ap|afp|upi|bloomberg|bbc|dpa|ansa|efe|xinhua|tass|interfax|pti|ians|kyodo|yonhap|ria|anp|apa|ctk|mti|pap|nyt|cnnmoney|ew\.com)\b/i;
const DATELINE = /^([^\s().!?"“][^().!?"“\n]{0,80}?)?\(([^()\n]{1,40})\)([^\S\n]*(?:--|[—–]|-(?=\s)|:))?[^\S\n]*/u;
// Capitalized words: "LONDON, England", "Hong Kong", "By Jane Doe, CNN WASHINGTON".
const PLACE = /^(?:[\p{Lu}\d][\p{L}\p{M}\d.'’&-]*[\s,]*){1,10}$/u;
// A source in parentheses: "CNN", "CNN Student News", "EW.com", "The Hollywood Reporter".
const SOURCE = /^(?:[\p{Lu}\d][\p{L}\p{M}\d.&'’-]*\s?){1,4}$/u;
const CAPS_DATELINE = /^\p{Lu}[\p{Lu}\p{M} .,'’]{1,40}?[^\S\n]+(?:--|[—–])[^\S\n]*/u;

/**
 * Start of the sentence after a leading dateline such as "LONDON, England (CNN) --". The place
 * must be capitalized words, and a source that is no known agency must be followed by a dash or
 * glued to the first word, so "Apple (AAPL) shares rose" keeps its start.
 */
function afterDateline(context: Context, start: number, end: number): number {
  const head = context.text.slice(start, Math.min(end, start + 160));
  const match = DATELINE.exec(head);
  if (match) {
    const [whole, place = '', source, dash] = match;
    const glued = /^[\p{L}\p{N}"“]/u.test(head.slice(whole.length)) && !/\s$/.test(whole);
    const placeLike = place === '' || context.caseless || PLACE.test(place.trim());
    const agency = NEWS_AGENCY.test(source!.trim());
    const sourceLike = !context.caseless && SOURCE.test(source!.trim()) && (dash !== undefined || glued);
    if (placeLike && (agency || sourceLike)) return start + whole.length;
  }
  const caps = context.caseless ? null : CAPS_DATELINE.exec(head);
  return caps ? start + caps[0].length : start;
}

const BULLET_MARKER = /^[-*+•·▪▸►◦‣–—][^\S\n]+/u;
const BYLINE = /^By\s+\p{Lu}[^\s,]*(?:,?\s+(?:and\s+)?\p{Lu}[^\s,]*){0,7}$/u;
const HAS_WORD = /[\p{L}\p{N}]/u;
const MAX_SENTENCE_LENGTH = 1500;

/**
 * Adds the trimmed span without a bullet marker, split at whitespace when it is implausibly long
 * (text without punctuation).
 */
function pushSentence(text: string, start: number, end: number, into: Span[]): void {
  while (start < end && /\s/.test(text.charAt(start))) start++;
  start += BULLET_MARKER.exec(text.slice(start, start + 8))?.[0].length ?? 0;
  while (end - start > MAX_SENTENCE_LENGTH) {
    const window = text.slice(start, start + MAX_SENTENCE_LENGTH);
    const cut = Math.max(window.lastIndexOf(' '), window.lastIndexOf('\n'));
    const splitAt = cut > MAX_SENTENCE_LENGTH / 2 ? start + cut : safeCut(text, start + MAX_SENTENCE_LENGTH);
    pushTrimmed(text, start, splitAt, into, isSentence);
    start = splitAt;
  }
  pushTrimmed(text, start, end, into, isSentence);
}

/** Cut position that does not separate a surrogate pair. */
function safeCut(text: string, index: number): number {
  const code = text.charCodeAt(index - 1);
  return code >= 0xd800 && code <= 0xdbff ? index - 1 : index;
}

function isSentence(span: string): boolean {
  return HAS_WORD.test(span) && !BYLINE.test(span);
}

// A byline whose parts are separated by periods, as text flattened from a page's header cells
// ("By . Jane Doe and John Roe for MailOnline . PUBLISHED: ..."): the lone "By" is split off as a
// sentence of its own, and the names after it are one too.
const BARE_BY = /^by\s*[.:]?$/i;
const NAMES = /^\p{Lu}[\p{L}\p{M}'’.-]*(?:,?\s+(?:(?:and|for|in|of|the|at|&)\s+)*\p{Lu}[\p{L}\p{M}'’.-]*){0,9}\s*\.?$/u;

function withoutSplitBylines(sentences: Span[]): Span[] {
  return sentences.filter((span, i) => !BARE_BY.test(span.text) && !(i > 0 && BARE_BY.test(sentences[i - 1]!.text) && NAMES.test(span.text)));
}

function pushTrimmed(
  text: string, start: number, end: number, into: Span[], accept: (span: string) => boolean = () => true,
): void {
  while (start < end && /\s/.test(text.charAt(start))) start++;
  while (end > start && /\s/.test(text.charAt(end - 1))) end--;
  if (end <= start) return;
  const span = text.slice(start, end);
  if (accept(span)) into.push({ text: span, start, end });
}
