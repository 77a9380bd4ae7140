import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { htmlToText } from '../content.ts';
import { extractArticle } from './extract.ts';

const page = (name: string) => readFileSync(new URL(`./testdata/${name}.html`, import.meta.url), 'utf8');

test('extracts the article body as paragraphs, without page chrome or boilerplate', () => {
  const result = extractArticle(page('article'), 'https://gazette.example/2026/03/night-ferry-returns?utm_source=rss');
  const paragraphs = result.text.split('\n\n');
  assert.equal(paragraphs.length, 7);
  assert.match(paragraphs[0]!, /^The overnight ferry between Southport and Northport will sail again from Friday/);
  assert.equal(paragraphs[3], 'New engines, fewer cabins');
  assert.equal(paragraphs[6], 'Tickets go on sale on Wednesday. Children under five travel free, and cyclists pay a reduced fare.');
  assert.doesNotMatch(result.text, /Advertisement|Related stories|Port budget|newsletter|Comments|Finally!|Photo:|Updated 9:05|Share on|Sport|All rights/);
  assert.equal(result.status, 'ok');
  assert.equal(result.reason, null);
  assert.equal(result.wordCount, 195);
});

test('html is sanitized, absolute, and gives back exactly the text', () => {
  const result = extractArticle(page('article'), 'https://gazette.example/2026/03/night-ferry-returns');
  assert.doesNotMatch(result.html, /<script|<style|class=|analytics/);
  assert.match(result.html, /<img src="https:\/\/gazette\.example\/images\/ferry\.jpg"/);
  assert.equal(htmlToText(result.html), result.text);
});

test('metadata from JSON-LD @graph, meta tags and the canonical link', () => {
  const result = extractArticle(page('article'), 'https://gazette.example/2026/03/night-ferry-returns?utm_source=rss');
  assert.equal(result.title, 'Night ferry returns after two-year pause');
  assert.equal(result.byline, 'Ines Marlow, Tom Reyes');
  assert.equal(result.published, '2026-03-02T06:30:00.000Z');
  assert.equal(result.modified, '2026-03-02T08:05:00.000Z');
  assert.equal(result.siteName, 'The Harbour Gazette');
  assert.equal(result.lang, 'en');
  assert.equal(result.canonicalUrl, 'https://gazette.example/2026/03/night-ferry-returns');
  assert.equal(result.leadImage, 'https://gazette.example/images/ferry-lead.jpg');
  assert.equal(result.excerpt, 'The overnight crossing to Northport resumes on Friday.');
});

test('metadata from meta tags alone, with broken JSON-LD', () => {
  const result = extractArticle(page('meta-tags'));
  assert.equal(result.title, 'Ensaio: a cidade e o rio');
  assert.equal(result.byline, 'Beatriz Lemos');
  assert.equal(result.published, '2026-02-14T13:00:00.000Z');
  assert.equal(result.modified, '2026-02-14T15:00:00.000Z');
  assert.equal(result.lang, 'pt');
  assert.equal(result.siteName, 'Jornal do Vale');
  assert.equal(result.canonicalUrl, 'https://jornal.example/ensaio-cidade-rio');
  assert.equal(result.leadImage, 'https://cdn.jornal.example/rio.jpg');
  assert.equal(result.text.split('\n\n').length, 3);
});

test('a page that declares no language gets the detected one; <time datetime> gives the date', () => {
  const result = extractArticle(page('undeclared'));
  assert.equal(result.lang, 'de');
  assert.equal(result.published, '2026-01-12T00:00:00.000Z');
});

test('bot challenges, paywalls and stubs are marked, not passed off as articles', () => {
  const challenge = extractArticle(page('challenge'));
  assert.equal(challenge.status, 'junk');
  assert.match(challenge.reason!, /bot challenge/);
  const paywall = extractArticle(page('paywall'));
  assert.equal(paywall.status, 'junk');
  assert.equal(paywall.reason, 'paywall');
  const stub = extractArticle(page('stub'));
  assert.equal(stub.status, 'too_short');
  assert.match(stub.reason!, /12 words/);
});

test('garbage input gives an empty, too-short result instead of an exception', () => {
  for (const input of ['', 'not html at all', '<<<>>>', '<html><body></body></html>', '\u0000\uffff']) {
    const result = extractArticle(input, 'not a url');
    assert.equal(result.status, 'too_short');
    assert.equal(result.canonicalUrl, null);
  }
});

test('a page nested far deeper than any real one is refused, not parsed for seconds', () => {
  const result = extractArticle(`<html><body>${'<div>'.repeat(1000)}<p>deep</p>${'</div>'.repeat(1000)}</body></html>`);
  assert.equal(result.status, 'junk');
  assert.equal(result.reason, 'page nested deeper than 200 elements');
  assert.equal(result.text, '');
});

test('relative URLs resolve against <base href> when the page has one', () => {
  const html = '<html><head><base href="https://cdn.example/site/"></head><body><article><p>Read the <a href="report.html">full report</a> here.</p><img src="img/chart.png"></article></body></html>';
  const result = extractArticle(html, 'https://news.example/story');
  assert.match(result.html, /href="https:\/\/cdn\.example\/site\/report\.html"/);
  assert.match(result.html, /src="https:\/\/cdn\.example\/site\/img\/chart\.png"/);
});
