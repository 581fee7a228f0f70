import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Element, Root, RootContent } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { hasChromium, launchChromium, serveStatic, waitForText } from '../helpers/browser.ts';
import { runCliAsync } from '../helpers/cli.ts';
import { HOSTILE_FIXTURE, HOSTILE_OUT, ROOT } from '../helpers/paths.ts';

/**
 * The hostile program (test/fixtures/hostile) puts script in every form a policy body can carry
 * (Markdown links, raw HTML in .md, JSX in .mdx) and markup in plain-text fields. global-setup
 * builds it once as the public and customer trust centers; these tests read what was built.
 */
const AUDIENCES = ['public', 'customer'] as const;
const parser = unified().use(rehypeParse);
const pages = (audience: string) =>
  (readdirSync(path.join(HOSTILE_OUT, audience), { recursive: true, encoding: 'utf8' }) as string[]).filter((f) => f.endsWith('.html')).sort();
const read = (audience: string, rel: string) => readFileSync(path.join(HOSTILE_OUT, audience, rel), 'utf8');

function elements(tree: Root): Element[] {
  const out: Element[] = [];
  const walk = (n: Root | RootContent) => {
    if (n.type === 'element') out.push(n);
    if ('children' in n) n.children.forEach(walk);
  };
  walk(tree);
  return out;
}

const URL_ATTRS = ['href', 'src', 'action', 'formAction', 'xLinkHref', 'data', 'poster', 'background'];

/** Everything in a page that could run script or load something it should not: empty when the page is safe. */
function unsafeParts(html: string): string[] {
  const found: string[] = [];
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1] ?? '';
  for (const el of elements(parser.parse(html))) {
    const tag = el.tagName;
    if (['iframe', 'object', 'embed', 'frame', 'applet'].includes(tag)) found.push(`<${tag}>`);
    if (tag === 'script') {
      const text = el.children.map((c) => (c.type === 'text' ? c.value : '')).join('');
      const hash = `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
      if (el.properties.src || !csp.includes(hash)) found.push(`<script> not allowed by the page's CSP: ${text.slice(0, 60)}`);
    }
    for (const [key, value] of Object.entries(el.properties)) {
      if (/^on/i.test(key)) found.push(`${key} on <${tag}>`);
      const v = String(Array.isArray(value) ? value.join(' ') : value).replace(/[\s\u0000-\u001F]/g, '');
      if (URL_ATTRS.includes(key) && /^(?:javascript|vbscript|data:text|data:application)/i.test(v)) found.push(`${key}=${v.slice(0, 40)} on <${tag}>`);
      if (URL_ATTRS.includes(key) && v.startsWith('//')) found.push(`protocol-relative ${key} on <${tag}>`);
      if (key === 'style' && /url\s*\(|expression\s*\(/i.test(v)) found.push(`style with url( on <${tag}>`);
    }
  }
  return found;
}

describe('built trust centers carry no script from content', () => {
  beforeAll(() => {
    for (const a of AUDIENCES) if (!existsSync(path.join(HOSTILE_OUT, a, 'index.html'))) throw new Error(`${a} hostile site not built: global-setup builds it (PROOFBOOK_SKIP_SITE_BUILD unset)`);
  });

  for (const audience of AUDIENCES) {
    it(`${audience}: no page has script, event handlers, unsafe links, frames or url() styles`, () => {
      const files = pages(audience);
      expect(files.length).toBeGreaterThan(8);
      const report = files.flatMap((f) => unsafeParts(read(audience, f)).map((u) => `${f}: ${u}`));
      expect(report).toEqual([]);
    });

    it(`${audience}: every page has a Content-Security-Policy; only the search page allows a script, by hash`, () => {
      for (const f of pages(audience)) {
        const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(read(audience, f))?.[1];
        expect(csp, f).toMatch(/default-src 'self'/);
        expect(csp, f).toMatch(/object-src 'none'/);
        expect(csp, f).toMatch(/base-uri 'none'/);
        if (f === 'search/index.html') expect(csp).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/=]{44}'/);
        else expect(csp, f).toMatch(/script-src 'none'/);
      }
    });
  }

  it('keeps the safe parts of the bodies: text, https links, images, tables, highlighted code', () => {
    const html = read('public', 'policies/pol-backup/index.html');
    for (const marker of ['pb-public-body-start', 'pb-public-body-end', 'pb-styled paragraph', 'pb-table-cell', 'pb-code']) expect(html).toContain(marker);
    expect(html).toContain('href="https://example.com/pb-ok"');
    expect(html).toMatch(/<img src="https:\/\/example\.com\/pb\.png" alt="pb-img"\/?>/);
    expect(html).toMatch(/<pre class="astro-code[^"]*" style="[^"]*" tabindex="0"/);
    expect(html).not.toContain('pb-object-fallback');
    const customer = read('customer', 'policies/pol-customer/index.html');
    for (const marker of ['pb-customer-body-start', 'pb-click', 'pb-plain-style', 'pb-customer-body-end']) expect(customer).toContain(marker);
    expect(customer).toContain('href="https://example.com/pb-autolink"');
    expect(existsSync(path.join(HOSTILE_OUT, 'public', 'policies', 'pol-customer'))).toBe(false);
  });

  it('shows markup in plain-text fields as text', () => {
    const faq = read('public', 'faq/index.html');
    expect(faq).toContain('Is &lt;script&gt;alert(');
    expect(faq).toContain('&lt;b onmouseover=');
    const home = read('public', 'index.html');
    expect(home).toContain('&lt;img src=x onerror=');
  });
});

