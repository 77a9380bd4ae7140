// The line protocols of `extract --jsonl`, `parse-feed --lines` and `summarize --jsonl`: one answer
// line on stdout for each non-blank line on stdin.
import { createInterface } from 'node:readline';

export async function answerEachLine(answer: (line: string) => string | Promise<string>): Promise<void> {
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    if (!line.trim()) continue;
    const reply = await answer(line);
    // Each answer is handed off before the next line is read: a caller that sends one line and waits
    // for its answer is never left waiting, and a slow reader holds the input back.
    await new Promise<void>((done) => process.stdout.write(`${reply}\n`, () => done()));
  }
}
