import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractLabels, greedyOracle } from './oracle.ts';

test('the oracle picks the sentences that raise ROUGE and stops when none does', () => {
  const sentences = [
    'The weather was mild on Tuesday.',
    'The council closed the old bridge after engineers found cracks.',
    'Repairs will cost $40 million and take two years.',
    'A dog barked.',
  ];
  const reference = 'Council closes old bridge over cracks.\nRepairs to cost $40 million.';
  assert.deepEqual(greedyOracle(sentences, reference, 3), [1, 2]);
  assert.deepEqual(greedyOracle(sentences, reference, 1), [1]);
  assert.deepEqual(greedyOracle(sentences, '', 3), []);
  assert.deepEqual(greedyOracle([], reference, 3), []);
});

test('a reference made of article sentences labels those sentences; an abstract one gets null', () => {
  const sentences = [
    'The council closed the old bridge after engineers found cracks.',
    'A dog barked.',
    '"Repairs will cost $40 million," the mayor said.',
    'The weather was mild.',
  ];
  // Punctuation, case and spacing do not matter; the order of the lines does not either.
  assert.deepEqual(extractLabels(sentences, 'repairs will cost $40 million, the mayor said.\nThe council closed the old bridge after engineers found cracks'), [0, 2]);
  // Four of five lines found: still an extract. Three of five: not.
  const mostly = [sentences[0], sentences[1], sentences[2], sentences[3], 'A line the segmenter split differently.'].join('\n');
  assert.deepEqual(extractLabels(sentences, mostly), [0, 1, 2, 3]);
  assert.equal(extractLabels(sentences, [sentences[0], sentences[1], sentences[2], 'Other words.', 'More.'].join('\n')), null);
  assert.equal(extractLabels(sentences, 'Council closes old bridge over cracks.\nRepairs to cost $40 million.'), null);
  assert.equal(extractLabels(sentences, ''), null);
});
