import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { inTabs, serveStatic, templateOf, waitForText, within } from '../helpers/browser.ts';
import { htmlFiles } from '../helpers/links.ts';
import { AUDIENCE_OUT, EXAMPLE_PUBLIC } from '../helpers/paths.ts';

/** Every page of a built site, as URL paths. */
export const pagesOf = (site: string) => htmlFiles(site).map((p) => `/${p.replace(/index\.html$/, '').replace(/\.html$/, '/')}`.replace(/^\/404\/$/, '/404.html'));
const CUSTOMER = path.join(AUDIENCE_OUT, 'customer');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/**
 * Runs axe over every page of the example's public trust center and the canary's customer
 * edition (policy texts, NDA links) in one colour scheme, page by page in a few tabs, each
 * page with its own time limit that names it. Returns "edition page rule: nodes" lines.
 * Dark mode changes colours only: there, contrast is the rule to check, on one page of each
 * template per edition.
 */
export async function axeTrustCenter(browser: Browser, colorScheme: 'light' | 'dark'): Promise<string[]> {
  const context = await browser.newContext({ colorScheme });
  const [publicSite, customer] = await Promise.all([serveStatic(EXAMPLE_PUBLIC), serveStatic(CUSTOMER)]);
  const failures: string[] = [];
  const analyze = (axe: AxeBuilder) => (colorScheme === 'dark' ? axe.withRules(['color-contrast']) : axe.withTags(TAGS)).analyze();
  let targets = [...pagesOf(EXAMPLE_PUBLIC).map((p) => ['public', publicSite.url, p] as const), ...pagesOf(CUSTOMER).map((p) => ['customer', customer.url, p] as const)];
  // Dark mode changes colours, not structure: one page of each template per edition shows
  // every component in the dark palette (every page is checked in the light scheme).
  if (colorScheme === 'dark') {
    const seen = new Set<string>();
    targets = targets.filter(([edition, , p]) => !seen.has(`${edition} ${templateOf(p)}`) && !!seen.add(`${edition} ${templateOf(p)}`));
  }
  try {
    await inTabs(context, targets, 3, async (page, [edition, base, p]) => {
      await within(`${edition} ${p} to load`, page.goto(`${base}${p}`));
      const result = await within(`axe on ${edition} ${p}`, analyze(new AxeBuilder({ page })));
      for (const v of result.violations) failures.push(`${edition} ${p} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
    });
    // The search page with results on screen, the only content drawn by script.
    const page = await context.newPage();
    await within('public /search/?q=restore to load', page.goto(`${publicSite.url}/search/?q=restore`));
    await waitForText(page, '#search-status', /\d+ results?/);
    for (const v of (await within('axe on /search/?q=restore', analyze(new AxeBuilder({ page })))).violations) failures.push(`public /search/?q=restore ${v.id}`);
  } finally {
    // The browser first, then the servers it was talking to.
    await context.close();
    await Promise.all([publicSite.close(), customer.close()]);
  }
  return failures.sort();
}
