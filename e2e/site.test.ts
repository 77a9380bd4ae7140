// The site in a real browser (Debian's chromium through playwright-core): home, an article, the
// summary with JavaScript on and off, a summary sentence leading to its highlighted source, the
// keyboard shortcuts to the neighbours, search. Screenshots land in test-results/ for a human look.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { openStore, type Store } from '../src/store/db.ts';
import { seedDemoContent } from '../src/ingest/demo.ts';
import { buildApp } from '../src/web/app.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOTS = new URL('../test-results/', import.meta.url);
const hasBrowser = existsSync(CHROMIUM);
if (!hasBrowser && process.env.CI === 'true') throw new Error(`browser tests need chromium at ${CHROMIUM} (CI=true)`);
const skip = hasBrowser ? false : `browser tests skipped: no chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`;

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

describe('the site in a browser', { skip }, () => {
  let dir: string;
  let store: Store;
  let app: FastifyInstance;
  let browser: Browser;
  let base: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'skim-e2e-'));
    store = await openStore(join(dir, 'skim.db'));
    await seedDemoContent(store);
    app = await buildApp({ store });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    mkdirSync(SCREENSHOTS, { recursive: true });
  });

  after(async () => {
    await browser?.close();
    await app?.close();
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function open(path: string, options: BrowserContextOptions = {}): Promise<Page> {
    const context = await browser.newContext({ viewport: DESKTOP, ...options });
    const page = await context.newPage();
    const response = await page.goto(base + path);
    assert.equal(response?.status(), 200, `GET ${path}`);
    return page;
  }

  async function shoot(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: new URL(`${name}.png`, SCREENSHOTS).pathname, fullPage: false });
  }

  /** The lead story's article page: the newest article, with a Previous link only. */
  async function leadArticlePath(): Promise<string> {
    const page = await open('/');
    const href = await page.locator('.lead-story h2 a').getAttribute('href');
    await page.context().close();
    assert.ok(href && href.startsWith('/articles/'), 'the lead story links to its article');
    return href;
  }

  test('home lists the latest articles by section, each with a one-line summary', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const [device, viewport] of [['desktop', DESKTOP], ['phone', PHONE]] as const) {
        const page = await open('/', { colorScheme, viewport });
        await shoot(page, `home-${device}-${colorScheme}`);
        await page.context().close();
      }
    }
    const page = await open('/');
    assert.ok(await page.locator('.section-block h2').count() >= 3, 'several sections');
    assert.ok(await page.locator('.section-block .dek').count() >= 5, 'one-line summaries');
    // Open an article from the home page.
    const link = page.locator('.section-block .story-title a').first();
    const title = (await link.textContent())!;
    await link.click();
    await page.waitForURL(/\/articles\//);
    assert.equal(await page.locator('h1').textContent(), title);
    await page.context().close();
  });

  test('the summary opens in place, switches length and leads to its highlighted source (JavaScript on)', async () => {
    for (const [device, viewport] of [['desktop', DESKTOP], ['phone', PHONE]] as const) {
      for (const colorScheme of ['light', 'dark'] as const) {
        const page = await open(await leadArticlePath(), { colorScheme, viewport });
        await page.locator('#summary-top > summary').click();
        await shoot(page, `article-${device}-${colorScheme}`);
        await page.context().close();
      }
    }
    const page = await open(await leadArticlePath());
    const url = page.url();
    const top = page.locator('#summary-top');
    assert.equal(await top.getAttribute('open'), null, 'closed at first');
    assert.match((await top.locator('summary').textContent())!, /No time to read\? Get a summary/);
    await top.locator('summary').click();
    assert.equal(page.url(), url, 'no page load');
    const medium = top.locator('.length-panel[data-length="medium"]');
    assert.ok(await medium.isVisible(), 'medium length by default');
    assert.match((await medium.locator('.summary-time').textContent())!, /^\d+-second summary of an? \d+-minute article$/);

    await top.locator('label[data-length="short"]').click();
    assert.ok(await top.locator('.length-panel[data-length="short"]').isVisible());
    assert.ok(!(await medium.isVisible()));
    await top.locator('label[data-length="bullets"]').click();
    const bullets = top.locator('.length-panel[data-length="bullets"]');
    assert.ok(await bullets.locator('li').count() >= 2, 'key points as bullets');

    const sentence = bullets.locator('a.summary-sentence').last();
    const anchor = (await sentence.getAttribute('href'))!;
    await sentence.click();
    assert.ok(page.url().endsWith(anchor));
    const source = page.locator(anchor);
    assert.equal(await source.evaluate((el) => el.classList.contains('is-source')), true);
    assert.notEqual(await source.evaluate((el) => getComputedStyle(el).backgroundColor), 'rgba(0, 0, 0, 0)');
    assert.ok(await source.isVisible());
    const box = (await source.boundingBox())!;
    assert.ok(box.y >= 0 && box.y < DESKTOP.height, 'scrolled to the source sentence');
    const sentenceText = (await sentence.textContent())!.replace(/\s+/g, ' ');
    const sourceText = (await page.locator(`.src[data-s="${anchor.slice(3)}"]`).allTextContents()).join('').replace(/\s+/g, ' ').trim();
    assert.equal(sourceText, sentenceText, 'the highlight is the quoted sentence');
    await shoot(page, 'article-source-highlight');
    await page.context().close();
  });

  test('the summary works with JavaScript off', async () => {
    const page = await open(await leadArticlePath(), { javaScriptEnabled: false });
    const bottom = page.locator('#summary-bottom');
    await bottom.locator('summary').click();
    assert.ok(await bottom.locator('.length-panel[data-length="medium"]').isVisible());
    await bottom.locator('label[data-length="long"]').click();
    const long = bottom.locator('.length-panel[data-length="long"]');
    assert.ok(await long.isVisible());
    const sentence = long.locator('a.summary-sentence').first();
    const anchor = (await sentence.getAttribute('href'))!;
    await sentence.click();
    // Without the script only the anchor itself is highlighted, by :target.
    assert.notEqual(await page.locator(anchor).evaluate((el) => getComputedStyle(el).backgroundColor), 'rgba(0, 0, 0, 0)');
    await shoot(page, 'article-no-javascript');
    await page.context().close();
  });

  test('← / → and j / k go to the previous and next article', async () => {
    const lead = await leadArticlePath();
    const page = await open(lead);
    assert.equal(await page.locator('.article-nav a').count(), 1, 'the newest article has no Next');
    const previous = (await page.locator('link[rel="prev"]').getAttribute('href'))!;
    const previousTitle = (await page.locator('.article-nav .prev .title').textContent())!;
    await page.keyboard.press('ArrowLeft');
    await page.waitForURL(base + previous);
    assert.equal(await page.locator('h1').textContent(), previousTitle);
    assert.match((await page.locator('.article-nav .next .label').textContent())!, /Next Article/);
    await page.keyboard.press('ArrowRight');
    await page.waitForURL(base + lead);
    await page.keyboard.press('j');
    await page.waitForURL(base + previous);
    await page.keyboard.press('k');
    await page.waitForURL(base + lead);
    // Typing in the search box is not a shortcut.
    await page.locator('#site-search').fill('');
    await page.locator('#site-search').press('ArrowLeft');
    assert.equal(page.url(), base + lead);
    await page.context().close();
  });

  test('search finds a word and highlights it', async () => {
    const page = await open('/');
    await page.locator('#site-search').fill('storm');
    await page.locator('#site-search').press('Enter');
    await page.waitForURL(/\/search\?q=storm/);
    assert.ok(await page.locator('.story-list > li').count() >= 1);
    assert.match((await page.locator('.snippet mark').first().textContent())!, /^storm/i);
    await shoot(page, 'search-desktop-light');
    await page.context().close();
  });
});
