import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { htmlToText } from '../content.ts';
import { cleanArticle, type CleanupHints } from './cleanup.ts';

function clean(html: string, hints: CleanupHints = { title: 'The village choir sings again', byline: 'Ana Ruiz', urls: ['https://paper.example/2026/choir'] }): string[] {
  const { document } = parseHTML(`<html><body>${html}</body></html>`);
  return htmlToText(cleanArticle(document.body.firstElementChild as unknown as Element, hints)).split('\n\n');
}

const fixture = readFileSync(new URL('./testdata/boilerplate.html', import.meta.url), 'utf8');

test('keeps the article prose, its short facts and content lists', () => {
  assert.deepEqual(clean(fixture), [
    'After three silent winters, the village choir of Lindholm gave its first concert on Saturday in the restored chapel on the hill.',
    'Forty singers, the youngest eleven and the oldest ninety-one, performed songs collected in the valley a century ago.',
    'The concert raised enough money to repair the chapel organ, which has not been played since a storm damaged its pipes in 2019, the choir leader said.',
    'Sopranos: 14',
    'Altos: 12',
    'Tenors and basses: 14',
    'Next concert: 4 April, 7 pm.',
    'Donations are welcome at the chapel door.',
  ]);
});

test('each rule alone', () => {
  const hints: CleanupHints = { title: null, byline: null, urls: [] };
  const kept = 'The choir will tour three towns in the spring.';
  const cases: [string, string][] = [
    ['section label + dateline', '<p>Published 11:11 PM EST Nov 19, 2026</p>'],
    ['byline line', '<p>By Justine Cole - 11/18/26 11:04 PM EST</p>'],
    ['credit after an image', '<div><img src="/x.jpg"></div><p>Photo: Lee Park</p>'],
    ['figcaption', '<figure><img src="/x.jpg"><figcaption>A long caption about the picture that is shown.</figcaption></figure>'],
    ['caption class', '<div class="wp-caption-text">Singers on stage.</div>'],
    ['prompt', '<p>Sign up for our newsletter and get the best stories every morning.</p>'],
    ['shortcode', '<p>[button link="/x"] Send us your story[/button]</p>'],
    ['link menu', '<ul><li><a href="/a">Home</a></li><li><a href="/b">News</a></li></ul>'],
  ];
  for (const [name, html] of cases) {
    assert.deepEqual(clean(`<div>${html}<p>${kept}</p></div>`, hints), [kept], name);
  }
});

test('a "Don\'t miss" box ends where prose resumes; a comments header ends the article', () => {
  const lines = clean(fixture);
  assert.ok(lines.some((line) => line.startsWith('The concert raised')));
  assert.ok(!lines.some((line) => /Village fair|Bakery|lovely evening|Comments/.test(line)));
});

test('a time of day alone, a sentence with a date and a one-word paragraph in a table survive', () => {
  const hints: CleanupHints = { title: null, byline: null, urls: [] };
  const html = '<div><p>4:14 p.m.</p><p>The vote is on Nov 19, 2026.</p><table><tr><td>Total</td></tr><tr><td>Total</td></tr></table></div>';
  assert.deepEqual(clean(html, hints), ['4:14 p.m.', 'The vote is on Nov 19, 2026.', 'Total', 'Total']);
});

test('a long block is kept even when its class says caption', () => {
  const hints: CleanupHints = { title: null, byline: null, urls: [] };
  const sentence = 'The harbour master counted every boat that came back after the storm and wrote their names in the log. ';
  const lines = clean(`<div><div class="story-caption-layout"><p>${sentence.repeat(5).trim()}</p></div></div>`, hints);
  assert.deepEqual(lines, [sentence.repeat(5).trim()]);
});
