// Wraps the body's source sentences (the ones a summary quotes) in <span id="s-N">, so a summary
// sentence can link to, highlight and scroll to the place it came from. Summary offsets index into
// the article's plain text, not its HTML, so text positions are mapped back onto the HTML's text
// nodes by aligning non-whitespace characters: deriving the text (htmlToText) only collapses and
// inserts whitespace, so the non-whitespace characters of both appear in the same order.
import { DOMParser } from 'linkedom';

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

const WHITESPACE = /\s/;
const TEXT_NODE = 3;

// The few DOM members used here (linkedom's own typings leave them as `any`).
interface DomNode {
  nodeType: number;
  nodeValue: string | null;
  childNodes: ArrayLike<DomNode>;
  parentNode: DomNode | null;
  insertBefore(node: DomNode, before: DomNode): void;
  removeChild(node: DomNode): void;
}

interface DomElement extends DomNode {
  id: string;
  className: string;
  textContent: string;
  innerHTML: string;
  normalize(): void;
  setAttribute(name: string, value: string): void;
}

interface DomDocument {
  body: DomElement;
  createTextNode(text: string): DomNode;
  createElement(tag: string): DomElement;
}

/** A text node placed in the text: its non-whitespace characters start at `first` in the dense text. */
interface PlacedText {
  node: DomNode;
  first: number;
  /** Offsets, within the node's value, of its non-whitespace characters. */
  positions: number[];
}

/** A piece of one text node to wrap: [from, to) within its value; `first` carries the anchor id. */
interface Cut {
  from: number;
  to: number;
  index: number;
  first: boolean;
}

export function sourceAnchor(index: number): string {
  return `s-${index}`;
}

export function markSourceSentences(html: string, text: string, ranges: SourceRange[]): MarkedHtml {
  const parsed = new DOMParser().parseFromString(`<!doctype html><html><body>${html}</body></html>`, 'text/html');
  const document = parsed as unknown as DomDocument;
  const body = document.body;
  body.normalize(); // the parser splits text at character references: one node per run of text

  // denseBefore[p]: how many non-whitespace characters of `text` precede position p.
  const denseBefore = new Int32Array(text.length + 1);
  let dense = '';
  for (let p = 0; p < text.length; p++) {
    const ch = text[p]!;
    if (!WHITESPACE.test(ch)) dense += ch;
    denseBefore[p + 1] = dense.length;
  }

  const placed = placeTextNodes(body, dense);
  const cuts = new Map<PlacedText, Cut[]>();
  const marked = new Set<number>();
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  let coveredUpTo = 0;
  for (const range of sorted) {
    if (range.start < coveredUpTo || range.end > text.length || range.start >= range.end || marked.has(range.index)) continue;
    const from = denseBefore[range.start]!;
    const to = denseBefore[range.end]!;
    const nodes = placed.filter((t) => t.first < to && t.first + t.positions.length > from);
    // Every character of the sentence must lie in placed nodes, or the anchor would mark a fragment.
    const covered = nodes.reduce((n, t) => n + Math.min(to, t.first + t.positions.length) - Math.max(from, t.first), 0);
    if (covered !== to - from) continue;
    nodes.forEach((t, i) => {
      const local = cuts.get(t) ?? [];
      const last = t.first + t.positions.length;
      // A sentence running on past a node takes the node's edge whitespace too: no gaps in the highlight.
      local.push({
        from: from > t.first ? t.positions[from - t.first]! : 0,
        to: to < last ? t.positions[to - 1 - t.first]! + 1 : t.node.nodeValue!.length,
        index: range.index,
        first: i === 0,
      });
      cuts.set(t, local);
    });
    marked.add(range.index);
    coveredUpTo = range.end;
  }

  for (const [t, local] of cuts) wrapPieces(document, t.node, local);
  return { html: body.innerHTML, marked };
}

/**
 * Text nodes in document order, each placed where its non-whitespace characters continue `dense`.
 * A node that does not continue it (text the plain-text rule leaves out) is skipped.
 */
function placeTextNodes(root: DomNode, dense: string): PlacedText[] {
  const placed: PlacedText[] = [];
  let cursor = 0;
  const walk = (node: DomNode) => {
    for (let i = 0; i < node.childNodes.length; i++) {
      const child = node.childNodes[i]!;
      if (child.nodeType !== TEXT_NODE) {
        walk(child);
        continue;
      }
      const value = child.nodeValue ?? '';
      const positions: number[] = [];
      let chars = '';
      for (let p = 0; p < value.length; p++) {
        if (!WHITESPACE.test(value[p]!)) {
          positions.push(p);
          chars += value[p];
        }
      }
      if (chars && dense.startsWith(chars, cursor)) {
        placed.push({ node: child, first: cursor, positions });
        cursor += chars.length;
      }
    }
  };
  walk(root);
  return placed;
}

/** Replaces a text node by its pieces, the cut ones wrapped in source spans. */
function wrapPieces(document: DomDocument, node: DomNode, cuts: Cut[]): void {
  const value = node.nodeValue ?? '';
  const parent = node.parentNode!;
  let at = 0;
  for (const cut of cuts.sort((a, b) => a.from - b.from)) {
    if (cut.from > at) parent.insertBefore(document.createTextNode(value.slice(at, cut.from)), node);
    const span = document.createElement('span');
    span.className = 'src';
    span.setAttribute('data-s', String(cut.index));
    if (cut.first) span.id = sourceAnchor(cut.index);
    span.textContent = value.slice(cut.from, cut.to);
    parent.insertBefore(span, node);
    at = cut.to;
  }
  if (at < value.length) parent.insertBefore(document.createTextNode(value.slice(at)), node);
  parent.removeChild(node);
}
