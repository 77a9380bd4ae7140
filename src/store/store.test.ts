// The data layer on every backend: SQLite always, PostgreSQL when TEST_DATABASE_URL is set.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Migrator, sql, type Kysely } from 'kysely';
import SQLite from 'better-sqlite3';
import { articleRow, describeEachStore, type Cleanups, type StoreBackend } from './testing.ts';
import type { Db } from './articles.ts';
import {
  countArticles, deleteArticle, findArticleByUrl, getArticle, getArticleBySlug, getNeighbours,
  insertArticle, iterateArticles, listArticles, uniqueSlug, updateArticle,
} from './articles.ts';
import { getSummaries, saveSummaries, staleSummaryIds, type StoredSummary } from './summaries.ts';
import { ensureSection, listSections } from './sections.ts';
import { ensureAdminToken, isValidToken } from './tokens.ts';
import { HIGHLIGHT_END, HIGHLIGHT_START, searchArticles } from './search.ts';
import { LEAD_CHARS } from './migrations/004_search_leads.ts';
import { migrations } from './migrations/index.ts';
import { migrateToLatest } from './migrate.ts';
import { openStore, type Dialect, type Store } from './db.ts';

interface Draft {
  title: string;
  text?: string;
  lang?: string;
  section?: string | null;
  publishedAt?: string;
  url?: string;
}

/** Stores an article as publishArticle would, without the content pipeline (tested elsewhere). */
async function add(db: Db, draft: Draft): Promise<number> {
  const text = draft.text ?? `${draft.title}. A short report.`;
  return insertArticle(db, articleRow({
    slug: await uniqueSlug(db, draft.title),
    url: draft.url ?? null,
    canonical_url: draft.url ?? null,
    title: draft.title,
    section: draft.section ?? null,
    lang: draft.lang ?? 'en',
    published_at: draft.publishedAt,
    text,
    content_hash: `hash-of-${text.length}-${draft.title}`,
  }));
}

/** A store migrated only up to migration `last`, as an older skim left it. */
async function storeMigratedTo(t: Cleanups, storeUrl: StoreBackend['storeUrl'], dialect: Dialect, last: string): Promise<Store> {
  const store = await openStore(await storeUrl(t), { migrate: false });
  t.after(() => store.close());
  const schema = dialect === 'postgres'
    ? (await sql<{ schema: string }>`SELECT current_schema() AS schema`.execute(store.db)).rows[0]!.schema
    : undefined;
  const provider = {
    getMigrations: async () => Object.fromEntries(Object.entries(migrations).map(([name, m]) => [name, { up: (db: Kysely<any>) => m.up(db, dialect) }])),
  };
  const migrated = await new Migrator({ db: store.db, provider, migrationTableSchema: schema }).migrateTo(last);
  assert.equal(migrated.error, undefined);
  return store;
}

const day = (d: number) => `2026-03-${String(d).padStart(2, '0')}T08:00:00.000Z`;

