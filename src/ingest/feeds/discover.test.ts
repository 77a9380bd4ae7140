import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { commonFeedUrls, discoverFeeds } from './discover.ts';

test('finds announced feeds, resolved against <base href>, without duplicates or non-feeds', () => {
  const html = readFileSync(new URL('./testdata/discover.html', import.meta.url), 'utf8');
  assert.deepEqual(discoverFeeds(html, 'https://site.example/blog/post/1'), [
    { url: 'https://site.example/blog/feed.xml', type: 'application/rss+xml', title: 'Posts' },
    { url: 'https://site.example/atom.xml', type: 'application/atom+xml', title: null },
    { url: 'https://cdn.site.example/feed.json', type: 'application/feed+json', title: 'JSON' },
  ]);
});

test('relative hrefs resolve against the page URL when there is no <base>', () => {
  const html = '<link rel="alternate" type="application/atom+xml" href="../atom.xml">';
  assert.deepEqual(discoverFeeds(html, 'https://x.example/a/b/page'), [{ url: 'https://x.example/a/atom.xml', type: 'application/atom+xml', title: null }]);
  assert.deepEqual(discoverFeeds('<p>no feeds</p>', 'https://x.example/'), []);
});

test('common feed paths on the site origin', () => {
  const urls = commonFeedUrls('https://x.example/some/page?q=1');
  assert.ok(urls.includes('https://x.example/feed'));
  assert.ok(urls.every((u) => u.startsWith('https://x.example/')));
});
