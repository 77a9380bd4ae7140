import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DOMParser } from 'linkedom';
import { prepareContent } from '../ingest/content.ts';
import { splitSentences } from '../text/segment.ts';
import { markSourceSentences, type SourceRange } from './source-marks.ts';

const HTML = [
  '<h2>Big <em>news</em> today</h2>',
  '<p>The mayor said on   Monday that the <a href="https://example.org/">bridge</a> will close. Traffic &amp; buses reroute.</p>',
  '<ul><li>One item here.</li><li>Two <b>bold</b> items.</li></ul>',
  '<blockquote><p>“Quote &lt;this&gt;,” she said.</p></blockquote>',
].join('\n');

function sentencesOf(html: string): { html: string; text: string; ranges: SourceRange[] } {
  const content = prepareContent({ body: html, format: 'html' });
  const ranges = splitSentences(content.text).map((s, index) => ({ index, start: s.start, end: s.end }));
  return { html: content.html, text: content.text, ranges };
}

/** The text of every piece wrapped for sentence `index`, joined. */
function wrappedText(html: string, index: number): string {
  const document = new DOMParser().parseFromString(`<html><body>${html}</body></html>`, 'text/html');
  return [...document.querySelectorAll(`[data-s="${index}"]`)].map((el) => el.textContent).join('');
}

test('every sentence of the plain text is wrapped where it stands in the HTML', () => {
  const { html, text, ranges } = sentencesOf(HTML);
  assert.equal(ranges.length, 6);
  const marked = markSourceSentences(html, text, ranges);
  assert.deepEqual([...marked.marked].sort(), [0, 1, 2, 3, 4, 5]);
  for (const range of ranges) {
    const expected = text.slice(range.start, range.end);
    assert.equal(wrappedText(marked.html, range.index).replace(/\s+/g, ' ').trim(), expected, `sentence ${range.index}`);
  }
  // The anchor sits on the first piece only, once per sentence.
  assert.equal(marked.html.match(/id="s-1"/g)?.length, 1);
  assert.match(marked.html, /<a href="https:\/\/example.org\/"[^>]*><span data-s="1" class="src">bridge<\/span><\/a>/);
});

test('wrapping changes no text: the marked HTML has the same plain text', () => {
  const { html, text, ranges } = sentencesOf(HTML);
  const marked = markSourceSentences(html, text, ranges);
  assert.equal(prepareContent({ body: marked.html, format: 'html' }).text, text);
  assert.match(marked.html, /&lt;this&gt;/, 'markup characters stay escaped');
});

test('only the quoted sentences are wrapped; others are left alone', () => {
  const { html, text, ranges } = sentencesOf(HTML);
  const marked = markSourceSentences(html, text, [ranges[2]!]);
  assert.deepEqual([...marked.marked], [2]);
  assert.equal(marked.html.match(/class="src"/g)?.length, 1);
  assert.equal(wrappedText(marked.html, 2), 'Traffic & buses reroute.');
});

test('ranges that do not fit the text are skipped, not guessed', () => {
  const { html, text } = sentencesOf(HTML);
  const marked = markSourceSentences(html, text, [
    { index: 7, start: 10, end: 5 },
    { index: 8, start: 0, end: text.length + 10 },
  ]);
  assert.equal(marked.marked.size, 0);
  // A text that is not this HTML's text: nothing lines up, nothing is marked.
  const other = markSourceSentences(html, 'Entirely different words here.', [{ index: 0, start: 0, end: 30 }]);
  assert.equal(other.marked.size, 0);
  assert.doesNotMatch(other.html, /class="src"/);
});

test('character references, comments and quoted ">" are read as the parser reads them; the rest is kept byte for byte', () => {
  const html = '<p>Fish &amp chips &#x1F600; cost x&nbsp;y.<!-- a > b --> <a title="a>b" href="https://example.org/">Next</a> one.</p>';
  const text = 'Fish & chips \u{1F600} cost x\u00a0y. Next one.';
  const second = text.indexOf('Next');
  const marked = markSourceSentences(html, text, [{ index: 0, start: 0, end: second - 1 }, { index: 1, start: second, end: text.length }]);
  assert.deepEqual([...marked.marked], [0, 1]);
  assert.equal(wrappedText(marked.html, 0), text.slice(0, second - 1));
  assert.equal(wrappedText(marked.html, 1), 'Next one.');
  assert.equal(marked.html.replace(/<\/?span[^>]*>/g, ''), html);
});
