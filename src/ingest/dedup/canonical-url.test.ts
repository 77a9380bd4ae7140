import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalUrl } from './canonical-url.ts';

test('lowercases the host, drops the fragment, default port and credentials', () => {
  assert.equal(canonicalUrl('HTTPS://News.Example.COM:443/World/Story?id=7#comments'), 'https://news.example.com/World/Story?id=7');
  assert.equal(canonicalUrl('http://user:pw@example.com:80/a'), 'http://example.com/a');
  assert.equal(canonicalUrl('http://example.com:8080/a'), 'http://example.com:8080/a');
  assert.equal(canonicalUrl('https://example.com./a'), 'https://example.com/a');
});

test('removes tracking parameters and sorts the rest', () => {
  assert.equal(
    canonicalUrl('https://example.com/story?utm_source=rss&b=2&fbclid=x&a=1&UTM_Medium=feed&gclid=y&mc_cid=z&mc_eid=w&ref=home'),
    'https://example.com/story?a=1&b=2',
  );
  assert.equal(canonicalUrl('https://example.com/story?utm_campaign=x'), 'https://example.com/story');
  assert.equal(canonicalUrl('https://example.com/list?page=2&page=1'), 'https://example.com/list?page=1&page=2');
});

test('drops a trailing slash except on the root', () => {
  assert.equal(canonicalUrl('https://example.com/news/story/'), 'https://example.com/news/story');
  assert.equal(canonicalUrl('https://example.com/'), 'https://example.com/');
  assert.equal(canonicalUrl('https://example.com'), 'https://example.com/');
});

test('two spellings of one article become one', () => {
  const a = canonicalUrl('https://www.example.com/2026/03/bridge-closure/?utm_source=twitter#top');
  const b = canonicalUrl('https://WWW.EXAMPLE.COM:443/2026/03/bridge-closure?fbclid=abc');
  assert.equal(a, b);
});

test('refuses what is not an http(s) URL', () => {
  assert.equal(canonicalUrl('not a url'), null);
  assert.equal(canonicalUrl('javascript:alert(1)'), null);
  assert.equal(canonicalUrl('ftp://example.com/file'), null);
});
