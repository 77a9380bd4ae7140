// sitemap.xml (sitemaps.org 0.9): the home page, every section page and every article page.
import { XMLBuilder } from 'fast-xml-parser';
import type { Store } from '../../store/db.ts';
import { listArticles } from '../../store/articles.ts';
import { listSections } from '../../store/sections.ts';
import { articlePath, sectionPath } from '../paths.ts';

/** The protocol's limit for one sitemap file; beyond it the newest articles are listed. */
const SITEMAP_MAX_URLS = 50_000;

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@', processEntities: true });

interface UrlEntry {
  loc: string;
  lastmod?: string;
}

export async function renderSitemap(store: Store, base: string): Promise<string> {
  const sections = await listSections(store.db);
  const articles = await listArticles(store.db, { limit: SITEMAP_MAX_URLS - 1 - sections.length });
  const urls: UrlEntry[] = [
    { loc: `${base}/` },
    ...sections.map((s) => ({ loc: `${base}${sectionPath(s.slug)}` })),
    ...articles.map((a) => ({ loc: `${base}${articlePath(a.slug)}`, lastmod: a.updated_at })),
  ];
  const body = builder.build({ urlset: { '@xmlns': 'http://www.sitemaps.org/schemas/sitemap/0.9', url: urls } });
  return `<?xml version="1.0" encoding="UTF-8"?>\n${body}`;
}
