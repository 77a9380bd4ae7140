// Article files for `skim add`: HTML pages (extracted like fetched pages), Markdown with optional
// front matter, and JSON in the API's article shape (one object or an array).
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import type { ArticleInput } from '../ingest/publish.ts';
import { extractArticle } from '../ingest/extract/extract.ts';
import { decodeText } from '../ingest/fetch/encoding.ts';
import { ArticleInput as ArticleInputSchema } from '../web/api/schemas.ts';
import { describeError } from '../web/api/validation.ts';

const checkArticle = TypeCompiler.Compile(ArticleInputSchema);

const FORMATS: Record<string, (bytes: Buffer) => ArticleInput[]> = {
  '.html': (bytes) => [fromHtml(decodeText(bytes).text)],
  '.htm': (bytes) => [fromHtml(decodeText(bytes).text)],
  '.md': (bytes) => [fromMarkdown(bytes.toString('utf8'))],
  '.markdown': (bytes) => [fromMarkdown(bytes.toString('utf8'))],
  '.json': (bytes) => fromJson(bytes.toString('utf8')),
};

const ARTICLE_FILE_TYPES = Object.keys(FORMATS);

/** The articles in one file; throws an Error with a one-line message when the file is unusable. */
export async function readArticleFile(path: string): Promise<ArticleInput[]> {
  const parse = FORMATS[extname(path).toLowerCase()];
  if (!parse) throw new Error(`unknown file type (expected ${ARTICLE_FILE_TYPES.join(', ')})`);
  return parse(await readFile(path));
}

function fromHtml(html: string): ArticleInput {
  const page = extractArticle(html);
  if (!page.title) throw new Error('no title (<title>, <h1> or og:title)');
  return {
    title: page.title,
    // A page Readability finds no article in is stored whole; the sanitizer still applies.
    body: page.html || html,
    format: 'html',
    url: page.canonicalUrl,
    byline: page.byline,
    publishedAt: page.published,
    lang: page.lang,
    imageUrl: page.leadImage,
    siteName: page.siteName,
    status: page.status,
    statusReason: page.reason,
  };
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---[^\S\r\n]*(?:\r?\n|$)/;
const FRONT_MATTER_KEYS = ['title', 'section', 'byline', 'publishedAt', 'url', 'lang'] as const;

function fromMarkdown(source: string): ArticleInput {
  const text = source.replace(/^\uFEFF/, '');
  const match = FRONT_MATTER.exec(text);
  const meta = match ? frontMatter(match[1]!) : {};
  let body = match ? text.slice(match[0].length) : text;
  let title = meta.title;
  if (!title) {
    // The first "# Heading" is the title and leaves the body, so it is not repeated on the page.
    const heading = /^#[^\S\r\n]+(.+?)[^\S\r\n]*#*[^\S\r\n]*$/m.exec(body);
    if (!heading) throw new Error('no title (front matter `title:` or a first `# heading`)');
    title = heading[1]!;
    body = body.slice(0, heading.index) + body.slice(heading.index + heading[0].length);
  }
  return validated({ ...meta, title, body: body.trim(), format: 'markdown' });
}

function frontMatter(yaml: string): Partial<Record<(typeof FRONT_MATTER_KEYS)[number], string>> {
  const data: unknown = parseYaml(yaml);
  if (data === null || data === undefined) return {};
  if (typeof data !== 'object' || Array.isArray(data)) throw new Error('front matter is not a key: value map');
  const meta: Partial<Record<(typeof FRONT_MATTER_KEYS)[number], string>> = {};
  for (const key of FRONT_MATTER_KEYS) {
    const value = (data as Record<string, unknown>)[key];
    // YAML reads an unquoted 2026-01-05 as a Date.
    if (value instanceof Date) meta[key] = value.toISOString();
    else if (value !== undefined && value !== null) meta[key] = String(value);
  }
  return meta;
}

function fromJson(source: string): ArticleInput[] {
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch (err) {
    throw new Error(`invalid JSON: ${(err as Error).message}`);
  }
  const items = Array.isArray(data) ? data : [data];
  if (items.length === 0) throw new Error('no articles (empty array)');
  return items.map((item, i) => {
    try {
      return validated(item);
    } catch (err) {
      throw new Error(Array.isArray(data) ? `[${i}] ${(err as Error).message}` : (err as Error).message);
    }
  });
}

/** Markdown and JSON articles meet the API's rules (fields, lengths, formats, dates). */
function validated(input: unknown): ArticleInput {
  if (!checkArticle.Check(input)) throw new Error(describeError(checkArticle, input));
  return input;
}
