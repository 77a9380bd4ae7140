// Article pages as served: read from the store when a current one is there (store/pages.ts),
// else rendered, sent, and stored for the next reader. A stored page is current when the store
// has not invalidated it and its context matches: the templates (a hash of sample renders, so any
// change to the markup, styles' URLs or scripts makes every page render again), the section list
// in the navigation, and the origin in its absolute URLs.
import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { forEachLimited } from '../for-each-limited.ts';
import { fnv1a } from '../hash.ts';
import type { Store } from '../store/db.ts';
import { getStoredPage, storePage, type StoredPage } from '../store/pages.ts';
import type { Article, Section } from '../store/schema.ts';
import { listSections } from '../store/sections.ts';
import { loadArticleView, renderArticleView, type ArticleView } from './article-view.tsx';
import { makePayload, type Payload } from './respond.ts';

/**
 * How long a process trusts what it holds of a page's inputs, its section list and the pages it
 * served last: an edit or a new section reaches readers of another process within this.
 */
const TRUST_MS = 1000;
/** Recently served pages a process keeps (gzipped): the popular ones, a map lookup instead of a read. */
const RECENT_PAGES_BYTES = 8 * 1024 * 1024;
/**
 * Bits of the hashed set of pages viewed lately, and the marks after which it starts afresh: a page
 * is kept on its second view within about SEEN_RESET views (TinyLFU's doorkeeper). Kept on every
 * view, pages that no one asked for again were evicted after a fraction of a second, old enough to
 * have been promoted: under 6,000 views/s spread over 20,000 articles that garbage, and the page
 * Buffers only a full GC frees, cost a 5-17 ms mark-compact every half second, which set the
 * article page's p99 (wrk at 64 connections, `node --trace-gc`). 8 kB and a hash, no allocation per view.
 */
const SEEN_BITS = 1 << 16;
const SEEN_RESET = 1024;

export interface ArticlePageOptions {
  /** Render from the store's data even when a current page is stored (a browser's hard reload asks for that). */
  fresh?: boolean;
  trustMs?: number;
}

function hash(...parts: string[]): string {
  const h = createHash('sha256');
  for (const part of parts) h.update(`${part.length}:`).update(part);
  return h.digest('base64url').slice(0, 22);
}

const SAMPLE_TIME = '2020-01-02T03:04:05.000Z';
const SAMPLE_TEXT = 'The first sentence says what happened. The second adds a detail.';
const SAMPLE_ARTICLE: Article = {
  id: 2, slug: 'sample', url: 'https://example.org/sample', canonical_url: 'https://example.org/sample', title: 'Sample',
  byline: 'A. Writer', section: 'world', lang: 'en', published_at: SAMPLE_TIME, updated_at: SAMPLE_TIME, created_at: SAMPLE_TIME,
  html: `<p>${SAMPLE_TEXT}</p><figure><img src="https://example.org/a.jpg"><figcaption>Caption</figcaption></figure>`,
  text: SAMPLE_TEXT, word_count: 11, content_hash: 'sample', revision: 2, status: 'ok', status_reason: null,
  image_url: 'https://example.org/a.jpg', site_name: 'Example', simhash: null,
};
const SAMPLE_VIEW: ArticleView = {
  article: SAMPLE_ARTICLE,
  neighbours: { previous: { id: 1, slug: 'older', title: 'Older' }, next: { id: 3, slug: 'newer', title: 'Newer' } },
  sections: [{ slug: 'world', name: 'World', position: 0 }],
  summaries: ['short', 'medium', 'long', 'bullets'].map((length) => ({
    length, version: 'sample', contentHash: 'sample',
    sentences: [{ text: 'The first sentence says what happened.', start: 0, end: 38, score: 1, index: 0 }],
  })),
};

let templates: string | undefined;
/** A hash of the templates' output for samples covering the page's branches. */
function templatesVersion(): string {
  templates ??= hash(
    renderArticleView(SAMPLE_VIEW, 'https://example.org'),
    renderArticleView({ ...SAMPLE_VIEW, article: { ...SAMPLE_ARTICLE, status: 'junk', revision: 1, byline: null, url: null }, neighbours: {}, summaries: [] }, 'https://example.org'),
  );
  return templates;
}

// Keyed by the list a process holds (recentSections), so a view hashes nothing.
const contexts = new WeakMap<Section[], Map<string, string>>();

function pageContext(sections: Section[], origin: string): string {
  let byOrigin = contexts.get(sections);
  if (!byOrigin) contexts.set(sections, (byOrigin = new Map()));
  let context = byOrigin.get(origin);
  if (context === undefined) byOrigin.set(origin, (context = hash(templatesVersion(), JSON.stringify(sections), origin)));
  return context;
}

/** What a process holds per store: the section list, renders under way, pages served lately. */
interface Held {
  sections?: { checkedAt: number; list: Promise<Section[]> };
  rendering: Map<string, Promise<Payload | undefined>>;
  recent: LRUCache<string, Payload>;
  seen: { bits: Uint32Array; marks: number };
}

