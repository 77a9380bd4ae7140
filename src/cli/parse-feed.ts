// `skim parse-feed FILE` prints one feed document as normalized JSON; `--lines` reads one path a
// line on stdin and answers each with one JSON line as soon as it is read (the conformance
// harness's protocol), `{"error": "..."}` for a document that cannot be read at all.
import { readFile } from 'node:fs/promises';
import { parseCommand, CliError } from './args.ts';
import { answerEachLine } from './lines.ts';
import { errorMessage } from '../ingest/pipeline/source.ts';
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

/** One answer line of --lines: the feed at the path on `line`, or why it cannot be read. */
async function lineAnswer(line: string): Promise<string> {
  try {
    return JSON.stringify(await parseFile(line.trim()));
  } catch (err) {
    return JSON.stringify({ error: errorMessage(err) });
  }
}

export async function run(args: string[]): Promise<number | void> {
  const parsed = parseCommand(args, { lines: { type: 'boolean' } }, HELP);
  if (!parsed) return;
  if (parsed.values.lines) return answerEachLine(lineAnswer);
  const [file, ...extra] = parsed.positionals;
  if (!file || extra.length) throw new CliError(`expected one FILE\n${HELP.trim()}`);
  try {
    console.log(JSON.stringify(await parseFile(file), null, 2));
  } catch (err) {
    throw new CliError(`${file}: ${errorMessage(err)}`);
  }
}
