// feedsmith's per-format output mapped to our one schema (./types.ts), filling what a format leaves
// out from the namespaces feeds actually use for it (Dublin Core, iTunes, Media RSS, Atom in RSS),
// and resolving relative links against xml:base, the feed's own link and the document URL.
import type { AnyFeed, AtomFeed, ItunesNs, JsonFeed, MediaNs, RdfFeed, RssFeed } from 'feedsmith';
import { parseFeedDate } from './dates.ts';
import type { FeedEnclosure, FeedInfo, FeedItem, ParsedFeed, RefreshHints } from './types.ts';

type Normalized = Omit<ParsedFeed, 'warnings'>;

/** The first non-empty string among the candidates. */
function first(...values: (string | number | null | undefined)[]): string | null {
  for (const v of values) {
    const s = typeof v === 'number' ? String(v) : v?.trim();
    if (s) return s;
  }
  return null;
}

/** feedparser's display form of a person: "Name (email)" when both are known. */
function person(name: string | null | undefined, email?: string | null): string | null {
  const n = first(name);
  const e = first(email);
  return n && e ? `${n} (${e})` : n ?? e;
}

/** `url` made absolute against `base`; unchanged when either is not a usable URL. */
function resolveUrl(url: string | null, base: string | null): string | null {
  if (!url) return null;
  if (!base) return url;
  try {
    return new URL(url, base).href;
  } catch {
    return url;
  }
}

const resolveBase = (base: string | null | undefined, parent: string | null) => resolveUrl(first(base), parent) ?? parent;

function enclosure(url: string | null | undefined, type: string | null | undefined, length: number | string | null | undefined, base: string | null): FeedEnclosure | null {
  const href = resolveUrl(first(url), base);
  return href ? { url: href, type: first(type), length: first(length) } : null;
}

const present = <T>(x: T | null | undefined): x is T => x != null;

function mediaEnclosures(media: MediaNs.ItemOrFeed | undefined, base: string | null): FeedEnclosure[] {
  const contents = [...(media?.contents ?? []), ...(media?.groups ?? []).flatMap((g) => g.contents ?? [])];
  return contents.map((c) => enclosure(c.url, c.type, c.fileSize, base)).filter(present);
}

function unique(values: (string | null | undefined)[]): string[] {
  return [...new Set(values.map((v) => first(v)).filter(present))];
}

function refreshHints(ttl: number | undefined, sy: { updatePeriod?: string; updateFrequency?: number } | undefined): RefreshHints {
  return {
    ttlMinutes: typeof ttl === 'number' && Number.isFinite(ttl) ? ttl : null,
    updatePeriod: first(sy?.updatePeriod),
    updateFrequency: typeof sy?.updateFrequency === 'number' ? sy.updateFrequency : null,
  };
}

// --- Atom -----------------------------------------------------------------------------------

type AtomLink = AtomFeed.Link<string>;

function atomLink(links: AtomLink[] | undefined, base: string | null): string | null {
  const alternates = (links ?? []).filter((l) => !l.rel || l.rel === 'alternate');
  const html = alternates.find((l) => !l.type || /html/i.test(l.type)) ?? alternates[0];
  return resolveUrl(first(html?.href), base);
}

function atomPerson(people: AtomFeed.Person[] | undefined): string | null {
  const p = people?.[0];
  return p ? person(p.name, p.email) ?? first(p.uri) : null;
}

function atomEntry(entry: AtomFeed.Entry<string>, feedBase: string | null, feedAuthor: string | null): FeedItem {
  const base = resolveBase(entry.xml?.base, feedBase);
  return {
    id: first(entry.id),
    title: first(entry.title?.value),
    link: atomLink(entry.links, base),
    summary: first(entry.summary?.value),
    content: first(entry.content?.value),
    // RFC 4287 4.2.1: without its own author an entry has its source's, else its feed's.
    author: atomPerson(entry.authors) ?? atomPerson(entry.source?.authors) ?? first(entry.dc?.creators?.[0]) ?? feedAuthor,
    published: parseFeedDate(first(entry.published, entry.dc?.dates?.[0], entry.dcterms?.issued?.[0])),
    updated: parseFeedDate(first(entry.updated, entry.dcterms?.modified?.[0])),
    categories: unique([...(entry.categories ?? []).map((c) => first(c.term, c.label)), ...(entry.dc?.subjects ?? [])]),
    enclosures: [
      ...(entry.links ?? []).filter((l) => l.rel === 'enclosure').map((l) => enclosure(l.href, l.type, l.length, base)).filter(present),
      ...mediaEnclosures(entry.media, base),
    ],
  };
}

