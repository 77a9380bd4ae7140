import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const BIN = join(import.meta.dirname, '../../bin/skim.js');

const ARTICLE = 'The city council voted on Monday to close the old bridge after engineers found deep cracks. ' +
  'Engineers said the cracks had grown over the winter. Traffic will be diverted to the new bridge downstream. ' +
  'Local shops fear losing customers while the bridge is closed. Repairs will take two years, the council said.';

test('--jsonl answers each line as soon as it is read, and survives bad lines', async () => {
  const child = spawn(process.execPath, [BIN, 'summarize', '--jsonl', '--sentences', '2'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const ask = async (line: string) => {
    child.stdin.write(line + '\n');
    const answer = await lines.next();
    assert.equal(answer.done, false, `no answer to ${line}`);
    return JSON.parse(answer.value as string) as Record<string, unknown>;
  };

  // stdin stays open between lines, so each answer proves the previous line was flushed.
  const first = await ask(JSON.stringify({ id: 'a1', title: 'Old bridge closes', article: ARTICLE, extra: true }));
  assert.equal(first.id, 'a1');
  const sentences = first.sentences as Array<{ text: string; start: number; end: number }>;
  assert.equal(sentences.length, 2);
  for (const s of sentences) {
    assert.deepEqual(Object.keys(s).sort(), ['end', 'start', 'text']);
    assert.equal(ARTICLE.slice(s.start, s.end), s.text);
  }
  assert.equal(first.summary, sentences.map((s) => s.text).join('\n'));

  assert.deepEqual(Object.keys(await ask('{not json')), ['id', 'error']);
  const missing = await ask(JSON.stringify({ id: 7, title: 'no article' }));
  assert.equal(missing.id, 7);
  assert.match(String(missing.error), /article/);
  assert.equal((await ask('[1, 2]')).id, null);
  assert.deepEqual(await ask(JSON.stringify({ id: 'empty', article: '' })), { id: 'empty', summary: '', sentences: [] });
  const after = await ask(JSON.stringify({ id: 'b2', article: ARTICLE }));
  assert.equal((after.sentences as unknown[]).length, 2);

  child.stdin.end();
  const [code] = await once(child, 'exit');
  assert.equal(code, 0);
  assert.equal((await lines.next()).done, true);
});

test('--jsonl defaults to 3 sentences and prints nothing else', () => {
  const input = [JSON.stringify({ id: 1, article: ARTICLE }), '', JSON.stringify({ id: 2, article: ARTICLE })].join('\n');
  const result = spawnSync(process.execPath, [BIN, 'summarize', '--jsonl'], { input, encoding: 'utf8' });
  assert.equal(result.status, 0);
  const out = result.stdout.trim().split('\n').map((line) => JSON.parse(line) as { id: number; sentences: unknown[] });
  assert.deepEqual(out.map((o) => [o.id, o.sentences.length]), [[1, 3], [2, 3]]);
});

test('FILE and - print the summary; bad flags fail with one line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'skim-summarize-'));
  const file = join(dir, 'article.txt');
  writeFileSync(file, ARTICLE);
  const fromFile = spawnSync(process.execPath, [BIN, 'summarize', file, '--length', 'short'], { encoding: 'utf8' });
  assert.equal(fromFile.status, 0);
  assert.match(fromFile.stdout, /close the old bridge/);
  const fromStdin = spawnSync(process.execPath, [BIN, 'summarize', '-', '--json', '--sentences', '2'], { input: ARTICLE, encoding: 'utf8' });
  assert.equal(fromStdin.status, 0);
  const summary = JSON.parse(fromStdin.stdout) as { sentences: Array<{ text: string; start: number; end: number }> };
  assert.equal(summary.sentences.length, 2);
  for (const s of summary.sentences) assert.equal(ARTICLE.slice(s.start, s.end), s.text);

  for (const args of [['--length', 'huge', file], ['--sentences', '0', '--jsonl'], [join(dir, 'missing.txt')], []]) {
    const bad = spawnSync(process.execPath, [BIN, 'summarize', ...args], { encoding: 'utf8' });
    assert.notEqual(bad.status, 0, args.join(' '));
    assert.match(bad.stderr, /^skim: /, args.join(' '));
    assert.equal(bad.stdout, '');
  }
});
