// The demo articles shipped in demo/articles/: one Markdown file each, a flat front matter block on
// top. Kept apart from seeding so the set can be checked without a store.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PACKAGE_ROOT } from '../package-root.ts';

export const DEMO_DIR = fileURLToPath(new URL('demo/articles/', PACKAGE_ROOT));

export interface DemoArticle {
  file: string;
  title: string;
  section: string;
  byline: string;
  /** Hours before seed time; dates are relative so the demo site always looks fresh. */
  publishedOffsetHours: number;
  lang?: string;
  url?: string;
  body: string;
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)([\s\S]*)$/;
const REQUIRED_KEYS = ['title', 'section', 'byline', 'publishedOffsetHours'] as const;
const KNOWN_KEYS = new Set<string>([...REQUIRED_KEYS, 'lang', 'url']);

/**
 * Parses one demo file. The front matter is flat `key: value` lines that we write ourselves, read by
 * hand rather than as YAML (as `skim add` reads it) so that a headline with a colon needs no quotes;
 * unknown keys are errors so a typo cannot pass silently.
 */
export function parseDemoArticle(file: string, source: string): DemoArticle {
  const fail = (message: string): never => { throw new Error(`demo article ${file}: ${message}`); };
  const match = FRONT_MATTER.exec(source.replace(/^\uFEFF/, ''));
  if (!match) return fail('missing front matter block between --- lines');
  const fields = new Map<string, string>();
  for (const line of match[1]!.split(/\r?\n/)) {
    if (!line.trim()) continue;
    const colon = line.indexOf(':');
    if (colon < 1) fail(`front matter line is not "key: value": ${line}`);
    const key = line.slice(0, colon).trim();
    if (!KNOWN_KEYS.has(key)) fail(`unknown front matter key "${key}"`);
    fields.set(key, line.slice(colon + 1).trim());
  }
  for (const key of REQUIRED_KEYS) if (!fields.get(key)) fail(`front matter needs "${key}"`);
  const offset = Number(fields.get('publishedOffsetHours'));
  if (!Number.isFinite(offset) || offset > 0) fail('publishedOffsetHours must be zero or a negative number of hours');
  const body = match[2]!.trim();
  if (!body) fail('body is empty');
  return {
    file,
    title: fields.get('title')!,
    section: fields.get('section')!,
    byline: fields.get('byline')!,
    publishedOffsetHours: offset,
    lang: fields.get('lang') || undefined,
    url: fields.get('url') || undefined,
    body,
  };
}

/** Every demo article in file-name order (files are numbered NN-slug.md). */
export async function loadDemoArticles(dir = DEMO_DIR): Promise<DemoArticle[]> {
  const files = (await readdir(dir)).filter((name) => name.endsWith('.md')).sort();
  return Promise.all(files.map(async (file) => parseDemoArticle(file, await readFile(join(dir, file), 'utf8'))));
}

/** The article's publication time for a seed run at `now`. */
export function demoPublishedAt(article: DemoArticle, now: Date): string {
  return new Date(now.getTime() + article.publishedOffsetHours * 3_600_000).toISOString();
}
