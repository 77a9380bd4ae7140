// The JSON API under /api: articles (list, search, read, summary) for everyone; create, replace and
// delete with the admin token. Everything here is encapsulated: its validator, its JSON errors and
// its OpenAPI document apply to these routes only, whatever the rest of the app does.
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import swagger from '@fastify/swagger';
import type { AppContext } from '../context.ts';
import { countArticles, deleteArticle, getArticle, listArticles } from '../../store/articles.ts';
import { searchArticles } from '../../store/search.ts';
import { getSummaries } from '../../store/summaries.ts';
import { baseUrl } from '../base-url.ts';
import {
  ApiError, Article, ArticleInput, ArticleList, DEFAULT_PAGE_SIZE, IdParams, ListQuery, MAX_REQUEST_BYTES, Summary, SummaryQuery,
} from './schemas.ts';
import { typeboxValidatorCompiler } from './validation.ts';
import { handleApiError, handleApiNotFound, httpError } from './errors.ts';
import { BEARER_SCHEME, requireAdminToken } from './auth.ts';
import { apiArticlePath, presentArticle, presentListItem } from './present.ts';

const errors = (...statuses: number[]) => Object.fromEntries(statuses.map((s) => [s, ApiError]));
const tags = ['articles'];

// Publishing loads the summarizer and the HTML pipeline: loaded on the first write, so a web process
// that only serves reads never holds them.
const publisher = () => import('../../ingest/publish.ts');

export const apiRoutes: FastifyPluginAsync<AppContext> = async (app, { store }) => {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'skim API',
        version: '1',
        description: 'Articles and their precomputed summaries. Writes need the admin token (`skim token`).',
      },
      components: {
        securitySchemes: { [BEARER_SCHEME]: { type: 'http', scheme: 'bearer', description: 'the admin token printed by `skim token`' } },
      },
    },
  });
  await app.register(async (api) => registerRoutes(api, store), { prefix: '/api' });
};

function registerRoutes(api: FastifyInstance, store: AppContext['store']): void {
  api.setValidatorCompiler(typeboxValidatorCompiler);
  api.setErrorHandler(handleApiError);
  api.setNotFoundHandler(handleApiNotFound);
  // JSON only: a text/plain or form body is a 415, not a string that fails validation.
  api.removeContentTypeParser('text/plain');

  const admin = requireAdminToken(store);
  const security = [{ [BEARER_SCHEME]: [] }];
  const write = { onRequest: admin, bodyLimit: MAX_REQUEST_BYTES };

  api.get('/openapi.json', { schema: { tags: ['meta'], summary: 'This OpenAPI 3.1 document' } }, async () => api.swagger());

  api.get<{ Querystring: ListQuery }>('/articles', {
    schema: {
      tags,
      summary: 'List articles, newest first, or search them (q) ranked by relevance',
      querystring: ListQuery,
      response: { 200: ArticleList, ...errors(400) },
    },
  }, async (request) => {
    const { limit = DEFAULT_PAGE_SIZE, page, section, q } = request.query;
    if (page !== undefined && request.query.offset !== undefined) throw httpError(400, 'query: give page or offset, not both');
    const offset = request.query.offset ?? ((page ?? 1) - 1) * limit;
    const { hits, total } = q?.trim()
      ? await searchArticles(store, { q, section, limit, offset })
      : { hits: await listArticles(store.db, { section, limit, offset }), total: await countArticles(store.db, section) };
    const base = baseUrl(request);
    const nextOffset = offset + hits.length;
    let next: string | null = null;
    if (hits.length > 0 && nextOffset < total) {
      const params = new URLSearchParams({ limit: String(limit), offset: String(nextOffset) });
      if (section) params.set('section', section);
      if (q) params.set('q', q);
      next = `${base}/api/articles?${params}`;
    }
    return { items: hits.map((row) => presentListItem(row, base)), total, limit, offset, next };
  });

  api.get<{ Params: IdParams }>('/articles/:id', {
    schema: { tags, summary: 'One article with its sanitized HTML and plain text', params: IdParams, response: { 200: Article, ...errors(400, 404) } },
  }, async (request) => presentArticle(await existingArticle(request.params.id), baseUrl(request)));

  api.get<{ Params: IdParams; Querystring: SummaryQuery }>('/articles/:id/summary', {
    schema: {
      tags,
      summary: "The article's stored summary; sentence offsets index into the article's `text`",
      description: 'Summaries are computed when an article is stored, never on request. 409 when the article is not summarized (its status is not ok).',
      params: IdParams,
      querystring: SummaryQuery,
      response: { 200: Summary, ...errors(400, 404, 409) },
    },
  }, async (request) => {
    const { id } = request.params;
    const length = request.query.length ?? 'medium';
    const article = await existingArticle(id);
    if (article.status !== 'ok') {
      throw httpError(409, `article ${id} has no summary: its status is '${article.status}'${article.status_reason ? ` (${article.status_reason})` : ''}`);
    }
    const summary = (await getSummaries(store.db, id)).find((s) => s.length === length);
    if (!summary) throw httpError(409, `article ${id} has no ${length} summary yet; the worker computes missing summaries`);
    return { id, length, version: summary.version, sentences: summary.sentences };
  });

  api.post<{ Body: ArticleInput }>('/articles', {
    ...write,
    schema: {
      tags,
      security,
      summary: 'Publish an article: sanitized, summarized and indexed before the response',
      body: ArticleInput,
      response: { 201: Article, ...errors(400, 401, 413, 415) },
    },
  }, async (request, reply) => {
    // Without an id publishArticle always creates, so the result is never null.
    const result = (await (await publisher()).publishArticle(store, request.body))!;
    const article = await existingArticle(result.id);
    return reply.code(201).header('location', apiArticlePath(result.id)).send(presentArticle(article, baseUrl(request)));
  });

  api.put<{ Params: IdParams; Body: ArticleInput }>('/articles/:id', {
    ...write,
    schema: {
      tags,
      security,
      summary: 'Replace an article (all fields; an omitted publishedAt keeps the stored date)',
      params: IdParams,
      body: ArticleInput,
      response: { 200: Article, ...errors(400, 401, 404, 413, 415) },
    },
  }, async (request) => {
    const { id } = request.params;
    if (!(await (await publisher()).publishArticle(store, request.body, id))) throw notFound(id);
    return presentArticle(await existingArticle(id), baseUrl(request));
  });

  api.delete<{ Params: IdParams }>('/articles/:id', {
    onRequest: admin,
    schema: {
      tags,
      security,
      summary: 'Delete an article with its revisions and summaries',
      params: IdParams,
      response: { 204: { type: 'null', description: 'deleted' }, ...errors(400, 401, 404) },
    },
  }, async (request, reply) => {
    if (!(await deleteArticle(store.db, request.params.id))) throw notFound(request.params.id);
    return reply.code(204).send();
  });

  async function existingArticle(id: number) {
    const article = await getArticle(store.db, id);
    if (!article) throw notFound(id);
    return article;
  }
}

const notFound = (id: number) => httpError(404, `no article with id ${id}`);
