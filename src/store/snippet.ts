// Search snippets, built in the web process from the text of the page's rows only. FTS5's snippet()
// and PostgreSQL's ts_headline re-run a match per row and parse the whole document in the
// database (a few milliseconds per row); this reads the words once, stemming with memoized
// Snowball stemmers (src/text/tokens.ts), and marks the words whose stem is a query word's stem.
import { stem } from '../text/tokens.ts';

export const HIGHLIGHT_START = '\u0002';
export const HIGHLIGHT_END = '\u0003';

/** Words in a snippet (FTS5's snippet() in the SQLite search used 28, ts_headline at most 35). */
export const SNIPPET_WORDS = 30;
/** Words kept before the first match, so a snippet rarely starts on the matching word. */
const LEAD = 4;

// Letters, marks and digits of any script (queryTerms in search.ts reads the query alike).
const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
const ASCII = /^[\x00-\x7f]*$/;
// Marks fold() removes, and ß, which the German stemmer spells ss (see probeFor).
const MARK_OR_SHARP_S = /[\p{M}ß]/u;

/** Lowercase, diacritics removed ("Café" -> "cafe"), as both search indexes fold words. */
function fold(word: string): string {
  const lower = word.toLowerCase();
  return ASCII.test(lower) ? lower : lower.normalize('NFD').replace(/\p{M}/gu, '');
}

/**
 * Keys a word matches on: its folded form and its stem in `lang`. Compared both ways, so a stemmer
 * that differs slightly from the database's (Porter here, Porter2 in PostgreSQL) still marks exact words.
 */
function keys(word: string, lang: string): [string, string] {
  const folded = fold(word);
  return [folded, stem(folded, lang)];
}

/**
 * About SNIPPET_WORDS words of `text` from just before the first passage holding every query word
 * (else the one holding the most), each matching word wrapped in HIGHLIGHT_START/END, '…' where the
 * text was cut. The start of the text when no word matches (a title-only hit). Reading stops once
 * a passage with every query word is complete, and only words starting like a query word are stemmed.
 */
export function makeSnippet(text: string, terms: readonly string[], lang: string): string {
  const wanted = new Map<string, number>();
  const termKeys = terms.map((term) => keys(term, lang));
  termKeys.forEach((termKey, i) => {
    for (const key of termKey) if (key && !wanted.has(key)) wanted.set(key, i);
  });
  const distinct = new Set(wanted.values()).size;
  const initials = new Set([...wanted.keys()].map((key) => key[0]));
  const probe = probeFor(termKeys, text);
  const starts: number[] = [];
  const ends: number[] = [];
  const hits: Array<{ word: number; term: number }> = [];
  let complete = -1; // the first word of a passage holding every query word, once one is found
  WORD.lastIndex = 0;
  for (let match = WORD.exec(text); match; match = WORD.exec(text)) {
    // With no passage under way, skip to a few words before the next word that may match.
    if (probe && complete < 0 && (hits.length === 0 || starts.length - hits[hits.length - 1]!.word > SNIPPET_WORDS)) {
      const resume = skipTo(text, probe, match.index);
      if (resume === undefined) break;
      if (resume > match.index) {
        // Placeholders as wide as a snippet: no passage spans the words skipped.
        for (let k = 0; k < SNIPPET_WORDS; k++) starts.push(-1), ends.push(-1);
        WORD.lastIndex = resume;
        continue;
      }
    }
    const word = match[0];
    const index = starts.length;
    starts.push(match.index);
    ends.push(match.index + word.length);
    // An ASCII initial is lowercased by its code: fold() on every word's initial cost 10-20% of a snippet.
    const initial = word.charCodeAt(0);
    if (initials.has(initial < 0x80 ? String.fromCharCode(initial | 0x20) : fold(word[0]!)[0])) {
      const [folded, stemmed] = keys(word, lang);
      const term = wanted.get(folded) ?? wanted.get(stemmed);
      if (term !== undefined) {
        hits.push({ word: index, term });
        if (complete < 0) complete = passageStart(hits, distinct);
      }
    }
    if (complete >= 0 && index + 1 >= complete + SNIPPET_WORDS) break;
  }
  if (hits.length === 0) return leadingWords(text);
  return passage(text, starts, ends, complete >= 0 ? complete : fullestPassage(hits), new Set(hits.map((h) => h.word)));
}

