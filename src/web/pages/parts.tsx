// Small pieces several pages share: a story in a list, its meta line, a pager, a search snippet.
import type { ArticleListItem } from '../../store/articles.ts';
import { HIGHLIGHT_END, HIGHLIGHT_START } from '../../store/search.ts';
import { formatDateTime, readingMinutes } from '../format.ts';
import { articlePath } from '../paths.ts';

export function Meta({ article }: { article: Pick<ArticleListItem, 'published_at' | 'word_count'> }) {
  return (
    <p class="meta">
      <time datetime={article.published_at}>{formatDateTime(article.published_at)}</time>
      <span>{readingMinutes(article.word_count)} min read</span>
    </p>
  );
}

export interface StoryProps {
  article: ArticleListItem;
  /** A one-line summary, or a search snippet. */
  line?: string;
  snippet?: string;
  level?: 2 | 3;
}

export function Story({ article, line, snippet, level = 3 }: StoryProps) {
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <article>
      <Heading class="story-title"><a href={articlePath(article.slug)}>{article.title}</a></Heading>
      {line && <p class="dek">{line}</p>}
      {snippet && <p class="snippet"><Snippet text={snippet} /></p>}
      <Meta article={article} />
    </article>
  );
}

/** A search snippet: its match markers become <mark>; the text itself is escaped like any other. */
export function Snippet({ text }: { text: string }) {
  const parts = text.split(new RegExp(`${HIGHLIGHT_START}|${HIGHLIGHT_END}`));
  // Split on both markers: odd parts are the matches.
  return <>{parts.map((part, i) => (i % 2 === 1 ? <mark>{part}</mark> : part))}</>;
}

export interface PagerProps {
  page: number;
  pages: number;
  href: (page: number) => string;
}

export function Pager({ page, pages, href }: PagerProps) {
  if (pages <= 1) return null;
  return (
    <nav class="pager" aria-label="Pages">
      {page > 1 ? <a href={href(page - 1)} rel="prev">← Previous page</a> : <span />}
      <span class="pager-status">Page {page} of {pages}</span>
      {page < pages ? <a href={href(page + 1)} rel="next">Next page →</a> : <span />}
    </nav>
  );
}
