// Subscriptions: a feed URL or a site URL (its feed discovered) becomes a source; OPML in and out.
import type { Db } from '../../store/articles.ts';
import type { Source } from '../../store/schema.ts';
import { listSections } from '../../store/sections.ts';
import { addSource, listSources } from '../../store/sources.ts';
import { decodeText } from '../fetch/encoding.ts';
import type { FetchResult } from '../fetch/fetch.ts';
import { commonFeedUrls, discoverFeeds } from '../feeds/discover.ts';
import { type OpmlDocument, writeOpml } from '../feeds/opml.ts';
import { FeedParseError, parseFeed } from '../feeds/parse.ts';
import type { ParsedFeed } from '../feeds/types.ts';
import { FEED_ACCEPT, politeFetch, type IngestContext } from './context.ts';

export interface SubscribeOptions {
  section?: string | null;
  fullText?: boolean;
}

export interface Subscription {
  source: Source;
  created: boolean;
  /** The site page the feed was discovered on, when `url` was not a feed. */
  discoveredOn: string | null;
}

export class NoFeedError extends Error {}

function readFeed(response: FetchResult): ParsedFeed | null {
  try {
    return parseFeed(response.body, { contentType: response.contentType, url: response.url });
  } catch (err) {
    if (err instanceof FeedParseError) return null;
    throw err;
  }
}

async function fetchFeed(ctx: IngestContext, url: string): Promise<{ response: FetchResult; feed: ParsedFeed | null }> {
  const response = await politeFetch(ctx, url, { accept: FEED_ACCEPT });
  return { response, feed: readFeed(response) };
}

/** Subscribes to `url`: a feed as it is, a site page through the feeds it announces (or the usual feed paths). */
export async function subscribe(ctx: IngestContext, url: string, options: SubscribeOptions = {}): Promise<Subscription> {
  const first = await fetchFeed(ctx, url);
  let found = first.feed ? first : null;
  if (!found) {
    const page = decodeText(first.response.body, first.response.contentType).text;
    const announced = discoverFeeds(page, first.response.url).map((f) => f.url);
    for (const candidate of announced.length ? announced : commonFeedUrls(first.response.url)) {
      const attempt = await fetchFeed(ctx, candidate).catch(() => null);
      if (attempt?.feed) {
        found = attempt;
        break;
      }
    }
  }
  if (!found?.feed) throw new NoFeedError(`no feed found at ${url}`);
  const { source, created } = await addSource(ctx.store.db, {
    url: found.response.url,
    title: found.feed.feed.title,
    siteUrl: found.feed.feed.link,
    section: options.section,
    fullText: options.fullText,
  });
  return { source, created, discoveredOn: found === first ? null : first.response.url };
}

/** Adds every feed of an OPML document; its innermost folder becomes the section. Nothing is fetched. */
export async function importSubscriptions(db: Db, doc: OpmlDocument, options: Omit<SubscribeOptions, 'section'> = {}): Promise<{ added: Source[]; existing: Source[] }> {
  const added: Source[] = [];
  const existing: Source[] = [];
  for (const feed of doc.feeds) {
    const { source, created } = await addSource(db, {
      url: feed.xmlUrl, title: feed.title, siteUrl: feed.htmlUrl, section: feed.folders.at(-1) ?? null, fullText: options.fullText,
    });
    (created ? added : existing).push(source);
  }
  return { added, existing };
}

/** Every source as OPML 2.0, one folder per section. */
export async function exportSubscriptions(db: Db): Promise<string> {
  const [sources, sections] = await Promise.all([listSources(db), listSections(db)]);
  const names = new Map(sections.map((s) => [s.slug, s.name]));
  return writeOpml(sources.map((s) => ({
    xmlUrl: s.url,
    htmlUrl: s.site_url,
    title: s.title,
    folders: s.section ? [names.get(s.section) ?? s.section] : [],
  })));
}
