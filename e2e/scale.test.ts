// The scale path end to end: one `skim serve --no-worker` and two `skim worker` processes on
// PostgreSQL and Redis ingest four local news sites. While both workers are in the middle of a
// feed (each holding one article page that the site keeps hanging), one worker is killed with
// SIGKILL. Its job is taken over by the other worker once its lock lapses, and every article ends
// up stored and summarized exactly once. Needs TEST_DATABASE_URL and TEST_REDIS_URL.
import { describe, test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { openStore } from '../src/store/db.ts';
import { createTestSchema, POSTGRES_SKIP } from '../src/store/testing.ts';
import { addSource } from '../src/store/sources.ts';
import { publishArticle } from '../src/ingest/publish.ts';
import { startSite, respond, RSS, type Route, type TestSite } from '../src/ingest/pipeline/testdata/server.ts';
import { articlePage, excerptOf, rssFeed, storyParagraphs } from '../src/ingest/pipeline/testdata/site.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const pgUrl = process.env.TEST_DATABASE_URL;
const redisUrl = process.env.TEST_REDIS_URL;
const skip = !pgUrl ? POSTGRES_SKIP : !redisUrl ? 'Redis tests skipped: TEST_REDIS_URL not set' : false;

const SITES = 4;
const STORIES = 5;
/** The page each site holds until the test lets go: a worker fetching it is mid-job. */
const HELD = '/story-3.html';

interface Skim {
  child: ChildProcess;
  output(): string;
  /** Resolves with the first match of `pattern` in the process's output. */
  waitFor(pattern: RegExp): Promise<RegExpExecArray>;
}

function startSkim(t: TestContext, args: string[], env: NodeJS.ProcessEnv): Skim {
  const child = spawn(process.execPath, ['bin/skim.js', ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const listeners = new Set<() => void>();
  const collect = (chunk: Buffer) => {
    output += String(chunk);
    for (const listener of listeners) listener();
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  t.after(() => { if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL'); });
  return {
    child,
    output: () => output,
    waitFor: (pattern) => new Promise((resolve, reject) => {
      const check = () => {
        const match = pattern.exec(output);
        if (match) {
          listeners.delete(check);
          resolve(match);
        }
      };
      listeners.add(check);
      child.once('exit', (code) => reject(new Error(`skim ${args[0]} exited (${code}) before printing ${pattern}:\n${output}`)));
      check();
    }),
  };
}

async function until(what: string, condition: () => Promise<boolean> | boolean, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function stopGracefully(skim: Skim): Promise<number | null> {
  skim.child.kill('SIGTERM');
  const [code] = await once(skim.child, 'exit');
  return code as number | null;
}

/** A news site: a feed of excerpts, full stories on their own pages; HELD hangs until `released`. */
async function newsSite(index: number, released: Promise<void>, onHold: (site: number) => void): Promise<TestSite> {
  const site = await startSite();
  const entries = [];
  for (let story = 1; story <= STORIES; story++) {
    const paragraphs = storyParagraphs(index * 100 + story, 400);
    const path = `/story-${story}.html`;
    const title = `Site ${index} story ${story}`;
    const page = respond(articlePage({ title, paragraphs, site: `Site ${index}` }));
    const route: Route = path !== HELD ? page : (req, res) => {
      onHold(index);
      void released.then(() => { if (!res.destroyed) page(req, res); });
    };
    site.routes.set(path, route);
    entries.push({ title, link: `${site.base}${path}`, guid: `site-${index}-story-${story}`, description: excerptOf(paragraphs) });
  }
  site.routes.set('/feed.xml', respond(rssFeed(`Site ${index}`, site.base, entries), RSS));
  return site;
}

describe('two workers and a web process on PostgreSQL and Redis', { skip }, () => {
  test('a worker killed mid-job: every article is stored and summarized exactly once', { timeout: 400_000 }, async (t) => {
    let release!: () => void;
    const released = new Promise<void>((resolve) => { release = resolve; });
    const held = new Set<number>();
    const sites = await Promise.all(Array.from({ length: SITES }, (_, i) => newsSite(i + 1, released, (site) => held.add(site))));
    t.after(async () => { release(); for (const site of sites) await site.close(); });

    const schema = await createTestSchema(pgUrl!);
    t.after(() => schema.drop());
    const prefix = `skim-e2e-${randomUUID()}`;
    t.after(async () => {
      const redis = new Redis(redisUrl!);
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length) await redis.del(...keys);
      redis.disconnect();
    });

    const store = await openStore(schema.url, { poolSize: 2 });
    t.after(() => store.close());
    // One article already there, so the web process does not add its demo articles.
    await publishArticle(store, { title: 'Welcome', body: 'Nothing ingested yet. '.repeat(30), format: 'text' });
    for (const site of sites) await addSource(store.db, { url: `${site.base}/feed.xml` });

    const env = {
      ...process.env,
      DATABASE_URL: schema.url, SKIM_DB: '', REDIS_URL: redisUrl, SKIM_REDIS_PREFIX: prefix,
      SKIM_FETCH_ALLOW: '127.0.0.1',
    };
    const web = startSkim(t, ['serve', '--no-worker', '--host', '127.0.0.1', '--port', '0'], env);
    // Short job locks and ticks, so a dead worker's job and lock are taken over within seconds.
    const workerArgs = ['worker', '--concurrency', '1', '--job-lock-ms', '2000', '--tick-ms', '500'];
    const doomed = startSkim(t, workerArgs, env);
    const survivor = startSkim(t, workerArgs, env);
    const [, base] = await web.waitFor(/serving (http:\/\/\S+)/);
    await doomed.waitFor(/worker running/);
    await survivor.waitFor(/worker running/);

    // Each worker runs one job at a time, so two held sites mean both workers are mid-feed.
    await until('both workers to be in the middle of a feed', () => held.size === 2);
    doomed.child.kill('SIGKILL');
    await once(doomed.child, 'exit');
    release();

    const fixture = () => store.db.selectFrom('articles').selectAll().where('url', 'like', 'http://127.0.0.1:%').execute();
    await until('every story to be stored', async () => (await fixture()).length >= SITES * STORIES);
    await until('every source to be fetched', async () =>
      (await store.db.selectFrom('sources').select('id').where('last_fetched_at', 'is', null).execute()).length === 0);
    // Give a duplicate (if any) the time to appear: the queue must be empty and stay so.
    await until('the queue to drain', async () => {
      const metrics = await fetch(`${base}/metrics`).then((r) => r.text());
      return /skim_queue_jobs\{state="waiting"\} 0/.test(metrics) && /skim_queue_jobs\{state="active"\} 0/.test(metrics);
    });

    const articles = await fixture();
    assert.equal(articles.length, SITES * STORIES, 'one article per story');
    assert.equal(new Set(articles.map((a) => a.canonical_url)).size, SITES * STORIES);
    for (const article of articles) {
      assert.equal(article.status, 'ok', `${article.title}: ${article.status_reason}`);
      assert.equal(article.revision, 1, `${article.title} was published once`);
    }
    const ids = articles.map((a) => a.id);
    const revisions = await store.db.selectFrom('revisions').select('article_id').where('article_id', 'in', ids).execute();
    assert.equal(revisions.length, 0, 'no article replaced by a second version of itself');
    const summaries = await store.db.selectFrom('summaries').select(['article_id', 'length']).where('article_id', 'in', ids).execute();
    assert.equal(summaries.length, SITES * STORIES * 4, 'four summary lengths each, once');
    const links = await store.db.selectFrom('article_sources').select(['kind', 'guid']).where('article_id', 'in', ids).execute();
    assert.deepEqual(links.map((l) => l.kind).sort(), Array(SITES * STORIES).fill('original'), 'each story seen once, as the original');
    const sources = await store.db.selectFrom('sources').select(['url', 'last_error']).execute();
    for (const source of sources) assert.equal(source.last_error, null, source.url);

    // The killed worker's job really was redone: its held page was asked for a second time.
    const heldRequests = sites.map((site) => site.hits(HELD));
    assert.deepEqual([...heldRequests].sort(), [1, 1, 1, 2], `requests for ${HELD} per site: ${heldRequests}`);

    // The web process serves what the workers stored, and is ready (store and queue reachable).
    const page = await fetch(`${base}/articles/${articles[0]!.slug}`);
    assert.equal(page.status, 200);
    assert.match(await page.text(), new RegExp(articles[0]!.title));
    const ready = await fetch(`${base}/readyz`);
    assert.deepEqual(await ready.json(), { status: 'ready', checks: { store: 'ok', queue: 'ok' } });

    assert.equal(await stopGracefully(survivor), 0, survivor.output());
    assert.equal(await stopGracefully(web), 0, web.output());
  });
});
