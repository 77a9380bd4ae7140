// Search: a form, then ranked hits with highlighted snippets, paged.
import type { Section } from '../../store/schema.ts';
import { SEARCH_CANDIDATES, type SearchHit } from '../../store/search.ts';
import { searchPath } from '../paths.ts';
import { Layout } from './layout.tsx';
import { Pager, Story } from './parts.tsx';

export interface SearchPageProps {
  query: string;
  hits: SearchHit[];
  total: number;
  page: number;
  pages: number;
  sections: Section[];
}

/** Search ranks only the newest SEARCH_CANDIDATES matches, so a total at that cap means "at least". */
function foundLine(total: number): string {
  if (total === 0) return 'No articles match.';
  if (total >= SEARCH_CANDIDATES) return `${SEARCH_CANDIDATES.toLocaleString('en')} or more articles found; the newest ${SEARCH_CANDIDATES.toLocaleString('en')} are ranked`;
  return `${total} ${total === 1 ? 'article' : 'articles'} found`;
}

export function SearchPage({ query, hits, total, page, pages, sections }: SearchPageProps) {
  const title = query ? `Search: ${query}` : 'Search';
  return (
    <Layout head={{ title, noindex: true }} sections={sections} query={query}>
      <h1 class="page-title">{query ? <>Results for “{query}”</> : 'Search'}</h1>
      {!query && <p class="empty">Type a few words into the search box above.</p>}
      {query && (
        <p class="meta" role="status">{foundLine(total)}</p>
      )}
      <ul class="story-list wide-list">
        {hits.map((hit) => <li><Story article={hit} snippet={hit.snippet} level={2} /></li>)}
      </ul>
      <Pager page={page} pages={pages} href={(n) => searchPath(query, n)} />
    </Layout>
  );
}
