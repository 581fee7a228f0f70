import path from 'node:path';
import type { Browser } from 'playwright-core';
import { inTabs, serveStatic, templateOf, waitForText, within } from '../helpers/browser.ts';
import { axeViolations } from '../helpers/axe.ts';
import { htmlFiles } from '../helpers/links.ts';
import { AUDIENCE_OUT, EXAMPLE_PUBLIC } from '../helpers/paths.ts';

/** Every page of a built site, as URL paths. */
export const pagesOf = (site: string) => htmlFiles(site).map((p) => `/${p.replace(/index\.html$/, '').replace(/\.html$/, '/')}`.replace(/^\/404\/$/, '/404.html'));
/** The editions axe checks: the example's public trust center and the canary's customer edition (policy texts, NDA links). */
const EDITIONS = { public: EXAMPLE_PUBLIC, customer: path.join(AUDIENCE_OUT, 'customer') };
export type Edition = keyof typeof EDITIONS;

/**
 * Runs axe over every page of the given trust-center editions in one colour scheme, page by
 * page in a few tabs, each page with its own time limit that names it. Returns "edition page
 * rule: nodes" lines. Dark mode changes colours only: there, contrast is the rule to check, on
 * one page of each template per edition. With the public edition comes its search page with
 * results on screen, the only content drawn by script.
 */
export async function axeTrustCenter(browser: Browser, colorScheme: 'light' | 'dark', editions: Edition[]): Promise<string[]> {
  const context = await browser.newContext({ colorScheme });
  const sites = await Promise.all(editions.map(async (edition) => ({ edition, root: EDITIONS[edition], server: await serveStatic(EDITIONS[edition]) })));
  const failures: string[] = [];
  let targets = sites.flatMap(({ edition, root, server }) => pagesOf(root).map((p) => [edition, server.url, p] as const));
  // Dark mode changes colours, not structure: one page of each template per edition shows
  // every component in the dark palette (every page is checked in the light scheme).
  if (colorScheme === 'dark') {
    const seen = new Set<string>();
    targets = targets.filter(([edition, , p]) => !seen.has(`${edition} ${templateOf(p)}`) && !!seen.add(`${edition} ${templateOf(p)}`));
  }
  try {
    await inTabs(context, targets, 3, async (page, [edition, base, p]) => {
      await within(`${edition} ${p} to load`, page.goto(`${base}${p}`));
      failures.push(...(await axeViolations(page, colorScheme, `${edition} ${p}`)));
    });
    const publicSite = sites.find((s) => s.edition === 'public');
    if (publicSite) {
      const page = await context.newPage();
      await within('public /search/?q=restore to load', page.goto(`${publicSite.server.url}/search/?q=restore`));
      await waitForText(page, '#search-status', /\d+ results?/);
      failures.push(...(await axeViolations(page, colorScheme, 'public /search/?q=restore')));
    }
  } finally {
    // The browser first, then the servers it was talking to.
    await context.close();
    await Promise.all(sites.map((s) => s.server.close()));
  }
  return failures.sort();
}
