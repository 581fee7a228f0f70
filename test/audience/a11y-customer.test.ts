import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium } from '../helpers/browser.ts';
import { axeViolations } from '../helpers/axe.ts';
import { axeTrustCenter } from './axe.ts';

/**
 * The customer edition in the light scheme: every page, policy texts and NDA links included
 * (its own file, so that no axe pass makes one file long; the public edition is in a11y.test.ts).
 */
describe.skipIf(!hasChromium)('customer trust center in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('axe finds no WCAG 2.1 AA (or best-practice) violation on any page of the customer edition (light scheme)', async () => {
    expect(await axeTrustCenter(browser, 'light', ['customer'])).toEqual([]);
  });

  it('the axe check reports what it should: an image without text, grey on grey, in either scheme', async () => {
    // AxeBuilder needs a page of a context of its own.
    const context = await browser.newContext();
    const page = await context.newPage();
    try {
      await page.setContent('<!doctype html><html lang="en"><head><title>t</title></head><body><main><h1>t</h1><img src="x.png"><p style="color:#777;background:#888">faint</p></main></body></html>');
      const light = await axeViolations(page, 'light', 'sample');
      expect(light.map((l) => l.split(':')[0])).toEqual(expect.arrayContaining(['sample image-alt', 'sample color-contrast']));
      expect(await axeViolations(page, 'dark', 'sample')).toEqual([expect.stringMatching(/^sample color-contrast: p$/)]);
    } finally {
      await context.close();
    }
  });
});
