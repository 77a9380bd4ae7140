// A local file given to `skim ingest`: an OPML list (its feeds subscribed and polled), a feed
// (its items ingested, with no source to remember them by), or an HTML article page.
import { decodeText } from '../fetch/encoding.ts';
import { parseOpml } from '../feeds/opml.ts';
import { FeedParseError, parseFeed } from '../feeds/parse.ts';
import type { IngestContext } from './context.ts';
import { articleFromHtml } from './page.ts';
import { emptyTally, ingestItems, ingestSource, type Tally } from './source.ts';
import { storeArrival } from './store-article.ts';
import { importSubscriptions } from './subscribe.ts';

export interface DocumentReport {
  kind: 'opml' | 'feed' | 'html';
  tally: Tally;
  errors: string[];
}

const looksLikeOpml = (head: string) => /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<opml[\s>]/i.test(head);

function tryParseFeed(bytes: Buffer) {
  try {
    return parseFeed(bytes);
  } catch (err) {
    if (err instanceof FeedParseError) return null;
    throw err;
  }
}

export async function ingestDocument(ctx: IngestContext, bytes: Buffer): Promise<DocumentReport> {
  const tally = emptyTally();
  const head = decodeText(bytes.subarray(0, 4096)).text;
  if (looksLikeOpml(head)) {
    const { added, existing } = await importSubscriptions(ctx.store.db, parseOpml(bytes));
    const errors: string[] = [];
    for (const source of [...added, ...existing]) {
      const report = await ingestSource(ctx, source.id);
      for (const [outcome, n] of Object.entries(report.tally)) tally[outcome as keyof Tally] += n;
      if (report.error) errors.push(`${source.url}: ${report.error}`);
    }
    return { kind: 'opml', tally, errors };
  }
  // HTML is not a feed; anything that is one (XML or JSON) parses here.
  const feed = /^\s*(<!doctype html|<html)/i.test(head) ? null : tryParseFeed(bytes);
  if (feed) {
    const errors = await ingestItems(ctx, { sourceId: null, section: null, fullText: true }, feed.items, tally);
    return { kind: 'feed', tally, errors };
  }
  const loaded = articleFromHtml(decodeText(bytes).text, undefined);
  tally[await storeArrival(ctx, { sourceId: null, guid: null, urls: loaded.urls, itemHash: null, load: async () => loaded })]++;
  return { kind: 'html', tally, errors: [] };
}
