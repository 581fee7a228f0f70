import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../helpers/axe.ts';
import { hasChromium, launchChromium, serveStatic, within } from '../helpers/browser.ts';
import { EXAMPLE_DIST } from '../helpers/paths.ts';

/**
 * axe on the example portal's most crowded pages (the dashboard, a framework's control table,
 * a policy, a control), in Chromium against the portal test/global-setup.ts builds. Its own
 * file: axe on a page with hundreds of table cells takes seconds.
 */
describe.skipIf(!hasChromium)('portal accessibility', () => {
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

  it('passes axe on the dashboard, a framework, a policy and a control, and keeps contrast in the dark theme', async () => {
    const found: string[] = [];
    // All rules in the light theme; the dark theme only changes colours, so contrast is what it can break.
    for (const [colorScheme, pages] of [['light', ['/', '/frameworks/iso27001/', '/policies/pol-backup/', '/controls/soc2/a1-3/']], ['dark', ['/', '/policies/pol-backup/']]] as const) {
      const context = await browser.newContext({ colorScheme });
      const page = await context.newPage();
      for (const at of pages) {
        await within(`${at} to load (${colorScheme})`, page.goto(`${site.url}${at}`));
        found.push(...(await axeViolations(page, colorScheme, `${at} (${colorScheme})`)));
      }
      await context.close();
    }
    expect(found).toEqual([]);
  });
});
