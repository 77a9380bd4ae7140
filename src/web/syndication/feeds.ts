// The site's (or one section's) latest articles as one neutral feed, rendered as RSS 2.0, Atom or
// JSON Feed 1.1 by feedsmith, which does the escaping, dates and namespaces of each format.
import type { Store } from '../../store/db.ts';
import { getArticlesHtml, listArticles } from '../../store/articles.ts';
import { listSections } from '../../store/sections.ts';
import { getSummariesOfLength } from '../../store/summaries.ts';
import { articlePath } from '../paths.ts';
import { versioned, type PageSource, type Versioned } from '../page-cache.ts';

const FEED_SIZE = 50;

// feedsmith (parsers included) weighs ~20 MB of heap: loaded on the first feed request, not at start.
type Feedsmith = typeof import('feedsmith');
let feedsmith: Promise<Feedsmith> | undefined;
const loadFeedsmith = () => (feedsmith ??= import('feedsmith'));

export type FeedFormat = 'rss' | 'atom' | 'json';

export interface FeedEntry {
  url: string;
  title: string;
  byline: string | null;
  category: string | null;
  lang: string;
  publishedAt: string;
  updatedAt: string;
  html: string;
  /** The medium summary's sentences, or '' when the article has none. */
  summary: string;
}

export interface Feed {
  title: string;
  description: string;
  homeUrl: string;
  /** Where this feed lives in each format (each format links to itself). */
  urls: Record<FeedFormat, string>;
  updatedAt: string;
  entries: FeedEntry[];
}

export interface FeedScope {
  title: string;
  description: string;
  /** Site-relative: '/' or a section page. */
  homePath: string;
  section?: string;
}

/** Where a scope's feeds live: '/feed.xml' for the site, '/sections/x/feed.xml' for a section. */
export const FEED_FILES: Record<FeedFormat, string> = { rss: 'feed.xml', atom: 'atom.xml', json: 'feed.json' };

/**
 * The feed without its article bodies: small enough to read on every poll and hash as the feed's
 * version. A body changes only with its article's content hash, hence its revision and updated_at.
 */
async function loadOutline(store: Store, scope: FeedScope, base: string): Promise<Versioned<FeedOutline>> {
  const rows = await listArticles(store.db, { section: scope.section, limit: FEED_SIZE });
  const ids = rows.map((r) => Number(r.id));
  const [summaries, sections] = await Promise.all([getSummariesOfLength(store.db, ids, 'medium'), listSections(store.db)]);
  const sectionNames = new Map(sections.map((s) => [s.slug, s.name]));
  const entries = rows.map((row): FeedEntry => ({
    url: `${base}${articlePath(row.slug)}`,
    title: row.title,
    byline: row.byline,
    category: row.section ? sectionNames.get(row.section) ?? row.section : null,
    lang: row.lang,
    publishedAt: row.published_at,
    updatedAt: row.updated_at,
    html: '',
    summary: (summaries.get(Number(row.id)) ?? []).map((s) => s.text).join(' '),
  }));
  const feedBase = `${base}${scope.homePath.replace(/\/$/, '')}/`;
  const feed: Feed = {
    title: scope.title,
    description: scope.description,
    homeUrl: `${base}${scope.homePath}`,
    urls: { rss: feedBase + FEED_FILES.rss, atom: feedBase + FEED_FILES.atom, json: feedBase + FEED_FILES.json },
    // The newest change; an empty feed reports the epoch rather than a time that moves on every request.
    updatedAt: entries.reduce((latest, e) => (e.updatedAt > latest ? e.updatedAt : latest), new Date(0).toISOString()),
    entries,
  };
  return versioned({ feed, ids }, [feed, rows.map((r) => r.revision)]);
}

interface FeedOutline {
  /** Every entry's `html` still empty. */
  feed: Feed;
  ids: number[];
}

async function withBodies(store: Store, { feed, ids }: FeedOutline): Promise<Feed> {
  const html = await getArticlesHtml(store.db, ids);
  return { ...feed, entries: feed.entries.map((entry, i) => ({ ...entry, html: html.get(ids[i]!) ?? '' })) };
}

/** One feed in one format, for the page cache: bodies are read and the feed rendered only when its version changed. */
export function feedSource(store: Store, scope: FeedScope, base: string, format: FeedFormat): PageSource<FeedOutline> {
  return {
    load: () => loadOutline(store, scope, base),
    render: async (outline) => renderers[format].render(await withBodies(store, outline), await loadFeedsmith()),
  };
}

function renderRss(feed: Feed, { generateRssFeed }: Feedsmith): string {
  return generateRssFeed({
    title: feed.title,
    link: feed.homeUrl,
    description: feed.description,
    lastBuildDate: feed.updatedAt,
    atom: { links: [{ href: feed.urls.rss, rel: 'self', type: 'application/rss+xml' }] },
    items: feed.entries.map((e) => ({
      title: e.title,
      link: e.url,
      guid: { value: e.url, isPermaLink: true },
      pubDate: e.publishedAt,
      description: e.summary || undefined,
      content: { encoded: e.html },
      // RSS's <author> wants an e-mail address; a byline is a dc:creator.
      dc: e.byline ? { creators: [e.byline] } : undefined,
      categories: e.category ? [{ name: e.category }] : undefined,
    })),
  });
}

function renderAtom(feed: Feed, { generateAtomFeed }: Feedsmith): string {
  return generateAtomFeed({
    id: feed.homeUrl,
    title: { value: feed.title, type: 'text' },
    subtitle: { value: feed.description, type: 'text' },
    updated: feed.updatedAt,
    links: [
      { href: feed.urls.atom, rel: 'self', type: 'application/atom+xml' },
      { href: feed.homeUrl, rel: 'alternate', type: 'text/html' },
    ],
    entries: feed.entries.map((e) => ({
      id: e.url,
      title: { value: e.title, type: 'text' },
      links: [{ href: e.url, rel: 'alternate', type: 'text/html' }],
      published: e.publishedAt,
      updated: e.updatedAt,
      summary: e.summary ? { value: e.summary, type: 'text' } : undefined,
      content: { value: e.html, type: 'html' },
      authors: e.byline ? [{ name: e.byline }] : undefined,
      categories: e.category ? [{ term: e.category }] : undefined,
    })),
  });
}

function renderJsonFeed(feed: Feed, { generateJsonFeed }: Feedsmith): string {
  const generated = generateJsonFeed({
    title: feed.title,
    home_page_url: feed.homeUrl,
    feed_url: feed.urls.json,
    description: feed.description,
    items: feed.entries.map((e) => ({
      id: e.url,
      url: e.url,
      title: e.title,
      content_html: e.html,
      summary: e.summary || undefined,
      date_published: e.publishedAt,
      date_modified: e.updatedAt,
      authors: e.byline ? [{ name: e.byline }] : undefined,
      tags: e.category ? [e.category] : undefined,
      language: e.lang,
    })),
  }) as Record<string, unknown>;
  // feedsmith leaves out an empty `items`, which JSON Feed requires.
  return JSON.stringify({ ...generated, items: generated.items ?? [] });
}

export const renderers: Record<FeedFormat, { render: (feed: Feed, lib: Feedsmith) => string; contentType: string }> = {
  rss: { render: renderRss, contentType: 'application/rss+xml; charset=utf-8' },
  atom: { render: renderAtom, contentType: 'application/atom+xml; charset=utf-8' },
  json: { render: renderJsonFeed, contentType: 'application/feed+json; charset=utf-8' },
};
