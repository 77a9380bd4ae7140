// Feeds for the site and each section in three formats, and the sitemap. An unknown section falls
// through to the app's 404 page. Feeds are kept rendered in memory (revalidated like article pages)
// and carry an ETag and Last-Modified, so a reader polling an unchanged feed gets a bodiless 304;
// the sitemap likewise.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import { getSection } from '../../store/sections.ts';
import { baseUrl } from '../base-url.ts';
import { createPageCache } from '../page-cache.ts';
import { sectionPath } from '../paths.ts';
import { sendPayload } from '../respond.ts';
import { SITE_NAME } from '../pages/layout.tsx';
import { FEED_FILES, feedSource, renderers, type FeedFormat, type FeedScope } from './feeds.ts';
import { sitemapSource } from './sitemap.ts';

// Readers poll; a few minutes of staleness costs nothing and spares the store.
const CACHE_CONTROL = 'public, max-age=300';

const SITE_SCOPE: FeedScope = { title: SITE_NAME, description: `The latest articles on ${SITE_NAME}`, homePath: '/' };

export const syndicationRoutes: FastifyPluginAsync<AppContext> = async (app, { store, pageCache }) => {
  // A feed is 50 full articles: the largest pages kept, in the default 8 MB like the rest.
  const feeds = createPageCache(pageCache);

  async function sendFeed(request: FastifyRequest, reply: FastifyReply, scope: FeedScope, format: FeedFormat): Promise<FastifyReply> {
    const base = baseUrl(request);
    const feed = (await feeds.get(`${format} ${base}${scope.homePath}`, feedSource(store, scope, base, format)))!;
    const headers = { 'content-type': renderers[format].contentType, 'cache-control': CACHE_CONTROL };
    return sendPayload(request, reply, feed, headers, feed.renderedAt);
  }

  for (const format of Object.keys(FEED_FILES) as FeedFormat[]) {
    app.get(`/${FEED_FILES[format]}`, (request, reply) => sendFeed(request, reply, SITE_SCOPE, format));

    app.get<{ Params: { slug: string } }>(`/sections/:slug/${FEED_FILES[format]}`, async (request, reply) => {
      const section = await getSection(store.db, request.params.slug);
      if (!section) return reply.callNotFound();
      return sendFeed(request, reply, {
        title: `${section.name} · ${SITE_NAME}`,
        description: `The latest ${section.name} articles on ${SITE_NAME}`,
        homePath: sectionPath(section.slug),
        section: section.slug,
      }, format);
    });
  }

  // Up to 50,000 URLs (a few MB): built at most once per max-age and kept gzipped with an ETag, so a
  // crawler's visit is a map lookup, not a 50,000-row query.
  const sitemaps = createPageCache({ revalidateMs: 300_000, ...pageCache });
  app.get('/sitemap.xml', async (request, reply) => {
    const base = baseUrl(request);
    const sitemap = (await sitemaps.get(base, sitemapSource(store, base)))!;
    return sendPayload(request, reply, sitemap, { 'content-type': 'application/xml; charset=utf-8', 'cache-control': CACHE_CONTROL }, sitemap.renderedAt);
  });
};
