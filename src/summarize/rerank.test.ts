import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Sentence } from './features.ts';
import { checkedModel } from './model.ts';
import { candidateSets, rerankedSelection, setFeatures, topTerms } from './rerank.ts';
import { selectSentences } from './select.ts';
import { tokenize } from '../text/tokens.ts';

// Content terms are given directly: the test is about sets, not stemming.
const sentences = (rows: [string, string][]): Sentence[] =>
  rows.map(([text, terms], index) => ({ text, start: 0, end: text.length, index, tokens: tokenize(text), terms: terms.split(' '), features: [] }));

const candidates = sentences([
  ['The council closed the old bridge after engineers found cracks.', 'council close bridge engin crack'],
  ['Cracks found by engineers led the council to close the bridge.', 'crack engin council close bridge'],
  ['Repairs will cost $40 million and take two years.', 'repair cost million year'],
  ['Traffic will use the ferry while repairs go on.', 'traffic ferri repair'],
  ['Shops fear the repairs will cost them customers.', 'shop fear repair cost custom'],
  ['The ferry runs every hour, and traffic is heavy.', 'ferri hour traffic heavi'],
]);

test('set features: summed logits, mean pairwise term overlap, share of the top terms covered', () => {
  const top = topTerms(candidates);
  assert.ok(top.has('repair') && top.has('bridge') && !top.has('shop'));
  const terms = candidates.map((s) => new Set(s.terms));
  const [score, redundancy, coverage] = setFeatures([0, 1, 2], [1, 2, 3, 0, 0, 0], terms, top);
  assert.equal(score, 6);
  assert.equal(redundancy, 1 / 3); // 0 and 1 share every term, 2 shares none
  assert.equal(top.size, 9); // every term used twice or more
  assert.equal(coverage, 7 / 9); // all but ferry and traffic
});

test('the best whole set replaces a restated sentence that trigram blocking lets through', () => {
  const logits = [3, 2.7, 2.6, 2.9, 1, 1];
  // Worded differently, the restatement shares no trigram, so the sentence-by-sentence pick keeps it.
  assert.deepEqual(selectSentences(candidates, logits, 3), [0, 1, 3]);
  assert.deepEqual(rerankedSelection(candidates, logits, checkedModel().setWeights), [0, 2, 3]);
});

test('sets come from the six best sentences, in article order; small articles give every sentence', () => {
  const logits = [0, 5, 1, 4, 2, 3, 6, -1];
  const sets = candidateSets(logits);
  assert.equal(sets.length, 20);
  assert.ok(sets.every((set) => set.every((i) => i !== 0 && i !== 7) && set.every((i, k) => k === 0 || i > set[k - 1]!)));
  assert.equal(candidateSets([1, 2, 3, 4]).length, 4);
  assert.deepEqual(rerankedSelection(candidates.slice(0, 2), [1, 2], [1, 0, 0]), [0, 1]);
});
