import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  findNearDuplicate,
  hammingDistance,
  NEAR_DUPLICATE_BITS,
  simhash,
  simhashBands,
  simhashFromHex,
  simhashToHex,
} from './simhash.ts';

const fixture = (name: string) => readFileSync(new URL(`./testdata/${name}.txt`, import.meta.url), 'utf8');
const original = simhash(fixture('original'));
const syndicated = simhash(fixture('syndicated'));
const rewrite = simhash(fixture('rewrite'));
const sameTopic = simhash(fixture('same-topic'));
const otherBridge = simhash(fixture('other-bridge'));

test('identical text hashes identically, ignoring case, punctuation and spacing', () => {
  assert.equal(simhash('The bridge closes in March.'), simhash('the   BRIDGE closes, in march'));
  assert.equal(simhash(''), 0n);
  assert.ok(original > 0n && original < 1n << 64n);
});

test('a syndicated copy and a light rewrite are near duplicates', () => {
  assert.ok(hammingDistance(original, syndicated) <= NEAR_DUPLICATE_BITS, `syndicated: ${hammingDistance(original, syndicated)}`);
  assert.ok(hammingDistance(original, rewrite) <= NEAR_DUPLICATE_BITS, `rewrite: ${hammingDistance(original, rewrite)}`);
});

test('different articles on the same topic are far apart', () => {
  for (const other of [sameTopic, otherBridge]) {
    assert.ok(hammingDistance(original, other) > NEAR_DUPLICATE_BITS * 2, `distance ${hammingDistance(original, other)}`);
  }
});

test('hammingDistance counts differing bits over 64 bits', () => {
  assert.equal(hammingDistance(0n, 0n), 0);
  assert.equal(hammingDistance(0b1011n, 0b0001n), 2);
  assert.equal(hammingDistance(0n, (1n << 64n) - 1n), 64);
});

test('bands: eight keys; hashes a few bits apart share at least one', () => {
  const bands = simhashBands(original);
  assert.equal(bands.length, 8);
  assert.match(bands[0]!, /^0:[0-9a-f]{2}$/);
  const flipped = original ^ 0b1000_0001_0000_0001_0001n; // 4 bits in 3 bands
  assert.ok(simhashBands(flipped).some((key) => bands.includes(key)));
  assert.equal(simhashBands(original ^ 0x0101010101010101n).filter((key) => bands.includes(key)).length, 0);
});

test('hex round trip keeps all 64 bits', () => {
  const max = (1n << 64n) - 1n;
  assert.equal(simhashToHex(max), 'ffffffffffffffff');
  assert.equal(simhashFromHex(simhashToHex(original)), original);
  assert.equal(simhashToHex(1n), '0000000000000001');
});

test('findNearDuplicate picks the closest candidate within the threshold', () => {
  const candidates = [
    { item: 'same-topic', simhash: sameTopic },
    { item: 'rewrite', simhash: rewrite },
    { item: 'syndicated', simhash: syndicated },
  ];
  const found = findNearDuplicate(original, candidates);
  assert.equal(found?.item, 'syndicated');
  assert.equal(found?.distance, hammingDistance(original, syndicated));
  assert.equal(findNearDuplicate(original, [{ item: 'other', simhash: otherBridge }]), null);
});
