import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseOpml, writeOpml, type OpmlFeed } from './opml.ts';

test('reads nested outlines as feeds with their folder path', () => {
  const doc = parseOpml(readFileSync(new URL('./testdata/subscriptions.opml', import.meta.url)));
  assert.equal(doc.title, 'My feeds');
  assert.deepEqual(doc.feeds, [
    { xmlUrl: 'https://news.example.com/rss', htmlUrl: 'https://news.example.com/', title: 'Example News', folders: ['News'] },
    { xmlUrl: 'https://deep.example/feed?a=1&b=2', htmlUrl: null, title: 'Deep', folders: ['News', 'Tech'] },
    { xmlUrl: 'https://loose.example/atom.xml', htmlUrl: null, title: 'Loose', folders: [] },
  ]);
});

test('writes OPML that reads back the same, special characters escaped', () => {
  const feeds: OpmlFeed[] = [
    { xmlUrl: 'https://a.example/feed?x=1&y=2', htmlUrl: 'https://a.example/', title: 'A & "B"', folders: ['News', 'Tech'] },
    { xmlUrl: 'https://b.example/rss', htmlUrl: null, title: 'B', folders: ['News'] },
    { xmlUrl: 'https://c.example/atom', htmlUrl: null, title: 'C', folders: [] },
  ];
  const xml = writeOpml(feeds, 'Mine');
  assert.match(xml, /<opml version="2.0">/);
  assert.match(xml, /xmlUrl="https:\/\/a.example\/feed\?x=1&amp;y=2"/);
  const back = parseOpml(xml);
  assert.equal(back.title, 'Mine');
  assert.deepEqual(back.feeds, feeds);
});

test('a document that is not OPML is an error', () => {
  assert.throws(() => parseOpml('<rss version="2.0"><channel/></rss>'));
});
