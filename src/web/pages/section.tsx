// A section's articles, newest first, paged.
import type { ArticleListItem } from '../../store/articles.ts';
import type { Section } from '../../store/schema.ts';
import { sectionPath } from '../paths.ts';
import { Layout } from './layout.tsx';
import { Pager, Story } from './parts.tsx';

export interface SectionPageProps {
  section: Section;
  articles: ArticleListItem[];
  lines: Map<number, string>;
  page: number;
  pages: number;
  sections: Section[];
}

export function SectionPage({ section, articles, lines, page, pages, sections }: SectionPageProps) {
  const href = (n: number) => (n > 1 ? `${sectionPath(section.slug)}?page=${n}` : sectionPath(section.slug));
  const links = [{ rel: 'canonical', href: href(page) }];
  if (page > 1) links.push({ rel: 'prev', href: href(page - 1) });
  if (page < pages) links.push({ rel: 'next', href: href(page + 1) });
  return (
    <Layout head={{ title: page > 1 ? `${section.name} (page ${page})` : section.name, links }} sections={sections} currentSection={section.slug}>
      <h1 class="page-title">{section.name}</h1>
      {articles.length === 0 && <p class="empty">No articles in this section yet.</p>}
      <ul class="story-list wide-list">
        {articles.map((a) => <li><Story article={a} line={lines.get(a.id)} level={2} /></li>)}
      </ul>
      <Pager page={page} pages={pages} href={href} />
    </Layout>
  );
}
