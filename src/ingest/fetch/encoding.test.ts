import { test } from 'node:test';
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import { decodeText, headerCharset } from './encoding.ts';

const QUOTED = '“Café” – 5 €';
const xml = (encoding: string | null, body: string) => `<?xml version="1.0"${encoding ? ` encoding="${encoding}"` : ''}?><rss><channel><title>${body}</title></channel></rss>`;

test('windows-1252 from the header, from the prolog, and when nothing is declared', () => {
  const bytes = iconv.encode(xml(null, QUOTED), 'windows-1252');
  assert.equal(decodeText(bytes, 'application/rss+xml; charset=windows-1252').text, xml(null, QUOTED));
  assert.equal(decodeText(iconv.encode(xml('windows-1252', QUOTED), 'windows-1252')).text, xml('windows-1252', QUOTED));
  // Not valid UTF-8 and no label: windows-1252, not U+FFFD or C1 controls.
  const guessed = decodeText(bytes);
  assert.equal(guessed.text, xml(null, QUOTED));
  assert.equal(guessed.charset, 'windows-1252');
});

test('ISO-8859-1 labels decode as windows-1252, as browsers do', () => {
  const bytes = iconv.encode(xml('ISO-8859-1', QUOTED), 'windows-1252');
  assert.equal(decodeText(bytes).text, xml('ISO-8859-1', QUOTED));
});

test('Shift_JIS and KOI8-R from the XML prolog or an HTML meta tag', () => {
  const japanese = xml('Shift_JIS', 'ニュース速報');
  assert.equal(decodeText(iconv.encode(japanese, 'shift_jis')).text, japanese);
  const russian = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=koi8-r"></head><body>Новости дня</body></html>';
  assert.equal(decodeText(iconv.encode(russian, 'koi8-r')).text, russian);
  const html5 = '<!doctype html><meta charset="KOI8-R"><p>Привет</p>';
  assert.equal(decodeText(iconv.encode(html5, 'koi8-r')).text, html5);
});

test('the HTTP header wins over the document; a wrong UTF-8 label falls back to windows-1252', () => {
  const body = xml('utf-8', 'Новости');
  assert.equal(decodeText(iconv.encode(body, 'koi8-r'), 'text/xml; charset="KOI8-R"').text, body);
  const mislabelled = iconv.encode(xml('utf-8', QUOTED), 'windows-1252');
  assert.equal(decodeText(mislabelled).text, xml('utf-8', QUOTED));
});

test('byte-order marks and BOM-less UTF-16 win over labels; unknown labels are ignored', () => {
  const text = xml('utf-16', 'héllo');
  assert.equal(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]), 'text/xml; charset=iso-8859-1').text, text);
  assert.equal(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf-16be')])).text, text);
  assert.equal(decodeText(iconv.encode(text, 'utf-16le')).text, text);
  assert.equal(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(xml(null, 'é'))])).text, xml(null, 'é'));
  assert.equal(decodeText(Buffer.from(xml('x-no-such-charset', 'é'))).text, xml('x-no-such-charset', 'é'));
});

test('headerCharset reads quoted and unquoted parameters', () => {
  assert.equal(headerCharset('text/html; charset=UTF-8'), 'UTF-8');
  assert.equal(headerCharset('text/xml;charset="koi8-r"; q=1'), 'koi8-r');
  assert.equal(headerCharset('text/html'), null);
  assert.equal(headerCharset(undefined), null);
});
