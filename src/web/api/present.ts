// Store rows → the API's JSON shapes (camelCase, absolute links).
import type { Article as ArticleRow } from '../../store/schema.ts';
import type { ArticleListItem as ArticleListRow } from '../../store/articles.ts';
import { HIGHLIGHT_END, HIGHLIGHT_START } from '../../store/search.ts';
import { articlePath } from '../paths.ts';
import type { Article, ArticleListItem } from './schemas.ts';

export const apiArticlePath = (id: number): string => `/api/articles/${id}`;

export function presentListItem(row: ArticleListRow & { snippet?: string }, base: string): ArticleListItem {
  const id = Number(row.id);
  return {
    id,
    slug: row.slug,
    title: row.title,
    byline: row.byline,
    section: row.section,
    lang: row.lang,
    url: row.url,
    publishedAt: row.published_at,
    updatedAt: row.updated_at,
    wordCount: row.word_count,
    revision: row.revision,
    status: row.status,
    imageUrl: row.image_url,
    links: {
      self: `${base}${apiArticlePath(id)}`,
      page: `${base}${articlePath(row.slug)}`,
      summary: `${base}${apiArticlePath(id)}/summary`,
    },
    // The API returns plain text; highlighting is the client's business.
    ...(row.snippet === undefined ? {} : { snippet: row.snippet.replaceAll(HIGHLIGHT_START, '').replaceAll(HIGHLIGHT_END, '') }),
  };
}

export function presentArticle(row: ArticleRow, base: string): Article {
  return {
    ...presentListItem(row, base),
    canonicalUrl: row.canonical_url,
    createdAt: row.created_at,
    statusReason: row.status_reason,
    siteName: row.site_name,
    html: row.html,
    text: row.text,
  };
}
