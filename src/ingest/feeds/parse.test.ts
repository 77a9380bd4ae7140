import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseFeed, FeedParseError } from './parse.ts';

const fixture = (name: string) => readFileSync(new URL(`./testdata/${name}`, import.meta.url));

test('RSS 2.0: namespaces fill the gaps, relative links resolve against the channel link', () => {
  const feed = parseFeed(fixture('rss2.xml'), { url: 'https://feeds.example.com/news.rss' });
  assert.equal(feed.format, 'rss');
  assert.deepEqual(feed.feed, {
    title: 'Example News & Views', link: 'https://news.example.com/', description: 'Daily <b>news</b>',
    language: 'en-GB', updated: '2025-06-10T02:00:00.000Z', author: 'Ed Itor (editor@example.com)',
  });
  const [first, second] = feed.items;
  assert.deepEqual(first, {
    id: 'news-1001', title: 'Council approves budget', link: 'https://news.example.com/2025/06/10/budget',
    summary: 'Short <i>summary</i>.', content: '<p>The full <a href="/more">story</a>.</p>', author: 'Jane Reporter',
    published: '2025-06-10T13:30:00.000Z', updated: null, categories: ['Politics', 'Local'],
    enclosures: [{ url: 'https://news.example.com/audio/1001.mp3', type: 'audio/mpeg', length: '12345' }],
  });
  // A permalink guid doubles as the link; iTunes and Media RSS stand in for missing core elements.
  assert.equal(second!.link, 'https://news.example.com/2025/06/09/rain');
  assert.equal(second!.title, 'Rain tomorrow');
  assert.equal(second!.summary, 'Rain expected.');
  assert.equal(second!.author, 'Weather Desk');
  assert.deepEqual(second!.enclosures, [{ url: 'https://cdn.example.com/rain.jpg', type: 'image/jpeg', length: '999' }]);
  assert.deepEqual(feed.refresh, { ttlMinutes: 90, updatePeriod: 'hourly', updateFrequency: 2 });
  assert.deepEqual(feed.warnings, []);
});

test('Atom 1.0: xml:base, xhtml and base64 content, enclosures, inherited author', () => {
  const feed = parseFeed(fixture('atom.xml'));
  assert.equal(feed.feed.link, 'https://blog.example.org/');
  assert.equal(feed.feed.language, 'fr');
  assert.equal(feed.feed.updated, '2025-06-10T10:00:00.000Z');
  const [entry, encoded] = feed.items;
  assert.equal(entry!.link, 'https://blog.example.org/posts/premier.html');
  assert.equal(entry!.title, 'Premier <b>billet</b>');
  assert.equal(entry!.content, '<p>Bonjour <b>monde</b></p>');
  assert.equal(entry!.author, 'Marie (marie@example.org)');
  assert.deepEqual(entry!.categories, ['notes']);
  assert.deepEqual(entry!.enclosures, [{ url: 'https://blog.example.org/posts/premier.ogg', type: 'audio/ogg', length: '321' }]);
  assert.equal(encoded!.content, '<p>Hello <b>world</b></p>');
});

test('Atom 0.3: tagline, issued/modified and mode="base64"', () => {
  const feed = parseFeed(fixture('atom03.xml'));
  assert.equal(feed.feed.description, 'Still here');
  assert.equal(feed.feed.updated, '2004-01-01T12:00:00.000Z');
  assert.equal(feed.items[0]!.published, '2004-01-01T15:00:00.000Z');
  assert.equal(feed.items[0]!.updated, '2004-01-01T16:00:00.000Z');
  assert.equal(feed.items[0]!.content, '<p>Old but gold</p>');
});

test('RSS 1.0 (RDF): rdf:about as id, Dublin Core fields, sy:updatePeriod', () => {
  const feed = parseFeed(fixture('rdf.xml'));
  assert.equal(feed.format, 'rdf');
  assert.equal(feed.feed.language, 'de');
  assert.deepEqual(feed.items[0], {
    id: 'http://rdf.example.com/a', title: 'A', link: 'http://rdf.example.com/a', summary: 'About A', content: null,
    author: 'Hans', published: '2025-06-10T07:00:00.000Z', updated: null, categories: ['Tech'], enclosures: [],
  });
  assert.equal(feed.refresh.updatePeriod, 'daily');
});

test('JSON Feed 1.1 and 1.0 (singular author, version "1.0")', () => {
  const v11 = parseFeed(fixture('feed11.json'));
  assert.equal(v11.format, 'json');
  assert.equal(v11.items[0]!.link, 'https://json.example.net/posts/2');
  assert.equal(v11.items[0]!.published, '2025-06-10T17:00:00.000Z');
  assert.deepEqual(v11.items[0]!.enclosures, [{ url: 'https://json.example.net/2.mp3', type: 'audio/mpeg', length: '42' }]);
  assert.equal(v11.items[1]!.content, 'Only text');
  assert.equal(v11.items[1]!.author, 'Sam');
  const v10 = parseFeed(fixture('feed10.json'));
  assert.equal(v10.feed.author, 'Old Author');
  assert.equal(v10.items[0]!.title, 'X');
});

test('billion laughs: entity declarations are ignored, nothing expands', () => {
  const feed = parseFeed(fixture('billion-laughs.xml'));
  assert.equal(feed.items[0]!.title, '&lol9;');
  assert.ok(JSON.stringify(feed).length < 2000);
  assert.deepEqual(feed.warnings, ['entity declarations ignored']);
});

