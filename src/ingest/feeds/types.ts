// The normalized feed every format is mapped to (the schema of ../shared/tools/feed-conformance):
// scalars are strings or null, dates ISO 8601 instants in UTC.

export type FeedEnclosure = { url: string; type: string | null; length: string | null };

export type FeedItem = {
  id: string | null;
  title: string | null;
  link: string | null;
  summary: string | null;
  content: string | null;
  author: string | null;
  published: string | null;
  updated: string | null;
  categories: string[];
  enclosures: FeedEnclosure[];
};

export type FeedInfo = {
  title: string | null;
  link: string | null;
  description: string | null;
  language: string | null;
  updated: string | null;
  author: string | null;
};

/** What a feed says about how often to poll it (RSS ttl, sy:updatePeriod and sy:updateFrequency). */
export type RefreshHints = { ttlMinutes: number | null; updatePeriod: string | null; updateFrequency: number | null };

export type ParsedFeed = {
  format: 'rss' | 'atom' | 'rdf' | 'json';
  feed: FeedInfo;
  items: FeedItem[];
  refresh: RefreshHints;
  /** Problems that were worked around (malformed XML recovered, entity declarations ignored). */
  warnings: string[];
};