function atom(feed: AtomFeed.Feed<string>, url: string | null): Normalized {
  const base = resolveBase(feed.xml?.base, url);
  const info: FeedInfo = {
    title: first(feed.title?.value),
    link: atomLink(feed.links, base),
    description: first(feed.subtitle?.value),
    language: first(feed.xml?.lang, feed.dc?.languages?.[0]),
    updated: parseFeedDate(first(feed.updated, feed.dc?.dates?.[0])),
    author: atomPerson(feed.authors) ?? first(feed.dc?.creators?.[0]),
  };
  return { format: 'atom', feed: info, items: (feed.entries ?? []).map((e) => atomEntry(e, base, info.author)), refresh: refreshHints(undefined, feed.sy) };
}

// --- RSS 0.9x / 2.0 and RSS 1.0 (RDF) -------------------------------------------------------

// The fields RSS 2.0 and RSS 1.0 items share.
type RssLikeItem = Pick<RdfFeed.Item<string>, 'title' | 'link' | 'description' | 'dc' | 'content' | 'media' | 'atom' | 'xml' | 'dcterms'> & { itunes?: ItunesNs.Item };

function rssLikeItem(item: RssLikeItem, parentBase: string | null, extra: Partial<FeedItem> & { rawAuthor?: string | null; rawPublished?: string | null }): FeedItem {
  const base = resolveBase(item.xml?.base, parentBase);
  const atomEntryPart = item.atom;
  return {
    id: extra.id ?? first(atomEntryPart?.id, item.dc?.identifiers?.[0]),
    title: first(item.title, item.dc?.titles?.[0], item.itunes?.title, atomEntryPart?.title?.value, item.media?.title?.value),
    link: resolveUrl(first(item.link), base) ?? extra.link ?? atomLink(atomEntryPart?.links, base),
    summary: first(item.description, item.dc?.descriptions?.[0], item.itunes?.summary, item.itunes?.subtitle, atomEntryPart?.summary?.value, item.media?.description?.value),
    content: first(item.content?.encoded, atomEntryPart?.content?.value),
    author: first(extra.rawAuthor, item.dc?.creators?.[0], item.itunes?.author, atomPerson(atomEntryPart?.authors)),
    published: parseFeedDate(first(extra.rawPublished, item.dc?.dates?.[0], item.dcterms?.issued?.[0], item.dcterms?.created?.[0], atomEntryPart?.published)),
    updated: parseFeedDate(first(atomEntryPart?.updated, item.dcterms?.modified?.[0])),
    categories: unique([...(extra.categories ?? []), ...(item.dc?.subjects ?? []), ...(item.itunes?.keywords ?? []), ...(item.media?.categories ?? []).map((c) => c.name)]),
    enclosures: [...(extra.enclosures ?? []), ...mediaEnclosures(item.media, base)],
  };
}

function rssPerson(p: RssFeed.Person | undefined): string | null {
  return p ? person(p.name, p.email) : null;
}

