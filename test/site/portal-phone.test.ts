import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadModel } from '../../src/model/build.ts';
import { hasChromium, inTabs, launchChromium, within } from '../helpers/browser.ts';
import { htmlFiles } from '../helpers/links.ts';
import { EXAMPLE_AS_OF, EXAMPLE_CONTENT, EXAMPLE_DIST } from '../helpers/paths.ts';

/**
 * Every page of the example portal at phone width (issue 11), opened from disk in Chromium: no
 * sideways scrolling, durations in words, titles and ids apart. Its own file, so that neither
 * this nor portal-ux.test.ts runs long on a loaded machine.
 */

/** Site paths of every page of the portal (frozen release sites aside: they are bundles). */
const pages = htmlFiles(EXAMPLE_DIST)
  .filter((p) => !/^releases\/v[^/]+\//.test(p) && !p.startsWith('pagefind/'))
  .map((p) => `/${p.replace(/index\.html$/, '')}`);

describe.skipIf(!hasChromium)('portal on a phone', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('fits every page on a 390 px phone without sideways scrolling, and says everything in words', async () => {
    expect(pages.length).toBeGreaterThan(200);
    const model = loadModel({ contentDir: EXAMPLE_CONTENT, asOf: EXAMPLE_AS_OF });
    // Title and id written together, the way a missing separator reads ("Backup Policypol-backup").
    const joined = [...model.entries.values()].map((e) => `${e.data.title}${e.id}`);
    // Opened from disk: no server in this worker to compete with the browser for the CPU.
    // Without page scripts: every page must fit and read well without JavaScript anyway, and
    // 250 pages load faster on a busy machine.
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
    const results = new Map<string, { overflow: number; visible: string; text: string }>();
    await inTabs(context, pages, 4, async (page, at) => {
      await within(`${at} to load`, page.goto(pathToFileURL(path.join(EXAMPLE_DIST, at.endsWith('/') ? `${at}index.html` : at)).href, { waitUntil: 'load' }));
      results.set(
        at,
        await page.evaluate(() => ({
          overflow: document.documentElement.scrollWidth - window.innerWidth,
          visible: document.body.innerText,
          text: document.body.textContent ?? '',
        })),
      );
    });
    await context.close();
    const wide: string[] = [];
    const problems: string[] = [];
    for (const [at, r] of results) {
      if (r.overflow > 0) wide.push(`${at} is ${r.overflow} px too wide`);
      // SOC 2 privacy criteria and their groups ("P4.2", "P4 ·") are ids: a duration always ends in a unit letter.
      const iso = /\bP(T?\d)\w*/.exec(r.visible.replace(/\bP\d+(?:\.\d+)?\b/g, ''));
      if (iso) problems.push(`${at} shows the duration "${iso[0]}"`);
      for (const j of joined) if (r.text.includes(j)) problems.push(`${at} runs together "${j}"`);
    }
    expect(wide).toEqual([]);
    expect(problems).toEqual([]);
  });

});