describeEachStore('articles', (open, dialect, storeUrl) => {
  test('upgrading drops the copies of current versions from revisions and keeps the older versions', async (t) => {
    const store = await storeMigratedTo(t, storeUrl, dialect, '005_newest_matches');
    // Written as an older skim wrote them: today's article writes also touch article_pages, which 005 lacks.
    const insert = async (title: string, revision: number) => Number((await store.db.insertInto('articles')
      .values(articleRow({ slug: title.toLowerCase().replace(/ /g, '-'), title, text: `${title}.`, content_hash: title, revision }))
      .returning('id').executeTakeFirstOrThrow()).id);
    const once = await insert('Harbour reopens', 1);
    const twice = await insert('Bridge closes', 2);
    const version = (articleId: number, revision: number) =>
      ({ article_id: articleId, revision, title: 'x', text: `version ${revision}`, content_hash: `h${revision}`, created_at: day(revision) });
    // What an older skim wrote: every version, the current one included.
    await store.db.insertInto('revisions').values([version(once, 1), version(twice, 1), version(twice, 2)]).execute();
    await migrateToLatest(store);
    const kept = await store.db.selectFrom('revisions').select(['article_id', 'revision']).execute();
    assert.deepEqual(kept, [{ article_id: twice, revision: 1 }]);
  });

  test('a new SQLite file has 8 KB pages; one made with 4 KB pages opens and keeps them', { skip: dialect === 'postgres' ? 'SQLite page size' : false }, async (t) => {
    const pageSize = async (store: Store) => (await sql<{ page_size: number }>`PRAGMA page_size`.execute(store.db)).rows[0]!.page_size;
    const fresh = await openStore(await storeUrl(t));
    t.after(() => fresh.close());
    assert.equal(await pageSize(fresh), 8192);

    const older = await storeUrl(t);
    const made = new SQLite(older);
    made.pragma('journal_mode = WAL'); // fixes the default 4 KB, as a file of an earlier skim has them
    made.exec('CREATE TABLE made_before (x)');
    made.close();
    const reopened = await openStore(older);
    t.after(() => reopened.close());
    assert.equal(await pageSize(reopened), 4096);
    assert.equal(await countArticles(reopened.db), 0, 'migrated and usable');
  });

  test('insert, read by id, slug and URL, update, delete', async (t) => {
    const { db } = await open(t);
    const id = await add(db, { title: 'Harbour reopens after storm', url: 'https://news.example/harbour' });
    const article = await getArticle(db, id);
    assert.equal(article?.title, 'Harbour reopens after storm');
    assert.equal(article?.slug, 'harbour-reopens-after-storm');
    assert.equal(article?.revision, 1);
    assert.equal(article?.status, 'ok');
    assert.equal(typeof article?.id, 'number');
    assert.equal((await getArticleBySlug(db, 'harbour-reopens-after-storm'))?.id, id);
    assert.equal((await findArticleByUrl(db, 'https://news.example/harbour'))?.id, id);
    await updateArticle(db, id, { title: 'Harbour reopens', revision: 2 });
    assert.equal((await getArticle(db, id))?.revision, 2);
    assert.equal(await deleteArticle(db, id), true);
    assert.equal(await deleteArticle(db, id), false);
    assert.equal(await getArticle(db, id), undefined);
  });

  test('slugs are unique, transliterated, and an article keeps its own', async (t) => {
    const { db } = await open(t);
    const first = await add(db, { title: 'Budget vote' });
    await add(db, { title: 'Budget vote' });
    assert.equal(await uniqueSlug(db, 'Budget vote'), 'budget-vote-3');
    assert.equal(await uniqueSlug(db, 'Budget vote', first), 'budget-vote', 'its own slug is not taken');
    assert.equal(await uniqueSlug(db, 'Выборы в Думу'), 'vybory-v-dumu');
    assert.equal(await uniqueSlug(db, '!!!'), 'article');
  });

  test('Previous/Next walk (published_at, id) and break ties by id', async (t) => {
    const { db } = await open(t);
    const a = await add(db, { title: 'A', publishedAt: day(1) });
    const b = await add(db, { title: 'B', publishedAt: day(2) });
    const c = await add(db, { title: 'C', publishedAt: day(2) });
    const d = await add(db, { title: 'D', publishedAt: day(3) });
    const walk = async (id: number) => {
      const n = await getNeighbours(db, (await getArticle(db, id))!);
      return [n.previous?.id, n.next?.id];
    };
    assert.deepEqual(await walk(a), [undefined, b]);
    assert.deepEqual(await walk(b), [a, c]);
    assert.deepEqual(await walk(c), [b, d]);
    assert.deepEqual(await walk(d), [c, undefined]);
  });

  test('listing pages are newest first, stable, filtered by section and counted', async (t) => {
    const { db } = await open(t);
    const local = await ensureSection(db, 'Local News');
    assert.equal(local, 'local-news');
    assert.equal(await ensureSection(db, 'Local News'), local, 'idempotent');
    const stored: Array<{ id: number; at: string; local: boolean }> = [];
    for (let i = 1; i <= 7; i++) {
      const at = day(i % 3 + 1); // several articles share a time: ids must break the ties
      const isLocal = i % 2 === 1;
      stored.push({ id: await add(db, { title: `Story ${i}`, publishedAt: at, section: isLocal ? local : null }), at, local: isLocal });
    }
    const pages = [];
    for (let offset = 0; offset < 7; offset += 3) pages.push(await listArticles(db, { limit: 3, offset }));
    const newestFirst = [...stored].sort((x, y) => y.at.localeCompare(x.at) || y.id - x.id).map((a) => a.id);
    assert.deepEqual(pages.map((p) => p.length), [3, 3, 1]);
    assert.deepEqual(pages.flat().map((a) => a.id), newestFirst);
    assert.ok(!('text' in pages[0]![0]!) && !('html' in pages[0]![0]!), 'listings never load bodies');
    const inSection = await listArticles(db, { section: local, limit: 10 });
    assert.deepEqual(inSection.map((a) => a.id), newestFirst.filter((id) => stored.find((a) => a.id === id)!.local));
    assert.equal(await countArticles(db), 7);
    assert.equal(await countArticles(db, local), 4);
    assert.deepEqual((await listSections(db)).map((s) => s.name), ['Local News']);
  });

  test('iterateArticles visits every article once, in id order, across batches', async (t) => {
    const { db } = await open(t);
    const ids: number[] = [];
    for (let i = 0; i < 5; i++) ids.push(await add(db, { title: `Item ${i}` }));
    const seen: number[] = [];
    for await (const a of iterateArticles(db, 2)) seen.push(a.id);
    assert.deepEqual(seen, ids);
  });
});