/** The first SNIPPET_WORDS words of `text` (a hit in the title only). */
function leadingWords(text: string): string {
  const starts: number[] = [];
  const ends: number[] = [];
  WORD.lastIndex = 0;
  for (let match = WORD.exec(text); match && starts.length < SNIPPET_WORDS; match = WORD.exec(text)) {
    starts.push(match.index);
    ends.push(match.index + match[0].length);
  }
  return starts.length === 0 ? '' : passage(text, starts, ends, 0, new Set());
}

/** SNIPPET_WORDS words from word `first`, `marked` ones highlighted, whitespace collapsed, '…' where cut. */
function passage(text: string, starts: number[], ends: number[], first: number, marked: ReadonlySet<number>): string {
  const last = Math.min(starts.length, first + SNIPPET_WORDS) - 1;
  let out = first > 0 ? '…' : '';
  for (let w = first; w <= last; w++) {
    if (w > first) out += text.slice(ends[w - 1], starts[w]).replace(/\s+/g, ' ');
    const word = text.slice(starts[w], ends[w]);
    out += marked.has(w) ? `${HIGHLIGHT_START}${word}${HIGHLIGHT_END}` : word;
  }
  return WORD_CHAR.test(text.slice(ends[last]!)) ? `${out}…` : out + text.slice(ends[last]).trimEnd();
}

/**
 * Where a matching word may start: after no letter, with the start that both of a query word's keys
 * share, less its last two letters. A word matches by its folded form or by its stem, and a
 * stem keeps the start of its word but for its last two letters (ferry → ferri) and a
 * German ß, which it spells ss. Searched by the regex engine, the probe lets a snippet skip what no
 * query word can start in, instead of reading every word of a long article for a word found near
 * its end (most of a rare word's search). Only where folding is lowercasing (no accents or marks to
 * remove) and without ß; else undefined, and every word is read.
 */
function probeFor(termKeys: ReadonlyArray<[string, string]>, text: string): RegExp | undefined {
  if (!ASCII.test(text) && (MARK_OR_SHARP_S.test(text) || text.normalize('NFD') !== text)) return undefined;
  const prefixes = termKeys.map(([folded, stemmed]) => {
    let n = 0;
    while (n < folded.length && folded[n] === stemmed[n]) n++;
    return folded.slice(0, Math.min(n, Math.max(1, n - 2)));
  });
  if (prefixes.some((prefix) => prefix === '')) return undefined;
  return new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])(?:${prefixes.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`, 'giu');
}

/**
 * The start of the LEAD-th word before the next place at or after `from` (a word's start) where
 * `probe` finds a word that may match, `from` when that is closer; undefined when there is none.
 */
function skipTo(text: string, probe: RegExp, from: number): number | undefined {
  probe.lastIndex = from;
  const found = probe.exec(text);
  if (!found) return undefined;
  let i = found.index;
  for (let words = 0; words < LEAD && i > from; words++) {
    while (i > from && wordCharBefore(text, i) === 0) i--;
    for (let width = wordCharBefore(text, i); i > from && width > 0; width = wordCharBefore(text, i)) i -= width;
  }
  return i;
}

/** The width (1, or 2 for a surrogate pair) of the word character ending at `i`; 0 for none. */
function wordCharBefore(text: string, i: number): number {
  const unit = text.charCodeAt(i - 1);
  const width = unit >= 0xdc00 && unit <= 0xdfff && i >= 2 ? 2 : 1;
  return WORD_CHAR.test(text.slice(i - width, i)) ? width : 0;
}

/** Where the earliest passage reaching the newest hit starts, if it holds all `distinct` query words; else -1. */
function passageStart(hits: ReadonlyArray<{ word: number; term: number }>, distinct: number): number {
  const newest = hits[hits.length - 1]!.word;
  let h = hits.length - 1;
  while (h > 0 && hits[h - 1]!.word - LEAD + SNIPPET_WORDS > newest) h--;
  const seen = new Set(hits.slice(h).map((hit) => hit.term));
  return seen.size === distinct ? Math.max(0, hits[h]!.word - LEAD) : -1;
}

/** The start of the passage with the most distinct query words (the earliest of equals); 0 without hits. */
function fullestPassage(hits: ReadonlyArray<{ word: number; term: number }>): number {
  let first = 0;
  let best = 0;
  for (let h = 0; h < hits.length; h++) {
    const from = Math.max(0, hits[h]!.word - LEAD);
    const seen = new Set<number>();
    for (let k = h; k < hits.length && hits[k]!.word < from + SNIPPET_WORDS; k++) seen.add(hits[k]!.term);
    if (seen.size > best) [best, first] = [seen.size, from];
  }
  return first;
}
