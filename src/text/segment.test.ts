import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitParagraphs, splitSentences, type Span } from './segment.ts';

/** Every span is a trimmed, verbatim slice of the source, in order and without overlap. */
function assertVerbatim(source: string, spans: Span[]): void {
  let previousEnd = 0;
  for (const span of spans) {
    assert.equal(span.text, source.slice(span.start, span.end));
    assert.equal(span.text, span.text.trim());
    assert.ok(span.text.length > 0);
    assert.ok(span.start >= previousEnd, `span at ${span.start} overlaps the previous one`);
    previousEnd = span.end;
  }
}

function sentences(text: string, lang = 'en'): string[] {
  const spans = splitSentences(text, lang);
  assertVerbatim(text, spans);
  return spans.map((span) => span.text);
}

const CASES: Array<{ name: string; lang?: string; text: string; expected: string[] }> = [
  {
    name: 'titles before names',
    text: 'Mr. Smith met Mrs. Jones and Dr. Brown. Gen. Lee, Sen. Warren, Rep. King and Gov. Brown agreed.',
    expected: ['Mr. Smith met Mrs. Jones and Dr. Brown.', 'Gen. Lee, Sen. Warren, Rep. King and Gov. Brown agreed.'],
  },
  {
    name: 'St. as a title and as a street',
    text: 'He lives on St. James St. in London. It is quiet.',
    expected: ['He lives on St. James St. in London.', 'It is quiet.'],
  },
  {
    name: 'dotted acronyms mid-sentence and at the end',
    text: 'The U.S. economy grew. Growth in the U.K. was slower. He moved to the U.S. He liked it.',
    expected: ['The U.S. economy grew.', 'Growth in the U.K. was slower.', 'He moved to the U.S.', 'He liked it.'],
  },
  {
    name: 'months and No. before numbers',
    text: 'On Jan. 5 the No. 1 seed lost. It was a shock. He was ranked No. 1. Then he lost.',
    expected: ['On Jan. 5 the No. 1 seed lost.', 'It was a shock.', 'He was ranked No. 1.', 'Then he lost.'],
  },
  {
    name: 'a.m. and p.m.',
    text: 'The meeting ended at 5 p.m. on Friday. It resumed at 9 a.m. The talks failed.',
    expected: ['The meeting ended at 5 p.m. on Friday.', 'It resumed at 9 a.m.', 'The talks failed.'],
  },
  {
    name: 'e.g., i.e., vs. and etc.',
    text: 'Some fruits, e.g. apples, i.e. the red ones, are sweet. Apples vs. pears is old. ' +
      'They sell fruit, nuts, etc. and more. They sell nuts, etc. The shop is new.',
    expected: ['Some fruits, e.g. apples, i.e. the red ones, are sweet.', 'Apples vs. pears is old.',
      'They sell fruit, nuts, etc. and more.', 'They sell nuts, etc.', 'The shop is new.'],
  },
  {
    name: 'company suffixes',
    text: 'Apple Inc. said profits rose. Shares of Acme Corp. fell 3%. They bought Acme Corp. The deal closed.',
    expected: ['Apple Inc. said profits rose.', 'Shares of Acme Corp. fell 3%.', 'They bought Acme Corp.', 'The deal closed.'],
  },
  {
    name: 'ordinary words before a capitalized word end the sentence',
    text: 'He was ill. Doctors said so. She will miss. Everyone knew.',
    expected: ['He was ill.', 'Doctors said so.', 'She will miss.', 'Everyone knew.'],
  },
  {
    name: 'initials',
    text: 'J. K. Rowling met George W. Bush in 2005. They talked. He wanted Plan B. The rest agreed.',
    expected: ['J. K. Rowling met George W. Bush in 2005.', 'They talked.', 'He wanted Plan B.', 'The rest agreed.'],
  },
  {
    name: 'a quotation after an initial or acronym starts a sentence',
    text: 'Parma finished second in Serie A. "Look at the team we had," he said. He moved to the U.S. ' +
      '“It was home.” John F. "Jack" Kennedy came. Plan B. "no" was the answer.',
    expected: ['Parma finished second in Serie A.', '"Look at the team we had," he said.', 'He moved to the U.S.',
      '“It was home.”', 'John F. "Jack" Kennedy came.', 'Plan B. "no" was the answer.'],
  },
  {
    name: 'decimals and money',
    text: 'Revenue rose 2.5% to $3.5 billion. The stock hit $12.75. Analysts were surprised.',
    expected: ['Revenue rose 2.5% to $3.5 billion.', 'The stock hit $12.75.', 'Analysts were surprised.'],
  },
  {
    name: 'quotes that end a sentence or lead into an attribution',
    text: 'He said "no." Then he left. "Why?" he asked. "Because," she said. "Stop!" John Smith shouted. ' +
      'Everyone froze. "Is it over?" The crowd waited. She asked, "Is it true?" Nobody answered.',
    expected: ['He said "no."', 'Then he left.', '"Why?" he asked.', '"Because," she said.',
      '"Stop!" John Smith shouted.', 'Everyone froze.', '"Is it over?"', 'The crowd waited.',
      'She asked, "Is it true?"', 'Nobody answered.'],
  },
  {
    name: 'ellipses inside quotes before an attribution',
    text: '"I think...," he asked. "Well..." she said. "Maybe…" Smith added.',
    expected: ['"I think...," he asked.', '"Well..." she said.', '"Maybe…" Smith added.'],
  },
  {
    name: 'a speech verb after a function word does not make an attribution',
    text: '"What now?" The president said he would stay. "Enough!" Senator Jane Smith said.',
    expected: ['"What now?"', 'The president said he would stay.', '"Enough!" Senator Jane Smith said.'],
  },
  {
    name: 'curly quotes and single quotes',
    text: 'She called it “a disaster.” Others disagreed. He wrote ‘never again.’ It stuck.',
    expected: ['She called it “a disaster.”', 'Others disagreed.', 'He wrote ‘never again.’', 'It stuck.'],
  },
  {
    name: 'brackets',
    text: 'The plan failed (again). Nobody was surprised. (He said so himself.) Then he left.',
    expected: ['The plan failed (again).', 'Nobody was surprised.', '(He said so himself.)', 'Then he left.'],
  },
  {
    name: 'ellipses',
    text: 'He paused... Then he spoke. It was... odd. She waited… Nothing came. Really?! Yes.',
    expected: ['He paused...', 'Then he spoke.', 'It was... odd.', 'She waited…', 'Nothing came.', 'Really?!', 'Yes.'],
  },
  {
    name: 'wire dateline',
    text: 'WASHINGTON (Reuters) — The Senate voted on Tuesday. The bill passed.',
    expected: ['The Senate voted on Tuesday.', 'The bill passed.'],
  },
  {
    name: 'CNN datelines',
    text: '(CNN) -- A storm hit Florida. Thousands lost power.\n\nLONDON, England (CNN) -- The queen spoke.',
    expected: ['A storm hit Florida.', 'Thousands lost power.', 'The queen spoke.'],
  },
  {
    name: 'dateline glued to the first word',
    text: 'Caracas (CNN)Venezuela voted on Saturday.',
    expected: ['Venezuela voted on Saturday.'],
  },
  {
    name: 'capitalized place dateline, only at the start of a paragraph',
    text: 'NEW YORK (AP) — Stocks rose. PARIS — This is not a dateline.\n\nPARIS — French voters went to the polls.',
    expected: ['Stocks rose.', 'PARIS — This is not a dateline.', 'French voters went to the polls.'],
  },
  {
    name: 'a ticker in parentheses is not a dateline',
    text: 'Apple (AAPL) shares rose. Investors cheered.',
    expected: ['Apple (AAPL) shares rose.', 'Investors cheered.'],
  },
  {
    name: 'a parenthesis and dash in a first sentence is not a dateline',
    text: 'The new law (passed in 2012) — which critics call harsh — took effect. Shares of CNN (CNN) rose.',
    expected: ['The new law (passed in 2012) — which critics call harsh — took effect.', 'Shares of CNN (CNN) rose.'],
  },
  {
    name: 'lowercased dateline',
    text: 'london, england (cnn) -- the queen spoke on monday. she smiled.',
    expected: ['the queen spoke on monday.', 'she smiled.'],
  },
  {
    name: 'byline',
    text: 'By Jane Doe and John Roe, CNN\n\nThe story starts here.',
    expected: ['The story starts here.'],
  },
  {
    name: 'a byline whose parts are split by periods',
    text: 'By . Jane Doe and John Roe for MailOnline . PUBLISHED: . 14:11 EST, 25 October 2013 . The story starts here. ' +
      'It ends with a word by . Smith and Sons . That is all.',
    expected: ['PUBLISHED: .', '14:11 EST, 25 October 2013 .', 'The story starts here.', 'It ends with a word by .',
      'Smith and Sons .', 'That is all.'],
  },
  {
    name: 'bullets and numbered lists',
    text: 'Key points:\n- Prices rose\n- Wages fell\n• Jobs grew\n\n1. First step\n2. Second step\n\n' +
      'IV. The fourth part\n\nCivil. War followed.',
    expected: ['Key points:', 'Prices rose', 'Wages fell', 'Jobs grew', '1. First step', '2. Second step',
      'IV. The fourth part', 'Civil.', 'War followed.'],
  },
  {
    name: 'headings without final punctuation',
    text: 'Storm hits coast\n\nThe storm arrived on Monday. It was strong.\nMore storms ahead\nForecasters expect two more.',
    expected: ['Storm hits coast', 'The storm arrived on Monday.', 'It was strong.', 'More storms ahead',
      'Forecasters expect two more.'],
  },
  {
    name: 'short lines and equal-width capitalized lines are items, not wrapping',
    text: 'What to pack\nbottled water\nbaby carrier\n\nSign up for the ad-free plan for $11.99 a month\n' +
      'If you already have an account, visit its page\nSign up for the bundle with the same email',
    expected: ['What to pack', 'bottled water', 'baby carrier', 'Sign up for the ad-free plan for $11.99 a month',
      'If you already have an account, visit its page', 'Sign up for the bundle with the same email'],
  },
  {
    name: 'a long line continued in lowercase is wrapping',
    text: 'Get your branding in place: the earlier the better when it comes to\nbuilding your brand.',
    expected: ['Get your branding in place: the earlier the better when it comes to\nbuilding your brand.'],
  },
  {
    name: 'hard-wrapped lines are joined',
    text: 'The storm arrived on Monday morning after a long night of\nwarnings from forecasters, who had told residents of the\n' +
      'coast to leave their homes before the water rose. Most did\nso in time.',
    expected: ['The storm arrived on Monday morning after a long night of\nwarnings from forecasters, who had told residents of the\n' +
      'coast to leave their homes before the water rose.', 'Most did\nso in time.'],
  },
  {
    name: 'lowercased text (BBC corpus)',
    text: 'the uk economy grew by 2% in 2004. it was the fastest rate in years. mr. smith said so. "why?" he asked. ' +
      'the u.s. economy grew too. growth hit 3.5%. analysts were surprised.',
    expected: ['the uk economy grew by 2% in 2004.', 'it was the fastest rate in years.', 'mr. smith said so.',
      '"why?" he asked.', 'the u.s. economy grew too.', 'growth hit 3.5%.', 'analysts were surprised.'],
  },
  {
    name: 'cased text with lowercase words after abbreviations is not taken for lowercased text',
    text: 'He met U.S. officials at 5 p.m. on Friday in the U.S. capital, e.g. at the embassy.',
    expected: ['He met U.S. officials at 5 p.m. on Friday in the U.S. capital, e.g. at the embassy.'],
  },
  {
    name: 'lowercased text: a closing quote still ends a sentence',
    text: 'he said it was "over." the fans disagreed. they stayed at at&t. then they left.',
    expected: ['he said it was "over."', 'the fans disagreed.', 'they stayed at at&t.', 'then they left.'],
  },
  {
    name: 'camel-case word after a period starts a sentence',
    text: 'Sales fell. iPhone demand was weak. eBay said so.',
    expected: ['Sales fell.', 'iPhone demand was weak.', 'eBay said so.'],
  },
  {
    name: 'German ordinals and abbreviations',
    lang: 'de',
    text: 'Er kam am 3. Oktober an. Das war z. B. gut. Nr. 5 war dabei. Hr. Müller kam im Jahr 2004. Danach ging er.',
    expected: ['Er kam am 3. Oktober an.', 'Das war z. B. gut.', 'Nr. 5 war dabei.', 'Hr. Müller kam im Jahr 2004.', 'Danach ging er.'],
  },
  {
    name: 'German month abbreviations before a year or day',
    lang: 'de',
    text: 'Die Phase beginnt im Jan. 2024 und endet im Sept. 2026 oder am 5. Nov. 2027. Sie kam im Dez. Die Wahl folgte.',
    expected: ['Die Phase beginnt im Jan. 2024 und endet im Sept. 2026 oder am 5. Nov. 2027.', 'Sie kam im Dez.', 'Die Wahl folgte.'],
  },
  {
    name: 'Spanish month abbreviations',
    lang: 'es',
    text: 'El plazo vence el 5 de nov. de 2025 y el 1 de feb. siguiente. Llegó en jul. El viaje fue largo.',
    expected: ['El plazo vence el 5 de nov. de 2025 y el 1 de feb. siguiente.', 'Llegó en jul.', 'El viaje fue largo.'],
  },
  {
    name: 'language tag with a region',
    lang: 'de-AT',
    text: 'Er kam am 3. Oktober an. Danach ging er.',
    expected: ['Er kam am 3. Oktober an.', 'Danach ging er.'],
  },
  {
    name: 'German: an ordinal-looking number before a function word ends the sentence',
    lang: 'de',
    text: 'Er wurde 3. Dann ging er nach Hause.',
    expected: ['Er wurde 3.', 'Dann ging er nach Hause.'],
  },
  {
    name: 'English abbreviations that are words elsewhere stay English',
    lang: 'fr',
    text: "C'est ce qu'il est. Pierre le sait. Il va dans tous les sens. Marie aussi.",
    expected: ["C'est ce qu'il est.", 'Pierre le sait.', 'Il va dans tous les sens.', 'Marie aussi.'],
  },
  {
    name: 'French: M. and guillemets with spaces',
    lang: 'fr',
    text: 'M. Dupont est arrivé. Il a dit « Non. » Puis il est parti.',
    expected: ['M. Dupont est arrivé.', 'Il a dit « Non. »', 'Puis il est parti.'],
  },
  {
    name: 'Spanish: Sr., Dra. and EE.UU.',
    lang: 'es',
    text: 'El Sr. García llegó. La Dra. López habló con EE.UU. ayer. Fin.',
    expected: ['El Sr. García llegó.', 'La Dra. López habló con EE.UU. ayer.', 'Fin.'],
  },
  {
    name: 'Italian: Dott., Prof., Sig.',
    lang: 'it',
    text: 'Il Dott. Rossi è arrivato. Il Prof. Verdi parlò con il Sig. Bianchi. Fine.',
    expected: ['Il Dott. Rossi è arrivato.', 'Il Prof. Verdi parlò con il Sig. Bianchi.', 'Fine.'],
  },
  {
    name: 'Portuguese: Sr., Dra.',
    lang: 'pt',
    text: 'O Sr. Silva chegou. A Dra. Costa falou. Fim.',
    expected: ['O Sr. Silva chegou.', 'A Dra. Costa falou.', 'Fim.'],
  },
  {
    name: 'Dutch: Dhr., bijv., Mevr.',
    lang: 'nl',
    text: 'Dhr. Jansen kwam. Hij zei bijv. niets. Mevr. de Vries bleef.',
    expected: ['Dhr. Jansen kwam.', 'Hij zei bijv. niets.', 'Mevr. de Vries bleef.'],
  },
  {
    name: 'Russian: initials, г., т. е.',
    lang: 'ru',
    text: 'В. В. Путин приехал в г. Москву. Он сказал, т. е. всё. Это было в 2014 г. Потом он уехал.',
    expected: ['В. В. Путин приехал в г. Москву.', 'Он сказал, т. е. всё.', 'Это было в 2014 г.', 'Потом он уехал.'],
  },
  {
    name: 'Ukrainian: вул., проф.',
    lang: 'uk',
    text: 'Вул. Хрещатик закрита. Проф. Іваненко виступив. Він поїхав.',
    expected: ['Вул. Хрещатик закрита.', 'Проф. Іваненко виступив.', 'Він поїхав.'],
  },
  {
    name: 'full-width terminals need no space',
    lang: 'zh',
    text: '这是第一句。这是第二句！最后一句？',
    expected: ['这是第一句。', '这是第二句！', '最后一句？'],
  },
  {
    name: 'mixed scripts',
    text: 'Hello world. Привет мир. 你好。 Done.',
    expected: ['Hello world.', 'Привет мир.', '你好。', 'Done.'],
  },
  {
    name: 'abbreviation at the very end',
    text: 'He moved to the U.S.',
    expected: ['He moved to the U.S.'],
  },
  {
    name: 'long runs of spaces between sentences',
    text: 'First one.' + ' '.repeat(200) + 'Second one.\t\t\tThird one.',
    expected: ['First one.', 'Second one.', 'Third one.'],
  },
  {
    name: 'no punctuation at all',
    text: 'just some words without any punctuation',
    expected: ['just some words without any punctuation'],
  },
  {
    name: 'separator lines without words are dropped',
    text: 'First part.\n\n* * *\n\nSecond part.',
    expected: ['First part.', 'Second part.'],
  },
];

