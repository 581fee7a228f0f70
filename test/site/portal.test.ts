import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKUP_AREAS } from '../../src/catalogs/backup-areas.ts';
import { crawl, hasChromium, STEP_TIMEOUT, launchChromium, serveStatic, waitForText } from '../helpers/browser.ts';
import { brokenLinks, htmlFiles, internalLinks } from '../helpers/links.ts';
import { EXAMPLE_DIST, EXAMPLE_PUBLIC } from '../helpers/paths.ts';

describe('built portal files', () => {
  it('holds no server code from Astro\'s build (each build has its own root; its leftovers stay out)', () => {
    for (const site of [EXAMPLE_DIST, EXAMPLE_PUBLIC]) {
      const server = (readdirSync(site, { recursive: true, encoding: 'utf8' }) as string[]).filter((f) => /\.(mjs|cjs)$/.test(f) || f.startsWith('chunks') || f.startsWith('.astro'));
      expect(server, site).toEqual([]);
    }
  });
  it('has the pages of every section', () => {
    const pages = htmlFiles(EXAMPLE_DIST);
    for (const p of ['index.html', 'mapping/index.html', 'crosswalk/index.html', 'frameworks/soc2/index.html', 'frameworks/iso27001/index.html', 'controls/soc2/a1-3/index.html', 'controls/iso27001/a-8-13/index.html', 'policies/index.html', 'measures/index.html', 'evidence/index.html']) {
      expect(pages, p).toContain(p);
    }
    expect(pages.filter((p) => p.startsWith('controls/soc2/'))).toHaveLength(61);
    expect(pages.filter((p) => p.startsWith('controls/iso27001/'))).toHaveLength(93);
  });

  it('has no broken internal link or image', () => {
    expect(brokenLinks(EXAMPLE_DIST)).toEqual([]);
  });

  it('publishes artifacts byte-identical to the pinned hash shown on the page', () => {
    const pattern = /<a href="([^"]*artifacts\/[^"]+)" data-artifact[^>]*>[^<]+<\/a><\/td>\s*<td>[^<]+<\/td>\s*<td[^>]*>([0-9a-f]{64})<\/td>/g;
    const linked = htmlFiles(EXAMPLE_DIST)
      .filter((p) => p.startsWith('evidence/'))
      .flatMap((p) => [...readFileSync(path.join(EXAMPLE_DIST, p), 'utf8').matchAll(pattern)].map((m) => [internalLinks(`<a href="${m[1]}">`, p)[0]!, m[2]!] as const));
    expect(linked.length).toBeGreaterThan(0);
    for (const [href, hash] of linked) {
      const bytes = readFileSync(path.join(EXAMPLE_DIST, decodeURIComponent(href)));
      expect(createHash('sha256').update(bytes).digest('hex'), href).toBe(hash);
    }
  });

  it('contains no absolute path of the build machine', () => {
    for (const p of htmlFiles(EXAMPLE_DIST)) expect(readFileSync(path.join(EXAMPLE_DIST, p), 'utf8'), p).not.toContain(path.resolve('.'));
  });
});

