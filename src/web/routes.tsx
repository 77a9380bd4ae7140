// The site's HTML pages: home, article, section, search.
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { countArticles, listArticles, type ArticleListItem } from '../store/articles.ts';
import { getSection, listSections } from '../store/sections.ts';
import { searchArticles } from '../store/search.ts';
import { getSummariesOfLength } from '../store/summaries.ts';
import type { Store } from '../store/db.ts';
import type { AppContext } from './context.ts';
import { baseUrl } from './base-url.ts';
import { MAX_QUERY_LENGTH } from './paths.ts';
import { articlePage } from './article-pages.ts';
import { createPageCache, versioned, type PageSource } from './page-cache.ts';
import { HTML_HEADERS, renderDocument, sendPage, sendPayload } from './respond.ts';
import { HomePage, type StoryGroup } from './pages/home.tsx';
import { SectionPage } from './pages/section.tsx';
import { SearchPage, type SearchPageProps } from './pages/search.tsx';

const PER_PAGE = 20;
const HOME_ARTICLES = 60;
const PER_HOME_GROUP = 5;
const HOME_RAIL = 4;
// Browsers revalidate with the ETag on every view, so an edit shows at once.
const ARTICLE_HEADERS = { ...HTML_HEADERS, 'cache-control': 'no-cache' };
// Search pages kept in memory (gzipped, a few kB each), re-run at most every 5 s:
// a search costs tens of milliseconds at 100,000 articles, and a new article may take that long to appear.
const SEARCH_CACHE = { revalidateMs: 5000 };

const PageQuery = Type.Object({ page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })) });
const SearchQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: MAX_QUERY_LENGTH })),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
});

/** The first sentence of each article's short summary: the one-line summary of listings. */
async function summaryLines(store: Store, articles: ArticleListItem[]): Promise<Map<number, string>> {
  const shorts = await getSummariesOfLength(store.db, articles.map((a) => a.id), 'short');
  const lines = new Map<number, string>();
  for (const [id, sentences] of shorts) if (sentences[0]) lines.set(id, sentences[0].text);
  return lines;
}

/** Cache-Control: no-cache, as a browser's hard reload sends: the page is made afresh from the store. */
function wantsFresh(request: FastifyRequest): boolean {
  return /no-cache/i.test(request.headers['cache-control'] ?? '');
}

function pageCount(total: number): number {
  return Math.max(1, Math.ceil(total / PER_PAGE));
}

export const pageRoutes: FastifyPluginAsync<AppContext> = async (app, { store, pageCache }) => {
  const searchPages = createPageCache({ ...SEARCH_CACHE, ...pageCache });

  app.get('/', async (_request, reply) => {
    const [sections, latest] = await Promise.all([listSections(store.db), listArticles(store.db, { limit: HOME_ARTICLES })]);
    const [lead, ...rest] = latest;
    const groups: StoryGroup[] = [...sections, undefined]
      .map((section) => ({ section, articles: rest.filter((a) => a.section === (section?.slug ?? null)).slice(0, PER_HOME_GROUP) }))
      .filter((g) => g.articles.length > 0);
    const lines = await summaryLines(store, latest);
    return sendPage(reply, <HomePage lead={lead} rail={rest.slice(0, HOME_RAIL)} groups={groups} lines={lines} sections={sections} />);
  });

  app.get<{ Params: { slug: string } }>('/articles/:slug', async (request, reply) => {
    const page = await articlePage(store, request.params.slug, baseUrl(request), { fresh: wantsFresh(request), trustMs: pageCache?.revalidateMs });
    if (!page) return reply.callNotFound();
    return sendPayload(request, reply, page, ARTICLE_HEADERS);
  });

  app.get<{ Params: { slug: string }; Querystring: Static<typeof PageQuery> }>(
    '/sections/:slug',
    { schema: { querystring: PageQuery } },
    async (request, reply) => {
      const page = request.query.page ?? 1;
      const section = await getSection(store.db, request.params.slug);
      if (!section) return reply.callNotFound();
      const [sections, total, articles] = await Promise.all([
        listSections(store.db),
        countArticles(store.db, section.slug),
        listArticles(store.db, { section: section.slug, limit: PER_PAGE, offset: (page - 1) * PER_PAGE }),
      ]);
      if (page > pageCount(total)) return reply.callNotFound();
      const lines = await summaryLines(store, articles);
      return sendPage(reply, <SectionPage section={section} articles={articles} lines={lines} page={page} pages={pageCount(total)} sections={sections} />);
    },
  );

  app.get<{ Querystring: Static<typeof SearchQuery> }>('/search', { schema: { querystring: SearchQuery } }, async (request, reply) => {
    const query = (request.query.q ?? '').trim();
    const page = request.query.page ?? 1;
    const search = async (): Promise<SearchPageProps | undefined> => {
      const [sections, result] = await Promise.all([
        listSections(store.db),
        query ? searchArticles(store, { q: query, limit: PER_PAGE, offset: (page - 1) * PER_PAGE }) : { hits: [], total: 0 },
      ]);
      if (page > pageCount(result.total)) return undefined;
      return { query, hits: result.hits, total: result.total, page, pages: pageCount(result.total), sections };
    };
    // Popular queries repeat: their pages are served from memory (stale while a re-run is under
    // way). A request asking for a fresh answer (Cache-Control: no-cache, as a browser's hard
    // reload sends) runs the search itself; the benchmark measures both.
    if (wantsFresh(request)) {
      const data = await search();
      return data ? sendPage(reply, <SearchPage {...data} />) : reply.callNotFound();
    }
    const source: PageSource<SearchPageProps> = {
      load: async () => {
        const data = await search();
        return data && versioned(data);
      },
      render: async (data) => renderDocument(<SearchPage {...data} />),
    };
    const cached = await searchPages.get(`${page} ${query}`, source);
    return cached ? sendPayload(request, reply, cached, ARTICLE_HEADERS) : reply.callNotFound();
  });
};
