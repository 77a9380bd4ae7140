import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';

const skim = fileURLToPath(new URL('../../bin/skim.js', import.meta.url));
const fixture = (name: string) => fileURLToPath(new URL(`../ingest/feeds/testdata/${name}`, import.meta.url));

test('parse-feed --lines answers each path with one JSON line as soon as it is read', async () => {
  const child = spawn(process.execPath, [skim, 'parse-feed', '--lines'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const ask = async (path: string) => {
    child.stdin.write(`${path}\n`);
    const { value } = await lines.next();
    return JSON.parse(value as string);
  };
  // Each answer arrives before the next path is sent: the reader is never left waiting.
  const rss = await ask(fixture('rss2.xml'));
  assert.equal(rss.feed.title, 'Example News & Views');
  assert.equal(rss.items.length, 2);
  assert.deepEqual(Object.keys(rss.items[0]), ['id', 'title', 'link', 'summary', 'content', 'author', 'published', 'updated', 'categories', 'enclosures']);
  assert.match((await ask('/no/such/file.xml')).error, /ENOENT/);
  assert.match((await ask(fixture('discover.html'))).error, /not a readable feed/);
  assert.equal((await ask(fixture('truncated.xml'))).items.length, 2);
  child.stdin.end();
  const code = await new Promise((exit) => child.on('close', exit));
  assert.equal(code, 0);
});

test('parse-feed FILE prints the normalized JSON; an unreadable document is a one-line error', async () => {
  const run = (args: string[]) => new Promise<{ code: number | null; out: string; err: string }>((done) => {
    const child = spawn(process.execPath, [skim, 'parse-feed', ...args]);
    let out = '';
    let err = '';
    child.stdout.on('data', (c) => { out += c; });
    child.stderr.on('data', (c) => { err += c; });
    child.on('close', (code) => done({ code, out, err }));
  });
  const ok = await run([fixture('feed11.json')]);
  assert.equal(ok.code, 0);
  assert.equal(JSON.parse(ok.out).feed.title, 'JSON Site');
  const bad = await run([fixture('discover.html')]);
  assert.notEqual(bad.code, 0);
  assert.match(bad.err, /^skim: .*discover\.html: not a readable feed/);
  assert.equal(bad.err.trim().split('\n').length, 1);
});
