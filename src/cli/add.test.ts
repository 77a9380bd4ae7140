// `skim add` and `skim export`, run as a user runs them: `node bin/skim.js …` on a temp store
// (SQLite, and PostgreSQL when TEST_DATABASE_URL is set).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runSkim as skim, type SkimResult } from './testing.ts';
import { run } from './add.ts';
import { openStore } from '../store/db.ts';
import { describeEachStore, suiteCleanups } from '../store/testing.ts';

const fixture = (name: string) => fileURLToPath(new URL(`./testdata/${name}`, import.meta.url));

interface Exported {
  id: number; title: string; section: string | null; byline: string | null; publishedAt: string; url: string | null;
  text: string; html: string; status: string; links: { page: string };
  summaries: { length: string; version: string; sentences: { text: string; start: number; end: number }[] }[];
}

async function exportAll(db: string): Promise<Exported[]> {
  const res = await skim('export', '--db', db);
  assert.equal(res.code, 0, res.stderr);
  return res.stdout.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Exported);
}

let dir: string;
before(() => { dir = mkdtempSync(join(tmpdir(), 'skim-cli-')); });
after(() => rmSync(dir, { recursive: true, force: true }));

describeEachStore('skim add + export', (_open, dialect, storeUrl) => {
  const cleanups = suiteCleanups();
  let db: string;
  let added: SkimResult;
  let articles: Exported[];
  before(async () => {
    db = await storeUrl(cleanups);
    added = await skim('add', '--db', db, fixture('page.html'), fixture('front-matter.md'), fixture('heading.md'), fixture('articles.json'));
    articles = await exportAll(db);
  });

  test('adds every article and prints a one-line summary', () => {
    assert.equal(added.code, 0, added.stderr);
    assert.equal(added.stdout, 'added 5 articles from 4 files\n');
    assert.equal(added.stderr, '', 'no progress bar when stderr is not a terminal');
  });

  test('HTML: extracted article, title, byline and date from the page', () => {
    const page = articles.find((a) => a.title.startsWith('Library reopens'))!;
    assert.ok(page, 'the page was added');
    assert.equal(page.byline, 'Maya Lindqvist');
    assert.equal(page.publishedAt, '2026-02-10T07:30:00.000Z');
    assert.match(page.text, /^The central library in Riverside reopened/);
    assert.doesNotMatch(page.text, /All rights reserved|Sport/, 'navigation and footer are left out');
  });

  test('Markdown: front matter, or the first heading as the title', () => {
    const lane = articles.find((a) => a.title === 'Council approves: a new cycle lane')!;
    assert.equal(lane.section, 'transport');
    assert.equal(lane.byline, 'Idris Okafor');
    assert.equal(lane.publishedAt, '2026-02-11T09:00:00.000Z');
    assert.equal(lane.url, 'https://example.com/news/cycle-lane');
    assert.match(lane.text, /^The town council voted/);
    const market = articles.find((a) => a.title === 'Market hall gets a new roof')!;
    assert.match(market.text, /^Work on the Victorian market hall/, 'the heading is not repeated in the body');
  });

  test('JSON arrays, in the API shape', () => {
    const bakery = articles.find((a) => a.title === 'Bakery wins regional prize')!;
    assert.equal(bakery.section, 'food');
    assert.equal(bakery.publishedAt, '2026-02-12T00:00:00.000Z');
    assert.match(bakery.html, /<p>A small bakery/);
    assert.ok(articles.some((a) => a.title === 'Snow closes mountain pass'));
  });

  test('export: one JSON line per article with its summaries and offsets into the text', () => {
    assert.equal(articles.length, 5);
    assert.deepEqual(articles.map((a) => a.id), [...articles.map((a) => a.id)].sort((x, y) => x - y));
    const page = articles.find((a) => a.title.startsWith('Library reopens'))!;
    assert.equal(page.status, 'ok');
    assert.deepEqual(page.summaries.map((s) => s.length).sort(), ['bullets', 'long', 'medium', 'short']);
    for (const summary of page.summaries) {
      assert.ok(summary.sentences.length > 0);
      for (const s of summary.sentences) assert.equal(page.text.slice(s.start, s.end), s.text);
    }
    assert.match(page.links.page, /^\/articles\//);
  });

  // In process (run() with console.log captured): four more child processes would cost seconds.
  test('adding articles again updates them or leaves them alone, never duplicates them', async (t) => {
    const add = async (...files: string[]) => {
      const log = t.mock.method(console, 'log', () => {});
      try {
        assert.equal(await run(['--db', db, ...files]), 0);
        return log.mock.calls.map((call) => `${call.arguments.join(' ')}\n`).join('');
      } finally {
        log.mock.restore();
      }
    };
    const stored = async () => {
      const store = await openStore(db);
      try {
        return await store.db.selectFrom('articles').select(['id', 'slug', 'title', 'text']).orderBy('id').execute();
      } finally {
        await store.close();
      }
    };
    const before = await stored();
    assert.deepEqual(before.map((a) => a.id), articles.map((a) => a.id));
    assert.equal(await add(fixture('page.html'), fixture('front-matter.md'), fixture('heading.md'), fixture('articles.json')),
      'added 0 articles, 5 unchanged from 4 files\n');
    assert.deepEqual(await stored(), before);

    // Edited files: the URL identifies a new title; without a URL, the title identifies a new text.
    const lane = join(dir, `lane-${dialect}.md`);
    writeFileSync(lane, readFileSync(fixture('front-matter.md'), 'utf8').replace('Council approves: a new cycle lane', 'Cycle lane approved'));
    const market = join(dir, `market-${dialect}.md`);
    writeFileSync(market, `${readFileSync(fixture('heading.md'), 'utf8')}\nTraders will hold an opening party on Saturday.\n`);
    assert.equal(await add(lane, market, fixture('articles.json')), 'added 0 articles, updated 2, 2 unchanged from 3 files\n');
    const after = await stored();
    assert.deepEqual(after.map((a) => a.id), before.map((a) => a.id));
    const idOf = (list: typeof before, title: string) => list.find((a) => a.title === title)?.id;
    assert.equal(idOf(after, 'Cycle lane approved'), idOf(before, 'Council approves: a new cycle lane'));
    assert.match(after.find((a) => a.title === 'Market hall gets a new roof')!.text, /opening party on Saturday\.$/);

    // Another article that shares a sentence is still a new one.
    const other = join(dir, `other-${dialect}.md`);
    writeFileSync(other, '# Market hall opening party\n\nTraders will hold an opening party on Saturday.\n');
    assert.equal(await add(other), 'added 1 article from 1 file\n');
  });
});

test('bad files are reported one line each, the others still added, exit 1', async () => {
  const db = join(dir, 'mixed.db');
  const res = await skim('add', '--db', db, fixture('broken.json'), fixture('heading.md'), fixture('invalid-field.json'),
    fixture('notes.txt'), fixture('untitled.md'), join(dir, 'missing.md'));
  assert.equal(res.code, 1);
  assert.equal(res.stdout, 'added 1 article from 1 file; 5 files failed\n');
  const lines = res.stderr.trim().split('\n');
  assert.equal(lines.length, 5, res.stderr);
  assert.match(lines[0]!, /broken\.json: invalid JSON/);
  assert.match(lines[1]!, /invalid-field\.json: author: Unexpected property/);
  assert.match(lines[2]!, /notes\.txt: unknown file type/);
  assert.match(lines[3]!, /untitled\.md: no title/);
  assert.match(lines[4]!, /missing\.md: ENOENT/);
  assert.deepEqual((await exportAll(db)).map((a) => a.title), ['Market hall gets a new roof']);
});

test('usage errors: one line, non-zero exit; --help works', async () => {
  const db = join(dir, 'usage.db');
  const noFiles = await skim('add', '--db', db);
  assert.notEqual(noFiles.code, 0);
  assert.match(noFiles.stderr, /^skim: no files given/);
  const unknownFlag = await skim('export', '--db', db, '--pretty');
  assert.notEqual(unknownFlag.code, 0);
  assert.match(unknownFlag.stderr, /^skim: Unknown option '--pretty'/);
  for (const command of ['add', 'export']) {
    const help = await skim(command, '--help');
    assert.equal(help.code, 0);
    assert.match(help.stdout, new RegExp(`^Usage: skim ${command}`));
  }
  const empty = await skim('export', '--db', join(dir, 'empty.db'));
  assert.equal(empty.code, 0);
  assert.equal(empty.stdout, '');
});
