import { test } from 'node:test';
import assert from 'node:assert/strict';
import { httpUrl } from './http-url.ts';

test('httpUrl resolves against the base and keeps only http(s) addresses', () => {
  assert.equal(httpUrl('/a?b=1', 'https://site.example/x/y'), 'https://site.example/a?b=1');
  assert.equal(httpUrl('HTTP://Site.example'), 'http://site.example/');
  assert.equal(httpUrl('javascript:alert(1)'), null);
  assert.equal(httpUrl('javascript:alert(1)', 'https://site.example/'), null);
  assert.equal(httpUrl('data:text/html,x'), null);
  assert.equal(httpUrl('/relative'), null, 'no base: not a usable address');
  assert.equal(httpUrl('http://'), null);
  assert.equal(httpUrl(null), null);
});
