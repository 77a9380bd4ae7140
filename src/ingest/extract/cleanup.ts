// Removes from Readability's article element what readers skip and summaries must not quote:
// captions and photo credits, dateline and byline lines, share/subscribe/related prompts, menus
// and link lists, repeated widget labels, kickers, "Related"/"Don't miss" boxes and reader comments.
// Rules look at one paragraph (a block without blocks inside) at a time. Tuned on the AEB dev pages
// by reading what Readability leaves in, never by matching a site: every rule is about page chrome.
import { BLOCK_TAGS, ELEMENT_NODE, TEXT_NODE } from '../content.ts';
import { countWords } from '../../text/words.ts';

export interface CleanupHints {
  title: string | null;
  byline: string | null;
  /** The page's own URLs (as fetched, canonical): a paragraph that is just one of them is chrome. */
  urls: string[];
}

// Class or id of image captions and credits.
const CAPTION_CLASS = /(^|[\s_-])(caption|credits?|photo-?credit|image-?credit|media-credit|wp-caption-text)([\s_-]|$)/i;
// Credit markers in text next to an image.
const CREDIT_TEXT = /(getty images|shutterstock|\bap photo\b|\breuters\b|\bafp\b|\bimage:|\bphoto:|\bfoto:|фото:|\bcredit:|©|\(c\))/i;
// Prompts and widget labels, matched at the start of a short paragraph.
const PROMPT = new RegExp(
  '^(' +
    [
      // ads and navigation
      'advert(isement)?', 'sponsored', 'skip to( main)? content', 'image \\d+ of', 'caption$', 'close$', 'print$', 'email$',
      'this slideshow requires', '\\[\\w+[^\\]]*\\]', // an unrendered WordPress shortcode
      // accounts, newsletters, apps
      'sign (in|up)\\b', 'log ?in\\b', 'subscribe\\b', 'newsletter', 'get (breaking|the latest)', 'let our news', 'download (the|our) app',
      // sharing and following
      'share (this|on|via)\\b', 'like this (story|article)', 'follow (us|him|her|them)\\b', 'follow \\S+( \\S+)? on (twitter|facebook|instagram|youtube)',
      'tell us what', 'have a tip', 'click here',
      // links to other articles
      'related( (articles?|stories|posts?|coverage|content|reading))?\\s*[:.]', 'read (more|next|also)\\b', 'see (more|also)\\s*:',
      'also (on|read|see)\\b', 'more (on|from|about)\\b', 'recommended( for you| stories| articles)?\\s*:?$', 'you (may|might) (also )?(like|be interested)',
      "don'?t miss", 'trending( now| stories)?\\s*:?$', 'breaking news( alerts| emails)?\\s*:?$', '(most )?(read|popular|shared)( now| this week)?$',
      '(recent|latest) (articles|posts|news|stories)\\b',
      // comments, tags, disclosures, cookies
      'comments?$', '\\d+ comments?$', 'tags?\\s*:?$', 'topics?\\s*:', 'filed under', '(this|the) (post|article) (may )?contains? affiliate',
      '(this|our) (web)?site uses cookies', 'we use cookies',
    ].join('|') +
    ')',
  'i',
);
// Headers of a promotion box ("Related", "Don't miss"): the short link lines after them go too.
const PROMO_HEADER = /^(related( articles| stories| posts| coverage)?|more (stories|news|from|on|in)\b.*|(recent|latest|popular) (articles|posts|news|stories)|most (read|popular)|you (may|might) (also )?like.*|recommended( for you)?|read (more|next)|trending( now)?|don'?t miss)\s*[:.]*$/i;
// Headers after which only reader comments follow.
const COMMENTS_HEADER = /^(comments?|\d+ comments?|leave a (reply|comment)|join the discussion)\s*[:.]*$/i;

const MONTH = '(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
const WEEKDAY = '(mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?';
// Words that make up "Updated 1:39 am EST, Wednesday, November 20, 2019"-style lines.
const DATELINE_WORD = new RegExp(
  `^(${MONTH}|${WEEKDAY}|\\d{1,4}(st|nd|rd|th)?|\\d{1,2}:\\d{2}(:\\d{2})?|[ap]\\.?m\\.?|[a-z]{1,4}t|utc|gmt|updated|published|posted|last|modified|on|at|and)$`,
  'i',
);

// A dateline names a date, not just a time of day ("4:14 p.m." heads live-blog entries).
const DATE_MARKER = new RegExp(`\\b(${MONTH}|\\d{4}|updated|published|posted)\\b`, 'i');

// Line breaks split paragraphs in htmlToText but hold no text of their own.
const PARAGRAPH_TAGS = new Set([...BLOCK_TAGS].filter((tag) => tag !== 'br' && tag !== 'hr'));

interface Paragraph {
  element: Element;
  text: string;
  words: number;
  /** Characters of the text inside links. */
  linkChars: number;
}

/**
 * Blocks with no block inside (what htmlToText turns into paragraphs) with their text, in
 * document order; one walk, because per-element selector queries are slow on linkedom.
 */
function paragraphs(root: Element): Paragraph[] {
  const found: Paragraph[] = [];
  // Returns [text, linkChars, containsBlock] of `element`'s subtree.
  const walk = (element: Element, inLink: boolean): [string, number, boolean] => {
    let text = '';
    let linkChars = 0;
    let containsBlock = false;
    const isLink = inLink || element.localName === 'a';
    for (const node of element.childNodes) {
      if (node.nodeType === TEXT_NODE) {
        text += node.nodeValue ?? '';
        if (isLink) linkChars += (node.nodeValue ?? '').trim().length;
      } else if (node.nodeType === ELEMENT_NODE) {
        const [childText, childLinkChars, childBlock] = walk(node as Element, isLink);
        text += childText;
        linkChars += childLinkChars;
        containsBlock ||= childBlock || PARAGRAPH_TAGS.has((node as Element).localName);
      }
    }
    if (!containsBlock && PARAGRAPH_TAGS.has(element.localName) && element !== root) {
      const normalizedText = text.replace(/\s+/g, ' ').trim();
      found.push({ element, text: normalizedText, words: countWords(normalizedText), linkChars });
    }
    return [text, linkChars, containsBlock];
  };
  walk(root, false);
  return found;
}

function textOf(element: Element): string {
  return (element.textContent ?? '').replace(/\s+/g, ' ').trim();
}

const normalized = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

function linkTextShare(element: Element, text: string): number {
  let linked = 0;
  for (const link of element.querySelectorAll('a')) linked += textOf(link).length;
  return text.length ? linked / text.length : 0;
}

function isDateline(text: string): boolean {
  const words = text.match(/[\p{L}\p{N}]+(?:[:.][\p{L}\p{N}]+)*\.?/gu) ?? [];
  return DATE_MARKER.test(text) && /\d/.test(text) && words.length <= 14 && words.every((word) => DATELINE_WORD.test(word));
}

function isBylineLine(text: string, words: number, hints: CleanupHints): boolean {
  if (hints.byline && normalized(text) === normalized(hints.byline)) return true;
  return words <= 12 && /^by\b/i.test(text) && !/[.!?]$/.test(text);
}

/** The element just before `element` in reading order is an image (or a box holding only images). */
function followsImage(element: Element): boolean {
  let current: Element | null = element;
  while (current && !current.previousElementSibling && current.parentElement) current = current.parentElement;
  const previous = current?.previousElementSibling;
  if (!previous) return false;
  const isImage = /^(img|picture|figure|video)$/.test(previous.localName) || !!previous.querySelector('img, picture, video');
  return isImage && textOf(previous).length === 0;
}

/** Longer than this, a "caption" element is a wrapper that happens to carry the word. */
const MAX_CAPTION_WORDS = 80;

function removeCaptions(root: Element): void {
  for (const element of root.querySelectorAll('figcaption, [class], [id]')) {
    const named = element.localName === 'figcaption' || CAPTION_CLASS.test(element.getAttribute('class') ?? '') || CAPTION_CLASS.test(element.id);
    if (named && countWords(element.textContent ?? '') <= MAX_CAPTION_WORDS) element.remove();
  }
}

/** Lists whose items are all short links: menus, "related stories", tag clouds. */
function removeLinkLists(root: Element): void {
  for (const list of root.querySelectorAll('ul, ol')) {
    const items = [...list.children].filter((child) => child.localName === 'li');
    if (items.length < 2) continue;
    const text = textOf(list);
    if (linkTextShare(list, text) >= 0.8 && countWords(text) / items.length <= 12) list.remove();
  }
}

/** Lists and tables hold short labels ("Total", "Comment") as content, not as page chrome. */
function isListOrTableItem(element: Element): boolean {
  return element.closest('li, dt, dd, tr, caption') !== null;
}

/** A paragraph of running text, as opposed to a link line or a label. */
function isProse({ text, words, linkChars }: Paragraph): boolean {
  return words >= 15 && linkChars < text.length / 2;
}

/** `beforeProse`: no running text yet, where kickers and section labels ("Review") sit. */
function isBoilerplate(paragraph: Paragraph, hints: CleanupHints, repeated: Set<string>, beforeProse: boolean): boolean {
  const { element, text, words } = paragraph;
  if (words === 0 || words > 25) return false;
  const key = normalized(text);
  const sentence = /[.!?:]["”’)]?$/.test(text);
  // Widget labels ("Share", "Advert") repeat; so do list and table items ("Total"), by design.
  if (words <= 4 && !sentence && repeated.has(key) && !isListOrTableItem(element)) return true;
  if (hints.urls.includes(text)) return true;
  if (hints.title && key === normalized(hints.title)) return true;
  if (PROMPT.test(text) || isDateline(text) || isBylineLine(text, words, hints)) return true;
  if (/^h[1-6]$/.test(element.localName)) return false;
  if (beforeProse && words === 1 && !sentence && !isListOrTableItem(element)) return true;
  return followsImage(element) && (CREDIT_TEXT.test(text) || (words <= 12 && !sentence));
}

/** Cleans `root` in place and returns its inner HTML. */
export function cleanArticle(root: Element, hints: CleanupHints): string {
  removeCaptions(root);
  removeLinkLists(root);
  const blocks = paragraphs(root);
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const { text } of blocks) {
    const key = normalized(text);
    if (seen.has(key)) repeated.add(key);
    seen.add(key);
  }
  let inPromo = false;
  let beforeProse = true;
  for (const [index, paragraph] of blocks.entries()) {
    if (COMMENTS_HEADER.test(paragraph.text) && index >= blocks.length / 2 && !isListOrTableItem(paragraph.element)) {
      for (const { element } of blocks.slice(index)) element.remove();
      break;
    }
    if (PROMO_HEADER.test(paragraph.text)) inPromo = true;
    else if (inPromo && isProse(paragraph)) inPromo = false;
    if (inPromo || isBoilerplate(paragraph, hints, repeated, beforeProse)) paragraph.element.remove();
    else if (isProse(paragraph)) beforeProse = false;
  }
  return root.innerHTML;
}
