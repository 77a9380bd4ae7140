import { test } from 'node:test';
import assert from 'node:assert/strict';
import { blockedAddressReason, blockedUrlReason, parseAllowList } from './ssrf.ts';

const none = parseAllowList('');

test('refuses every non-public address class', () => {
  const blocked: Record<string, string> = {
    '127.0.0.1': 'loopback', '10.1.2.3': 'private', '172.16.0.1': 'private', '192.168.1.1': 'private',
    '169.254.169.254': 'linkLocal', '100.64.0.1': 'carrierGradeNat', '224.0.0.1': 'multicast', '0.0.0.0': 'unspecified',
    '255.255.255.255': 'broadcast', '240.0.0.1': 'reserved', '::1': 'loopback', '::': 'unspecified', 'fc00::1': 'uniqueLocal',
    'fd00:ec2::254': 'uniqueLocal', 'fe80::1': 'linkLocal', 'ff02::1': 'multicast',
    // IPv4-mapped and -compatible forms are judged as the IPv4 address inside.
    '::ffff:127.0.0.1': 'loopback', '::ffff:10.0.0.1': 'private', '::127.0.0.1': 'loopback', '::ffff:a9fe:a9fe': 'linkLocal',
    // NAT64 and 6to4 of private addresses.
    '64:ff9b::a00:1': 'rfc6052 of private', '2002:7f00:1::': '6to4 of loopback',
  };
  for (const [address, reason] of Object.entries(blocked)) assert.equal(blockedAddressReason(address, none), reason, address);
});

test('lets public unicast addresses through, including NAT64 of a public one', () => {
  for (const address of ['93.184.216.34', '8.8.8.8', '2606:4700::1111', '::ffff:8.8.8.8', '64:ff9b::808:808']) {
    assert.equal(blockedAddressReason(address, none), null, address);
  }
});

test('the allow-list opens chosen addresses, CIDRs and host names only', () => {
  const allow = parseAllowList('127.0.0.1, 10.0.0.0/8,[::1],feeds.internal');
  assert.equal(blockedAddressReason('127.0.0.1', allow), null);
  assert.equal(blockedAddressReason('::ffff:127.0.0.1', allow), null);
  assert.equal(blockedAddressReason('10.200.0.1', allow), null);
  assert.equal(blockedAddressReason('::1', allow), null);
  assert.equal(blockedAddressReason('127.0.0.2', allow), 'loopback');
  assert.equal(blockedAddressReason('192.168.0.1', allow), 'private');
  assert.equal(blockedUrlReason(new URL('http://feeds.internal/x'), allow), null);
  assert.deepEqual(parseAllowList(['127.0.0.1']).cidrs.length, 1);
});

test('URL checks: scheme, metadata names, and odd spellings of IP literals', () => {
  assert.match(blockedUrlReason(new URL('file:///etc/passwd'), none)!, /scheme/);
  assert.match(blockedUrlReason(new URL('gopher://x/'), none)!, /scheme/);
  assert.equal(blockedUrlReason(new URL('http://metadata.google.internal/'), none), 'cloud metadata host');
  for (const url of ['http://2130706433/', 'http://0x7f.0.0.1/', 'http://0177.0.0.1/', 'http://127.1/', 'http://[::ffff:7f00:1]/', 'http://[0:0:0:0:0:ffff:127.0.0.1]/']) {
    assert.match(blockedUrlReason(new URL(url), none)!, /loopback/, url);
  }
  assert.equal(blockedUrlReason(new URL('https://example.com/feed'), none), null);
});
