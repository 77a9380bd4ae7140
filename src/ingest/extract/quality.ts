// Is the extracted text the article? Bot challenges, paywalls and cookie walls return a page that
// extracts "successfully" into a few lines of boilerplate; those must never be summarized.
export type ExtractionStatus = 'ok' | 'too_short' | 'junk';

export interface Verdict {
  status: ExtractionStatus;
  /** Why the status is not 'ok'. */
  reason: string | null;
}

/** Fewer words than this is a stub, a teaser or a failed extraction, not an article. */
export const MIN_ARTICLE_WORDS = 50;
/** Wall and challenge phrases only count on pages this short: real articles may mention them. */
const WALL_MAX_WORDS = 150;

const BOT_CHALLENGE = /\b(just a moment\.\.\.|checking (if the site connection is secure|your browser)|attention required!?\s*\|\s*cloudflare|verify(ing)? (that )?you are (a )?human|are you a robot|captcha|ddos protection by|enable javascript and cookies to continue|access denied|request unsuccessful\. incapsula)/i;
const PAYWALL = /\b(subscribe (now )?to (continue|keep) reading|to continue reading,? (please )?(subscribe|log in|sign in)|(this|the) (article|story|content) is (only )?(available|reserved|exclusive) (to|for) (subscribers|members)|already a subscriber\?|subscribers only|create a free account to continue|you have reached your (free )?article limit)/i;
const COOKIE_WALL = /\b((we|this (web)?site) uses? cookies|accept (all )?cookies|cookie (settings|preferences|consent|policy)|manage (your )?consent|by continuing to (browse|use) (this|our) (site|website))/i;

/**
 * `words`: the cleaned article's word count; `rawText`: the same region before cleanup (which
 * removes "Subscribe to continue reading" lines as boilerplate); `pageTitle`: the page's <title>.
 */
export function judgeQuality(input: { words: number; rawText: string; pageTitle: string }): Verdict {
  const { words } = input;
  if (BOT_CHALLENGE.test(input.pageTitle)) return { status: 'junk', reason: `bot challenge page ("${input.pageTitle}")` };
  if (words < WALL_MAX_WORDS) {
    if (BOT_CHALLENGE.test(input.rawText)) return { status: 'junk', reason: 'bot challenge page' };
    if (PAYWALL.test(input.rawText)) return { status: 'junk', reason: 'paywall' };
    if (COOKIE_WALL.test(input.rawText)) return { status: 'junk', reason: 'cookie wall' };
  }
  if (words < MIN_ARTICLE_WORDS) return { status: 'too_short', reason: `only ${words} words extracted (minimum ${MIN_ARTICLE_WORDS})` };
  return { status: 'ok', reason: null };
}
