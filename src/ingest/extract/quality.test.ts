import { test } from 'node:test';
import assert from 'node:assert/strict';
import { judgeQuality, MIN_ARTICLE_WORDS } from './quality.ts';

test('an article long enough is ok', () => {
  assert.deepEqual(judgeQuality({ words: MIN_ARTICLE_WORDS, rawText: '', pageTitle: 'News' }), { status: 'ok', reason: null });
});

test('too few words is too_short', () => {
  const verdict = judgeQuality({ words: MIN_ARTICLE_WORDS - 1, rawText: '', pageTitle: 'News' });
  assert.equal(verdict.status, 'too_short');
});

test('challenge titles are junk whatever the text', () => {
  for (const pageTitle of ['Just a moment...', 'Attention Required! | Cloudflare', 'Access Denied']) {
    assert.equal(judgeQuality({ words: 400, rawText: '', pageTitle }).status, 'junk', pageTitle);
  }
});

test('walls in the raw text of a short page are junk with their reason', () => {
  const cases: [string, string][] = [
    ['Please verify you are a human to continue.', 'bot challenge page'],
    ['The first paragraph. Subscribe now to continue reading.', 'paywall'],
    ['This article is only available to subscribers.', 'paywall'],
    ['We use cookies to improve your experience. Accept all cookies', 'cookie wall'],
  ];
  for (const [rawText, reason] of cases) {
    assert.deepEqual(judgeQuality({ words: 60, rawText, pageTitle: '' }), { status: 'junk', reason });
  }
});

test('a long article that mentions cookies or captchas stays ok', () => {
  const verdict = judgeQuality({ words: 600, rawText: 'Researchers broke a captcha; the site uses cookies.', pageTitle: 'Security news' });
  assert.equal(verdict.status, 'ok');
});
