import { test } from 'node:test';
import assert from 'node:assert/strict';
import { maskMarkup } from './markup.ts';

test('markup is blanked in place, keeping every offset', () => {
  const html = '<html><head><title>T</title></head><body><nav><a href="/">Home</a></nav><p>One <b>bold</b> fact.</p><!-- note --><script>x < 1</script><p>Two.</p></body></html>';
  const masked = maskMarkup(html);
  assert.equal(masked.length, html.length);
  assert.equal(masked.replace(/\s+/g, ' ').trim(), 'One bold fact. Two.');
  const at = html.indexOf('fact.');
  assert.equal(masked.slice(at, at + 5), 'fact.');
  assert.match(masked, /fact\.\s*\n\n\s*Two/);
});

test('text without markup is returned unchanged', () => {
  for (const text of ['Plain text, 3 < 4 and 5 > 2.', '', 'a <b and c']) assert.equal(maskMarkup(text), text);
});