/** A guid that is a permalink doubles as the item's link (RSS 2.0, isPermaLink defaults to true). */
function guidLink(guid: RssFeed.Guid | undefined): string | null {
  if (!guid?.value || guid.isPermaLink === false || !/^https?:\/\//i.test(guid.value)) return null;
  return guid.value;
}

function rss(feed: RssFeed.Feed<string>, url: string | null): Normalized {
  const feedLink = resolveUrl(first(feed.link), url) ?? atomLink(feed.atom?.links, url);
  const base = resolveBase(feed.xml?.base, feedLink ?? url);
  const info: FeedInfo = {
    title: first(feed.title, feed.dc?.titles?.[0], feed.itunes?.title, feed.atom?.title?.value),
    link: feedLink,
    description: first(feed.description, feed.dc?.descriptions?.[0], feed.itunes?.summary, feed.itunes?.subtitle, feed.atom?.subtitle?.value),
    language: first(feed.language, feed.dc?.languages?.[0], feed.xml?.lang),
    updated: parseFeedDate(first(feed.lastBuildDate, feed.pubDate, feed.dc?.dates?.[0], feed.dcterms?.modified?.[0], feed.atom?.updated)),
    author: first(rssPerson(feed.managingEditor), rssPerson(feed.webMaster), feed.dc?.creators?.[0], feed.itunes?.author, feed.dc?.publishers?.[0], atomPerson(feed.atom?.authors)),
  };
  const items = (feed.items ?? []).map((item) => rssLikeItem(item, base, {
    id: first(item.guid?.value),
    link: resolveUrl(guidLink(item.guid), base),
    rawAuthor: rssPerson(item.authors?.[0]),
    rawPublished: first(item.pubDate),
    categories: unique((item.categories ?? []).map((c) => c.name)),
    enclosures: (item.enclosures ?? []).map((e) => enclosure(e.url, e.type, e.length, base)).filter(present),
  }));
  return { format: 'rss', feed: info, items, refresh: refreshHints(feed.ttl, feed.sy) };
}

function rdf(feed: RdfFeed.Feed<string>, url: string | null): Normalized {
  const feedLink = resolveUrl(first(feed.link), url);
  const base = resolveBase(feed.xml?.base, feedLink ?? url);
  const info: FeedInfo = {
    title: first(feed.title, feed.dc?.titles?.[0]),
    link: feedLink,
    description: first(feed.description, feed.dc?.descriptions?.[0]),
    language: first(feed.dc?.languages?.[0], feed.xml?.lang),
    updated: parseFeedDate(first(feed.dc?.dates?.[0], feed.atom?.updated)),
    author: first(feed.dc?.creators?.[0], feed.dc?.publishers?.[0]),
  };
  const items = (feed.items ?? []).map((item) => rssLikeItem(item, base, { id: first(item.rdf?.about) }));
  return { format: 'rdf', feed: info, items, refresh: refreshHints(undefined, feed.sy) };
}

// --- JSON Feed ------------------------------------------------------------------------------

type JsonFeedV1 = { author?: JsonFeed.Author };

function jsonAuthor(authors: JsonFeed.Author[] | undefined, legacy: JsonFeed.Author | undefined): string | null {
  const a = authors?.[0] ?? legacy;
  return a ? first(a.name, a.url) : null;
}

function json(feed: JsonFeed.Feed<string> & JsonFeedV1, url: string | null): Normalized {
  const base = resolveUrl(first(feed.feed_url), url) ?? url;
  const info: FeedInfo = {
    title: first(feed.title),
    link: resolveUrl(first(feed.home_page_url), base),
    description: first(feed.description),
    language: first(feed.language),
    updated: null,
    author: jsonAuthor(feed.authors, feed.author),
  };
  const items = (feed.items ?? []).map((item: JsonFeed.Item<string> & JsonFeedV1): FeedItem => ({
    id: first(item.id),
    title: first(item.title),
    link: resolveUrl(first(item.url, item.external_url), base),
    summary: first(item.summary),
    content: first(item.content_html, item.content_text),
    author: jsonAuthor(item.authors, item.author) ?? info.author,
    published: parseFeedDate(item.date_published),
    updated: parseFeedDate(item.date_modified),
    categories: unique(item.tags ?? []),
    enclosures: (item.attachments ?? []).map((a) => enclosure(a.url, a.mime_type, a.size_in_bytes, base)).filter(present),
  }));
  return { format: 'json', feed: info, items, refresh: refreshHints(undefined, undefined) };
}

/** Maps any feedsmith result to the normalized schema; `url` is where the document came from. */
export function normalizeFeed(parsed: AnyFeed, url: string | null): Normalized {
  switch (parsed.format) {
    case 'atom': return atom(parsed.feed, url);
    case 'rss': return rss(parsed.feed, url);
    case 'rdf': return rdf(parsed.feed, url);
    case 'json': return json(parsed.feed, url);
  }
}
