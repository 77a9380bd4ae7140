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

test('finds a word deep in a long text in any form its stem takes, and skips words that only look alike', () => {
  const long = (middle: string) => `${words(600)} ${middle} ${words(600)}.`;
  for (const [middle, term, lang] of [['ferry', 'ferries', 'en'], ['Running', 'runs', 'en'], ['Straße', 'strasse', 'de'], ['école', 'ecole', 'fr']]) {
    const snippet = makeSnippet(long(`the ${middle} left`), [term!], lang!);
    assert.equal(snippet, `…${words(3)} the ${marked(middle!)} left ${words(SNIPPET_WORDS - 6)}…`, `${term} in ${lang}`);
  }
  // Words starting like "ferry" throughout, none of them a match: the snippet is the text's start.
  assert.equal(makeSnippet(`${words(300, 'ferment')} fertile ${words(300, 'fence')}.`, ['ferry'], 'en'), `${words(SNIPPET_WORDS, 'ferment')}…`);
  // Two query words far apart, then together: the passage holding both.
  const text = `${words(200)} harbour ${words(200)} ferry ${words(200)} harbour ferry ${words(50)}.`;
  assert.ok(makeSnippet(text, ['harbour', 'ferry'], 'en').includes(`${marked('harbour')} ${marked('ferry')}`));
});
