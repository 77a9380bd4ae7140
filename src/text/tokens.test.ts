import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contentTerms, contentTermsOfTokens, isStopword, stem, tokenize } from './tokens.ts';

test('tokenize: lowercased letters and digits of any script', () => {
  assert.deepEqual(
    tokenize('Hello, World! Ça va? Привет, мир. 東京 2024 naïve'),
    ['hello', 'world', 'ça', 'va', 'привет', 'мир', '東京', '2024', 'naïve'],
  );
});

test('tokenize: apostrophes, dots and hyphens split words as in the ROUGE tokenizer', () => {
  assert.deepEqual(tokenize("Don't stop U.S. growth-at 3.5%"), ['don', 't', 'stop', 'u', 's', 'growth', 'at', '3', '5']);
});

test('tokenize: scripts written without spaces are split into words, not clauses', () => {
  assert.deepEqual(tokenize('东京电视台报道，日本首相周二宣布新的经济计划。'), ['东京', '电视', '台', '报道', '日本', '首相', '周二', '宣布', '新的', '经济', '计划']);
  assert.deepEqual(tokenize('首相は新しい経済対策を発表した'), ['首相', 'は', '新しい', '経済', '対策', 'を', '発表', 'した']);
  assert.deepEqual(tokenize('ประกาศแผนเศรษฐกิจใหม่'), ['ประกาศ', 'แผน', 'เศรษฐกิจ', 'ใหม่']);
  assert.deepEqual(tokenize("東京 Don't stop 3.5%"), ['東京', 'don', 't', 'stop', '3', '5'], 'other words as the regex splits them');
});

test('tokenize: decomposed accents match composed ones', () => {
  assert.deepEqual(tokenize('Cafe\u0301'), tokenize('Café'));
  assert.deepEqual(tokenize('Café'), ['café']);
});

test('tokenize: nothing to tokenize', () => {
  assert.deepEqual(tokenize(''), []);
  assert.deepEqual(tokenize(' -- ... !!! '), []);
});

const STEMS: Record<string, Array<[string, string]>> = {
  en: [['running', 'run'], ['studies', 'studi'], ['caresses', 'caress'], ['presidents', 'presid']],
  de: [['häuser', 'haus'], ['regierungen', 'regier']],
  fr: [['gouvernements', 'gouvern'], ['présidente', 'président']],
  es: [['gobiernos', 'gobi']],
  it: [['governi', 'govern'], ['presidente', 'president']],
  pt: [['governos', 'govern'], ['presidentes', 'president']],
  nl: [['regeringen', 'reger']],
  ru: [['правительства', 'правительств'], ['президентом', 'президент']],
  uk: [['президентом', 'президент'], ['україни', 'україн'], ['містах', 'міст']],
};

for (const [lang, pairs] of Object.entries(STEMS)) {
  test(`stem: ${lang}`, () => {
    for (const [word, expected] of pairs) {
      assert.equal(stem(word, lang), expected, word);
      assert.equal(stem(word, lang), expected, `${word} (memoized)`);
    }
  });
}

test('stem: languages without a stemmer keep the word', () => {
  assert.equal(stem('東京', 'ja'), '東京');
  assert.equal(stem('running', 'xx'), 'running');
});

const STOPWORDS: Record<string, [stopword: string, contentWord: string]> = {
  en: ['the', 'economy'], de: ['und', 'regierung'], fr: ['les', 'gouvernement'], es: ['los', 'gobierno'],
  it: ['della', 'governo'], pt: ['não', 'governo'], nl: ['het', 'regering'], ru: ['и', 'правительство'],
  uk: ['але', 'уряд'],
};

for (const [lang, [stopword, contentWord]] of Object.entries(STOPWORDS)) {
  test(`isStopword: ${lang}`, () => {
    assert.equal(isStopword(stopword, lang), true);
    assert.equal(isStopword(contentWord, lang), false);
  });
}

test('isStopword: unknown language has no stopwords', () => {
  assert.equal(isStopword('the', 'xx'), false);
});

test('contentTerms: drops stopwords, stems the rest', () => {
  assert.deepEqual(contentTerms('The presidents were running to the economic summit.', 'en'), ['presid', 'run', 'econom', 'summit']);
  assert.deepEqual(contentTerms('Die Regierungen haben die Steuern erhöht.', 'de'), ['regier', 'steu', 'erhoht']);
  assert.deepEqual(contentTerms('Уряд України підвищив податки.', 'uk'), ['уряд', 'україн', 'підвищ', 'податк']);
  assert.deepEqual(contentTerms('東京 2024', 'ja'), ['東京', '2024']);
});

test('contentTerms: English keeps content words that broad stopword lists drop', () => {
  assert.deepEqual(contentTerms('The state spent a million on her home.', 'en-GB'), ['state', 'spent', 'million', 'home']);
  assert.equal(isStopword('million', 'en'), true); // the segmenter's broad list is unchanged
});

test('contentTermsOfTokens: same terms from tokens already at hand', () => {
  const text = 'Les gouvernements ont augmenté les impôts.';
  assert.deepEqual(contentTermsOfTokens(tokenize(text), 'fr'), contentTerms(text, 'fr'));
  assert.deepEqual(contentTerms(text, 'fr'), ['gouvern', 'augment', 'impôt']);
});

test('language tags with a region use their primary language', () => {
  assert.equal(stem('running', 'en-US'), 'run');
  assert.equal(isStopword('não', 'pt_BR'), true);
  assert.deepEqual(contentTerms('Die Regierungen', 'DE-at'), ['regier']);
});

test('tokenize and contentTerms accept binary garbage and lone surrogates', () => {
  let garbage = '';
  for (let i = 0; i < 5000; i++) garbage += String.fromCharCode((i * 7919) % 0xffff);
  for (const lang of ['en', 'ru', 'uk', 'xx']) {
    const terms = contentTerms(garbage, lang);
    assert.ok(terms.every((term) => term.length > 0));
  }
  assert.ok(tokenize(garbage).length > 0);
});
