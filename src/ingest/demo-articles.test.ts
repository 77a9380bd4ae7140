import { test } from 'node:test';
import assert from 'node:assert/strict';
import { prepareContent } from './content.ts';
import { demoPublishedAt, loadDemoArticles, parseDemoArticle } from './demo-articles.ts';

const NOW = new Date('2026-03-10T12:00:00Z');

test('the demo set: enough articles, sections, days and words, in the shape the site expects', async () => {
  const articles = await loadDemoArticles();
  assert.ok(articles.length >= 12, `${articles.length} demo articles`);
  assert.equal(new Set(articles.map((a) => a.title)).size, articles.length, 'titles are unique');
  assert.ok(new Set(articles.map((a) => a.section)).size >= 4, 'at least 4 sections');
  assert.ok(new Set(articles.map((a) => demoPublishedAt(a, NOW).slice(0, 10))).size >= 3, 'spread over at least 3 days');
  assert.ok(articles.some((a) => a.lang && a.lang !== 'en'), 'at least one article not in English');
  const bodies = articles.map((article) => {
    const { html, wordCount } = prepareContent({ body: article.body, format: 'markdown' });
    assert.ok(wordCount >= 400 && wordCount <= 1200, `${article.file}: ${wordCount} words`);
    assert.doesNotMatch(html, /<h1/, `${article.file}: the title is front matter, not a heading in the body`);
    return html;
  });
  assert.ok(bodies.some((html) => /<(ul|ol)>/.test(html) && html.includes('<blockquote>')), 'one article shows a list and a blockquote');
});

test('front matter: values kept whole, optional keys optional', () => {
  const article = parseDemoArticle('ok.md', '---\ntitle: Talks resume: a deal by Friday?\nsection: World\nbyline: By A. Writer\npublishedOffsetHours: -1.5\nlang: fr\n---\n\nBody text.\n');
  assert.equal(article.title, 'Talks resume: a deal by Friday?');
  assert.equal(article.publishedOffsetHours, -1.5);
  assert.equal(article.lang, 'fr');
  assert.equal(article.url, undefined);
  assert.equal(article.body, 'Body text.');
  assert.equal(demoPublishedAt(article, NOW), '2026-03-10T10:30:00.000Z');
});

test('front matter: a malformed file is an error naming the file and the problem', () => {
  const head = 'title: T\nsection: S\nbyline: B\n';
  const cases: Array<[string, RegExp]> = [
    ['No front matter at all.', /missing front matter/],
    [`---\n${head}---\nBody`, /needs "publishedOffsetHours"/],
    [`---\n${head}publishedOffsetHours: soon\n---\nBody`, /publishedOffsetHours must be/],
    [`---\n${head}publishedOffsetHours: 5\n---\nBody`, /publishedOffsetHours must be/],
    [`---\n${head}publishedOffsetHours: -5\nauthor: X\n---\nBody`, /unknown front matter key "author"/],
    [`---\n${head}publishedOffsetHours: -5\njust words\n---\nBody`, /not "key: value"/],
    [`---\n${head}publishedOffsetHours: -5\n---\n\n`, /body is empty/],
    [`---\n${head}publishedOffsetHours: -5\n---`, /body is empty/],
  ];
  for (const [source, problem] of cases) {
    assert.throws(() => parseDemoArticle('07-bad.md', source), (err: Error) => err.message.startsWith('demo article 07-bad.md: ') && problem.test(err.message));
  }
});
