// Reading times and dates as the pages show them.
import { countWords } from '../text/words.ts';

const WORDS_PER_MINUTE = 230;

export function readingMinutes(words: number): number {
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}

export function readingSeconds(text: string): number {
  return Math.max(1, Math.round((countWords(text) * 60) / WORDS_PER_MINUTE));
}

/** "a 5-minute", "an 8-minute", "an 11-minute": the article goes by how the number is spoken. */
export function withIndefiniteArticle(n: number, unit: string): string {
  const spoken = String(n);
  const vowelSound = spoken.startsWith('8') || n === 11 || n === 18;
  return `${vowelSound ? 'an' : 'a'} ${n}-${unit}`;
}

const dateTime = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC', hour12: false,
});

/** "24 Nov 2026, 14:05 UTC". Server-rendered pages use one zone; UTC says so plainly. */
export function formatDateTime(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : `${dateTime.format(t)} UTC`;
}
