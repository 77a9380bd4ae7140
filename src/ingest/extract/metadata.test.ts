import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHTML } from 'linkedom';
import { normalizeDate, normalizeLanguage, readMetadata } from './metadata.ts';

const metadataOf = (head: string, body = '', url?: string) =>
  readMetadata(parseHTML(`<html><head>${head}</head><body>${body}</body></html>`).document as unknown as Document, url);

test('normalizeDate accepts ISO, RFC 2822 and epoch forms and refuses nonsense', () => {
  assert.equal(normalizeDate('2026-03-02T07:30:00+01:00'), '2026-03-02T06:30:00.000Z');
  assert.equal(normalizeDate('Mon, 02 Mar 2026 06:30:00 GMT'), '2026-03-02T06:30:00.000Z');
  assert.equal(normalizeDate('1772433000'), '2026-03-02T06:30:00.000Z');
  assert.equal(normalizeDate('1772433000000'), '2026-03-02T06:30:00.000Z');
  assert.equal(normalizeDate('yesterday'), null);
  assert.equal(normalizeDate('0001-01-01'), null);
  assert.equal(normalizeDate(''), null);
});

test('normalizeLanguage keeps the primary subtag', () => {
  assert.equal(normalizeLanguage('en-US'), 'en');
  assert.equal(normalizeLanguage('pt_BR'), 'pt');
  assert.equal(normalizeLanguage(' DE '), 'de');
  assert.equal(normalizeLanguage('English'), null);
  assert.equal(normalizeLanguage(undefined), null);
});

test('JSON-LD: article found in a top-level array, author as a string, image as an object', () => {
  const meta = metadataOf(`<script type="application/ld+json">[{"@type":"Organization","name":"Org"},
    {"@type":["ReportageNewsArticle"],"headline":" Flood  warning ","author":"By Kim Lee","datePublished":"2026-01-05",
     "image":{"@type":"ImageObject","url":"/flood.jpg"},"inLanguage":"fr-CA","mainEntityOfPage":{"@id":"https://n.example/flood"}}]</script>`,
    '', 'https://n.example/x');
  assert.equal(meta.title, 'Flood warning');
  assert.equal(meta.byline, 'Kim Lee');
  assert.equal(meta.published, '2026-01-05T00:00:00.000Z');
  assert.equal(meta.leadImage, 'https://n.example/flood.jpg');
  assert.equal(meta.lang, 'fr');
  assert.equal(meta.canonicalUrl, 'https://n.example/flood');
});

test('meta tags: Dublin Core date, content-language, author URLs ignored', () => {
  const meta = metadataOf(
    '<meta name="DC.date" content="2025-12-24"><meta http-equiv="content-language" content="nl"><meta property="article:author" content="https://social.example/kim"><meta name="author" content="Kim Lee">',
  );
  assert.equal(meta.published, '2025-12-24T00:00:00.000Z');
  assert.equal(meta.lang, 'nl');
  assert.equal(meta.byline, 'Kim Lee');
});

test('<time itemprop=datePublished> beats an earlier unrelated <time>', () => {
  const meta = metadataOf('', '<time datetime="2020-01-01">old</time><time itemprop="datePublished" datetime="2026-02-01T12:00:00Z">new</time>');
  assert.equal(meta.published, '2026-02-01T12:00:00.000Z');
});

test('a page without metadata gives nulls, and javascript: canonical links are refused', () => {
  const meta = metadataOf('<link rel="canonical" href="javascript:alert(1)">');
  assert.deepEqual(Object.values(meta), Object.values(meta).map(() => null));
});
