import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rouge, rougeLsum, rougeN, rougeTokens } from './rouge.ts';

const close = (actual: number, expected: number, places = 5) =>
  assert.ok(Math.abs(actual - expected) < 0.5 * 10 ** -places, `${actual} ≉ ${expected}`);

test('tokens are lowercased [a-z0-9]+ runs, stemmed only when longer than 3 characters', () => {
  assert.deepEqual(rougeTokens("The CATS' running-shoes, 2019's"), ['the', 'cat', 'run', 'shoe', '2019', 's']);
  assert.deepEqual(rougeTokens('was cars agreed'), ['was', 'car', 'agre']);
  assert.deepEqual(rougeTokens('¿Qué?  //  '), ['qu']);
});

test('ROUGE-1 and ROUGE-2 on hand-computed cases', () => {
  const one = rouge('testing one two', 'testing');
  assert.equal(one.rouge1.precision, 1);
  close(one.rouge1.recall, 1 / 3);
  close(one.rouge1.f, 1 / 2);
  const two = rouge('testing one two', 'testing one');
  assert.equal(two.rouge2.precision, 1);
  close(two.rouge2.recall, 1 / 2);
  close(two.rouge2.f, 2 / 3);
  // Clipped counts: "a a a" against "a b": 1 hit, precision 1/3, recall 1/2.
  const clipped = rougeN(['a', 'b'], ['a', 'a', 'a'], 1);
  close(clipped.precision, 1 / 3);
  close(clipped.recall, 1 / 2);
});

test('ROUGE-Lsum takes the union LCS per reference sentence', () => {
  // LCS with "w1 w2 w6 w7 w8" is w1 w2, with "w1 w3 w8 w9 w5" is w1 w3 w5: union 4 of 5 target tokens.
  const s = rouge('w1 w2 w3 w4 w5', 'w1 w2 w6 w7 w8\nw1 w3 w8 w9 w5').rougeLsum;
  close(s.recall, 0.8);
  close(s.precision, 0.4);
  close(s.f, 0.53333);
  // A token is credited no more often than it occurs in the prediction.
  close(rougeLsum([['a', 'b'], ['a', 'c']], [['a']]).recall, 1 / 4);
});

test('empty sides score zero', () => {
  for (const [target, prediction] of [['w1 w2', ''], ['', 'w1'], ['w1 w2', '/']] as const) {
    const s = rouge(target, prediction);
    for (const r of [s.rouge1, s.rouge2, s.rougeLsum]) assert.deepEqual([r.precision, r.recall, r.f], [0, 0, 0]);
  }
});

const testdata = join(import.meta.dirname, '../../../shared/data/rouge-testdata');
const haveTestdata = existsSync(join(testdata, 'target.txt'));

// Expected values: ROUGE-1.5.5 runs as listed in rouge-score's rouge_scorer_test.py.
test('matches rouge-score on its test data', { skip: haveTestdata ? false : `no ${testdata}` }, () => {
  const read = (name: string) => readFileSync(join(testdata, name), 'utf8');
  const targets = read('target.txt').split('\n');
  const predictions = read('prediction.txt').split('\n');
  const first = rouge(targets[0]!, predictions[0]!);
  close(first.rouge1.recall, 0.40741);
  close(first.rouge1.precision, 0.6875);
  close(first.rouge1.f, 0.51163);
  close(first.rouge2.recall, 0.30769);
  close(first.rouge2.precision, 0.53333);
  close(first.rouge2.f, 0.39024);
  const second = rouge(targets[1]!, predictions[1]!);
  close(second.rouge1.recall, 0.42857);
  close(second.rouge1.precision, 0.69231);
  close(second.rouge1.f, 0.52941);
  close(second.rouge2.recall, 0.29268);
  close(second.rouge2.precision, 0.48);
  close(second.rouge2.f, 0.36364);
  const multi = rouge(read('target_multi.0.txt'), read('prediction_multi.0.txt')).rougeLsum;
  close(multi.recall, 0.36538);
  close(multi.precision, 0.66667);
  close(multi.f, 0.47205);
});
