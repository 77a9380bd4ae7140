import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ARTICLE = fileURLToPath(new URL('../ingest/extract/testdata/article.html', import.meta.url));
const PARAGRAPH = '<p>The lighthouse keeper retired on Sunday after forty years, handing the keys to the town museum, which will open the tower to visitors in summer.</p>';

test('extract --jsonl answers each line as soon as it is read, errors included, and nothing else', async () => {
  const child = spawn(process.execPath, ['bin/skim.js', 'extract', '--jsonl'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  const answers = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const ask = async (line: string) => {
    child.stdin.write(line + '\n');
    const { value } = await answers.next();
    return JSON.parse(value as string);
  };

  const html = `<html lang="en"><head><title>Keeper retires</title><meta name="author" content="Sam Reed"><meta property="article:published_time" content="2026-03-01T10:00:00Z"></head><body><article><h1>Keeper retires</h1>${PARAGRAPH.repeat(3)}</article></body></html>`;
  const first = await ask(JSON.stringify({ id: 'a1', url: 'https://coast.example/keeper', html }));
  assert.deepEqual(Object.keys(first), ['id', 'title', 'byline', 'published', 'lang', 'articleBody']);
  assert.equal(first.id, 'a1');
  assert.equal(first.title, 'Keeper retires');
  assert.equal(first.byline, 'Sam Reed');
  assert.equal(first.published, '2026-03-01T10:00:00.000Z');
  assert.equal(first.lang, 'en');
  assert.equal(first.articleBody.split('\n\n').length, 3);

  assert.equal((await ask('{not json')).error.startsWith('bad JSON'), true);
  assert.deepEqual(await ask(JSON.stringify({ id: 5, html: 42 })), { id: 5, error: 'missing "html" string' });
  const last = await ask(JSON.stringify({ id: 'a2', html: '' }));
  assert.equal(last.id, 'a2');
  assert.equal(last.articleBody, '');

  child.stdin.end();
  const code = await new Promise((done) => child.on('close', done));
  assert.equal(code, 0);
  assert.equal((await answers.next()).done, true);
});

test('extract FILE prints one result as JSON; a missing file is a one-line error', () => {
  const ok = spawnSync(process.execPath, ['bin/skim.js', 'extract', ARTICLE, '--url', 'https://gazette.example/x'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(ok.status, 0, ok.stderr);
  const result = JSON.parse(ok.stdout);
  assert.equal(result.title, 'Night ferry returns after two-year pause');
  assert.equal(result.status, 'ok');
  assert.equal(result.canonicalUrl, 'https://gazette.example/2026/03/night-ferry-returns');
  assert.match(result.articleBody, /^The overnight ferry/);
  assert.equal(result.html, undefined);

  const missing = spawnSync(process.execPath, ['bin/skim.js', 'extract', 'no/such/file.html'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /^skim: no\/such\/file\.html: ENOENT/);
  assert.equal(missing.stdout, '');
});
