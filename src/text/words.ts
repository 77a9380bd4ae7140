// Word counts for reading times: here, apart from the HTML pipeline in src/ingest/content.ts, so
// the pages that show reading times do not load it.

// Han, kana and Thai are written without spaces: each character counts as a word for reading time.
const WORD = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}]|[\p{L}\p{N}\p{M}]+(?:['’][\p{L}\p{N}]+)*/gu;

export function countWords(text: string): number {
  let count = 0;
  for (const _ of text.matchAll(WORD)) count++;
  return count;
}