describeEachStore('summaries and tokens', (open) => {
  const summary = (length: string, version: string, contentHash: string): StoredSummary => ({
    length, version, contentHash, sentences: [{ text: 'The harbour reopened.', start: 0, end: 21, score: 0.9, index: 0 }],
  });

  test('summaries are replaced as a set and found stale by version or content', async (t) => {
    const { db } = await open(t);
    const fresh = await add(db, { title: 'Fresh' });
    const outdated = await add(db, { title: 'Outdated' });
    const edited = await add(db, { title: 'Edited' });
    const missing = await add(db, { title: 'Missing' });
    const hashOf = async (id: number) => (await getArticle(db, id))!.content_hash;
    await saveSummaries(db, fresh, [summary('short', 'v2', await hashOf(fresh)), summary('medium', 'v2', await hashOf(fresh))]);
    await saveSummaries(db, outdated, [summary('medium', 'v1', await hashOf(outdated))]);
    await saveSummaries(db, edited, [summary('medium', 'v2', 'an older hash')]);
    assert.deepEqual((await getSummaries(db, fresh)).map((s) => s.length).sort(), ['medium', 'short']);
    assert.deepEqual((await getSummaries(db, fresh))[0]!.sentences[0]!.text, 'The harbour reopened.');
    assert.deepEqual(await staleSummaryIds(db, 'v2', 10), [outdated, edited, missing]);
    assert.deepEqual(await staleSummaryIds(db, 'v2', 2), [outdated, edited]);
    await saveSummaries(db, fresh, [summary('long', 'v2', await hashOf(fresh))]);
    assert.deepEqual((await getSummaries(db, fresh)).map((s) => s.length), ['long']);
    await deleteArticle(db, fresh);
    assert.deepEqual(await getSummaries(db, fresh), [], 'deleted with the article');
  });

  test('the admin token is created once and checked', async (t) => {
    const { db } = await open(t);
    const first = await ensureAdminToken(db);
    const again = await ensureAdminToken(db);
    assert.equal(first.created, true);
    assert.equal(again.created, false);
    assert.equal(again.token, first.token);
    assert.equal(await isValidToken(db, first.token), true);
    assert.equal(await isValidToken(db, `${first.token}x`), false);
    assert.equal(await isValidToken(db, ''), false);
  });
});

