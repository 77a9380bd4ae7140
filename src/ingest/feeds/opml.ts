// OPML subscription lists in and out. feedsmith reads and writes the XML; here nested outlines
// become a flat list of feeds that remember their folder path, and back.
import { generateOpml, parseOpml as feedsmithParseOpml, type Opml } from 'feedsmith';
import { decodeText } from '../fetch/encoding.ts';

export type OpmlFeed = {
  xmlUrl: string;
  htmlUrl: string | null;
  title: string | null;
  /** Folder path, outermost first; empty at the top level. */
  folders: string[];
};

export type OpmlDocument = { title: string | null; feeds: OpmlFeed[] };

type Outline = Opml.Outline<string>;

const text = (s: string | undefined) => s?.trim() || null;

function collect(outlines: Outline[] | undefined, folders: string[], into: OpmlFeed[]): void {
  for (const outline of outlines ?? []) {
    const xmlUrl = text(outline.xmlUrl);
    if (xmlUrl) into.push({ xmlUrl, htmlUrl: text(outline.htmlUrl), title: text(outline.title) ?? text(outline.text), folders });
    const folder = text(outline.text) ?? text(outline.title);
    // A feed outline may itself hold outlines; only a titled outline without xmlUrl is a folder.
    collect(outline.outlines, xmlUrl || !folder ? folders : [...folders, folder], into);
  }
}

/** Reads an OPML document; outlines without xmlUrl are folders. Throws when it is not OPML. */
export function parseOpml(input: Buffer | string): OpmlDocument {
  const source = typeof input === 'string' ? input : decodeText(input).text;
  const doc = feedsmithParseOpml(source);
  const feeds: OpmlFeed[] = [];
  collect(doc.body?.outlines, [], feeds);
  return { title: text(doc.head?.title), feeds };
}

/** Writes feeds as OPML 2.0, nesting them by their folder paths in first-seen order. */
export function writeOpml(feeds: OpmlFeed[], title = 'skim subscriptions'): string {
  const root: Outline[] = [];
  for (const feed of feeds) {
    let level = root;
    for (const folder of feed.folders) {
      let outline = level.find((o) => !o.xmlUrl && o.text === folder);
      if (!outline) level.push((outline = { text: folder, title: folder, outlines: [] }));
      level = outline.outlines!;
    }
    const name = feed.title ?? feed.xmlUrl;
    level.push({ type: 'rss', text: name, title: name, xmlUrl: feed.xmlUrl, ...(feed.htmlUrl ? { htmlUrl: feed.htmlUrl } : {}) });
  }
  return generateOpml({ head: { title, dateCreated: new Date() }, body: { outlines: root } });
}
