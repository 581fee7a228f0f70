import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { htmlFiles } from '../helpers/links.ts';
import { hasChromium, inTabs, launchChromium, serveStatic, within } from '../helpers/browser.ts';
import { AUDIENCE_OUT, EXAMPLE_CONTENT, EXAMPLE_PUBLIC, FAILING_PUBLIC } from '../helpers/paths.ts';

/**
 * What a reader of the trust center sees, read from the built sites in Chromium (innerText:
 * only visible text): durations in words, no full-coverage claim while the self-audit fails,
 * a customer edition that offers what customers have instead of asking them to request it.
 */
const SITES = { 'example public': EXAMPLE_PUBLIC, 'failing-audit public': FAILING_PUBLIC, 'canary public': path.join(AUDIENCE_OUT, 'public'), 'canary customer': path.join(AUDIENCE_OUT, 'customer') };
const texts = new Map<string, Map<string, string>>();
let browser: Browser | undefined;

if (!hasChromium) console.warn('trust-center.test.ts: /usr/bin/chromium is absent, the browser checks are skipped');

beforeAll(async () => {
  if (!hasChromium) return;
  browser = await launchChromium();
  const context = await browser.newContext();
  try {
    for (const [name, root] of Object.entries(SITES)) {
      const server = await serveStatic(root);
      const pages = htmlFiles(root).filter((f) => f.endsWith('index.html') && !f.startsWith('releases/'));
      const found = new Map<string, string>();
      // Four tabs, each reused page after page: quick, without flooding a loaded 2-core machine.
      await inTabs(context, pages, 4, async (page, file) => {
        await within(`${name} /${file} to load`, page.goto(`${server.url}/${file.replace(/index\.html$/, '')}`, { waitUntil: 'load' }));
        found.set(file, await page.evaluate(() => document.body.innerText));
      });
      await server.close();
      texts.set(name, found);
    }
  } finally {
    await context.close();
  }
});

afterAll(async () => {
  await browser?.close();
});

describe.skipIf(!hasChromium)('trust center as read in a browser', () => {
  it.each(Object.keys(SITES))('shows durations as words, never ISO 8601 (%s)', (name) => {
    const pages = texts.get(name)!;
    expect(pages.size).toBeGreaterThan(5);
    // The canary's markers (CANARY-…-SUMMARY-P1) are ids, not durations.
    for (const [file, text] of pages) expect(text.replace(/CANARY-[A-Z0-9-]+/g, '').match(/\bP(T?\d)\S*/g) ?? [], file).toEqual([]);
  });

  it('does not claim 100% coverage while the self-audit fails, and says why', () => {
    const pages = texts.get('failing-audit public')!;
    for (const [file, text] of pages) expect(text, file).not.toContain('100%');
    expect(pages.get('index.html')).toMatch(/self-audit: \d+ findings? open/);
    expect(pages.get('controls/index.html')).toMatch(/self-audit has \d+ open findings?/);
    // The badge says so too, in its accessible name.
    const badge = readFileSync(path.join(FAILING_PUBLIC, 'badges', 'backup-controls.svg'), 'utf8');
    expect(badge).toMatch(/<title>Backup controls: \d+ of \d+ covered, 1 audit finding open<\/title>/);
    // The same program with its audit passing does claim it: the difference is the audit.
    expect(texts.get('example public')!.get('index.html')).toContain('100%');
  });

  it('lists the recovery tiers with their objectives, and the headline derives from them', () => {
    const text = texts.get('example public')!.get('backup-and-recovery/index.html')!;
    expect(text).toMatch(/Tier 1\s+Ledger and accounts-payable databases, invoice documents\s+1 hour\s+4 hours\s+1 year/);
    expect(text).toMatch(/Tier 3\s+Internal build server\s+24 hours\s+72 hours/);
    expect(text).not.toContain('Continuous point-in-time recovery for tier 1 databases');
    const home = texts.get('example public')!.get('index.html')!;
    expect(home).toMatch(/Recovery point objective\s+1 hour/);
    expect(home).toMatch(/Recovery time objective\s+4 hours/);
  });

  it('describes each control in plain words on the controls page', () => {
    // The descriptions sit in the collapsed category lists: read the page's HTML.
    const html = readFileSync(path.join(EXAMPLE_PUBLIC, 'controls', 'index.html'), 'utf8');
    expect(html).toMatch(/A\.8\.13<\/span>.*?Information backup<span class="control-desc">Backup copies of data and systems are made, kept and tested regularly/s);
    expect(html.match(/class="control-desc"/g)?.length).toBeGreaterThanOrEqual(20);
  });

  it('the customer edition offers documents and files instead of asking customers to request them', () => {
    const customer = texts.get('canary customer')!;
    const pub = texts.get('canary public')!;
    expect(pub.get('index.html')).toMatch(/Request access/);
    for (const [file, text] of customer) expect(text, file).not.toMatch(/request access/i);
    const html = readFileSync(path.join(AUDIENCE_OUT, 'customer', 'documents', 'index.html'), 'utf8');
    const artifacts = path.join(AUDIENCE_OUT, 'customer', 'artifacts');
    const files = existsSync(artifacts) ? readdirSync(artifacts, { recursive: true, encoding: 'utf8' }).filter((f) => /\.\w+$/.test(f)) : [];
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(html, f).toContain(`/artifacts/${f.split(path.sep).map(encodeURIComponent).join('/')}`);
  });

  it('uses the organisation\'s logo and colours from trust.yaml', () => {
    const html = readFileSync(path.join(EXAMPLE_PUBLIC, 'index.html'), 'utf8');
    expect(html).toContain('src="/brand/logo.svg"');
    expect(html).toContain('--hero-from:#0d4a6b');
    expect(readFileSync(path.join(EXAMPLE_PUBLIC, 'brand', 'logo.svg'), 'utf8')).toBe(readFileSync(path.join(EXAMPLE_CONTENT, 'brand', 'logo.svg'), 'utf8'));
  });
});