describe('check reports what the sanitiser removes', () => {
  it('warns once per removal with file and line, and passes', async () => {
    const r = await runCliAsync(['check', '--content', HOSTILE_FIXTURE, '--as-of', '2026-07-10']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/✗/);
    const label = path.relative(ROOT, HOSTILE_FIXTURE);
    const warned = [...r.stderr.matchAll(/⚠ (\S+):(\d+) \(body\)\n\s+Unsafe content removed from the published body: (.+)\n\s+fix: \S/g)].map((m) => `${m[1]!.slice(label.length + 1)}:${m[2]} ${m[3]}`);
    expect(warned).toEqual(
      expect.arrayContaining([
        `policies/backup.mdx:22 the href="javascript:alert('pb-xss-1')" attribute of <a>.`,
        'policies/backup.mdx:24 the onerror="alert(\'pb-xss-2\')" attribute of <img>.',
        'policies/backup.mdx:28 <iframe> and its content.',
        'policies/backup.mdx:30 <object> and its content.',
        'policies/backup.mdx:32 <script> and its content.',
        `policies/backup.mdx:34 the href="javascript:alert('pb-xss-4')" attribute of <a>.`,
        'policies/customer.md:22 the onerror="alert(\'pb-xss-5\')" attribute of <img>.',
        'policies/customer.md:24 <script> and its content.',
        'policies/customer.md:30 the onclick="alert(\'pb-xss-9\')" attribute of <div>.',
      ]),
    );
    expect(warned.some((w) => /backup\.mdx:22 the href="data:text\/html/.test(w))).toBe(true);
    expect(warned.some((w) => /backup\.mdx:26 the style="background-image: url\(/.test(w))).toBe(true);
    expect(r.stderr).toMatch(/15 warnings: the published pages leave this out/);
  });
});

describe.skipIf(!hasChromium)('in a browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  it('no dialog opens on the policy pages, and search still works under the CSP', async () => {
    const site = await serveStatic(path.join(HOSTILE_OUT, 'customer'));
    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    try {
      for (const p of ['/policies/pol-backup/', '/policies/pol-customer/', '/faq/', '/']) await page.goto(site.url + p, { waitUntil: 'load' });
      await page.goto(`${site.url}/search/?q=backup`, { waitUntil: 'load' });
      // Waits (up to 30 s on a loaded machine) for the search script to report an outcome.
      await waitForText(page, '#search-status', /result/);
      expect(await page.locator('#search-status').textContent()).toMatch(/\d+ results? for/);
      expect(dialogs).toEqual([]);
    } finally {
      await page.close();
      await site.close();
    }
  });
});
if (!hasChromium) console.warn('xss.test.ts: /usr/bin/chromium not found, browser checks skipped');
