import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium, serveStatic, waitForText } from '../helpers/browser.ts';
import { axeTrustCenter, pagesOf } from './axe.ts';
import { htmlFiles } from '../helpers/links.ts';
import { AUDIENCE_OUT, EXAMPLE_PUBLIC } from '../helpers/paths.ts';

const PAGES = pagesOf(EXAMPLE_PUBLIC);

describe('trust-center pages without JavaScript', () => {
  it('ship no script except on the search page', () => {
    for (const p of htmlFiles(EXAMPLE_PUBLIC)) {
      const html = readFileSync(path.join(EXAMPLE_PUBLIC, p), 'utf8');
      if (p === 'search/index.html') expect(html).toMatch(/<script type="module">/);
      else expect(html, p).not.toMatch(/<script\b/);
    }
  });
});

describe.skipIf(!hasChromium)('trust center in Chromium', () => {
  let browser: Browser;
  let site: { url: string; close: () => Promise<void> };
  beforeAll(async () => {
    site = await serveStatic(EXAMPLE_PUBLIC);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('has every page of the public edition under test', () => {
    expect(PAGES).toEqual(expect.arrayContaining(['/', '/backup-and-recovery/', '/controls/', '/policies/', '/policies/pol-backup/', '/subprocessors/', '/faq/', '/documents/', '/search/', '/404.html']));
  });

  it('axe finds no WCAG 2.1 AA (or best-practice) violation on any page of the public edition (light scheme; the customer edition in a11y-customer.test.ts, dark in a11y-dark.test.ts)', async () => {
    expect(await axeTrustCenter(browser, 'light', ['public'])).toEqual([]);
  });

  it('reads fully with JavaScript off, and fits a phone screen', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 375, height: 800 } });
    const page = await context.newPage();
    for (const p of PAGES) {
      const res = await page.goto(`${site.url}${p}`);
      expect(res?.status(), p).toBe(p === '/404.html' ? 200 : 200);
      expect(await page.locator('h1').count(), p).toBe(1);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), p).toBeLessThanOrEqual(0);
    }
    await page.goto(`${site.url}/controls/`);
    // Control lists open without script (native <details>).
    await page.locator('details summary').first().click();
    expect(await page.locator('details[open] .controls-list li').count()).toBeGreaterThan(0);
    await context.close();
  });

  it('searches this audience only: public words found, customer-only words not', async () => {
    const canary = await serveStatic(path.join(AUDIENCE_OUT, 'public'));
    const page = await browser.newPage();
    try {
      const results = async (q: string) => {
        await page.goto(`${canary.url}/search/?q=${encodeURIComponent(q)}`);
        await waitForText(page, '#search-status', /result/);
        return page.locator('#search-results li').count();
      };
      expect(await results('encrypted')).toBeGreaterThan(0);
      expect(await page.locator('#search-status').innerText()).toMatch(/\d+ results? for “encrypted”/);
      // Words that occur only in customer-only items (a subprocessor's location and purpose).
      expect(await results('Netherlands')).toBe(0);
      expect(await results('ticketing')).toBe(0);
    } finally {
      await page.close();
      await canary.close();
    }
  });
});
