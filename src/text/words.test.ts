import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countWords } from './words.ts';

test('countWords counts words, contractions once, and CJK characters one by one', () => {
  assert.equal(countWords("It's 3.5 degrees — isn't it?"), 6);
  assert.equal(countWords('東京で雨'), 4);
  assert.equal(countWords(''), 0);
});
