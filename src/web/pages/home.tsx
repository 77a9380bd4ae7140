// Home: the newest story as the lead beside the next few headlines, then the latest of each section.
import type { ArticleListItem } from '../../store/articles.ts';
import type { Section } from '../../store/schema.ts';
import { articlePath, sectionPath } from '../paths.ts';
import { Layout, SITE_NAME } from './layout.tsx';
import { Meta, Story } from './parts.tsx';

export interface StoryGroup {
  /** Undefined for articles without a section. */
  section?: Section;
  articles: ArticleListItem[];
}

export interface HomePageProps {
  lead?: ArticleListItem;
  /** The next newest stories, headlines only. */
  rail: ArticleListItem[];
  groups: StoryGroup[];
  /** One line per article id: the first sentence of its short summary. */
  lines: Map<number, string>;
  sections: Section[];
}

export function HomePage({ lead, rail, groups, lines, sections }: HomePageProps) {
  const leadSection = lead && sections.find((s) => s.slug === lead.section);
  return (
    <Layout head={{ title: SITE_NAME, description: 'The latest news, each story with an instant summary.' }} sections={sections} currentSection={null}>
      <h1 class="visually-hidden">Latest news</h1>
      {!lead && <p class="empty">No articles yet. Add some with <code>skim add</code> or the API.</p>}
      {lead && (
        <div class="front">
          <article class="lead-story">
            {leadSection && <p class="kicker"><a href={sectionPath(leadSection.slug)}>{leadSection.name}</a></p>}
            <h2><a href={articlePath(lead.slug)}>{lead.title}</a></h2>
            {lines.get(lead.id) && <p class="dek">{lines.get(lead.id)}</p>}
            <Meta article={lead} />
          </article>
          {rail.length > 0 && (
            <section class="rail" aria-labelledby="rail-title">
              <h2 id="rail-title">Just in</h2>
              <ul class="story-list">{rail.map((a) => <li><Story article={a} /></li>)}</ul>
            </section>
          )}
        </div>
      )}
      <div class="section-grid">
        {groups.map(({ section, articles }) => (
          <section class="section-block" aria-labelledby={`section-${section?.slug ?? 'other'}`}>
            <h2 id={`section-${section?.slug ?? 'other'}`}>
              {section ? <a href={sectionPath(section.slug)}>{section.name}</a> : 'More news'}
            </h2>
            <ul class="story-list">
              {articles.map((a) => <li><Story article={a} line={lines.get(a.id)} /></li>)}
            </ul>
          </section>
        ))}
      </div>
    </Layout>
  );
}
