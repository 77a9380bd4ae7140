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

/**
 * `url` when it is an http(s) address, else null. Links that feeds and pages supply must pass this
 * before they become an href: JSX escapes text, but a `javascript:` URL would still run.
 */
export function httpUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}
