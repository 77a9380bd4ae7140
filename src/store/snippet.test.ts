import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HIGHLIGHT_END, HIGHLIGHT_START, SNIPPET_WORDS, makeSnippet } from './snippet.ts';

const marked = (word: string) => `${HIGHLIGHT_START}${word}${HIGHLIGHT_END}`;
const words = (count: number, word = 'filler') => Array.from({ length: count }, () => word).join(' ');

test('marks the words whose stem or folded form is a query word', () => {
  const snippet = makeSnippet('The Café opened. Ferries run, and she is running late.', ['cafe', 'runs'], 'en');
  assert.equal(snippet, `The ${marked('Café')} opened. Ferries ${marked('run')}, and she is ${marked('running')} late.`);
  assert.equal(makeSnippet('Die Stadt baut neue Häuser.', ['Häuser'], 'de'), `Die Stadt baut neue ${marked('Häuser')}.`);
});

test('cuts about SNIPPET_WORDS words around the first passage holding every query word', () => {
  const text = `${words(100)} harbour ${words(100)} harbour ferries ${words(100)}.`;
  const snippet = makeSnippet(text, ['ferries', 'harbour'], 'en');
  assert.ok(snippet.startsWith('…') && snippet.endsWith('…'), snippet);
  assert.ok(snippet.includes(`${marked('harbour')} ${marked('ferries')}`), snippet);
  assert.equal(snippet.split(' ').length, SNIPPET_WORDS);
});

test('without a match in the text (a title hit) the snippet is the start of the text', () => {
  assert.equal(makeSnippet(`${words(40)}.`, ['ferry'], 'en'), `${words(SNIPPET_WORDS)}…`);
  assert.equal(makeSnippet('Short text,\n\n  on two lines.', ['ferry'], 'en'), 'Short text, on two lines.');
  assert.equal(makeSnippet('', ['ferry'], 'en'), '');
});
