// The development summarization sets in ../shared (read-only, beside the project), shared by the
// benchmark, the training script and the verbatim-span test. Absent sets are simply not listed.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface DevArticle { id: string; title: string | null; article: string; reference: string }
export interface DevSet { name: string; articles: DevArticle[] }

export const SHARED_SUMMARIZATION_DIR = resolve(import.meta.dirname, '../../../shared/data/summarization');

export const DEV_SET_FILES: Record<string, string> = {
  'cnn-validation': 'cnn_dailymail/validation.jsonl',
  'bbc-train': 'bbc_news_summary/train.jsonl',
  'bbc-validation': 'bbc_news_summary/validation.jsonl',
  'bbc-cased': 'bbc_news_summary/cased_sample100.jsonl',
};

/** Loads the named sets that exist, each cut to `limit` rows when given. */
export function loadDevSets(names: string[], limit = Infinity): DevSet[] {
  const sets: DevSet[] = [];
  for (const name of names) {
    const file = DEV_SET_FILES[name];
    if (!file) throw new Error(`unknown dev set ${name}`);
    const path = join(SHARED_SUMMARIZATION_DIR, file);
    if (!existsSync(path)) continue;
    const articles = readFileSync(path, 'utf8')
      .split('\n')
      .filter((line) => line.trim())
      .slice(0, limit)
      .map((line) => JSON.parse(line) as DevArticle);
    sets.push({ name, articles });
  }
  return sets;
}
