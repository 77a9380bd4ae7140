import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadDevSets, DEV_SET_FILES, SHARED_SUMMARIZATION_DIR } from './devdata.ts';
import { summarize, SUMMARIZER_VERSION, type Summary } from './summarize.ts';

/** Every sentence is the verbatim span at its offsets, in article order, with a valid index. */
function assertFaithful(text: string, summary: Summary, label = ''): void {
  let previousEnd = -1;
  let previousIndex = -1;
  for (const s of summary.sentences) {
    assert.equal(text.slice(s.start, s.end), s.text, `${label} span ${s.start}-${s.end}`);
    assert.ok(s.start >= previousEnd, `${label} sentences overlap or are out of order`);
    assert.ok(s.index > previousIndex, `${label} indices not increasing`);
    assert.ok(s.text.trim().length > 0 && Number.isFinite(s.score), label);
    previousEnd = s.end;
    previousIndex = s.index;
  }
}

/** Seeded generator so failures reproduce. */
function random(seed: number): () => number {
  let state = seed;
  return () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32);
}

const PIECES = [
  'The', 'minister', 'said', 'Mr.', 'Smith', 'U.S.', 'officials', '$3.5', 'billion', 'on', 'Jan.', '5', 'e.g.',
  '"Why?"', 'he', 'asked.', 'It', 'rose', '4.5%', 'in', 'Paris.', '(CNN)', '--', 'café', 'Zürich', 'Київ', '東京',
  '😀', '...', '?!', '<p>', '</p>', '&amp;', '\n', '\n\n', '\t', '—', '«', '»', 'No.', '1', 'a.m.', '.', ',', ';',
];

function syntheticArticle(next: () => number): string {
  const words = Math.floor(next() * 400);
  const parts: string[] = [];
  for (let i = 0; i < words; i++) parts.push(PIECES[Math.floor(next() * PIECES.length)]!);
  return parts.join(next() < 0.5 ? ' ' : '');
}

test('every sentence is a verbatim span on many synthetic inputs', () => {
  const next = random(42);
  for (let i = 0; i < 300; i++) {
    const text = syntheticArticle(next);
    for (const length of ['short', 'medium', 'long', 'bullets'] as const) assertFaithful(text, summarize(text, { length }), `input ${i}`);
  }
});

const ARTICLE = Array.from({ length: 40 }, (_, i) =>
  `Sentence ${i + 1} reports that the council approved plan number ${i + 1} for the river district on Monday.`,
).join(' ');

test('lengths choose the documented number of sentences, in article order', () => {
  const count = (length: 'short' | 'medium' | 'long' | 'bullets') => summarize(ARTICLE, { length }).sentences.length;
  assert.ok(count('short') >= 1 && count('short') <= 2);
  assert.equal(count('medium'), 3);
  assert.ok(count('long') >= 5 && count('long') <= 6);
  assert.ok(count('bullets') >= 3 && count('bullets') <= 5);
  assert.equal(summarize(ARTICLE).length, 'medium');
  assert.equal(summarize(ARTICLE, { sentences: 7 }).sentences.length, 7);
  for (const sentences of [0, -2, Number.NaN]) assert.equal(summarize(ARTICLE, { sentences }).sentences.length, 0);
  const indices = summarize(ARTICLE, { length: 'long' }).sentences.map((s) => s.index);
  assert.deepEqual(indices, [...indices].sort((a, b) => a - b));
  assert.match(SUMMARIZER_VERSION, /\S/);
});

test('the lead sentence of a news article is chosen', () => {
  const text = 'The city council voted on Monday to close the old bridge after engineers found deep cracks in its supports. ' +
    'Engineers said the cracks had grown over the winter. Traffic will be diverted to the new bridge downstream. ' +
    'The weather was mild. Local shops fear losing customers while the bridge is closed. ' +
    'Repairs are expected to take two years and cost $40 million, the council said.';
  const summary = summarize(text, { title: 'Council closes old bridge over cracks', length: 'short' });
  assert.equal(summary.sentences[0]?.index, 0);
  assert.equal(summary.lang, 'en');
});