for (const { name, lang, text, expected } of CASES) {
  test(`splitSentences: ${name}`, () => {
    assert.deepEqual(sentences(text, lang), expected);
  });
}

test('splitSentences: empty and blank input', () => {
  assert.deepEqual(splitSentences(''), []);
  assert.deepEqual(splitSentences(' \n\n\t '), []);
});

test('splitSentences: offsets point into the original text, CRLF included', () => {
  const text = '  First one.\r\n\r\n  Second one? Third!  ';
  const spans = splitSentences(text);
  assert.deepEqual(spans, [
    { text: 'First one.', start: 2, end: 12 },
    { text: 'Second one?', start: 18, end: 29 },
    { text: 'Third!', start: 30, end: 36 },
  ]);
});

test('splitSentences: binary garbage and control characters do not throw', () => {
  let garbage = '';
  for (let i = 0; i < 20_000; i++) garbage += String.fromCharCode((i * 7919) % 0xffff);
  const spans = splitSentences(garbage);
  assertVerbatim(garbage, spans);
  assert.ok(spans.length > 0);
});

test('splitSentences: text without spaces or punctuation is cut into bounded verbatim pieces', () => {
  const text = 'x'.repeat(10_000);
  const spans = splitSentences(text);
  assertVerbatim(text, spans);
  assert.equal(spans.map((span) => span.text).join(''), text);
  assert.ok(spans.every((span) => span.text.length <= 1500));
});

