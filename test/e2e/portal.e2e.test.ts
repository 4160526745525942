import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { ingestPaths } from '../../src/ingest/ingest.js';
import { buildApp, listen } from '../../src/server/app.js';
import type { TestDatabase } from '../../src/store/test-databases.js';
import { createTestDatabase } from '../../src/store/test-databases.js';
import { portalFixturePaths } from '../support/portal-fixtures.js';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = join(import.meta.dirname, '..', '..', 'test-artifacts');
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string[] }[];
}

interface XmlDoc {
  getElementsByTagName(name: string): { length: number };
  documentElement: { namespaceURI: string | null };
}

const skip = existsSync(CHROMIUM) ? false : `no browser at ${CHROMIUM}: apt-get install -y chromium`;

describe('the portal in a real browser', { skip }, () => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let browser: Browser;
  let page: Page;
  let base = '';
  before(async () => {
    t = await createTestDatabase('pglite');
    const db = await t.open();
    await ingestPaths(db, await portalFixturePaths(), { workers: 2 });
    app = await buildApp({ db, baseUrl: 'http://localhost', today: () => '2026-01-01' });
    base = (await listen(app, 0)).replace(/\/$/, '');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'], // prettier-ignore
    });
    // axe-core goes in as an inline script, which the pages' policy would refuse.
    page = await browser.newPage({ viewport: { width: 1100, height: 900 }, bypassCSP: true });
    await mkdir(ARTIFACTS, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await app?.close();
    await t?.drop();
  });

  /** Zero axe-core violations on the page as it stands, and a full-page screenshot named after it. */
  const check = async (name: string) => {
    await page.addScriptTag({ path: AXE });
    const violations = await page.evaluate(async () => {
      const axe = (globalThis as unknown as { axe: { run: (o: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe; // prettier-ignore
      const result = await axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } }); // prettier-ignore
      return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => ({ target: n.target })) })); // prettier-ignore
    });
    await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
    assert.deepEqual(violations, [], `${name}: ${JSON.stringify(violations, null, 1)}`);
  };

  test('home → meeting → person → search → similar document, each accessible', async () => {
    await page.goto(`${base}/`);
    assert.equal(await page.locator('html').getAttribute('lang'), 'fi');
    await check('home');

    await page.getByRole('link', { name: 'Tekninen lautakunta 3/2099 14.4.2099' }).first().click();
    await page.waitForURL(/\/meetings\//);
    assert.match(await page.locator('h1').innerText(), /Tekninen lautakunta 3\/2099/);
    const meetingUrl = page.url();
    await check('meeting');

    await page.getByRole('link', { name: 'Matti Virtanen' }).first().click();
    await page.waitForURL(/\/people\//);
    assert.equal(await page.locator('h1').innerText(), 'Matti Virtanen');
    await check('person');

    await page.getByRole('navigation', { name: 'Etusivu' }).getByRole('link', { name: 'Haku' }).click();
    await page.getByLabel('Hakusanat').fill('katuvalaistus');
    await page.getByRole('button', { name: 'Hae' }).click();
    await page.waitForURL(/\/search\?q=katuvalaistus/);
    assert.ok((await page.locator('mark').count()) > 0, 'highlighted matches');
    await check('search');

    await page.goto(meetingUrl);
    const similar = page.locator('ul.similar a').first();
    const title = await similar.innerText();
    await similar.click();
    await page.waitForURL((url) => url.toString() !== meetingUrl && url.pathname.startsWith('/meetings/'));
    assert.ok(title.length > 0);
    await check('similar-meeting');
  });

  test('item, body, organisation and action pages and the Swedish interface are accessible', async () => {
    await page.goto(`${base}/`);
    await page.locator('a[href^="/items/"]').first().click();
    await check('item');
    await page.goto(`${base}/`);
    await page.getByRole('link', { name: 'Tekninen lautakunta', exact: true }).click();
    await check('body');
    const sitemap = await (await fetch(`${base}/sitemap.xml`)).text();
    const organisation = /<loc>http:\/\/localhost(\/organisations\/[0-9a-f]+)<\/loc>/.exec(sitemap)?.[1];
    assert.ok(organisation, 'an organisation in the sitemap');
    await page.goto(`${base}${organisation}`);
    await check('organisation');
    await page.goto(`${base}/actions`);
    await check('actions');
    await page.goto(`${base}/?lang=sv`);
    assert.equal(await page.locator('html').getAttribute('lang'), 'sv');
    await check('home-sv');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${base}/`);
    await check('home-phone');
  });
  test('show source, topic timeline, feeds and action filters work without scripts and are accessible', async () => {
    await page.setViewportSize({ width: 1100, height: 900 });
    // The previous test left the interface in Swedish (the lang cookie).
    await page.goto(`${base}/?lang=fi`);
    await page.getByRole('link', { name: 'Tekninen lautakunta 3/2099 14.4.2099' }).first().click();
    await page.waitForURL(/\/meetings\//);
    await page
      .getByRole('link', { name: /^näytä lähde\s?: Päätös – 12 KATUVALAISTUKSEN UUSIMINEN$/ })
      .click();
    await page.waitForURL(/\/source\?field=\/items\/2\/decision#source-mark$/);
    const mark = page.locator('mark#source-mark');
    assert.match(await mark.innerText(), /^Ehdotus hyväksyttiin\./);
    assert.ok(await mark.isVisible());
    const box = await mark.boundingBox();
    assert.ok(box && box.y >= 0 && box.y < 900, 'the page opens at the highlighted span');
    assert.equal(await page.locator('.withheld').count(), 1);
    assert.doesNotMatch(await page.locator('pre.source').innerText(), /SALAINEN|Zyxwvutsalainen/);
    await check('source');

    await page.getByRole('link', { name: 'Aiheet' }).first().click();
    await page.getByLabel('Aihe', { exact: true }).fill('valinnanvapaus');
    await page.getByRole('button', { name: 'Näytä aikajana' }).click();
    await page.waitForURL(/\/topics\/valinnanvapaus$/);
    assert.equal(await page.locator('h1').innerText(), 'Aihe: valinnanvapaus');
    assert.ok((await page.locator('ol.timeline > li').count()) >= 5);
    await check('topic');
    const topicFeed = await page.locator('a[href$="/feed.atom"]').first().getAttribute('href');
    await page.goto(`${base}/topics`);
    await check('topics');

    await page.goto(`${base}/search?q=pilotti`);
    const searchFeed = await page.getByRole('link', { name: 'Tilaa hakusyöte (Atom)' }).getAttribute('href');
    for (const href of [topicFeed, searchFeed]) {
      const xml = await (await fetch(`${base}${href ?? ''}`)).text();
      const parsed = await page.evaluate((text) => {
        // Runs in the page: the browser's own strict XML parser.
        const dom = globalThis as unknown as {
          DOMParser: new () => { parseFromString(t: string, type: string): XmlDoc };
        };
        const doc = new dom.DOMParser().parseFromString(text, 'application/xml');
        return { errors: doc.getElementsByTagName('parsererror').length, root: doc.documentElement.namespaceURI, entries: doc.getElementsByTagName('entry').length }; // prettier-ignore
      }, xml);
      assert.deepEqual({ ...parsed, entries: parsed.entries > 0 }, { errors: 0, root: 'http://www.w3.org/2005/Atom', entries: true }, href ?? ''); // prettier-ignore
    }

    await page.goto(`${base}/actions`);
    await page.getByLabel('Vastuuhenkilö').fill('Korhonen');
    await page.getByLabel('Määräaika viimeistään').fill('2099-12-31');
    await page.getByRole('button', { name: 'Näytä' }).click();
    await page.waitForURL(/\/actions\?owner=Korhonen&.*due_to=2099-12-31/);
    assert.equal(await page.locator('tbody tr').count(), 1);
    await check('actions-filtered');
  });

  test('the new page types read on a phone', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${base}/topics/valinnanvapaus`);
    await check('topic-phone');
    await page.goto(`${base}/`);
    await page.getByRole('link', { name: 'Tekninen lautakunta 3/2099 14.4.2099' }).first().click();
    await page.waitForURL(/\/meetings\//);
    await check('meeting-phone');
    await page.getByRole('link', { name: /^näytä lähde\s?: Paikka$/ }).click();
    await check('source-phone');
    const width = await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth); // prettier-ignore
    assert.ok(width <= 390, `no sideways scrolling: ${width}px`);
    await page.goto(`${base}/actions?status=open`);
    await check('actions-phone');
  });

  test('a keyboard reaches and follows a source link; the source view reads in Swedish', async () => {
    await page.setViewportSize({ width: 1100, height: 900 });
    await page.goto(`${base}/?lang=fi`);
    await page.getByRole('link', { name: 'Tekninen lautakunta 3/2099 14.4.2099' }).first().click();
    await page.waitForURL(/\/meetings\/[0-9a-f]+$/);
    const focused = () => page.evaluate(() => (globalThis as unknown as { document: { activeElement: { textContent: string } | null } }).document.activeElement?.textContent ?? ''); // prettier-ignore
    let tabs = 0;
    while (!/^\s*näytä lähde\s*: Paikka/.test(await focused()) && tabs++ < 60)
      await page.keyboard.press('Tab');
    assert.ok(tabs < 60, 'the Paikka source link is in the tab order');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/source\?field=\/place#source-mark$/);
    assert.equal(await page.locator('mark#source-mark').innerText(), 'Kunnantalo, valtuustosali');
    await page.goto(`${page.url().replace(/#.*/, '')}&lang=sv`);
    assert.match(await page.locator('h1').innerText(), /^Källtext: /);
    await check('source-sv');
    await page.goto(`${base}/?lang=fi`);
  });
});
