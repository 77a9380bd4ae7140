// `skim render-pages`, run as a user runs it, on a temp SQLite store.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runSkim } from './testing.ts';
import { openStore } from '../store/db.ts';

let dir: string;
before(() => { dir = mkdtempSync(join(tmpdir(), 'skim-render-')); });
after(() => rmSync(dir, { recursive: true, force: true }));

test('skim render-pages stores every page once, for the origin given', async () => {
  const db = join(dir, 'pages.db');
  const added = await runSkim('add', '--db', db, fileURLToPath(new URL('./testdata/articles.json', import.meta.url)));
  assert.equal(added.code, 0, added.stderr);
  const first = await runSkim('render-pages', '--db', db, '--origin', 'https://news.example/');
  assert.equal(first.code, 0, first.stderr);
  const [, rendered] = /^(\d+) pages rendered for https:\/\/news\.example, 0 already current$/m.exec(first.stdout) ?? [];
  assert.ok(Number(rendered) >= 2, first.stdout);
  assert.match((await runSkim('render-pages', '--db', db, '--origin', 'https://news.example')).stdout, new RegExp(`^0 pages rendered for https://news\\.example, ${rendered} already current`));

  const store = await openStore(db);
  try {
    const pages = await store.db.selectFrom('article_pages').select(['gzip']).execute();
    assert.equal(pages.filter((p) => p.gzip).length, Number(rendered));
  } finally {
    await store.close();
  }
});

test('skim render-pages: no origin, a bad origin, or an extra argument is a usage error', async () => {
  const db = join(dir, 'errors.db');
  for (const [args, message] of [
    [[], /needs the site's address/],
    [['--origin', 'news.example'], /invalid --origin 'news\.example'/],
    [['--origin', 'ftp://news.example'], /expected an http or https URL/],
    [['--origin', 'https://news.example', 'extra'], /unexpected argument 'extra'/],
  ] as const) {
    const res = await runSkim('render-pages', '--db', db, ...args);
    assert.equal(res.code, 1, res.stdout);
    assert.match(res.stderr, message);
  }
});
