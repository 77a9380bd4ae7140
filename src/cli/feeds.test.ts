// `skim feeds` and `skim ingest`, run as a user runs them, against a local site and a temp store.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runSkim } from './testing.ts';
import { articlePage, excerptOf, rssFeed, storyParagraphs } from '../ingest/pipeline/testdata/site.ts';
import { RSS, respond, startSite, type TestSite } from '../ingest/pipeline/testdata/server.ts';

let site: TestSite;
let dir: string;
let db: string;
const skim = (...args: string[]) => runSkim(...args, '--db', db);

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'skim-feeds-'));
  db = join(dir, 'skim.db');
  // The CLI runs in a child process that inherits this: our own 127.0.0.1 server may be fetched.
  process.env.SKIM_FETCH_ALLOW = '127.0.0.1';
  const paragraphs = storyParagraphs(400, 250);
  site = await startSite({
    '/a/1': respond(articlePage({ title: 'Tram line approved', paragraphs })),
    '/home': respond('<html><head><link rel="alternate" type="application/atom+xml" href="/feed.xml"></head><body></body></html>'),
  });
  site.routes.set('/feed.xml', respond(rssFeed('Tram Times', `${site.base}/home`, [
    { guid: 't1', link: `${site.base}/a/1`, title: 'Tram line approved', description: excerptOf(paragraphs) },
  ]), RSS));
});
after(async () => {
  delete process.env.SKIM_FETCH_ALLOW;
  await site.close();
  rmSync(dir, { recursive: true, force: true });
});

test('feeds add (site URL), ingest, list, export', async () => {
  const added = await skim('feeds', 'add', `${site.base}/home`, '--section', 'City');
  assert.equal(added.code, 0, added.stderr);
  assert.match(added.stdout, /found the feed .*\/feed\.xml/);
  assert.match(added.stdout, /added source 1: Tram Times/);

  const fresh = await skim('feeds', 'list');
  assert.match(fresh.stdout, /^\s+1\s+new\s+fetched -/m, fresh.stderr);

  const first = await skim('ingest');
  assert.equal(first.code, 0, first.stderr);
  assert.match(first.stdout, /1 sources: 1 fetched, 0 not modified, 0 failed; articles: 1 new/);
  const second = await skim('ingest');
  assert.match(second.stdout, /no source is due/, second.stderr);
  const all = await skim('ingest', '--all');
  assert.match(all.stdout, /articles: 0 new, 0 updated, 1 unchanged/, all.stderr);

  const listed = await skim('feeds', 'list');
  assert.match(listed.stdout, /^\s+1\s+ok\s+fetched \d{4}-\d\d-\d\d \d\d:\d\d .*\s1 articles\s+Tram Times </m, listed.stderr);

  const exported = await skim('feeds', 'export');
  assert.match(exported.stdout, /<opml[\s\S]*xmlUrl="http:\/\/127\.0\.0\.1:\d+\/feed\.xml"[\s\S]*<\/opml>/);
  assert.match(exported.stdout, /text="City"/);
});

test('feeds import, and ingest of a local file', async () => {
  const opml = join(dir, 'list.opml');
  writeFileSync(opml, '<opml version="2.0"><body><outline type="rss" text="Elsewhere" xmlUrl="https://elsewhere.example/rss"/></body></opml>');
  const imported = await skim('feeds', 'import', opml, '--no-full-text');
  assert.equal(imported.code, 0, imported.stderr);
  assert.match(imported.stdout, /added 1 feeds/);

  const page = join(dir, 'page.html');
  writeFileSync(page, articlePage({ title: 'Saved story', paragraphs: storyParagraphs(401, 250) }));
  const ingested = await skim('ingest', page);
  assert.equal(ingested.code, 0, ingested.stderr);
  assert.match(ingested.stdout, /articles: 1 new/);
});

test('bad input: one clear line and a non-zero exit', async () => {
  const cases: [string[], RegExp][] = [
    [['feeds', 'add', 'http://10.0.0.1/feed.xml'], /skim: http:\/\/10\.0\.0\.1\/feed\.xml: refused .*private/],
    [['feeds', 'add', 'not a url'], /skim: not a url: /],
    [['feeds', 'import', join(dir, 'missing.opml')], /skim: .*missing\.opml: ENOENT/],
    [['feeds', 'frobnicate'], /unknown action 'frobnicate'/],
    [['feeds', 'add'], /'feeds add' takes one URL/],
    [['ingest', '--all', 'x.html'], /--all polls the sources/],
    [['ingest', join(dir, 'nope.html')], /skim: .*nope\.html: ENOENT/],
  ];
  for (const [args, message] of cases) {
    const result = await skim(...args);
    assert.notEqual(result.code, 0, `${args.join(' ')} should fail`);
    assert.match(result.stderr, message);
    assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
  }
});
