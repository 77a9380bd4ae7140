// The article page: headline, byline, times, reading time, the summary box above and below the
// body, then Previous / Next with the neighbours' titles.
import type { Neighbours } from '../../store/articles.ts';
import type { Article, Section } from '../../store/schema.ts';
import type { StoredSummary } from '../../store/summaries.ts';
import { formatDateTime, readingMinutes } from '../format.ts';
import { httpUrl } from '../../ingest/http-url.ts';
import { articlePath, sectionPath } from '../paths.ts';
import { Layout, SITE_NAME, type Head } from './layout.tsx';
import { SummaryBox, summaryPanels } from './summary.tsx';

export interface ArticlePageProps {
  article: Article;
  summaries: StoredSummary[];
  neighbours: Neighbours;
  sections: Section[];
  /** The body with its source sentences wrapped (see source-marks.ts); sanitized when stored. */
  bodyHtml: string;
  linked: Set<number>;
  /** The site's origin (see base-url.ts): OpenGraph wants absolute URLs. */
  origin: string;
}

const STATUS_NOTICES: Record<string, string> = {
  too_short: 'Too little text could be extracted from the original page to summarize it.',
  junk: 'The text extracted from the original page does not look like an article, so it has no summary.',
};

export function ArticlePage(props: ArticlePageProps) {
  const { article, summaries, neighbours, sections, bodyHtml, linked, origin } = props;
  const section = sections.find((s) => s.slug === article.section);
  const minutes = readingMinutes(article.word_count);
  const summarizable = article.status === 'ok';
  const panels = summarizable ? summaryPanels(summaries) : [];
  const box = (place: 'top' | 'bottom') => <SummaryBox place={place} panels={panels} wordCount={article.word_count} linked={linked} />;
  const sourceUrl = httpUrl(article.url);
  const byline = article.byline && (/^by\s/i.test(article.byline) ? article.byline : `By ${article.byline}`);

  return (
    <Layout head={articleHead(props)} sections={sections} lang={article.lang} currentSection={article.section}>
      <article class="story" lang={article.lang}>
        <header class="story-header">
          {section && <p class="kicker"><a href={sectionPath(section.slug)}>{section.name}</a></p>}
          <h1>{article.title}</h1>
          {byline && <p class="byline">{byline}</p>}
          <p class="meta">
            <span>Published <time datetime={article.published_at}>{formatDateTime(article.published_at)}</time></span>
            {article.revision > 1 && <span>Updated <time datetime={article.updated_at}>{formatDateTime(article.updated_at)}</time></span>}
            <span>{minutes} min read</span>
          </p>
        </header>
        {!summarizable && (
          <p class="notice" role="note">
            <strong>No summary for this article.</strong>{' '}
            {STATUS_NOTICES[article.status] ?? 'This article could not be summarized.'}
            {article.status_reason && ` (${article.status_reason})`}
          </p>
        )}
        {summarizable && summaries.length === 0 && (
          <p class="notice" role="note">The summary of this article is being prepared; reload the page in a moment.</p>
        )}
        {box('top')}
        <div class="story-body" dangerouslySetInnerHTML={{ __html: bodyHtml }} />
        {box('bottom')}
        {sourceUrl && (
          <p class="source-link">
            Originally published by <a href={sourceUrl} rel="noopener nofollow">{article.site_name || new URL(sourceUrl).hostname}</a>
          </p>
        )}
      </article>
      {(neighbours.previous || neighbours.next) && (
        <>
          <nav class="article-nav" aria-label="More articles">
            {neighbours.previous && (
              <a class="prev" href={articlePath(neighbours.previous.slug)} rel="prev">
                <span class="label"><span aria-hidden="true">← </span>Previous Article</span>
                <span class="title">{neighbours.previous.title}</span>
              </a>
            )}
            {neighbours.next && (
              <a class="next" href={articlePath(neighbours.next.slug)} rel="next">
                <span class="label">Next Article<span aria-hidden="true"> →</span></span>
                <span class="title">{neighbours.next.title}</span>
              </a>
            )}
          </nav>
          <p class="keys-hint">Keyboard: <kbd>←</kbd> <kbd>→</kbd> or <kbd>j</kbd> <kbd>k</kbd></p>
        </>
      )}
    </Layout>
  );
}

function articleHead({ article, summaries, neighbours, sections, origin }: ArticlePageProps): Head {
  const url = `${origin}${articlePath(article.slug)}`;
  const short = summaries.find((s) => s.length === 'short')?.sentences.map((s) => s.text).join(' ');
  const description = truncate(short || article.text, 200);
  const properties: [string, string][] = [
    ['og:type', 'article'],
    ['og:site_name', SITE_NAME],
    ['og:title', article.title],
    ['og:description', description],
    ['og:url', url],
    ['og:locale', article.lang],
    ['article:published_time', article.published_at],
    ['article:modified_time', article.updated_at],
    ['twitter:card', article.image_url ? 'summary_large_image' : 'summary'],
    ['twitter:title', article.title],
    ['twitter:description', description],
  ];
  const section = sections.find((s) => s.slug === article.section);
  if (section) properties.push(['article:section', section.name]);
  if (article.byline) properties.push(['article:author', article.byline]);
  if (article.image_url) properties.push(['og:image', article.image_url], ['twitter:image', article.image_url]);
  const links = [{ rel: 'canonical', href: url }];
  if (neighbours.previous) links.push({ rel: 'prev', href: articlePath(neighbours.previous.slug) });
  if (neighbours.next) links.push({ rel: 'next', href: articlePath(neighbours.next.slug) });
  return { title: article.title, description, properties, links };
}

function truncate(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).replace(/\s+\S*$/, '')}…`;
}
