// Identity, duplicates and updates: decides whether what arrived is a new article, another source
// of one we have (same GUID in the source, same canonical URL), a near-duplicate copy (SimHash), or
// an update of one we have, and stores it accordingly. Loading (fetching the page, extracting) is
// deferred until the cheap identity checks have run, so a known, unchanged item costs two queries.
import type { Db } from '../../store/articles.ts';
import { deleteArticle, getArticle } from '../../store/articles.ts';
import {
  findArticleByUrls, findLinkByGuid, linksOf, recordLink, saveSimhash, simhashCandidates,
  type ArticleSource, type LinkKind,
} from '../../store/article-sources.ts';
import { countWords } from '../../text/words.ts';
import { canonicalUrl } from '../dedup/canonical-url.ts';
import { findNearDuplicate, MIN_FINGERPRINT_WORDS, simhash, simhashBands, simhashFromHex, simhashToHex } from '../dedup/simhash.ts';
import { publishArticle, type ArticleInput } from '../publish.ts';
import type { IngestContext } from './context.ts';

export interface Arrival {
  sourceId: number | null;
  guid: string | null;
  /** Canonical URLs known before loading (a feed item's link). */
  urls: string[];
  /** Fingerprint of what the source showed; the same hash on this source's link means nothing to do. Null: always load. */
  itemHash: string | null;
  load(): Promise<LoadedArticle>;
}

export interface LoadedArticle {
  input: ArticleInput;
  /** Canonical URLs learned while loading: the address after redirects, the page's rel=canonical. */
  urls: string[];
  /** Plain text of the body (the near-duplicate fingerprint is taken from it). */
  text: string;
}

export type Outcome = 'created' | 'updated' | 'unchanged' | 'linked' | 'near_duplicate';

interface Match {
  articleId: number;
  /** The recorded link the match came from, when it came from one. */
  link?: ArticleSource;
}

async function findKnown(db: Db, arrival: Arrival, urls: string[]): Promise<Match | undefined> {
  if (arrival.sourceId !== null && arrival.guid) {
    const link = await findLinkByGuid(db, arrival.sourceId, arrival.guid);
    if (link) return { articleId: Number(link.article_id), link };
  }
  return findArticleByUrls(db, urls);
}

export async function storeArrival(ctx: IngestContext, arrival: Arrival): Promise<Outcome> {
  const { db } = ctx.store;
  const known = await findKnown(db, arrival, arrival.urls);
  if (known) return storeKnown(ctx, arrival, known);
  const loaded = await arrival.load();
  // Redirects and rel=canonical can reveal an article we already hold under another address.
  const alias = await findArticleByUrls(db, loaded.urls);
  if (alias) return storeKnown(ctx, arrival, alias, loaded);

  const url = arrival.urls[0] ?? loaded.urls[0] ?? null;
  const fingerprint = isFingerprintable(loaded) ? simhash(loaded.text) : null;
  const original = fingerprint === null ? null : await nearDuplicateOf(db, fingerprint);
  if (original !== null) {
    await recordLink(db, { articleId: original, sourceId: arrival.sourceId, guid: arrival.guid, url, kind: 'near_duplicate', itemHash: arrival.itemHash });
    return 'near_duplicate';
  }
  const published = await publishArticle(ctx.store, loaded.input);
  if (!published) throw new Error('article could not be created');
  const winner = await firstArticleAt(db, published.id);
  if (winner !== published.id) {
    await link(db, arrival, winner, url);
    return 'linked';
  }
  await recordLink(db, { articleId: published.id, sourceId: arrival.sourceId, guid: arrival.guid, url, kind: 'original', itemHash: arrival.itemHash });
  if (fingerprint !== null) await saveSimhash(db, published.id, simhashToHex(fingerprint), simhashBands(fingerprint));
  return 'created';
}