const marked = (word: string) => `${HIGHLIGHT_START}${word}${HIGHLIGHT_END}`;

describeEachStore('search', (open, dialect, storeUrl) => {
  async function seeded(t: Parameters<typeof open>[0]) {
    const store = await open(t);
    const ferries = await add(store.db, {
      title: 'Council votes for electric ferries',
      text: 'The council approved twelve electric ferries on Tuesday. Ferries will run from the harbour every hour.',
      publishedAt: day(2),
    });
    const mention = await add(store.db, {
      title: 'Weekend market returns',
      text: 'Stalls, music and food return to the square. The ferry timetable changes in May.',
      publishedAt: day(5),
    });
    const runner = await add(store.db, {
      title: 'Marathon season',
      text: 'She runs every morning and has been running since she was nine.',
      publishedAt: day(3),
      section: await (await import('./sections.ts')).ensureSection(store.db, 'Sport'),
    });
    return { store, ferries, mention, runner };
  }

  test('title matches rank above passing mentions; totals count every hit', async (t) => {
    const { store, ferries, mention } = await seeded(t);
    const result = await searchArticles(store, { q: 'ferry', limit: 10 });
    assert.deepEqual(result.hits.map((h) => h.id), [ferries, mention]);
    assert.equal(result.total, 2);
    const paged = await searchArticles(store, { q: 'ferry', limit: 1, offset: 1 });
    assert.deepEqual(paged.hits.map((h) => h.id), [mention]);
    assert.equal(paged.total, 2);
  });

  test('edited articles are ranked by their new words, deleted ones are gone', async (t) => {
    const { store, ferries, mention, runner } = await seeded(t);
    await updateArticle(store.db, runner, { title: 'Marathon runners take the ferry' });
    assert.deepEqual((await searchArticles(store, { q: 'ferry', limit: 10 })).hits.map((h) => h.id), [ferries, runner, mention]);
    await deleteArticle(store.db, ferries);
    assert.deepEqual(await searchArticles(store, { q: 'ferry', limit: 10 }).then((r) => [r.hits.map((h) => h.id), r.total]), [[runner, mention], 2]);
  });

  test('PostgreSQL ranks title matches, then matches in the lead, then the newest', { skip: dialect === 'sqlite' ? 'FTS5 bm25 weighs a word alike wherever it is in the text' : false }, async (t) => {
    const store = await open(t);
    const filler = 'Nothing of note happened at the harbour today. '.repeat(Math.ceil(LEAD_CHARS / 40));
    const late = 'The ferry was late.';
    const deepOlder = await add(store.db, { title: 'Harbour news', text: `${filler}${late}` });
    const inLead = await add(store.db, { title: 'Harbour news', text: `${late} ${filler}` });
    const inTitle = await add(store.db, { title: 'Ferry news', text: filler });
    const deepNewer = await add(store.db, { title: 'Harbour news', text: `${filler}${late}` });
    assert.deepEqual((await searchArticles(store, { q: 'ferry', limit: 10 })).hits.map((h) => h.id), [inTitle, inLead, deepNewer, deepOlder]);
  });

  test('upgrading PostgreSQL to lead vectors fills them for the articles already stored', { skip: dialect === 'sqlite' ? 'no lead vectors on SQLite' : false }, async (t) => {
    const store = await storeMigratedTo(t, storeUrl, dialect, '003_item_hash');
    const stored = await add(store.db, { title: 'Ferry news', text: 'The ferry was late.' });
    await migrateToLatest(store);
    assert.deepEqual((await searchArticles(store, { q: 'ferry', limit: 10 })).hits.map((h) => h.id), [stored]);
  });

  test('snippets mark the matching words and carry listing fields only', async (t) => {
    const { store, mention } = await seeded(t);
    const [hit] = (await searchArticles(store, { q: 'timetable', limit: 10 })).hits;
    assert.equal(hit?.id, mention);
    assert.ok(hit!.snippet.includes(marked('timetable')), hit!.snippet);
    assert.equal(hit!.title, 'Weekend market returns');
    assert.ok(!('text' in hit!));
  });

  test('words match their inflections (stemming) and every word must match', async (t) => {
    const { store, runner, ferries } = await seeded(t);
    assert.deepEqual((await searchArticles(store, { q: 'run', limit: 10 })).hits.map((h) => h.id).sort(), [ferries, runner].sort());
    assert.deepEqual((await searchArticles(store, { q: 'running morning', limit: 10 })).hits.map((h) => h.id), [runner]);
    assert.deepEqual((await searchArticles(store, { q: 'running harbour', limit: 10 })).hits.map((h) => h.id), [ferries]);
    assert.equal((await searchArticles(store, { q: 'running trombone', limit: 10 })).total, 0);
  });

  test('a section narrows the hits', async (t) => {
    const { store, runner } = await seeded(t);
    assert.deepEqual((await searchArticles(store, { q: 'run', section: 'sport', limit: 10 })).hits.map((h) => h.id), [runner]);
  });

  test('query syntax characters are inert, never an error', async (t) => {
    const { store, ferries } = await seeded(t);
    for (const q of ['"ferries', 'ferries"', 'ferries*', 'ferries:', 'ferries:*', '(ferries', 'ferries)', '{ferries}', '^ferries', 'ferries -', '+ferries', "ferries'", 'ferries\\', 'ferries &|!', "ferries;--"]) {
      const result = await searchArticles(store, { q, limit: 10 });
      assert.ok(result.hits.some((h) => h.id === ferries), `query ${JSON.stringify(q)} finds the article`);
    }
    for (const q of ['', '   ', '***', '"', '-', '():', '&|!']) {
      assert.deepEqual(await searchArticles(store, { q, limit: 10 }), { hits: [], total: 0 }, `query ${JSON.stringify(q)}`);
    }
  });

  test('diacritics and case are folded', async (t) => {
    const { store } = await seeded(t);
    const cafe = await add(store.db, { title: 'Café reopens', text: 'The CAFÉ on the quay reopens.' });
    assert.deepEqual((await searchArticles(store, { q: 'cafe', limit: 10 })).hits.map((h) => h.id), [cafe]);
    assert.deepEqual((await searchArticles(store, { q: 'CAFÉ', limit: 10 })).hits.map((h) => h.id), [cafe]);
  });

  test('each article is searched in its own language', { skip: dialect === 'sqlite' ? 'SQLite full-text search stems English only (FTS5 porter)' : false }, async (t) => {
    const { store } = await seeded(t);
    const german = await add(store.db, { title: 'Neue Häuser am Hafen', text: 'Die Stadt baut neue Häuser für junge Familien.', lang: 'de' });
    const french = await add(store.db, { title: 'Les élections nationales', text: 'Les électeurs votent dimanche.', lang: 'fr' });
    assert.deepEqual((await searchArticles(store, { q: 'Haus', limit: 10 })).hits.map((h) => h.id), [german]);
    assert.deepEqual((await searchArticles(store, { q: 'familie', limit: 10 })).hits.map((h) => h.id), [german]);
    assert.deepEqual((await searchArticles(store, { q: 'élection national', limit: 10 })).hits.map((h) => h.id), [french]);
    const [hit] = (await searchArticles(store, { q: 'Häuser', limit: 10 })).hits;
    assert.ok(hit?.snippet.includes(marked('Häuser')), hit?.snippet);
  });
});
