// Wraps the body's source sentences (the ones a summary quotes) in <span id="s-N">, so a summary
// sentence can link to, highlight and scroll to the place it came from. Summary offsets index into
// the article's plain text, not its HTML, so text positions are mapped back onto the HTML's text
// runs by aligning non-whitespace characters: deriving the text (htmlToText) only collapses and
// inserts whitespace, so the non-whitespace characters of both appear in the same order.
// This runs on every uncached article render, so it scans the stored (sanitized, well-formed) HTML
// as a string instead of building a DOM, and only inserts the spans: the rest is left byte for byte.
import { DecodingMode, EntityDecoder, htmlDecodeTree } from 'entities/decode';

export interface SourceRange {
  /** The sentence's index in the article (StoredSentence.index): the anchor is `s-<index>`. */
  index: number;
  start: number;
  end: number;
}

export interface MarkedHtml {
  html: string;
  /** Indexes whose sentence was found and wrapped; a summary links only to these. */
  marked: Set<number>;
}

/** A run of text between two tags whose non-whitespace characters are dense[first, first + count). */
interface PlacedRun {
  start: number;
  end: number;
  first: number;
  count: number;
}

/** The HTML's placed runs, and for each character of the dense text, the HTML that spells it (a character or a reference). */
interface Placement {
  runs: PlacedRun[];
  from: number[];
  to: number[];
}

/** Markup to insert at a position of the HTML. */
interface Insert {
  at: number;
  markup: string;
}

export function sourceAnchor(index: number): string {
  return `s-${index}`;
}

