// The frame every page shares: head (meta, styles, script), masthead with search and sections, footer.
import type { ComponentChildren } from 'preact';
import type { Section } from '../../store/schema.ts';
import { assetPath } from '../assets.ts';
import { MAX_QUERY_LENGTH, sectionPath } from '../paths.ts';
import { FEED_FILES } from '../syndication/feeds.ts';

export interface HeadLink {
  rel: string;
  href: string;
  type?: string;
  title?: string;
}

export interface Head {
  title: string;
  description?: string;
  /** OpenGraph `property` and Twitter `name` meta tags. */
  properties?: [string, string][];
  links?: HeadLink[];
  noindex?: boolean;
}

export interface LayoutProps {
  head: Head;
  sections: Section[];
  lang?: string;
  query?: string;
  currentSection?: string | null;
  children: ComponentChildren;
}

const FEED_TYPES = [
  { file: FEED_FILES.rss, type: 'application/rss+xml', label: 'RSS' },
  { file: FEED_FILES.atom, type: 'application/atom+xml', label: 'Atom' },
  { file: FEED_FILES.json, type: 'application/feed+json', label: 'JSON Feed' },
];

export const SITE_NAME = 'skim';

export function Layout({ head, sections, lang = 'en', query, currentSection, children }: LayoutProps) {
  // A section page offers its own feeds; every page offers the site's.
  const section = currentSection ? sections.find((s) => s.slug === currentSection) : undefined;
  const feeds = [
    ...(section ? FEED_TYPES.map((f) => ({ ...f, href: `${sectionPath(section.slug)}/${f.file}`, title: `${section.name} (${f.label})` })) : []),
    ...FEED_TYPES.map((f) => ({ ...f, href: `/${f.file}`, title: `${SITE_NAME} (${f.label})` })),
  ];
  return (
    <html lang={lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{head.title === SITE_NAME ? SITE_NAME : `${head.title} · ${SITE_NAME}`}</title>
        {head.description && <meta name="description" content={head.description} />}
        {head.noindex && <meta name="robots" content="noindex" />}
        <meta name="color-scheme" content="light dark" />
        <link rel="stylesheet" href={assetPath('site.css')} />
        <link rel="icon" type="image/svg+xml" href={assetPath('icon.svg')} />
        {head.links?.map((l) => <link rel={l.rel} href={l.href} type={l.type} title={l.title} />)}
        {feeds.map((f) => <link rel="alternate" type={f.type} href={f.href} title={f.title} />)}
        {head.properties?.map(([key, content]) =>
          key.startsWith('twitter:') ? <meta name={key} content={content} /> : <meta property={key} content={content} />)}
        <script src={assetPath('site.js')} defer />
      </head>
      <body>
        <a class="skip-link" href="#main">Skip to content</a>
        <header class="masthead">
          <div class="wrap masthead-top">
            <div>
              <a class="brand" href="/">skim<span>.</span></a>
              <p class="tagline">The news, with a summary for every story</p>
            </div>
            <form class="search-form" role="search" action="/search" method="get">
              <label class="visually-hidden" for="site-search">Search articles</label>
              <input id="site-search" type="search" name="q" value={query} placeholder="Search articles" maxLength={MAX_QUERY_LENGTH} />
              <button type="submit">Search</button>
            </form>
          </div>
          {sections.length > 0 && (
            <nav class="section-nav" aria-label="Sections">
              <div class="wrap">
                <ul>
                  <li><a href="/" aria-current={currentSection === null ? 'page' : undefined}>Latest</a></li>
                  {sections.map((s) => (
                    <li><a href={sectionPath(s.slug)} aria-current={currentSection === s.slug ? 'page' : undefined}>{s.name}</a></li>
                  ))}
                </ul>
              </div>
            </nav>
          )}
        </header>
        <main id="main" tabIndex={-1}>
          <div class="wrap">{children}</div>
        </main>
        <footer class="site-footer">
          <div class="wrap">
            <p>{SITE_NAME}: self-hosted news with instant summaries, computed when an article is stored.</p>
            <p>Follow: {FEED_TYPES.map((f, i) => <>{i > 0 && ' · '}<a href={`/${f.file}`}>{f.label}</a></>)}</p>
          </div>
        </footer>
      </body>
    </html>
  );
}
