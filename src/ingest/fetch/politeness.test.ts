import { test } from 'node:test';
import assert from 'node:assert/strict';
import { backoffDelay, cacheMaxAge, createHostGate, feedRefreshInterval, parseRetryAfter } from './politeness.ts';

test('backoff doubles per attempt, stays within [ceiling/2, ceiling] and is capped', () => {
  assert.equal(backoffDelay(0, { baseMs: 1000, random: () => 0 }), 500);
  assert.equal(backoffDelay(0, { baseMs: 1000, random: () => 1 }), 1000);
  assert.equal(backoffDelay(3, { baseMs: 1000, random: () => 1 }), 8000);
  assert.equal(backoffDelay(3, { baseMs: 1000, random: () => 0 }), 4000);
  assert.equal(backoffDelay(40, { baseMs: 1000, maxMs: 60_000, random: () => 1 }), 60_000);
  const jittered = new Set(Array.from({ length: 20 }, () => backoffDelay(2, { baseMs: 1000 })));
  assert.ok(jittered.size > 1, 'jitter varies the delay');
  for (const d of jittered) assert.ok(d >= 2000 && d <= 4000, String(d));
});

test('Retry-After in seconds or as an HTTP date', () => {
  const now = Date.parse('2030-01-01T00:00:00Z');
  assert.equal(parseRetryAfter('120', now), 120_000);
  assert.equal(parseRetryAfter('Tue, 01 Jan 2030 00:05:00 GMT', now), 300_000);
  assert.equal(parseRetryAfter('Mon, 31 Dec 2029 00:00:00 GMT', now), 0);
  assert.equal(parseRetryAfter('soon', now), null);
  assert.equal(parseRetryAfter(undefined, now), null);
});

test('Cache-Control max-age', () => {
  assert.equal(cacheMaxAge('public, max-age=1800'), 1800);
  assert.equal(cacheMaxAge('max-age=60, no-cache'), null);
  assert.equal(cacheMaxAge('private'), null);
  assert.equal(cacheMaxAge('s-maxage=10'), null);
});

test('refresh interval from ttl, sy:updatePeriod/Frequency and max-age, clamped', () => {
  assert.equal(feedRefreshInterval({}), 60);
  assert.equal(feedRefreshInterval({ ttlMinutes: 180 }), 180);
  assert.equal(feedRefreshInterval({ updatePeriod: 'daily', updateFrequency: 4 }), 360);
  assert.equal(feedRefreshInterval({ updatePeriod: 'hourly' }), 60);
  assert.equal(feedRefreshInterval({ maxAgeSeconds: 7200 }), 120);
  // The longest interval asked for wins: being polite beats being fresh.
  assert.equal(feedRefreshInterval({ ttlMinutes: 30, updatePeriod: 'daily' }), 1440);
  assert.equal(feedRefreshInterval({ ttlMinutes: 1 }), 15);
  assert.equal(feedRefreshInterval({ updatePeriod: 'yearly' }), 1440);
  assert.equal(feedRefreshInterval({ ttlMinutes: 1 }, { minMinutes: 5 }), 5);
  assert.equal(feedRefreshInterval({ updatePeriod: 'fortnightly' }), 60);
});

test('host gate: at most `concurrency` tasks per host, other hosts not held up', async () => {
  const gate = createHostGate({ concurrency: 2, minIntervalMs: 0 });
  const active = new Map<string, number>();
  let peak = 0;
  const release: (() => void)[] = [];
  const task = (host: string) => gate.run(`https://${host}/feed`, async () => {
    active.set(host, (active.get(host) ?? 0) + 1);
    peak = Math.max(peak, active.get('a.example')!);
    await new Promise<void>((done) => release.push(done));
    active.set(host, active.get(host)! - 1);
  });
  const runs = [task('a.example'), task('a.example'), task('a.example'), task('a.example'), task('b.example')];
  await new Promise((settle) => setImmediate(settle));
  assert.equal(active.get('a.example'), 2);
  assert.equal(active.get('b.example'), 1);
  while (release.length) {
    release.shift()!();
    await new Promise((settle) => setImmediate(settle));
  }
  await Promise.all(runs);
  assert.equal(peak, 2);
});

test('host gate: starts against one host are spaced by the minimum interval', async () => {
  let clock = 1_000_000;
  const slept: number[] = [];
  const gate = createHostGate({
    concurrency: 1, minIntervalMs: 5000, now: () => clock,
    sleep: async (ms) => { slept.push(ms); clock += ms; },
  });
  const starts: number[] = [];
  await Promise.all([1, 2, 3].map(() => gate.run('https://a.example/', async () => { starts.push(clock); })));
  await gate.run('https://other.example/', async () => { starts.push(clock); });
  assert.deepEqual(starts.slice(0, 3).map((t) => t - starts[0]!), [0, 5000, 10000]);
  assert.deepEqual(slept, [5000, 5000]);
});
