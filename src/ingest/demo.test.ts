import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { openStore } from '../store/db.ts';
import { countArticles, listArticles } from '../store/articles.ts';
import { getSummaries } from '../store/summaries.ts';
import { listSections } from '../store/sections.ts';
import { SUMMARY_LENGTHS } from './publish.ts';
import { demoPublishedAt, loadDemoArticles } from './demo-articles.ts';
import { seedDemoContent } from './demo.ts';

const NOW = new Date('2026-03-10T12:00:00Z');
const BROKEN_DIR = fileURLToPath(new URL('./testdata/demo-broken/', import.meta.url));

test('seeding an empty store publishes every demo article with summaries, once', async () => {
  const store = await openStore(':memory:');
  try {
    const demo = await loadDemoArticles();
    assert.equal(await seedDemoContent(store, NOW), demo.length);
    assert.equal(await countArticles(store.db), demo.length);
    assert.ok((await listSections(store.db)).length >= 4);

    const stored = await listArticles(store.db, { limit: 100 });
    for (const article of demo) {
      const row = stored.find((a) => a.title === article.title);
      assert.ok(row, `${article.file} stored`);
      assert.equal(row.published_at, demoPublishedAt(article, NOW));
      assert.equal(row.status, 'ok');
      if (article.lang) assert.equal(row.lang, article.lang);
      const summaries = await getSummaries(store.db, row.id);
      assert.deepEqual(summaries.map((s) => s.length).sort(), [...SUMMARY_LENGTHS].sort(), `${article.file} has every summary length`);
      for (const summary of summaries) assert.ok(summary.sentences.length > 0, `${article.file}: ${summary.length} summary is not empty`);
    }

    assert.equal(await seedDemoContent(store, NOW), 0, 'a store with articles is not seeded again');
    assert.equal(await countArticles(store.db), demo.length);
  } finally {
    await store.close();
  }
});

test('a malformed demo file fails seeding by name and stores nothing', async () => {
  const store = await openStore(':memory:');
  try {
    await assert.rejects(seedDemoContent(store, NOW, BROKEN_DIR), /02-no-offset\.md: front matter needs "publishedOffsetHours"/);
    assert.equal(await countArticles(store.db), 0);
  } finally {
    await store.close();
  }
});
