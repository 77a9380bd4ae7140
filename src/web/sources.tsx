// GET /sources: the sources page (src/web/pages/sources.tsx).
import type { FastifyPluginAsync } from 'fastify';
import { listSections } from '../store/sections.ts';
import { listSources } from '../store/sources.ts';
import type { AppContext } from './context.ts';
import { SourcesPage } from './pages/sources.tsx';
import { sendPage } from './respond.ts';

export const sourcesRoutes: FastifyPluginAsync<AppContext> = async (app, { store }) => {
  app.get('/sources', async (_request, reply) => {
    const [sources, sections] = await Promise.all([listSources(store.db), listSections(store.db)]);
    return sendPage(reply, <SourcesPage sources={sources} sections={sections} />);
  });
};
