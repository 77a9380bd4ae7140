import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatDateTime, readingMinutes, readingSeconds, withIndefiniteArticle } from './format.ts';

test('reading times at 230 words a minute, never zero', () => {
  assert.equal(readingMinutes(0), 1);
  assert.equal(readingMinutes(230 * 4), 4);
  assert.equal(readingMinutes(230 * 4 + 100), 4);
  assert.equal(readingSeconds('word '.repeat(115)), 30);
  assert.equal(readingSeconds(''), 1);
});

test('"a" or "an" as the number is spoken', () => {
  assert.equal(withIndefiniteArticle(5, 'minute'), 'a 5-minute');
  assert.equal(withIndefiniteArticle(8, 'minute'), 'an 8-minute');
  assert.equal(withIndefiniteArticle(11, 'minute'), 'an 11-minute');
  assert.equal(withIndefiniteArticle(18, 'minute'), 'an 18-minute');
  assert.equal(withIndefiniteArticle(80, 'minute'), 'an 80-minute');
  assert.equal(withIndefiniteArticle(12, 'minute'), 'a 12-minute');
});

test('dates in UTC; an unparseable one is shown as stored', () => {
  assert.equal(formatDateTime('2026-11-24T14:05:00.000Z'), '24 Nov 2026, 14:05 UTC');
  assert.equal(formatDateTime('yesterday'), 'yesterday');
});
