// `skim summarize FILE|-` prints a summary; `skim summarize --jsonl` is the batch protocol the
// benchmark and evaluation use: one JSON line in, one JSON line out, flushed as each is read.
import { readFile } from 'node:fs/promises';
import { CliError, parseCommand } from './args.ts';
import { answerEachLine } from './lines.ts';
import { summarize, type Summary, type SummaryLength } from '../summarize/summarize.ts';

const HELP = `
Usage: skim summarize FILE|-  [--length short|medium|long|bullets] [--sentences N] [--title T] [--lang xx] [--json]
       skim summarize --jsonl [--sentences N]

Prints an extractive summary of a plain-text article (FILE, or - for stdin).
  --length     short (1-2 sentences), medium (3, default), long (5-6), bullets (3-5 key points)
  --sentences  exact number of sentences (overrides --length)
  --title      the article's title, which helps ranking
  --lang       ISO 639-1 language code (detected when left out)
  --json       print {lang, length, sentences: [{text, start, end, score, index}]}
  --jsonl      read {"id", "title"?, "article"} lines on stdin; write one
               {"id", "summary", "sentences": [{"text", "start", "end"}]} line per input line,
               or {"id", "error"} for a bad line; offsets are UTF-16 code unit indices into article
`;

const LENGTHS: readonly SummaryLength[] = ['short', 'medium', 'long', 'bullets'];

function sentenceCount(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 1000) throw new CliError(`--sentences must be a whole number from 1 to 1000, not '${value}'`);
  return n;
}

/** One protocol line: the summary of a {"id", "title"?, "article"} object, or why there is none. */
function summarizeJsonLine(line: string, sentences: number): string {
  let id: unknown = null;
  try {
    const input: unknown = JSON.parse(line);
    if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new Error('expected a JSON object');
    const record = input as Record<string, unknown>;
    id = record.id ?? null;
    if (typeof record.article !== 'string') throw new Error('"article" must be a string');
    const title = typeof record.title === 'string' ? record.title : undefined;
    const summary = summarize(record.article, { title, sentences });
    const spans = summary.sentences.map(({ text, start, end }) => ({ text, start, end }));
    return JSON.stringify({ id, summary: spans.map((s) => s.text).join('\n'), sentences: spans });
  } catch (err) {
    return JSON.stringify({ id, error: err instanceof Error ? err.message : String(err) });
  }
}

async function readInput(path: string): Promise<string> {
  if (path !== '-') {
    try {
      return await readFile(path, 'utf8');
    } catch (err) {
      throw new CliError(`cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
  }
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function formatSummary(summary: Summary): string {
  const bullet = summary.length === 'bullets' ? '• ' : '';
  return summary.sentences.map((s) => bullet + s.text.replace(/\s+/g, ' ')).join(summary.length === 'bullets' ? '\n' : '\n\n');
}

export async function run(args: string[]): Promise<number> {
  const parsed = parseCommand(args, {
    jsonl: { type: 'boolean' },
    json: { type: 'boolean' },
    length: { type: 'string' },
    sentences: { type: 'string' },
    title: { type: 'string' },
    lang: { type: 'string' },
  }, HELP);
  if (!parsed) return 0;
  const { values, positionals } = parsed;
  const sentences = sentenceCount(values.sentences);
  if (values.jsonl) {
    if (positionals.length) throw new CliError('--jsonl reads standard input and takes no FILE');
    await answerEachLine((line) => summarizeJsonLine(line, sentences ?? 3));
    return 0;
  }
  const length = (values.length ?? 'medium') as SummaryLength;
  if (!LENGTHS.includes(length)) throw new CliError(`--length must be one of ${LENGTHS.join(', ')}, not '${values.length}'`);
  if (values.lang !== undefined && !/^[a-z]{2}$/.test(values.lang)) throw new CliError(`--lang must be an ISO 639-1 code like 'en', not '${values.lang}'`);
  if (positionals.length !== 1) throw new CliError(`expected one FILE or -\n${HELP.trim()}`);
  const text = await readInput(positionals[0]!);
  const summary = summarize(text, { title: values.title, lang: values.lang, length, sentences });
  if (values.json) process.stdout.write(JSON.stringify(summary, null, 2) + '\n');
  else if (summary.sentences.length) process.stdout.write(formatSummary(summary) + '\n');
  else throw new CliError('nothing to summarize: the text has no sentences');
  return 0;
}
