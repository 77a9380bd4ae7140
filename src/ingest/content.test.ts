import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { htmlToText, prepareContent } from './content.ts';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

test('htmlToText separates blocks by a blank line and collapses whitespace inside them', () => {
  const html = '<h2>Title\n here</h2><p>One  <b>bold</b>\n\tword.</p><ul><li>a</li><li>b <ul><li>c</li></ul></li></ul>' +
    '<blockquote>Quoted</blockquote><p>line<br>break</p><table><tr><td>x</td><td>y</td></tr></table>';
  assert.equal(htmlToText(html), 'Title here\n\nOne bold word.\n\na\n\nb\n\nc\n\nQuoted\n\nline\n\nbreak\n\nx y');
});

test('htmlToText skips scripts, styles and the head of a full document', () => {
  const html = '<html><head><title>T</title><style>p{}</style></head><body><p>Body<script>x()</script> text</p></body></html>';
  assert.equal(htmlToText(html), 'Body text');
});

test('htmlToText decodes entities and changes nothing but whitespace', () => {
  assert.equal(htmlToText('<p>Caf&eacute; &amp; cafe\u0301&nbsp;bar</p>'), 'Caf\u00e9 & cafe\u0301 bar');
});

test('the content hash ignores Unicode composition', () => {
  const composed = prepareContent({ body: 'Caf\u00e9 today.', format: 'text' });
  const decomposed = prepareContent({ body: 'Cafe\u0301 today.', format: 'text' });
  assert.notEqual(composed.text, decomposed.text);
  assert.equal(composed.contentHash, decomposed.contentHash);
});

test('markdown is rendered, sanitized and turned into text', () => {
  const content = prepareContent({ body: readFileSync(new URL('./testdata/report.md', import.meta.url), 'utf8'), format: 'markdown', baseUrl: 'https://city.example/news/' });
  assert.match(content.html, /<h2>Council approves budget<\/h2>/);
  assert.match(content.html, /<strong>approved<\/strong>/);
  assert.match(content.html, /<a href="https:\/\/city\.example\/minutes\.pdf" rel="noopener noreferrer nofollow">the minutes<\/a>/);
  assert.doesNotMatch(content.html, /script|javascript/);
  assert.equal(
    content.text,
    'Council approves budget\n\nThe council approved the budget on Tuesday after a long debate.\n\n' +
      'Schools get more money.\n\nRoads get less.\n\n"It is a fair deal," the mayor said.\n\nRead more or the minutes.',
  );
  assert.equal(content.contentHash, sha256(content.text.normalize('NFC')));
  assert.equal(content.wordCount, 34);
});

test('plain text becomes escaped paragraphs, one per blank-line block', () => {
  const content = prepareContent({ body: 'First <b>line</b>\nsame paragraph.\n\n\nSecond & last.', format: 'text' });
  assert.equal(content.html, '<p>First &lt;b&gt;line&lt;/b&gt;\nsame paragraph.</p>\n<p>Second &amp; last.</p>');
  assert.equal(content.text, 'First <b>line</b> same paragraph.\n\nSecond & last.');
});

test('the same article in html and text gives the same text and hash', () => {
  const fromHtml = prepareContent({ body: '<div><p>Rain  today.</p><p onclick="x()">Sun tomorrow.</p></div>', format: 'html' });
  const fromText = prepareContent({ body: 'Rain today.\n\nSun tomorrow.', format: 'text' });
  assert.equal(fromHtml.text, fromText.text);
  assert.equal(fromHtml.contentHash, fromText.contentHash);
  assert.notEqual(fromHtml.contentHash, prepareContent({ body: 'Rain today.\n\nSun on Friday.', format: 'text' }).contentHash);
});

test('htmlToText survives nesting far deeper than any page', () => {
  const depth = 20_000;
  assert.equal(htmlToText(`${'<div>'.repeat(depth)}<p>deep</p>${'</div>'.repeat(depth)}<p>after</p>`), 'deep\n\nafter');
});
