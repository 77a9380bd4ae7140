import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { absoluteSrcset, sanitizeHtml } from './sanitize.ts';

const BASE = 'https://news.example/world/harbour.html';
const hostile = readFileSync(new URL('./testdata/hostile.html', import.meta.url), 'utf8');

test('removes scripts, styles, event handlers and style attributes', () => {
  const out = sanitizeHtml(hostile, BASE);
  assert.doesNotMatch(out, /<script|<style|onerror|onclick|onload|style=|alert|document\.cookie|display:none/i);
  assert.match(out, /<p>Boats returned on <time datetime="2026-03-02">Monday<\/time>.<\/p>/);
});

test('refuses javascript: and data: links, also obfuscated ones, keeping their text', () => {
  const out = sanitizeHtml(hostile, BASE);
  assert.doesNotMatch(out, /javascript|data:/i);
  assert.match(out, /obfuscated/);
  assert.match(out, /uppercase/);
  assert.doesNotMatch(out, /<a[^>]*>obfuscated/);
});

test('drops svg and math content, forms and their controls', () => {
  const out = sanitizeHtml(hostile, BASE);
  assert.doesNotMatch(out, /<svg|<math|<mglyph|svg text|<form|<input|<button|Send/);
  assert.doesNotMatch(out, /src="x"|example\/world\/x"/);
});

test('keeps only allow-listed video embeds, sandboxed', () => {
  const out = sanitizeHtml(hostile, BASE);
  assert.doesNotMatch(out, /evil\.example|fallback/);
  const embeds = out.match(/<iframe[^>]*>/g) ?? [];
  assert.equal(embeds.length, 1);
  assert.match(embeds[0]!, /src="https:\/\/www\.youtube\.com\/embed\/dQw4w9WgXcQ"/);
  assert.match(embeds[0]!, /sandbox="allow-scripts allow-same-origin allow-presentation allow-popups"/);
  assert.equal(sanitizeHtml('<iframe src="https://www.youtube.com/watch?v=x"></iframe>'), '');
  assert.match(sanitizeHtml('<iframe src="//player.vimeo.com/video/42"></iframe>'), /src="https:\/\/player\.vimeo\.com\/video\/42"/);
});

test('makes image and link URLs absolute and marks links nofollow', () => {
  const out = sanitizeHtml(hostile, BASE);
  assert.match(out, /<img src="https:\/\/news\.example\/photos\/harbour\.jpg" alt="The harbour" loading="lazy" \/>/);
  assert.match(out, /<a href="https:\/\/news\.example\/about" rel="noopener noreferrer nofollow">About us<\/a>/);
  assert.match(out, /<h2>Harbour reopens after storm<\/h2>/);
});

test('an existing rel cannot weaken the one we set', () => {
  const out = sanitizeHtml('<a href="https://a.example/" rel="opener">x</a>');
  assert.equal(out, '<a href="https://a.example/" rel="noopener noreferrer nofollow">x</a>');
});

test('srcset candidates become absolute, commas inside URLs survive, data: candidates go', () => {
  assert.equal(
    absoluteSrcset('small.jpg 480w, /img/w_800,q_80.jpg 800w,big.jpg', BASE),
    'https://news.example/world/small.jpg 480w, https://news.example/img/w_800,q_80.jpg 800w, https://news.example/world/big.jpg',
  );
  const out = sanitizeHtml('<img src="a.jpg" srcset="a.jpg 1x, data:image/png;base64,AAAA 2x">', BASE);
  assert.match(out, /srcset="https:\/\/news\.example\/world\/a\.jpg 1x"/);
  assert.doesNotMatch(out, /data:/);
});

test('data: images and images without a usable src are removed', () => {
  assert.equal(sanitizeHtml('<p>x<img src="data:image/png;base64,AAAA"></p>', BASE), '<p>x</p>');
  assert.equal(sanitizeHtml('<p>x<img src="javascript:alert(1)"></p>', BASE), '<p>x</p>');
});

test('keeps semantic article markup', () => {
  const html =
    '<figure><img src="https://i.example/a.jpg" alt=""><figcaption>Caption</figcaption></figure>' +
    '<blockquote><p>Quote</p></blockquote><ul><li><em>a</em></li></ul><ol start="3"><li><strong>b</strong></li></ol>' +
    '<pre><code>x &lt; y</code></pre><table><thead><tr><th scope="col">H</th></tr></thead><tbody><tr><td colspan="2">D</td></tr></tbody></table>';
  assert.equal(sanitizeHtml(html), html.replace('alt="">', 'alt="" loading="lazy" />'));
});

test('relative URLs stay relative without a base; protocol-relative ones become https', () => {
  assert.equal(
    sanitizeHtml('<a href="/x">x</a><img src="//cdn.example/p.jpg">'),
    '<a href="/x" rel="noopener noreferrer nofollow">x</a><img src="https://cdn.example/p.jpg" loading="lazy" />',
  );
});

test('structural blocks become divs, so their text stays a paragraph of its own', () => {
  assert.equal(
    sanitizeHtml('<header class="x">Kicker</header>Body<aside>Note</aside><address>Town Hall</address>'),
    '<div>Kicker</div>Body<div>Note</div><div>Town Hall</div>',
  );
});
