// A made-up news site for tests and bench/ingest.ts: article pages with the usual chrome around the
// story (navigation, share bar, related links, footer) and RSS feeds listing them. Article text is
// generated from a seed, with words drawn independently, so different seeds give texts that share
// little beyond function words (as different real stories do) while a seed always gives the same text.

import { escapeUTF8 } from 'entities';
import { mulberry32 } from '../../../../bench/random.ts';

const SYLLABLES = ['ka', 'ren', 'mo', 'lis', 'tor', 'va', 'bel', 'dun', 'si', 'mar', 'ek', 'o', 'lan', 'thi', 'gor', 'pe', 'ru', 'zan', 'hal', 'wen', 'ci', 'bro', 'fa', 'nel'];
const SUBJECTS = ['council', 'ministry', 'union', 'hospital', 'harbour', 'university', 'court', 'railway', 'museum', 'bank', 'police', 'school', 'airport', 'utility', 'orchestra', 'ferry', 'library', 'brewery', 'cooperative', 'observatory', 'theatre', 'regulator', 'charity', 'shipyard', 'zoo', 'academy', 'tribunal', 'newspaper', 'bakery', 'mine'];
const ADJECTIVES = ['new', 'regional', 'delayed', 'costly', 'quiet', 'northern', 'public', 'temporary', 'disputed', 'ambitious', 'modest', 'local', 'historic', 'rural', 'urgent', 'unusual', 'annual', 'private', 'coastal', 'national', 'southern', 'overdue', 'popular', 'controversial', 'second', 'smaller', 'revised', 'fragile', 'generous', 'strict'];
const VERBS = ['approved', 'questioned', 'announced', 'postponed', 'expanded', 'criticised', 'welcomed', 'reviewed', 'funded', 'rejected', 'defended', 'revised', 'inspected', 'cancelled', 'extended', 'praised', 'doubled', 'paused', 'audited', 'blocked', 'shortened', 'renamed'];
const NOUNS = ['plan', 'budget', 'bridge', 'contract', 'timetable', 'inquiry', 'tunnel', 'festival', 'reform', 'tariff', 'archive', 'clinic', 'market', 'pipeline', 'garden', 'shelter', 'vote', 'survey', 'wharf', 'depot', 'pension', 'lease', 'curfew', 'audit', 'ferry route', 'housing scheme', 'wind farm', 'tram line', 'grant', 'strike', 'census', 'ban'];
const TAILS = ['after a long debate', 'despite objections from residents', 'for the third time this year', 'on Tuesday evening', 'ahead of the winter season', 'following a public hearing', 'without a formal vote', 'in a letter to members', 'at a crowded meeting', 'citing rising costs', 'before the election', 'under pressure from traders', 'with little warning', 'after months of talks'];

/** A made-up proper name: each story has people and places of its own, as real stories do. */
function coined(next: () => number): string {
  const word = Array.from({ length: 2 + Math.floor(next() * 2) }, () => SYLLABLES[Math.floor(next() * SYLLABLES.length)]).join('');
  return word[0]!.toUpperCase() + word.slice(1);
}

type Pick = <T>(list: T[]) => T;

/** Sentence shapes; each story writes in a few of them, as each writer has habits of their own. */
const FORMS: ((pick: Pick, t: Topic, amount: number) => string)[] = [
  (pick, t) => `The ${pick(t.adjectives)} ${pick(t.subjects)} in ${pick(t.places)} ${pick(t.verbs)} a ${pick(t.adjectives)} ${pick(t.nouns)} ${pick(t.tails)}.`,
  (pick, t, n) => `${pick(t.names)} said the ${pick(t.nouns)} would cost ${n} million.`,
  (pick, t) => `${pick(t.places)} ${pick(t.verbs)} the ${pick(t.nouns)} ${pick(t.tails)}.`,
  (pick, t, n) => `${n} people in ${pick(t.places)} signed against the ${pick(t.adjectives)} ${pick(t.nouns)}.`,
  (pick, t) => `${pick(t.names)} ${pick(t.verbs)} the ${pick(t.subjects)}, calling the ${pick(t.nouns)} ${pick(t.adjectives)}.`,
  (pick, t, n) => `${pick(t.subjects)} staff ${pick(t.verbs)} ${n} ${pick(t.adjectives)} ${pick(t.nouns)} plans.`,
  (pick, t) => `"It is ${pick(t.adjectives)}," ${pick(t.names)} said of the ${pick(t.places)} ${pick(t.nouns)}.`,
  (pick, t, n) => `By ${1990 + (n % 35)}, ${pick(t.places)} had ${pick(t.verbs)} every ${pick(t.nouns)}.`,
  (pick, t) => `Why ${pick(t.verbs)} ${pick(t.names)} a ${pick(t.nouns)} nobody wanted?`,
  (pick, t, n) => `Figures seen by ${pick(t.subjects)} auditors show ${n} ${pick(t.nouns)} complaints.`,
  (pick, t) => `Neither ${pick(t.names)} nor ${pick(t.names)} answered questions about ${pick(t.adjectives)} ${pick(t.nouns)} money.`,
  (pick, t, n) => `Turnout reached ${n % 100} percent when ${pick(t.places)} voters ${pick(t.verbs)} ${pick(t.adjectives)} ${pick(t.nouns)} rules.`,
  (pick, t) => `Earlier, ${pick(t.subjects)} lawyers ${pick(t.verbs)} ${pick(t.names)} over ${pick(t.places)}.`,
  (pick, t, n) => `Some ${n} ${pick(t.nouns)} workers marched through ${pick(t.places)} ${pick(t.tails)}.`,
];