describe.skipIf(!hasChromium)('portal in Chromium', () => {
  let browser: Browser;
  let site: { url: string; close: () => Promise<void> };
  let page: Page;
  beforeAll(async () => {
    site = await serveStatic(EXAMPLE_DIST);
    browser = await launchChromium();
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('shows the live mapping matrix exactly as the source mapping, with implied marks', async () => {
    await page.goto(`${site.url}/mapping/`);
    for (const area of BACKUP_AREAS) {
      const cells = await page.$$eval(`tr[data-area="${area.id}"] td`, (tds) =>
        tds.slice(0, 2).map((td) => [...td.querySelectorAll('a[data-control]')].map((a) => `${a.getAttribute('data-control')!.split(':')[1]}${a.classList.contains('implied') ? '*' : ''}`).sort()),
      );
      expect(cells[0], area.id).toEqual(area.reference.soc2.map((r) => `${r.id}${r.implied ? '*' : ''}`).sort());
      expect(cells[1], area.id).toEqual(area.reference.iso27001.map((r) => `${r.id}${r.implied ? '*' : ''}`).sort());
    }
    expect(await page.locator('tr[data-area="isolation"]').innerText()).toMatch(/A\.5\.30 \(not stated explicitly\)/);
  });

  it('follows the matrix to a control and on to an evidence item and its artifact', async () => {
    await page.goto(`${site.url}/`);
    await page.getByRole('link', { name: 'Mapping matrix' }).click();
    await page.locator('tr[data-area="restore-testing"] a[data-control="soc2:A1.3"]').click();
    await page.waitForURL(/\/controls\/soc2\/a1-3\/(index\.html)?$/, { timeout: STEP_TIMEOUT });
    expect(await page.locator('h1').innerText()).toMatch(/A1\.3/);
    expect(await page.locator('.badge').first().innerText()).toBe('Covered');
    // An evidence item whose artifact the internal audience may open (most artifacts are auditor-only).
    const evidenceLink = page.locator('main h2:has-text("Evidence") + .table-wrap tbody th a', { hasText: 'Restore' }).first();
    const title = await evidenceLink.innerText();
    await evidenceLink.click();
    expect(await page.locator('h1').innerText()).toBe(title);
    const artifact = page.locator('a[data-artifact]').first();
    const response = await page.request.get(new URL((await artifact.getAttribute('href'))!, page.url()).href);
    expect(response.status()).toBe(200);
    const shown = await page.locator('td.mono').first().innerText();
    expect(createHash('sha256').update(await response.body()).digest('hex')).toBe(shown);
  });

  it('filters the evidence index by kind, control and freshness', async () => {
    await page.goto(`${site.url}/evidence/`);
    const total = await page.locator('#evidence-table tbody tr').count();
    await page.selectOption('select[name="kind"]', 'restore-test');
    const visible = page.locator('#evidence-table tbody tr:not([hidden])');
    const n = await visible.count();
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThan(total);
    expect(new Set(await visible.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-kind'))))).toEqual(new Set(['restore-test']));
    expect(await page.locator('#evidence-count').innerText()).toBe(`${n} of ${total} records`);
    await page.goto(`${site.url}/evidence/?control=${encodeURIComponent('soc2:A1.3')}&freshness=current`);
    const rows = await visible.evaluateAll((trs) => trs.map((r) => [r.getAttribute('data-controls'), r.getAttribute('data-freshness')]));
    expect(rows.length).toBeGreaterThan(0);
    for (const [controls, freshness] of rows) {
      expect(controls).toContain(' soc2:A1.3 ');
      expect(freshness).toBe('current');
    }
  });

  it('every internal link resolves when crawled in the browser (one page of each template opened, every page requested)', async () => {
    const context = await browser.newContext();
    const { seen, rendered, failures } = await crawl(context, site.url, { onePerTemplate: true });
    await context.close();
    expect(failures).toEqual([]);
    // Every page is reached, and every template drawn at least once (dashboard, sections, controls, measures, evidence, policies, releases…).
    const pages = new Set([...seen].filter((p) => p.endsWith('.html')).map((p) => p.slice(1)));
    expect(htmlFiles(EXAMPLE_DIST).filter((f) => !pages.has(f))).toEqual(['404.html']);
    expect(rendered).toBeGreaterThan(15);
  });

  it('opens straight from disk over file:// with working links, styles and filters', async () => {
    const local = await browser.newPage();
    const errors: string[] = [];
    local.on('pageerror', (e) => errors.push(String(e)));
    local.on('requestfailed', (r) => errors.push(`${r.url()} ${r.failure()?.errorText}`));
    await local.goto(pathToFileURL(path.join(EXAMPLE_DIST, 'index.html')).href);
    expect(await local.evaluate(() => getComputedStyle(document.body).margin)).toBe('0px'); // the stylesheet loaded
    await local.getByRole('link', { name: 'Evidence', exact: true }).click();
    expect(local.url()).toMatch(/^file:.*\/evidence\/index\.html$/);
    await local.selectOption('select[name="kind"]', 'restore-test');
    expect(await local.locator('#evidence-count').innerText()).toMatch(/^\d+ of \d+ records$/);
    await local.locator('#evidence-table tbody tr:not([hidden]) th a').first().click();
    expect(await local.locator('a[data-artifact]').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await local.close();
  });

  it('searches its own pagefind index, which holds nothing above its audience', async () => {
    const search = async (q: string) => {
      await page.goto(`${site.url}/search/?q=${encodeURIComponent(q)}`);
      // Pagefind loads its index and WebAssembly on demand: slow on a busy machine, so wait on the status line itself.
      await waitForText(page, '#search-status', /result|No results/);
      return page.locator('#search-results li a').allInnerTexts();
    };
    const hrefs = () => page.locator('#search-results li a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect((await search('Vault Lock')).length).toBeGreaterThan(0);
    expect(await search('restore drill')).toEqual(expect.arrayContaining([expect.stringMatching(/restore drill/i)]));
    // Auditor-only evidence exists in the program but never in the internal portal's index:
    // policies mention the register, its evidence page is not there to be found.
    await search('Break-glass register');
    const found = await hrefs();
    expect(found.length).toBeGreaterThan(0);
    expect(found.filter((h) => h.includes('ev-2026-11-breakglass-register'))).toEqual([]);
    const index = readFileSync(path.join(EXAMPLE_DIST, 'pagefind', 'pagefind-entry.json'), 'utf8');
    expect(JSON.parse(index).languages).toBeDefined();
  });

  it('fits a phone screen and hides navigation when printed', async () => {
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
    for (const p of ['/', '/mapping/', '/evidence/']) {
      await phone.goto(`${site.url}${p}`);
      const overflow = await phone.evaluate(() => document.body.scrollWidth - window.innerWidth);
      // Wide tables scroll inside their own wrapper; the page itself must not.
      expect(overflow, p).toBeLessThanOrEqual(0);
    }
    await phone.emulateMedia({ media: 'print' });
    expect(await phone.locator('nav.sidenav').isVisible()).toBe(false);
    await phone.close();
  });
});
