// The web application: the HTML pages, static assets, the JSON API and the feeds, with one error
// policy: JSON {error, message} under /api, the site's own error page everywhere else.
import Fastify, { LogController, type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { createElement } from 'preact';
import { STATUS_CODES } from 'node:http';
import { listSections } from '../store/sections.ts';
import type { Section } from '../store/schema.ts';
import type { AppContext } from './context.ts';
import { assetRoutes } from './assets.ts';
import { pageRoutes } from './routes.tsx';
import { sourcesRoutes } from './sources.tsx';
import { apiRoutes } from './api/routes.ts';
import { syndicationRoutes } from './syndication/routes.ts';
import { handleApiError, handleApiNotFound } from './api/errors.ts';
import { ErrorPage } from './pages/error.tsx';
import { sendPage } from './respond.ts';
import { opsRoutes } from './ops.ts';
import { takeTurns } from './turns.ts';

/** Request bodies above this are refused with 413 before they are parsed. */
const BODY_LIMIT = 4 * 1024 * 1024;

export async function buildApp(ctx: AppContext): Promise<FastifyInstance> {
  const isApi = (request: FastifyRequest) => request.url === '/api' || request.url.startsWith('/api/');

  async function sendErrorPage(reply: FastifyReply, status: number, title: string, message: string) {
    // The error page still needs the section list; a store that fails here must not hide the error.
    const sections: Section[] = await listSections(ctx.store.db).catch(() => []);
    return sendPage(reply, createElement(ErrorPage, { status, title, message, sections }), status);
  }

  async function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
    if (isApi(request)) return handleApiError(error, request, reply);
    const status = error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500;
    if (status >= 500) {
      request.log.error({ err: error }, 'page failed');
      return sendErrorPage(reply, status, 'Something went wrong', 'The page could not be shown because of an error on our side. Please try again later.');
    }
    const message = error.validation ? `The address is not valid: ${error.message}.` : error.message;
    return sendErrorPage(reply, status, STATUS_CODES[status] ?? 'Error', message);
  }

  const app = Fastify({
    // Warnings and errors only, as JSON lines; request logs are a reverse proxy's job.
    logger: ctx.logger ? { level: 'warn' } : false,
    // Per-request log lines would double the cost of a cached page; errors are still logged.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: BODY_LIMIT,
    // No route has a regular-expression parameter, so a long one is harmless: an unknown slug of
    // any length is a plain 404 rather than the router's bare 414.
    routerOptions: { maxParamLength: 16 * 1024 },
    // A malformed URL (bad percent-encoding) gets the same error page as any other bad request.
    frameworkErrors: (error, request, reply) => void handleError(error, request, reply),
  });

  app.setErrorHandler(handleError);
  takeTurns(app.server);

  app.setNotFoundHandler(async (request, reply) => {
    if (isApi(request)) return handleApiNotFound(request, reply);
    return sendErrorPage(reply, 404, 'Page not found', 'There is no page at this address. It may have moved, or the link may be mistyped.');
  });

  await app.register(opsRoutes, ctx);
  await app.register(assetRoutes);
  await app.register(pageRoutes, ctx);
  await app.register(sourcesRoutes, ctx);
  await app.register(apiRoutes, ctx);
  await app.register(syndicationRoutes, ctx);
  return app;
}
