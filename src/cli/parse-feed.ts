// `skim parse-feed FILE` prints one feed document as normalized JSON; `--lines` reads one path a
// line on stdin and answers each with one JSON line as soon as it is read (the conformance
// harness's protocol), `{"error": "..."}` for a document that cannot be read at all.
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { parseCommand, CliError } from './args.ts';
import { parseFeed } from '../ingest/feeds/parse.ts';
import type { ParsedFeed } from '../ingest/feeds/types.ts';

const HELP = `
Usage: skim parse-feed FILE
       skim parse-feed --lines < paths.txt

Prints a feed (RSS, RDF, Atom, JSON Feed) as normalized JSON.
  --lines   read one file path per line on stdin, write one JSON line per path
`;

/** The normalized schema only: what the format and polling hints are is the pipeline's business. */
function publicShape(parsed: ParsedFeed) {
  return { feed: parsed.feed, items: parsed.items };
}

async function parseFile(path: string) {
  return publicShape(parseFeed(await readFile(path)));
}

const errorMessage = (err: unknown) => (err instanceof Error ? err.message : String(err)).split('\n')[0];

async function lineMode(): Promise<void> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    const path = line.trim();
    if (!path) continue;
    let answer: string;
    try {
      answer = JSON.stringify(await parseFile(path));
    } catch (err) {
      answer = JSON.stringify({ error: errorMessage(err) });
    }
    // Wait for each line to be handed off so a reader sees it before sending the next path.
    await new Promise<void>((done) => process.stdout.write(answer + '\n', () => done()));
  }
}

export async function run(args: string[]): Promise<number | void> {
  const parsed = parseCommand(args, { lines: { type: 'boolean' } }, HELP);
  if (!parsed) return;
  if (parsed.values.lines) return lineMode();
  const [file, ...extra] = parsed.positionals;
  if (!file || extra.length) throw new CliError(`expected one FILE\n${HELP.trim()}`);
  try {
    console.log(JSON.stringify(await parseFile(file), null, 2));
  } catch (err) {
    throw new CliError(`${file}: ${errorMessage(err)}`);
  }
}
