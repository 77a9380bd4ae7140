import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Sentence } from './features.ts';
import { selectSentences } from './select.ts';
import { tokenize } from '../text/tokens.ts';

const sentences = (texts: string[]): Sentence[] =>
  texts.map((text, index) => ({ text, start: 0, end: text.length, index, tokens: tokenize(text), terms: [], features: [] }));

test('selectSentences: a near-duplicate gives way, a shared phrase does not', () => {
  const candidates = sentences([
    'The mayor said the bridge will reopen in May after repairs.',
    'The mayor said the bridge will reopen in May, officials added.',
    'Traffic will use the ferry until then, the mayor said the bridge',
    'Shops near the river expect fewer customers.',
  ]);
  // Scores rank them in order; the second repeats most of the first's trigrams.
  assert.deepEqual(selectSentences(candidates, [4, 3, 2, 1], 2), [0, 2]);
  assert.deepEqual(selectSentences(candidates, [4, 3, 2, 1], 3), [0, 2, 3]);
});

test('selectSentences: blocked sentences fill in when too few remain, output in article order', () => {
  const candidates = sentences(['Rain fell all day in the city.', 'Rain fell all day in the city again.']);
  assert.deepEqual(selectSentences(candidates, [1, 2], 2), [0, 1]);
  assert.deepEqual(selectSentences(candidates, [1, 2], 0), []);
});
