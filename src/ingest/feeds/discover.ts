// Feed discovery for a site URL: the feeds an HTML page announces with
// <link rel="alternate" type="application/rss+xml" href="...">, made absolute against the page
// (or its <base href>), and, when a page announces none, the paths blogs usually serve feeds at.
import { parseHTML } from 'linkedom';
import { httpUrl } from '../http-url.ts';

export type DiscoveredFeed = { url: string; type: string; title: string | null };

const FEED_TYPES = new Set(['application/rss+xml', 'application/atom+xml', 'application/feed+json', 'application/rdf+xml', 'application/x.atom+xml', 'application/x-atom+xml']);

// Where common publishing systems (WordPress, Ghost, Jekyll, Hugo, Substack, ...) put feeds.
const COMMON_FEED_PATHS = ['/feed', '/rss', '/atom.xml', '/feed.xml', '/rss.xml', '/index.xml', '/feed.json'];

type LinkLike = { getAttribute(name: string): string | null };

/** Feeds announced by an HTML page, in document order, without duplicates. */
export function discoverFeeds(html: string, pageUrl: string): DiscoveredFeed[] {
  const { document } = parseHTML(html);
  const baseHref = (document.querySelector('base[href]') as LinkLike | null)?.getAttribute('href');
  const base = (baseHref && httpUrl(baseHref, pageUrl)) || pageUrl;
  const found = new Map<string, DiscoveredFeed>();
  for (const link of document.querySelectorAll('link[href]') as Iterable<LinkLike>) {
    const rel = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    const type = (link.getAttribute('type') ?? '').toLowerCase().split(';')[0]!.trim();
    if (!(rel.includes('alternate') || rel.includes('feed')) || !FEED_TYPES.has(type)) continue;
    const url = httpUrl(link.getAttribute('href')!.trim(), base);
    if (url && !found.has(url)) found.set(url, { url, type, title: link.getAttribute('title')?.trim() || null });
  }
  return [...found.values()];
}

/** Feed URLs worth trying on a site that announces none, most likely first. */
export function commonFeedUrls(siteUrl: string): string[] {
  const origin = new URL(siteUrl).origin;
  return COMMON_FEED_PATHS.map((path) => origin + path);
}
