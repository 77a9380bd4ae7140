import { test } from 'node:test';
import assert from 'node:assert/strict';
import { greedyOracle } from './oracle.ts';

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