/** What /\s/ matches, without a regular expression per character. */
function isSpace(code: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029
    || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

export function markSourceSentences(html: string, text: string, ranges: SourceRange[]): MarkedHtml {
  const sorted = ranges.filter((r) => r.start < r.end && r.end <= text.length).sort((a, b) => a.start - b.start);
  // Text positions → dense positions (counts of the non-whitespace characters before them), read
  // only as far as the last quoted character: summaries quote mostly from the top.
  const dense = new Map<number, number>();
  let count = 0;
  let p = 0;
  for (const boundary of [...new Set(sorted.flatMap((r) => [r.start, r.end]))].sort((a, b) => a - b)) {
    for (; p < boundary; p++) if (!isSpace(text.charCodeAt(p))) count++;
    dense.set(boundary, count);
  }

  const { runs, from: charFrom, to: charTo } = placeTextRuns(html, text, count);
  // Placed runs tile the dense text from its start: this much of it is found in the HTML.
  const found = runs.length > 0 ? runs[runs.length - 1]!.first + runs[runs.length - 1]!.count : 0;
  const inserts: Insert[] = [];
  const marked = new Set<number>();
  let coveredUpTo = 0;
  let r = 0; // runs wholly before the current sentence are never looked at again
  for (const range of sorted) {
    if (range.start < coveredUpTo || marked.has(range.index)) continue;
    const from = dense.get(range.start)!;
    const to = dense.get(range.end)!;
    // Every character of the sentence must be found, or the anchor would mark a fragment.
    if (to > found || from === to) continue;
    while (runs[r]!.first + runs[r]!.count <= from) r++;
    for (let k = r; k < runs.length && runs[k]!.first < to; k++) {
      const run = runs[k]!;
      const id = k === r ? ` id="${sourceAnchor(range.index)}"` : '';
      // A sentence running on past a run takes the run's edge whitespace too: no gaps in the highlight.
      inserts.push(
        { at: from > run.first ? charFrom[from]! : run.start, markup: `<span${id} data-s="${range.index}" class="src">` },
        { at: to < run.first + run.count ? charTo[to - 1]! : run.end, markup: '</span>' },
      );
    }
    marked.add(range.index);
    coveredUpTo = range.end;
  }

  // Sentences and runs were both visited in document order, so the inserts are in order already.
  let out = '';
  let at = 0;
  for (const insert of inserts) {
    out += html.slice(at, insert.at) + insert.markup;
    at = insert.at;
  }
  return { html: out + html.slice(at), marked };
}

/**
 * The HTML's text runs in document order, each placed where its non-whitespace characters continue
 * those of the text (the dense text). A run that does not continue it (text the plain-text rule
 * leaves out) is skipped. Stops after the run that places dense character `needed - 1`.
 */
function placeTextRuns(html: string, text: string, needed: number): Placement {
  const runs: PlacedRun[] = [];
  const from: number[] = [];
  const to: number[] = [];
  let cursor = 0; // where the next placed run starts in the dense text
  let textAt = 0; // and in the text
  let runStart = 0;
  let runTextAt = 0;
  let count = 0; // non-whitespace characters of the current run matched so far
  let continues = true; // whether all of them continue the dense text
  const add = (code: number, start: number, end: number) => {
    if (!continues) return;
    while (textAt < text.length && isSpace(text.charCodeAt(textAt))) textAt++;
    if (text.charCodeAt(textAt) !== code) {
      continues = false;
      return;
    }
    textAt++;
    count++;
    from.push(start);
    to.push(end);
  };
  const endRun = (end: number) => {
    if (count > 0 && continues) {
      runs.push({ start: runStart, end, first: cursor, count });
      cursor += count;
    } else {
      textAt = runTextAt;
      from.length = to.length = cursor;
    }
    runStart = end;
    runTextAt = textAt;
    count = 0;
    continues = true;
  };

  // A character reference decodes to one or two code points: each is added, spelt by the whole reference.
  let decoded = '';
  let consumed = 0;
  const decoder = new EntityDecoder(htmlDecodeTree, (codePoint, length) => {
    decoded += String.fromCodePoint(codePoint);
    consumed = length;
  });

  let i = 0;
  while (i < html.length) {
    const code = html.charCodeAt(i);
    if (code === 0x3c /* < */) {
      const close = markupEnd(html, i);
      if (close > i) {
        endRun(i);
        if (cursor >= needed) break;
        runStart = i = close;
        continue;
      }
    } else if (code === 0x26 /* & */) {
      decoded = '';
      consumed = 0;
      decoder.startEntity(DecodingMode.Legacy);
      if (decoder.write(html, i + 1) < 0) decoder.end();
      if (consumed > 0) {
        for (let k = 0; k < decoded.length; k++) {
          const unit = decoded.charCodeAt(k);
          if (!isSpace(unit)) add(unit, i, i + consumed);
        }
        i += consumed;
        continue;
      }
    }
    if (!isSpace(code)) add(code, i, i + 1);
    i++;
  }
  endRun(html.length);
  return { runs, from, to };
}

/**
 * Where the markup starting at `i` (a '<') ends: after a tag, a comment or a declaration; `i` itself
 * when the '<' is just text. Quoted attribute values may hold '>'.
 */
function markupEnd(html: string, i: number): number {
  const next = html.charCodeAt(i + 1);
  const letter = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  if (html.startsWith('<!--', i)) {
    const end = html.indexOf('-->', i + 4);
    return end < 0 ? html.length : end + 3;
  }
  if (next === 0x21 /* ! */ || next === 0x3f /* ? */ || (next === 0x2f /* / */ && !letter(html.charCodeAt(i + 2)))) {
    const end = html.indexOf('>', i + 2);
    return end < 0 ? html.length : end + 1;
  }
  if (!letter(next) && next !== 0x2f) return i;
  for (let p = i + 1; p < html.length; p++) {
    const c = html.charCodeAt(p);
    if (c === 0x3e /* > */) return p + 1;
    if (c === 0x3d /* = */) {
      let v = p + 1;
      while (v < html.length && isSpace(html.charCodeAt(v))) v++;
      const quote = html.charCodeAt(v);
      if (quote === 0x22 || quote === 0x27) {
        const end = html.indexOf(html[v]!, v + 1);
        if (end < 0) return html.length;
        p = end;
      }
    }
  }
  return html.length;
}