/** Each story draws on a few people, places, words and sentence shapes of its own: its topic. */
interface Topic {
  names: string[];
  places: string[];
  subjects: string[];
  adjectives: string[];
  verbs: string[];
  nouns: string[];
  tails: string[];
  forms: typeof FORMS;
}

function topic(next: () => number): Topic {
  const some = <T>(list: T[], n: number) => Array.from({ length: n }, () => list[Math.floor(next() * list.length)]!);
  return {
    names: Array.from({ length: 5 }, () => `${coined(next)} ${coined(next)}`),
    places: Array.from({ length: 4 }, () => coined(next)),
    subjects: some(SUBJECTS, 4),
    adjectives: some(ADJECTIVES, 8),
    verbs: some(VERBS, 6),
    nouns: some(NOUNS, 8),
    tails: some(TAILS, 4),
    forms: some(FORMS, 4),
  };
}

function sentence(next: () => number, t: Topic): string {
  const pick: Pick = (list) => list[Math.floor(next() * list.length)]!;
  const text = pick(t.forms)(pick, t, Math.floor(next() * 900) + 12);
  return text[0]!.toUpperCase() + text.slice(1);
}

/** Paragraphs of about `words` words, the same for the same seed. */
export function storyParagraphs(seed: number, words = 600): string[] {
  const next = mulberry32(seed);
  const about = topic(next);
  const paragraphs: string[] = [];
  let count = 0;
  while (count < words) {
    const sentences = Array.from({ length: 3 + Math.floor(next() * 3) }, () => sentence(next, about));
    const paragraph = sentences.join(' ');
    count += paragraph.split(/\s+/).length;
    paragraphs.push(paragraph);
  }
  return paragraphs;
}

export interface PageOptions {
  title: string;
  paragraphs: string[];
  byline?: string;
  published?: string;
  canonical?: string;
  site?: string;
}

export function articlePage({ title, paragraphs, byline = 'Staff reporter', published = '2026-03-02T09:00:00Z', canonical, site = 'The Harbour Times' }: PageOptions): string {
  const related = Array.from({ length: 6 }, (_, i) => `<li><a href="/related/${i}">More from ${escapeUTF8(site)}: story ${i + 1}</a></li>`).join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeUTF8(title)} | ${escapeUTF8(site)}</title>
${canonical ? `<link rel="canonical" href="${escapeUTF8(canonical)}">` : ''}
<meta property="og:site_name" content="${escapeUTF8(site)}"><meta property="article:published_time" content="${published}">
<script>window.analytics = { track() {} };</script></head>
<body>
<header class="site-header"><a href="/">${escapeUTF8(site)}</a><nav><a href="/news">News</a> <a href="/sport">Sport</a> <a href="/culture">Culture</a> <a href="/opinion">Opinion</a></nav></header>
<div class="share-bar"><a href="#">Share</a> <a href="#">Tweet</a> <a href="#">Email</a></div>
<main><article>
<h1>${escapeUTF8(title)}</h1>
<p class="byline">By <span class="author">${escapeUTF8(byline)}</span> · <time datetime="${published}">${published.slice(0, 10)}</time></p>
${paragraphs.map((p) => `<p>${escapeUTF8(p)}</p>`).join('\n')}
</article>
<aside class="related"><h2>Related</h2><ul>${related}</ul></aside></main>
<footer class="site-footer"><p>© ${escapeUTF8(site)}. All rights reserved.</p><a href="/privacy">Privacy</a> <a href="/terms">Terms</a></footer>
</body></html>`;
}

export interface FeedEntry {
  guid: string;
  link: string;
  title: string;
  /** HTML carried in <description>: an excerpt or the whole article. */
  description: string;
  published?: string;
}

export function rssFeed(title: string, link: string, entries: FeedEntry[], extra = ''): string {
  const items = entries.map((e) => `<item><title>${escapeUTF8(e.title)}</title><link>${escapeUTF8(e.link)}</link><guid isPermaLink="false">${escapeUTF8(e.guid)}</guid>
<pubDate>${new Date(e.published ?? '2026-03-02T09:00:00Z').toUTCString()}</pubDate><description>${escapeUTF8(e.description)}</description></item>`).join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>${escapeUTF8(title)}</title><link>${escapeUTF8(link)}</link><description>Test feed</description>${extra}
${items}
</channel></rss>`;
}

/** The first sentence of a story, as feeds that carry excerpts show it. */
export function excerptOf(paragraphs: string[]): string {
  return `<p>${escapeUTF8(paragraphs[0]!.split('. ')[0]!)}…</p>`;
}
