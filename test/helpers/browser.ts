import { createReadStream, existsSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../src/export/pdf/chromium.ts';
import { internalLinks } from './links.ts';

/** Debian's Chromium; tests never download a browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
  });
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.xml': 'application/xml',
};

/** Serves a built site folder on 127.0.0.1 like a static host (dir → index.html, unknown → 404.html). */
export async function serveStatic(root: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = path.join(root, path.normalize(rel));
    if (!file.startsWith(root)) file = path.join(root, '404.html');
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
    const found = existsSync(file) && statSync(file).isFile();
    const served = found ? file : path.join(root, '404.html');
    // A read error ends the response (500) instead of leaving the request open for ever.
    const stream = createReadStream(served);
    stream.on('open', () => {
      res.writeHead(found ? 200 : 404, { 'content-type': TYPES[path.extname(served)] ?? 'application/octet-stream' });
      stream.pipe(res);
    });
    stream.on('error', () => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  // close() ends every connection too: a browser's keep-alive or unfinished request would
  // otherwise keep server.close() waiting for ever (the hang of a11y-dark.test.ts in CI).
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}

/**
 * How long one browser step may take. Sized for a loaded 2-core machine (a parallel build,
 * two test workers): generous, because a timeout here is a failure that names what it awaited.
 */
export const STEP_TIMEOUT = 60_000;

/** Rejects after `ms` with an error that says what was awaited, instead of a bare test timeout. */
export async function within<T>(what: string, work: Promise<T>, ms = STEP_TIMEOUT): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out after ${ms / 1000} s waiting for ${what}`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Runs `fn` over `items` in at most `width` browser tabs at once (one tab per lane, reused),
 * so a few hundred pages are checked concurrently inside one browser.
 */
export async function inTabs<T>(context: BrowserContext, items: T[], width: number, fn: (page: Page, item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    const page = await context.newPage();
    try {
      while (next < items.length) await fn(page, items[next++]!);
    } finally {
      await page.close();
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, lane));
}

/** Waits until the text of `selector` on `page` matches `pattern`; a timeout names the page, the selector and the last text seen. */
export async function waitForText(page: Page, selector: string, pattern: RegExp, ms = STEP_TIMEOUT): Promise<string> {
  try {
    await page.waitForFunction(
      ({ selector, source, flags }) => new RegExp(source, flags).test(document.querySelector(selector)?.textContent ?? ''),
      { selector, source: pattern.source, flags: pattern.flags },
      { timeout: ms },
    );
  } catch {
    const last = await page.locator(selector).first().textContent({ timeout: 1_000 }).catch(() => null);
    throw new Error(`Timed out after ${ms / 1000} s waiting for ${selector} on ${page.url()} to match ${pattern} (last text: ${JSON.stringify(last)})`);
  }
  return (await page.locator(selector).first().textContent()) ?? '';
}

/** The page template a URL path is drawn from: its last segment stands for any (/controls/soc2/a1-3/ → controls/soc2/*). */
export const templateOf = (pathname: string): string => {
  const parts = pathname.replace(/index\.html$/, '').split('/').filter(Boolean);
  return parts.length >= 2 ? [...parts.slice(0, -1), '*'].join('/') : parts.join('/');
};

/**
 * Crawls a served site breadth-first from `start`, checking that every internal link, image,
 * stylesheet and script answers 200. Pages are opened in the browser (so links are resolved
 * as a reader's browser resolves them, scripts included) either all, or with `onePerTemplate`
 * one page per template (the first of /controls/soc2/*, /evidence/*, …), the others only
 * requested and their links read from the HTML (test/helpers/links.ts, as the file-based check
 * reads them): pages of one template differ in data, not in how links are made.
 */
export async function crawl(context: BrowserContext, base: string, options: { start?: string; width?: number; onePerTemplate?: boolean } = {}): Promise<{ seen: Set<string>; rendered: number; failures: string[] }> {
  const { start = '/', width = 4, onePerTemplate = false } = options;
  const seen = new Set<string>([start]);
  const templates = new Set<string>();
  const failures: string[] = [];
  let rendered = 0;
  let queue = [start];
  // Breadth-first, one level at a time, each level spread over the tabs.
  while (queue.length) {
    const level = queue;
    queue = [];
    await inTabs(context, level, width, async (page, at) => {
      const template = templateOf(at);
      let targets: string[];
      if (onePerTemplate && templates.has(template)) {
        // Another page of a template already opened: its links are read from the HTML and
        // resolved against the page's URL as a browser does (static links; no <base> in our pages).
        const r = await within(`${at} to answer`, page.request.get(`${base}${at}`));
        if (r.status() !== 200) {
          failures.push(`${at} → ${r.status()}`);
          return;
        }
        targets = internalLinks(await r.text(), at.endsWith('/') ? `${at.slice(1)}index.html` : at.slice(1));
      } else {
        templates.add(template);
        rendered++;
        const res = await within(`${at} to load`, page.goto(`${base}${at}`));
        if (!res || res.status() !== 200) {
          failures.push(`${at} → ${res?.status()}`);
          return;
        }
        targets = await page.$$eval('a[href], img[src], link[href], script[src]', (els) =>
          els.map((e) => (e as HTMLAnchorElement).href || (e as HTMLImageElement).src).filter((u) => u.startsWith(location.origin)).map((u) => new URL(u).pathname),
        );
      }
      for (const t of targets) {
        if (seen.has(t)) continue;
        seen.add(t);
        if (t.endsWith('/') || t.endsWith('.html')) queue.push(t);
        else {
          const r = await within(`${t} (linked from ${at})`, page.request.get(`${base}${t}`));
          if (r.status() !== 200) failures.push(`${at} → ${t} ${r.status()}`);
        }
      }
    });
  }
  return { seen, rendered, failures: failures.sort() };
}

// Browser tests skip without Chromium; say so where the run's output shows it.
if (!hasChromium) console.warn(`⚠ ${CHROMIUM} not found: browser tests are skipped (apt-get install -y chromium)`);
