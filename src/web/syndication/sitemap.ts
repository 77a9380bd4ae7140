// sitemap.xml (sitemaps.org 0.9): the home page, every section page and every article page.
import { XMLBuilder } from 'fast-xml-parser';
import type { Store } from '../../store/db.ts';
import { listArticles } from '../../store/articles.ts';
import { listSections } from '../../store/sections.ts';
import { articlePath, sectionPath } from '../paths.ts';
import { versioned, type PageSource } from '../page-cache.ts';

/** The protocol's limit for one sitemap file; beyond it the newest articles are listed. */
const SITEMAP_MAX_URLS = 50_000;

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@', processEntities: true });

interface UrlEntry {
  loc: string;
  lastmod?: string;
}

/**
 * The sitemap for the page cache. Its version is a hash of every URL and lastmod, so reading the
 * list is the cost of a check; the cache bounds how often that runs (up to 50,000 rows on a large site).
 */
export function sitemapSource(store: Store, base: string): PageSource<UrlEntry[]> {
  return {
    load: async () => {
      return versioned(await listUrls(store, base));
    },
    render: async (urls) => {
      const body = builder.build({ urlset: { '@xmlns': 'http://www.sitemaps.org/schemas/sitemap/0.9', url: urls } });
      return `<?xml version="1.0" encoding="UTF-8"?>\n${body}`;
    },
  };
}

async function listUrls(store: Store, base: string): Promise<UrlEntry[]> {
  const sections = await listSections(store.db);
  const articles = await listArticles(store.db, { limit: SITEMAP_MAX_URLS - 1 - sections.length });
  return [
    { loc: `${base}/` },
    ...sections.map((s) => ({ loc: `${base}${sectionPath(s.slug)}` })),
    ...articles.map((a) => ({ loc: `${base}${articlePath(a.slug)}`, lastmod: a.updated_at })),
  ];
}