test('page chrome is never chosen', () => {
  const chrome = ['No time to read? Get a summary', 'Previous Article', 'Next Article', 'Read more', 'Click here to subscribe.',
    'Share this article', 'Photo: Reuters', 'This article was updated on May 2.'];
  const body = ARTICLE.split('. ').slice(0, 12);
  const text = body.map((sentence, i) => `${chrome[i % chrome.length]}\n\n${sentence}.`).join('\n\n');
  const summary = summarize(text, { sentences: 100 });
  assertFaithful(text, summary);
  assert.equal(summary.sentences.length, body.length);
  for (const s of summary.sentences) assert.ok(!chrome.some((c) => s.text.includes(c)), s.text);
});

test('a header flattened into the text (byline, timestamps) is neither chosen nor counted as the lead', () => {
  const header = 'By . Jane Doe for MailOnline . PUBLISHED: . 14:11 EST, 25 October 2013 . | . UPDATED: . 15:36 EST, 25 October 2013 . ';
  const text = header + 'The city council voted on Monday to close the old bridge after engineers found deep cracks in its supports. ' +
    'Engineers said the cracks had grown over the winter. Scroll down for video . Traffic will be diverted to the new bridge downstream. ' +
    'Repairs are expected to take two years and cost $40 million, the council said.';
  const summary = summarize(text, { sentences: 100 });
  assertFaithful(text, summary);
  assert.deepEqual(summary.sentences.map((s) => s.text.slice(0, 12)), ['The city cou', 'Engineers sa', 'Traffic will', 'Repairs are ']);
  assert.equal(summarize(text, { length: 'short' }).sentences[0]?.text.slice(0, 12), 'The city cou');
});

test('bad inputs give a sensible result, never a throw', () => {
  const next = random(7);
  const binary = String.fromCharCode(...Array.from({ length: 5000 }, () => Math.floor(next() * 256)));
  const inputs = {
    empty: '',
    blank: ' \n\n\t ',
    oneSentence: 'Just one sentence without punctuation',
    noPunctuation: Array.from({ length: 3000 }, (_, i) => `word${i % 97}`).join(' '),
    binary,
    html: '<html><body><div class="nav"><a href="/">Home</a></div><p>The mayor opened the new library on Friday.</p><script>var x = {a: 1};</script></body></html>',
    mixedScripts: 'Президент заявив про нові санкції. The president announced new sanctions. 大統領は新たな制裁を発表した。 Le président a annoncé de nouvelles sanctions.',
    huge: 'The committee met again to discuss the budget and the new school building. '.repeat(70_000),
  };
  for (const [name, text] of Object.entries(inputs)) {
    const summary = summarize(text);
    assertFaithful(text, summary, name);
    assert.ok(summary.sentences.length <= 3, name);
  }
  assert.equal(summarize('').sentences.length, 0);
  assert.equal(summarize(inputs.oneSentence).sentences.length, 1);
  assert.equal(summarize(inputs.huge).sentences.length, 3);
  const fromHtml = summarize(inputs.html, { sentences: 10 }).sentences.map((s) => s.text);
  assert.ok(fromHtml.includes('The mayor opened the new library on Friday.'), fromHtml.join(' | '));
  for (const s of fromHtml) assert.doesNotMatch(s, /[<>]|var x/);
});

const present = loadDevSets(Object.keys(DEV_SET_FILES));

test('every summary sentence of every development article is a verbatim span', {
  skip: present.length ? false : `no development sets under ${SHARED_SUMMARIZATION_DIR}`,
}, () => {
  for (const set of present) {
    for (const row of set.articles) {
      const summary = summarize(row.article, { title: row.title ?? undefined, length: 'long' });
      assert.ok(summary.sentences.length > 0, `${set.name}/${row.id} got no summary`);
      assertFaithful(row.article, summary, `${set.name}/${row.id}`);
    }
  }
});