async function storeKnown(ctx: IngestContext, arrival: Arrival, match: Match, preloaded?: LoadedArticle): Promise<Outcome> {
  const { db } = ctx.store;
  const url = arrival.urls[0] ?? match.link?.url ?? null;
  if (match.link?.kind === 'near_duplicate') {
    await recordLink(db, { articleId: match.articleId, sourceId: arrival.sourceId, guid: arrival.guid, url: match.link.url, kind: 'near_duplicate', itemHash: arrival.itemHash });
    return 'near_duplicate';
  }
  const links = await linksOf(db, match.articleId);
  const own = links.find((l) => l.kind !== 'near_duplicate' && l.source_id === arrival.sourceId);
  // Only the source that brought an article (or someone asking for its URL) updates it: two feeds
  // carrying one article, one with excerpts, must not overwrite each other's content back and forth.
  if (!own && arrival.sourceId !== null) {
    await link(db, arrival, match.articleId, url, links);
    return 'linked';
  }
  const kind = (own?.kind ?? linkKindFor(links)) as LinkKind;
  const record = () => recordLink(db, { articleId: match.articleId, sourceId: arrival.sourceId, guid: arrival.guid, url, kind, itemHash: arrival.itemHash });
  if (arrival.itemHash !== null && own?.item_hash === arrival.itemHash) {
    await record(); // the GUID may have changed
    return 'unchanged';
  }
  const loaded = preloaded ?? await arrival.load();
  const existing = await getArticle(db, match.articleId);
  if (!existing) return 'unchanged'; // deleted meanwhile
  // A good article is never replaced by a failed extraction (a bot challenge on a re-fetch): the
  // item hash is left as it was, so the next poll tries again.
  if (existing.status === 'ok' && loaded.input.status !== 'ok') return 'unchanged';
  const result = await publishArticle(ctx.store, loaded.input, match.articleId);
  await record();
  if (!result?.changed) return 'unchanged';
  if (isFingerprintable(loaded)) {
    const fingerprint = simhash(loaded.text);
    await saveSimhash(db, match.articleId, simhashToHex(fingerprint), simhashBands(fingerprint));
  }
  return 'updated';
}

/** Records another source of an article as 'original' when nothing has claimed that yet, else 'duplicate'. */
async function link(db: Db, arrival: Arrival, articleId: number, url: string | null, links?: ArticleSource[]): Promise<void> {
  const kind = linkKindFor(links ?? await linksOf(db, articleId));
  await recordLink(db, { articleId, sourceId: arrival.sourceId, guid: arrival.guid, url, kind, itemHash: arrival.itemHash });
}

function linkKindFor(links: ArticleSource[]): LinkKind {
  return links.some((l) => l.kind === 'original') ? 'duplicate' : 'original';
}

/** Only real articles are fingerprinted: stubs and challenge pages would all look alike. */
function isFingerprintable(loaded: LoadedArticle): boolean {
  return (loaded.input.status ?? 'ok') === 'ok' && countWords(loaded.text) >= MIN_FINGERPRINT_WORDS;
}

async function nearDuplicateOf(db: Db, fingerprint: bigint): Promise<number | null> {
  const candidates = await simhashCandidates(db, simhashBands(fingerprint));
  const best = findNearDuplicate(fingerprint, candidates.map((c) => ({ item: c.id, simhash: simhashFromHex(c.simhash) })));
  return best?.item ?? null;
}

/**
 * Two workers may create the same article at once (two feeds, one URL). Both then see the same
 * earliest article at that URL; the later one removes its copy and links to it instead.
 */
async function firstArticleAt(db: Db, id: number): Promise<number> {
  const article = await getArticle(db, id);
  const url = article?.canonical_url ?? (article?.url ? canonicalUrl(article.url) : null);
  if (!url) return id;
  const first = await db.selectFrom('articles').select('id').where('canonical_url', '=', url).orderBy('id').limit(1).executeTakeFirst();
  const firstId = first ? Number(first.id) : id;
  if (firstId !== id) await deleteArticle(db, id);
  return firstId;
}
