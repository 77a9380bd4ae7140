// Article metadata from the page head: JSON-LD (also inside @graph), meta tags (OpenGraph,
// article:*, Parse.ly, Dublin Core, Twitter), <time datetime>, <link rel=canonical> and <html lang>.
// Read before Readability runs, because Readability rewrites the document.
import { primaryLanguage } from '../../text/language.ts';
import { parseFeedDate } from '../feeds/dates.ts';
import { httpUrl } from '../http-url.ts';

export interface PageMetadata {
  title: string | null;
  byline: string | null;
  published: string | null;
  modified: string | null;
  siteName: string | null;
  lang: string | null;
  canonicalUrl: string | null;
  leadImage: string | null;
  description: string | null;
}

type JsonObject = Record<string, unknown>;

const ARTICLE_TYPE = /(Article|BlogPosting|Report|LiveBlogPosting|NewsArticle)$/;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function types(node: JsonObject): string[] {
  const type = node['@type'];
  return (Array.isArray(type) ? type : [type]).filter((t): t is string => typeof t === 'string');
}

/** Every object of every JSON-LD block, with arrays and @graph flattened; broken blocks are skipped. */
function jsonLdNodes(document: Document): JsonObject[] {
  const nodes: JsonObject[] = [];
  const visit = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (isObject(value)) {
      nodes.push(value);
      if (Array.isArray(value['@graph'])) value['@graph'].forEach(visit);
    }
  };
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    const source = (script.textContent ?? '').replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, '').trim();
    try {
      visit(JSON.parse(source));
    } catch {
      // Pages ship hand-written JSON-LD with syntax errors; the meta tags still count.
    }
  }
  return nodes;
}

function text(value: unknown): string | null {
  if (typeof value === 'string') return value.replace(/\s+/g, ' ').trim() || null;
  if (typeof value === 'number') return String(value);
  return null;
}

/** A JSON-LD person/organization/image value (string, object or list) → its names or URLs. */
function names(value: unknown, key: 'name' | 'url'): string[] {
  if (Array.isArray(value)) return value.flatMap((item) => names(item, key));
  if (isObject(value)) return names(value[key] ?? (key === 'url' ? value['@id'] : undefined), key);
  const single = text(value);
  return single ? [single] : [];
}

/** `name`/`property`/`itemprop` (lowercased) → first non-empty content. */
function metaTags(document: Document): Map<string, string> {
  const tags = new Map<string, string>();
  for (const meta of document.querySelectorAll('meta[content]')) {
    const content = text(meta.getAttribute('content'));
    if (!content) continue;
    for (const attribute of ['property', 'name', 'itemprop', 'http-equiv']) {
      const key = meta.getAttribute(attribute)?.trim().toLowerCase();
      if (key && !tags.has(key)) tags.set(key, content);
    }
  }
  return tags;
}

function first<T>(...values: (T | null | undefined)[]): T | null {
  for (const value of values) if (value !== null && value !== undefined && value !== '') return value;
  return null;
}

/**
 * A page date (ISO 8601, RFC 2822 and their near misses, read as feed dates are; or epoch seconds or
 * milliseconds) → ISO 8601, else null. Years no news page means (before 1990, after 2100) are null.
 */
export function normalizeDate(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  if (!trimmed) return null;
  const epoch = /^\d{10}(\d{3})?$/.test(trimmed) ? Number(trimmed) * (trimmed.length === 10 ? 1000 : 1) : null;
  const iso = epoch === null ? parseFeedDate(trimmed) : new Date(epoch).toISOString();
  const year = iso ? new Date(iso).getUTCFullYear() : NaN;
  return year >= 1990 && year <= 2100 ? iso : null;
}

const LANGUAGE_TAG = /^[a-z]{2,3}(?:[-_][a-z0-9]+)*$/i;

/** "en-US", "en_US", "EN" → "en"; anything that is not a language tag → null. */
export function normalizeLanguage(value: string | null | undefined): string | null {
  const tag = value?.trim();
  return tag && LANGUAGE_TAG.test(tag) ? primaryLanguage(tag) : null;
}

function cleanByline(value: string | null): string | null {
  if (!value || /^https?:\/\//.test(value)) return null;
  return value.replace(/^by\s+/i, '').trim() || null;
}

export function readMetadata(document: Document, baseUrl?: string): PageMetadata {
  const nodes = jsonLdNodes(document);
  const article = nodes.find((node) => types(node).some((type) => ARTICLE_TYPE.test(type))) ?? {};
  const site = nodes.find((node) => types(node).includes('WebSite')) ?? {};
  const meta = metaTags(document);
  const tag = (...keys: string[]) => first(...keys.map((key) => meta.get(key)));
  const attribute = (selector: string, name: string) => text(document.querySelector(selector)?.getAttribute(name));

  const authors = names(article['author'] ?? article['creator'], 'name');
  // Lazily: each <time> lookup scans the whole document, and most pages answer from the head.
  const firstDate = (...sources: (() => string | null)[]) => {
    for (const source of sources) {
      const date = normalizeDate(source());
      if (date) return date;
    }
    return null;
  };
  const published = firstDate(
    () => text(article['datePublished']),
    () => tag('article:published_time', 'og:article:published_time', 'parsely-pub-date', 'sailthru.date', 'dc.date.issued', 'dc.date', 'dcterms.created', 'date', 'pubdate', 'publishdate', 'datepublished'),
    () => attribute('time[itemprop~="datePublished"], time[pubdate]', 'datetime'),
    () => attribute('time[datetime]', 'datetime'),
    () => text(article['dateCreated']),
  );
  const modified = firstDate(
    () => text(article['dateModified']),
    () => tag('article:modified_time', 'og:updated_time', 'dcterms.modified', 'dc.date.modified', 'last-modified', 'datemodified'),
    () => attribute('time[itemprop~="dateModified"]', 'datetime'),
  );
  const mainEntity = article['mainEntityOfPage'];

  return {
    title: first(text(article['headline']), tag('og:title', 'twitter:title', 'parsely-title', 'dc.title')),
    byline: cleanByline(first(authors.length ? authors.join(', ') : null, tag('author', 'article:author', 'parsely-author', 'dc.creator', 'sailthru.author', 'byl'))),
    published,
    modified,
    siteName: first(tag('og:site_name', 'application-name'), names(article['publisher'], 'name')[0], text(site['name'])),
    lang: normalizeLanguage(
      first(text(document.documentElement?.getAttribute('lang')), tag('og:locale', 'content-language', 'dc.language', 'language'), text(article['inLanguage'])),
    ),
    canonicalUrl: httpUrl(
      first(attribute('link[rel~="canonical"]', 'href'), tag('og:url'), text(article['url']), isObject(mainEntity) ? text(mainEntity['@id']) : text(mainEntity)),
      baseUrl,
    ),
    leadImage: httpUrl(first(tag('og:image', 'og:image:url', 'twitter:image', 'twitter:image:src'), names(article['image'], 'url')[0]), baseUrl),
    description: first(tag('description', 'og:description', 'twitter:description'), text(article['description'])),
  };
}
