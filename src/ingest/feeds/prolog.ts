// The XML prolog, scanned by hand: regular expressions over it (lazy `[\s\S]*?` inside a
// repetition) backtrack exponentially on hostile input such as many unclosed '<?' or ']'.

/** Index of the first character after the leading whitespace, processing instructions and comments. */
export function prologEnd(text: string): number {
  let i = 0;
  for (;;) {
    while (i < text.length && /\s/.test(text[i]!)) i++;
    const close = text.startsWith('<?', i) ? '?>' : text.startsWith('<!--', i) ? '-->' : null;
    if (!close) return i;
    const end = text.indexOf(close, i + 2);
    if (end < 0) return i;
    i = end + close.length;
  }
}

/** Start and end of a DOCTYPE declaration right after the prolog, internal subset included. */
export function prologDoctype(text: string): { start: number; end: number } | null {
  const start = prologEnd(text);
  if (text.slice(start, start + 9).toUpperCase() !== '<!DOCTYPE') return null;
  const gt = text.indexOf('>', start);
  const bracket = text.indexOf('[', start);
  if (bracket < 0 || (gt >= 0 && gt < bracket)) return { start, end: gt < 0 ? text.length : gt + 1 };
  const subsetEnd = /\]\s*>/g;
  subsetEnd.lastIndex = bracket;
  const match = subsetEnd.exec(text);
  return { start, end: match ? match.index + match[0].length : text.length };
}