test('splitSentences: repetitive inputs that would be slow with backtracking or rescans still finish', () => {
  // Quadratic work on any of these (300k characters each) would take hours, not a fraction of a second.
  const inputs = ['a. b. c. ', 'word\n', '. ', 'Mr. ', 'the U.S. ', 'wait... ', '中文。', '- item\n', '(', '"']
    .map((unit) => unit.repeat(Math.ceil(300_000 / unit.length)));
  for (const text of inputs) assertVerbatim(text, splitSentences(text));
});

test('splitSentences: a long document keeps every sentence', () => {
  const sentence = 'Mr. Smith paid $3.5 million for the U.S. company on Jan. 5. ';
  const text = sentence.repeat(5000);
  const spans = splitSentences(text);
  assert.equal(spans.length, 5000);
  assertVerbatim(text, spans);
});

test('splitParagraphs: blank lines separate paragraphs, offsets are verbatim', () => {
  const text = 'First line\nstill first.\n\n  Second.\r\n \r\nThird.\n\n\n';
  const paragraphs = splitParagraphs(text);
  assert.deepEqual(paragraphs.map((p) => p.text), ['First line\nstill first.', 'Second.', 'Third.']);
  assertVerbatim(text, paragraphs);
  assert.deepEqual(splitParagraphs('   '), []);
});
