import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFeedDate } from './dates.ts';

test('RFC 822 and its common variants', () => {
  const cases: Record<string, string> = {
    'Tue, 10 Jun 2025 08:30:00 GMT': '2025-06-10T08:30:00.000Z',
    'Tue, 10 Jun 2025 08:30:00 +0200': '2025-06-10T06:30:00.000Z',
    'Tue, 10 Jun 2025 08:30:00 EDT': '2025-06-10T12:30:00.000Z',
    '10 Jun 2025 08:30 PST': '2025-06-10T16:30:00.000Z',
    'Tue,10 June 2025 08:30:00 Z': '2025-06-10T08:30:00.000Z',
    'Tue, 10 Jun 25 08:30:00 GMT': '2025-06-10T08:30:00.000Z',
    'Tue, 10 Jun 2025 08:30:00 A': '2025-06-10T09:30:00.000Z',
    'Tue, 10 Jun 2025': '2025-06-10T00:00:00.000Z',
    'Tuesday, June 10, 2025 8:30:00 GMT': '2025-06-10T08:30:00.000Z',
    'Tue, 10 Jun 2025 08:30:00 +05:30': '2025-06-10T03:00:00.000Z',
  };
  for (const [input, expected] of Object.entries(cases)) assert.equal(parseFeedDate(input), expected, input);
});

test('W3C-DTF / ISO 8601, zone-less values read as UTC', () => {
  const cases: Record<string, string> = {
    '2025-06-10T08:30:00Z': '2025-06-10T08:30:00.000Z',
    '2025-06-10T08:30:00.123456-05:00': '2025-06-10T13:30:00.123Z',
    '2025-06-10 08:30:00': '2025-06-10T08:30:00.000Z',
    '2025-06-10T08:30': '2025-06-10T08:30:00.000Z',
    '2025-06-10': '2025-06-10T00:00:00.000Z',
    '2025-06': '2025-06-01T00:00:00.000Z',
    '20250610T083000Z': '2025-06-10T08:30:00.000Z',
    '2025-06-10T08:30:00+0100': '2025-06-10T07:30:00.000Z',
  };
  for (const [input, expected] of Object.entries(cases)) assert.equal(parseFeedDate(input), expected, input);
});

test('unreadable dates are null', () => {
  for (const input of ['', '   ', 'yesterday', '2025-13-45', 'Tue, 32 Foo 2025', null, undefined]) assert.equal(parseFeedDate(input), null, String(input));
});
