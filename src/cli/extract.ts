// `skim extract FILE [--url U]` prints the article extracted from one HTML file as JSON;
// `skim extract --jsonl` reads `{"id","url","html"}` lines on stdin and answers each, as soon as it
// is read, with `{"id","title","byline","published","lang","articleBody"}` (or `{"id","error"}`).
import { readFile } from 'node:fs/promises';
import { parseCommand, CliError } from './args.ts';
import { answerEachLine } from './lines.ts';
import { errorMessage } from '../ingest/pipeline/source.ts';
import { extractArticle, type Extracted } from '../ingest/extract/extract.ts';

const HELP = `
Usage: skim extract FILE [--url URL]
       skim extract --jsonl < pages.jsonl

Extracts the article (text and metadata) from an HTML page.
  --url URL   the page's address: resolves relative links, fills in the canonical URL
  --jsonl     read {"id","url","html"} lines on stdin, write one JSON line per input line:
              {"id","title","byline","published","lang","articleBody"} or {"id","error"}
`;

function batchAnswer(line: string): object {
  let input: unknown;
  try {
    input = JSON.parse(line);
  } catch (err) {
    return { id: null, error: `bad JSON: ${errorMessage(err)}` };
  }
  const record = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const id = record.id ?? null;
  if (typeof record.html !== 'string') return { id, error: 'missing "html" string' };
  if (record.url !== undefined && record.url !== null && typeof record.url !== 'string') return { id, error: '"url" must be a string' };
  try {
    const article = extractArticle(record.html, record.url ?? undefined);
    return { id, title: article.title, byline: article.byline, published: article.published, lang: article.lang, articleBody: article.text };
  } catch (err) {
    return { id, error: errorMessage(err) };
  }
}

/** Everything but the HTML, with the text under the batch protocol's name. */
function fileAnswer({ html: _html, text, ...rest }: Extracted) {
  return { ...rest, articleBody: text };
}

export async function run(args: string[]): Promise<number | void> {
  const parsed = parseCommand(args, { jsonl: { type: 'boolean' }, url: { type: 'string' } }, HELP);
  if (!parsed) return;
  if (parsed.values.jsonl) return answerEachLine((line) => JSON.stringify(batchAnswer(line)));
  const [file, ...extra] = parsed.positionals;
  if (!file || extra.length) throw new CliError(`expected one FILE\n${HELP.trim()}`);
  let html: string;
  try {
    html = await readFile(file, 'utf8');
  } catch (err) {
    throw new CliError(`${file}: ${errorMessage(err)}`);
  }
  console.log(JSON.stringify(fileAnswer(extractArticle(html, parsed.values.url)), null, 2));
}