test('external entities are never resolved', () => {
  const feed = parseFeed(fixture('xxe.xml'));
  assert.equal(feed.feed.title, 'XXE');
  assert.equal(feed.items[0]!.title, '&xxe;');
  assert.equal(feed.items[0]!.summary, '&remote;');
  assert.doesNotMatch(JSON.stringify(feed), /root:/);
});

test('a truncated, malformed feed yields what can be read, with a warning', () => {
  const feed = parseFeed(fixture('truncated.xml'));
  assert.equal(feed.feed.title, 'Cut off & broken');
  assert.deepEqual(feed.items.map((i) => i.link), ['https://cut.example/1', 'https://cut.example/2']);
  assert.equal(feed.items[0]!.summary, 'Fine & dandy <b>bold</b>');
  assert.deepEqual(feed.warnings, ['malformed XML repaired']);
});

test('charsets: undeclared windows-1252 and declared Shift_JIS', () => {
  const western = parseFeed(fixture('windows-1252.xml'));
  assert.equal(western.feed.title, 'Café “quotes”');
  assert.equal(western.items[0]!.title, 'Price: 5 € – today');
  assert.equal(parseFeed(fixture('shift_jis.xml')).items[0]!.title, '速報');
  // The HTTP header names the charset when the document does not.
  const koi8 = Buffer.from([0x3c, 0x72, 0x73, 0x73, 0x3e, 0x3c, 0x63, 0x68, 0x61, 0x6e, 0x6e, 0x65, 0x6c, 0x3e, 0x3c, 0x74, 0x69, 0x74, 0x6c, 0x65, 0x3e,
    0xf0, 0xd2, 0xc9, 0xd7, 0xc5, 0xd4, 0x3c, 0x2f, 0x74, 0x69, 0x74, 0x6c, 0x65, 0x3e, 0x3c, 0x2f, 0x63, 0x68, 0x61, 0x6e, 0x6e, 0x65, 0x6c, 0x3e, 0x3c, 0x2f, 0x72, 0x73, 0x73, 0x3e]);
  assert.equal(parseFeed(koi8, { contentType: 'application/rss+xml; charset=koi8-r' }).feed.title, 'Привет');
});

test('feeds that change titles or GUIDs: ids and links stay what the feed says, for dedup to match', () => {
  const before = parseFeed(fixture('changed-v1.xml'));
  const after = parseFeed(fixture('changed-v2.xml'));
  // Same guid, new title and body: an update of the same item.
  assert.equal(before.items[0]!.id, after.items[0]!.id);
  assert.notEqual(before.items[0]!.title, after.items[0]!.title);
  assert.equal(before.items[0]!.link, after.items[0]!.link);
  // A new guid for the same story: the link is unchanged (a permalink guid was the link before).
  assert.notEqual(before.items[1]!.id, after.items[1]!.id);
  assert.equal(before.items[1]!.link, 'https://changing.example/other');
  assert.equal(after.items[1]!.link, 'https://changing.example/other');
});

test('an empty feed is a feed; garbage and empty documents are FeedParseErrors', () => {
  assert.deepEqual(parseFeed('<rss version="2.0"><channel></channel></rss>').items, []);
  assert.throws(() => parseFeed(''), FeedParseError);
  assert.throws(() => parseFeed('<html><body>not a feed</body></html>'), FeedParseError);
  assert.throws(() => parseFeed('{"items": ['), FeedParseError);
  assert.throws(() => parseFeed(Buffer.from([0xff, 0x00, 0x13, 0x37])), FeedParseError);
});

test('a CDATA section that looks like a DOCTYPE is content, not a declaration', () => {
  const feed = parseFeed('<rss version="2.0"><channel><item><title>t</title><description><![CDATA[ <!DOCTYPE ]]></description></item></channel></rss>');
  assert.equal(feed.items[0]!.summary, '<!DOCTYPE');
});

test('hostile prologs fail cleanly instead of backtracking for ever', () => {
  assert.throws(() => parseFeed('<!DOCTYPE x [' + ' ]'.repeat(50_000)), FeedParseError);
  assert.throws(() => parseFeed('<?a?>'.repeat(40) + '<x>'), FeedParseError);
  assert.throws(() => parseFeed('<channel>'.repeat(50_000)), FeedParseError);
  const feed = parseFeed('<!DOCTYPE rss [ <!ENTITY a "]"> ]><rss version="2.0"><channel><title>t</title></channel></rss>');
  assert.equal(feed.feed.title, 't');
});

test('non-standard spellings of standard elements are read as the standard ones', () => {
  const prefixed = parseFeed(`<r:rss version="2.0" xmlns:r="http://backend.userland.com/rss2" xmlns:d="http://purl.org/dc/elements/1.1/">
    <r:channel><r:title>Prefixed</r:title><author>Chief (chief@example.com)</author>
    <r:item><r:title>One</r:title><d:author>Writer</d:author>
    <body xmlns="http://www.w3.org/1999/xhtml"><p>Body <b>text</b></p></body></r:item></r:channel></r:rss>`);
  assert.equal(prefixed.feed.title, 'Prefixed');
  assert.equal(prefixed.feed.author, 'Chief (chief@example.com)');
  assert.equal(prefixed.items[0]!.title, 'One');
  assert.equal(prefixed.items[0]!.author, 'Writer');
  assert.equal(prefixed.items[0]!.content, '<p>Body <b>text</b></p>');
  const entry = parseFeed('<entry xmlns="http://www.w3.org/2005/Atom"><id>urn:x</id><title>Lone</title><updated>2025-01-01T00:00:00Z</updated></entry>');
  assert.equal(entry.format, 'atom');
  assert.deepEqual(entry.items.map((i) => i.title), ['Lone']);
});
