// HTML left in "plain" text. Tags are blanked out in place rather than removed, so that every
// offset into the masked text is still an offset into the original: summary sentences stay
// verbatim spans of what the caller passed. (Sanitizers and HTML-to-text converters rewrite the
// text and lose the offsets, hence this small pass.)

const MAYBE_MARKUP = /<[a-z!/]/i;
// Elements whose content is never article text: code, metadata, navigation.
const HIDDEN_ELEMENT = /<(script|style|noscript|template|head|nav|footer|svg)\b[^>]*>[\s\S]*?(<\/\1\s*>|$)/gi;
const BLOCK_TAG = /^<\/?(p|div|br|hr|li|ul|ol|h[1-6]|tr|td|th|table|section|article|header|footer|nav|aside|blockquote|figure|figcaption|pre|main|form|body|html|head|title)\b/i;
const TAG_OR_COMMENT = /<!--[\s\S]*?(-->|$)|<\/?[a-z][^<>]*>|<!doctype[^>]*>/gi;

/** Same-length blank: a block element becomes a paragraph break, anything else spaces. */
function blank(markup: string, breaks: boolean): string {
  if (!breaks || markup.length < 2) return ' '.repeat(markup.length);
  return '\n\n' + ' '.repeat(markup.length - 2);
}

/**
 * `text` with tags, comments and script/style contents replaced by whitespace of the same
 * length; text without markup is returned as is.
 */
export function maskMarkup(text: string): string {
  if (!MAYBE_MARKUP.test(text)) return text;
  return text
    .replace(HIDDEN_ELEMENT, (element) => blank(element, true))
    .replace(TAG_OR_COMMENT, (tag) => blank(tag, BLOCK_TAG.test(tag)));
}
