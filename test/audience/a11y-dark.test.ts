import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium } from '../helpers/browser.ts';
import { axeTrustCenter } from './axe.ts';

/** The trust center's contrast in the dark scheme (its own file, so neither axe pass makes one file long). */
describe.skipIf(!hasChromium)('trust center in Chromium, dark scheme', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('axe finds no colour-contrast violation on any trust-center page', async () => {
    expect(await axeTrustCenter(browser, 'dark', ['public', 'customer'])).toEqual([]);
  });
});
