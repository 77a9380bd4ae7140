// The site's URL scheme in one place: pages, feeds, the sitemap and the API link with these.

export function articlePath(slug: string): string {
  return `/articles/${encodeURIComponent(slug)}`;
}

export function sectionPath(slug: string): string {
  return `/sections/${encodeURIComponent(slug)}`;
}

/** The longest search query the site accepts (the search form and the /search route). */
export const MAX_QUERY_LENGTH = 200;

export function searchPath(q: string, page = 1): string {
  const params = new URLSearchParams({ q });
  if (page > 1) params.set('page', String(page));
  return `/search?${params}`;
}