const heldByStore = new WeakMap<Store, Held>();

function held(store: Store): Held {
  let state = heldByStore.get(store);
  if (!state) {
    state = {
      rendering: new Map(),
      recent: new LRUCache({ maxSize: RECENT_PAGES_BYTES, sizeCalculation: (page) => page.gzip.length }),
      seen: { bits: new Uint32Array(SEEN_BITS / 32), marks: 0 },
    };
    heldByStore.set(store, state);
  }
  return state;
}

/** Marks `key` as viewed; true when it was marked since the set last started afresh (or its hash collides with one that was). */
function viewedLately(seen: Held['seen'], key: string): boolean {
  const bit = fnv1a(key) & (SEEN_BITS - 1);
  const mask = 1 << (bit & 31);
  if (seen.bits[bit >>> 5]! & mask) return true;
  if (++seen.marks > SEEN_RESET) {
    seen.bits.fill(0);
    seen.marks = 1;
  }
  seen.bits[bit >>> 5]! |= mask;
  return false;
}

/** The section list as of at most `ttlMs` ago: one query a second instead of one a view. */
function recentSections(state: Held, store: Store, ttlMs: number): Promise<Section[]> {
  if (state.sections && Date.now() - state.sections.checkedAt < ttlMs) return state.sections.list;
  const list = listSections(store.db);
  const entry = { checkedAt: Date.now(), list };
  state.sections = entry;
  list.catch(() => { if (state.sections === entry) state.sections = undefined; });
  return list;
}

/** The article's page for `origin`, or undefined when no article has the slug. */
export async function articlePage(store: Store, slug: string, origin: string, options: ArticlePageOptions = {}): Promise<Payload | undefined> {
  const { fresh = false, trustMs = TRUST_MS } = options;
  const state = held(store);
  const key = `${origin} ${slug}`;
  const recent = fresh || trustMs <= 0 ? undefined : state.recent.get(key);
  if (recent) return recent;
  const page = await currentPage(state, store, key, slug, origin, fresh, trustMs);
  if (page && trustMs > 0 && viewedLately(state.seen, key)) state.recent.set(key, page, { ttl: trustMs });
  return page;
}

async function currentPage(state: Held, store: Store, key: string, slug: string, origin: string, fresh: boolean, trustMs: number): Promise<Payload | undefined> {
  const [stored, sections] = await Promise.all([getStoredPage(store.db, slug), recentSections(state, store, trustMs)]);
  if (!stored) return undefined;
  if (!fresh && stored.page?.context === pageContext(sections, origin)) return stored.page;
  // A new article's first readers arrive together: they share one render.
  let pending = state.rendering.get(key);
  if (!pending) {
    pending = renderAndStore(store, slug, origin, stored).finally(() => state.rendering.delete(key));
    state.rendering.set(key, pending);
  }
  return pending;
}

async function renderAndStore(store: Store, slug: string, origin: string, stored: StoredPage): Promise<Payload | undefined> {
  const view = await loadArticleView(store, slug);
  if (!view) return undefined;
  const payload = makePayload(renderArticleView(view, origin));
  // Stored for the sections it was rendered with: a reader with a newer list renders it again.
  const context = pageContext(view.sections, origin);
  if (stored.page?.etag !== payload.etag || stored.page.context !== context) await storePage(store, view.article.id, stored.generation, { context, ...payload });
  return payload;
}

const RENDER_CONCURRENCY = 4;

export interface RenderProgress {
  rendered: number;
  checked: number;
}

export interface RenderOptions {
  /** Every page, current or not: after a change that the sample renders do not show. */
  all?: boolean;
  onBatch?: (progress: RenderProgress) => void;
}

/**
 * Renders and stores every article page that is missing or out of date for `origin`, oldest
 * article first: what `skim render-pages` runs after an import or an upgrade, so that no reader
 * waits on a render.
 */
export async function renderPages(store: Store, origin: string, { all = false, onBatch }: RenderOptions = {}): Promise<RenderProgress> {
  const progress = { rendered: 0, checked: 0 };
  for (let after = 0; ;) {
    const batch = await store.db.selectFrom('articles')
      .leftJoin('article_pages', 'article_pages.article_id', 'articles.id')
      .select(['articles.id', 'articles.slug', 'article_pages.context'])
      .where('articles.id', '>', after).orderBy('articles.id').limit(500).execute();
    if (batch.length === 0) return progress;
    const context = pageContext(await listSections(store.db), origin);
    // On PostgreSQL a render mostly waits on round trips: a few at once keep the process busy.
    // Not through articlePage: a million renders would only churn its memory of pages served lately.
    const state = held(store);
    await forEachLimited(batch.filter((row) => all || row.context !== context), RENDER_CONCURRENCY, async (row) => {
      await currentPage(state, store, `${origin} ${row.slug}`, row.slug, origin, true, TRUST_MS);
      progress.rendered++;
    });
    progress.checked += batch.length;
    after = Number(batch.at(-1)!.id);
    onBatch?.(progress);
  }
}
