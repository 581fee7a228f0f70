import { readFileSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium, serveStatic } from '../helpers/browser.ts';
import { htmlFiles } from '../helpers/links.ts';
import { AUDIENCE_OUT, EXAMPLE_PUBLIC } from '../helpers/paths.ts';

/** Every page of a built site, as URL paths. */
const pagesOf = (site: string) => htmlFiles(site).map((p) => `/${p.replace(/index\.html$/, '').replace(/\.html$/, '/')}`.replace(/^\/404\/$/, '/404.html'));
const PAGES = pagesOf(EXAMPLE_PUBLIC);
const CUSTOMER = path.join(AUDIENCE_OUT, 'customer');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

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

  it.each(['light', 'dark'] as const)('axe finds no WCAG 2.1 AA (or best-practice) violation on any trust-center page (%s scheme)', async (colorScheme) => {
    const context = await browser.newContext({ colorScheme });
    const page = await context.newPage();
    const customer = await serveStatic(CUSTOMER);
    const failures: string[] = [];
    // Every public page of the example, and the customer edition's pages (policy texts, NDA links).
    for (const [base, paths] of [[site.url, PAGES], [customer.url, pagesOf(CUSTOMER)]] as const) {
      for (const p of paths) {
        await page.goto(`${base}${p}`);
        // Dark mode changes colours only: there, contrast is the rule to check.
        const axe = new AxeBuilder({ page });
        const result = await (colorScheme === 'dark' ? axe.withRules(['color-contrast']) : axe.withTags(TAGS)).analyze();
        for (const v of result.violations) failures.push(`${base === site.url ? 'public' : 'customer'} ${p} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
      }
    }
    await customer.close();
    // The search page with results on screen, the only content drawn by script.
    await page.goto(`${site.url}/search/?q=restore`);
    await page.locator('#search-results li').first().waitFor();
    for (const v of (await new AxeBuilder({ page }).withTags(TAGS).analyze()).violations) failures.push(`/search/?q=restore ${v.id}`);
    await context.close();
    expect(failures).toEqual([]);
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
        await page.waitForFunction(() => /result/.test(document.getElementById('search-status')?.textContent ?? ''));
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
