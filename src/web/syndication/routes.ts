// Feeds for the site and each section in three formats, and the sitemap. An unknown section falls
// through to the app's 404 page.
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { AppContext } from '../context.ts';
import { getSection } from '../../store/sections.ts';
import { baseUrl } from '../base-url.ts';
import { sectionPath } from '../paths.ts';
import { SITE_NAME } from '../pages/layout.tsx';
import { FEED_FILES, loadFeed, renderers, type FeedFormat, type FeedScope } from './feeds.ts';
import { renderSitemap } from './sitemap.ts';

// Readers poll; a few minutes of staleness costs nothing and spares the store.
const CACHE_CONTROL = 'public, max-age=300';

const SITE_SCOPE: FeedScope = { title: SITE_NAME, description: `The latest articles on ${SITE_NAME}`, homePath: '/' };

function send(reply: FastifyReply, contentType: string, body: string): FastifyReply {
  return reply.type(contentType).header('cache-control', CACHE_CONTROL).send(body);
}

export const syndicationRoutes: FastifyPluginAsync<AppContext> = async (app, { store }) => {
  for (const format of Object.keys(FEED_FILES) as FeedFormat[]) {
    const { render, contentType } = renderers[format];

    app.get(`/${FEED_FILES[format]}`, async (request, reply) =>
      send(reply, contentType, render(await loadFeed(store, SITE_SCOPE, baseUrl(request)))));

    app.get<{ Params: { slug: string } }>(`/sections/:slug/${FEED_FILES[format]}`, async (request, reply) => {
      const section = await getSection(store.db, request.params.slug);
      if (!section) return reply.callNotFound();
      const scope: FeedScope = {
        title: `${section.name} · ${SITE_NAME}`,
        description: `The latest ${section.name} articles on ${SITE_NAME}`,
        homePath: sectionPath(section.slug),
        section: section.slug,
      };
      return send(reply, contentType, render(await loadFeed(store, scope, baseUrl(request))));
    });
  }

  app.get('/sitemap.xml', async (request, reply) =>
    send(reply, 'application/xml; charset=utf-8', await renderSitemap(store, baseUrl(request))));
};
