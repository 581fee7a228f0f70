import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadModel } from '../../src/model/build.ts';
import { hasChromium, launchChromium, serveStatic, STEP_TIMEOUT, waitForText } from '../helpers/browser.ts';
import { EXAMPLE_AS_OF, EXAMPLE_CONTENT, EXAMPLE_DIST } from '../helpers/paths.ts';

/**
 * The internal portal as a reader meets it (issue 11): the dashboard on a phone, the sidebar
 * tree and the header search, in Chromium against the example portal that
 * test/global-setup.ts builds (every page at phone width: portal-phone.test.ts; axe:
 * portal-a11y.test.ts).
 */
describe.skipIf(!hasChromium)('portal as its readers expect', () => {
  let browser: Browser;
  let site: { url: string; close: () => Promise<void> };
  beforeAll(async () => {
    site = await serveStatic(EXAMPLE_DIST);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('keeps the dashboard status column in view on a phone and opens the compact menu', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${site.url}/`);
    const status = page.locator('main table th:has-text("Status")').first();
    const box = (await status.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    expect(await page.locator('nav.sidenav').isVisible()).toBe(false);
    await page.getByText('Menu', { exact: true }).click();
    expect(await page.locator('nav.sidenav').isVisible()).toBe(true);
    await page.close();
  });

  it('shows the self-audit result first on the dashboard', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}/`);
    const first = await page.locator('main > :is(section, div, p, table, ul)').first();
    expect(await first.getAttribute('id')).toBe('audit-result');
    expect(await first.innerText()).toMatch(/Self-audit (passes|fails)[\s\S]*\d+ open errors?/);
    await page.close();
  });

  it('marks the current page in the sidebar tree and opens its branch', async () => {
    const page = await browser.newPage();
    for (const at of ['/policies/pol-backup/', '/measures/msr-quarterly-restore-drill/', '/frameworks/iso27001/', '/areas/restore-testing/']) {
      await page.goto(`${site.url}${at}`);
      const current = page.locator('nav.sidenav a[aria-current="page"]');
      expect(await current.count(), at).toBe(1);
      expect(new URL(await current.evaluate((a) => (a as HTMLAnchorElement).href)).pathname, at).toBe(`${at}index.html`);
      expect(await current.isVisible(), at).toBe(true);
    }
    // A control page is under its framework.
    await page.goto(`${site.url}/controls/soc2/a1-3/`);
    expect(await page.locator('nav.sidenav .tree a[aria-current="true"]').allInnerTexts()).toEqual([expect.stringMatching(/^SOC 2/)]);
    await page.close();
  });

  it('focuses search with "/" and lists every result with links that open', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}/policies/pol-backup/`);
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search-q');
    await page.keyboard.type('restore');
    const status = page.locator('#site-search-status');
    await waitForText(page, '#site-search-status', /\d+ results?/);
    const count = Number(/^(\d+) result/.exec(await status.innerText())![1]);
    const links = page.locator('#site-search-results li a');
    expect(count).toBeGreaterThan(20); // more than one page of results, all of them listed
    expect(await links.count()).toBe(count);
    const hrefs = await links.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    for (const h of hrefs.slice(0, 5)) expect((await page.request.get(h)).status(), h).toBe(200);
    // Excerpts read like the pages: durations in words, titles and ids apart.
    const model = loadModel({ contentDir: EXAMPLE_CONTENT, asOf: EXAMPLE_AS_OF });
    const joined = [...model.entries.values()].map((e) => `${e.data.title}${e.id}`);
    for (const text of await page.locator('#site-search-results li p').allTextContents()) {
      expect(text).not.toMatch(/\bP(T?\d)[A-Z\d]*[YMWDHS]\b/);
      for (const j of joined) expect(text).not.toContain(j);
    }
    await links.first().click();
    await page.waitForURL(hrefs[0]!, { timeout: STEP_TIMEOUT });
    await page.close();
  });

  it('works from disk: relative links, theme switch remembered', async () => {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(path.join(EXAMPLE_DIST, 'policies', 'pol-backup', 'index.html')).href);
    await page.locator('nav.pager a[rel="next"]').click();
    expect(page.url()).toMatch(/^file:.*\/policies\/[^/]+\/index\.html$/);
    await page.locator('#theme-toggle').click();
    const theme = await page.evaluate(() => document.documentElement.dataset.theme);
    expect(theme).toMatch(/^(light|dark)$/);
    await page.reload();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
    // The header's search runs from the shared script too, and says why it cannot search from disk.
    await page.keyboard.press('/');
    await page.keyboard.type('restore');
    await waitForText(page, '#site-search-status', /needs the site to be served/);
    await page.close();
  });
});
