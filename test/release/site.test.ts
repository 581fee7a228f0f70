import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { extractBundle } from '../../src/release/verify.ts';
import { hasChromium, inTabs, launchChromium, templateOf, within } from '../helpers/browser.ts';
import { brokenLinks, htmlFiles, internalLinks } from '../helpers/links.ts';
import { TMP } from '../helpers/paths.ts';
import { flipByte, readEntries, runCliAsync } from './helpers.ts';
import { copyRepo, releaseOutcomes, VERSIONED, VERSIONED_SITE } from './fixtures.ts';
import type { CliResult } from '../helpers/cli.ts';

/**
 * The versioned site, the release ledger and the offline snapshot, on the releases the global
 * setup made (test/release/fixtures.ts): two releases with a policy change between them, the
 * second from a dirty tree (--allow-dirty), then the internal portal built over the repository.
 * The tests that change the repository work on a copy of it.
 */
const repo = VERSIONED;
const site = VERSIONED_SITE;
let released: CliResult;
const bundles = () => ({ '2026.1': path.join(repo.root, 'releases', 'proofbook-2026.1.zip'), '2026.2': path.join(repo.root, 'releases', 'proofbook-2026.2.zip') });
const text = (html: string) => html.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<[^>]+>/g, ' ').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/\s+/g, ' ');

beforeAll(() => {
  const { first, second, build } = releaseOutcomes().versioned;
  for (const [step, r] of Object.entries({ 'release 2026.1': first, 'release 2026.2': second, 'build --audience internal': build })) {
    expect(r, `${step} did not run: an earlier step failed`).toBeDefined();
    expect(r!.code, `${step}: ${r!.stderr}${r!.stdout}`).toBe(0);
  }
  released = second!;
});

describe('the versioned site', () => {
  it('lists every release with date, commit, approver, audit result, digest and a download', () => {
    const page = readFileSync(path.join(site, 'releases', 'index.html'), 'utf8');
    const t = text(page);
    for (const [version, file] of Object.entries(bundles())) {
      const rec = readFileSync(path.join(repo.content, 'releases', `${version}.yaml`), 'utf8');
      const sha = /sha256: "([0-9a-f]{64})"/.exec(rec.slice(rec.indexOf('bundle:')))![1]!;
      const commit = /commit: "([0-9a-f]{40})"/.exec(rec)![1]!;
      expect(t).toContain(sha);
      expect(t).toContain(commit.slice(0, 12));
      expect(page).toContain(`href="${version}/index.html"`);
      expect(page).toContain(`href="proofbook-${version}.zip"`);
      expect(readFileSync(path.join(site, 'releases', `proofbook-${version}.zip`)).equals(readFileSync(file))).toBe(true);
    }
    expect(t).toMatch(/2026\.2 #2 2026-07-20 [0-9a-f]{12} Grace Hopper \(CISO\)/);
    expect(t).toMatch(/2026\.1 #1 2026-07-15 [0-9a-f]{12} Ada Lovelace \(CTO\)/);
    expect(page).toContain('href="diff/2026.1/2026.2/index.html"');
  });

  it("serves each release's frozen site: the exact bytes of its bundle", async () => {
    for (const [version, file] of Object.entries(bundles())) {
      const { files } = await readEntries(file);
      for (const [rel, data] of files) expect(readFileSync(path.join(site, 'releases', version, rel)).equals(data), `${version}/${rel}`).toBe(true);
      expect(htmlFiles(path.join(site, 'releases', version)).length).toBe([...files.keys()].filter((f) => f.endsWith('.html')).length);
    }
    // The frozen 2026.1 policy page still shows the old text; the live one the new.
    expect(text(readFileSync(path.join(site, 'releases', '2026.1', 'policies', 'pol-backup', 'index.html'), 'utf8'))).toContain('backed up daily.');
    expect(text(readFileSync(path.join(site, 'policies', 'pol-backup', 'index.html'), 'utf8'))).toContain('backed up every hour');
  });

  it('the diff page shows the policy change between the two releases', () => {
    const t = text(readFileSync(path.join(site, 'releases', 'diff', '2026.1', '2026.2', 'index.html'), 'utf8'));
    expect(t).toContain('Changes from 2026.1 to 2026.2');
    expect(t).toContain('Backup Policy pol-backup Version 1.0 → 1.1');
    expect(t).toContain('- All production databases are backed up daily.');
    expect(t).toContain('+ All production databases are backed up every hour and kept for 35 days.');
    expect(t).toContain('No control changed coverage.');
  });

  it('every page has the version switcher; policy pages their revision history from git', () => {
    for (const page of ['index.html', 'policies/pol-backup/index.html', 'evidence/index.html']) {
      const html = readFileSync(path.join(site, page), 'utf8');
      expect(html, page).toMatch(/<details class="versions"/);
      // Links are relative (the portal opens from disk): resolve them from the page.
      const targets = internalLinks(html, page);
      expect(targets, page).toContain('/releases/2026.2/index.html');
      expect(targets, page).toContain('/releases/2026.1/index.html');
    }
    const t = text(readFileSync(path.join(site, 'policies', 'pol-backup', 'index.html'), 'utf8'));
    expect(t).toMatch(/Revision history Date Commit Author Change 2026-07-20 [0-9a-f]{12} Grace Hopper Backup policy 1\.1: hourly backups, 35-day retention 2026-07-15 [0-9a-f]{12} Ada Lovelace Program as of July/);
    expect(t).toContain('Approvals 2026-01-05: Ada Lovelace, CTO');
  });

  it('has no broken link, frozen releases included', () => {
    expect(brokenLinks(site)).toEqual([]);
  });

  it('refuses to build over a stored bundle that changed since its release', async () => {
    const copy = copyRepo(repo, 'release-site-tampered');
    await flipByte(path.join(copy.root, 'releases', 'proofbook-2026.1.zip'), 'index.html');
    const out = path.join(copy.root, 'out');
    const r = await runCliAsync(['build', '--audience', 'internal', '--content', copy.content, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr + r.stdout).toContain('The stored bundle of release 2026.1 (proofbook-2026.1.zip) does not match its recorded sha256');
    expect(r.stderr).toContain('The internal build failed; the previous');
    expect(existsSync(path.join(out, 'internal'))).toBe(false);
  });
});

describe('the release ledger', () => {
  const record = (version: string) => path.join(repo.content, 'releases', `${version}.yaml`);

  it('--allow-dirty releases anyway and records the uncommitted files; the ledger chains the two releases', async () => {
    expect(released.stdout).toContain('dirty    1 uncommitted change recorded');
    const rec = parse(readFileSync(record('2026.2'), 'utf8'));
    expect(rec.dirty).toEqual({ files: ['content/policies/access.mdx'] });
    expect(rec.previous).toBe(parse(readFileSync(record('2026.1'), 'utf8')).digest);
    expect(rec.sequence).toBe(2);
    const all = await runCliAsync(['verify', '--all', '--content', repo.content]);
    expect(all.code, all.stdout).toBe(0);
    expect(all.stdout).toContain('All 2 bundles verified, ledger chain intact.');
    expect(all.stdout).toContain('built from a tree with 1 uncommitted change (--allow-dirty): content/policies/access.mdx');
  });

  it('verify --all finds an edited release record (the chain breaks there), and release refuses to extend a broken ledger', async () => {
    const copy = copyRepo(repo, 'release-site-edited');
    const edited = path.join(copy.content, 'releases', '2026.1.yaml');
    writeFileSync(edited, readFileSync(edited, 'utf8').replace('approver: "Ada Lovelace (CTO)"', 'approver: "Mallory"'));
    const r = await runCliAsync(['verify', '--all', '--content', copy.content]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Release record 2026.1 was edited after the release');
    const rel = await runCliAsync(['release', '2026.3', '--content', copy.content, '--allow-dirty']);
    expect(rel.code).toBe(1);
    expect(rel.stderr).toContain('the release ledger is broken');
    expect(existsSync(path.join(copy.content, 'releases', '2026.3.yaml'))).toBe(false);
  });
});

/** Loads every image on the page, lazy ones included, and waits for them to finish (or fail). */
async function loadImages(page: import('playwright-core').Page): Promise<void> {
  await page.evaluate(() =>
    Promise.all(
      [...document.images].map((img) => {
        img.loading = 'eager';
        if (img.complete) return undefined;
        return new Promise((resolve) => {
          img.addEventListener('load', resolve, { once: true });
          img.addEventListener('error', resolve, { once: true });
        });
      }),
    ),
  );
}

describe.skipIf(!hasChromium)('the snapshot offline', () => {
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('Chromium opens the unzipped bundle over file:// and a crawl finds no broken link, style or image', async () => {
    const dir = mkdtempSync(path.join(TMP, 'release-unzipped-'));
    const unzip = spawnSync('unzip', ['-q', bundles()['2026.2'], '-d', dir]);
    const root = path.join(dir, 'proofbook-2026.2');
    if (unzip.status !== 0) await extractBundle(bundles()['2026.2'], root);
    const start = pathToFileURL(path.join(root, 'index.html')).href;
    const context = await browser.newContext();
    const failed: string[] = [];
    context.on('requestfailed', (r) => failed.push(`${r.url()} (${r.failure()?.errorText})`));
    context.on('weberror', (e) => failed.push(`script error: ${e.error().message}`));
    await context.route(/^(?!file:)/, (route) => {
      failed.push(`network request: ${route.request().url()}`);
      return route.abort();
    });

    const seen = new Set<string>([start]);
    let queue = [start];
    const broken: string[] = [];
    const templates = new Set<string>();
    let pages = 0;
    let opened = 0;
    // Breadth-first, each level spread over a few tabs. One page of each template is opened in
    // Chromium (styles, images and links as the browser sees them); the other pages of that
    // template have their links, images and stylesheets read from the HTML and checked on disk.
    while (queue.length) {
      const level = queue;
      queue = [];
      await inTabs(context, level, 4, async (page, url) => {
        pages++;
        const template = templateOf(new URL(url).pathname.slice(pathToFileURL(root).pathname.length));
        let facts: { links: string[]; styled: boolean; images: Array<{ src: string; ok: boolean }> };
        if (templates.has(template)) {
          const html = readFileSync(fileURLToPath(url), 'utf8');
          const resolve = (ref: string) => new URL(ref.replace(/&amp;/g, '&'), url).href;
          const onDisk = (href: string) => href.startsWith('file:') && existsSync(fileURLToPath(href.split('#')[0]!.split('?')[0]!));
          const sheets = [...html.matchAll(/<link\s[^>]*rel="stylesheet"[^>]*href="([^"]*)"/g)].map((m) => resolve(m[1]!));
          facts = {
            links: [...html.matchAll(/<a\s[^>]*?\bhref="([^"]*)"/g)].map((m) => resolve(m[1]!)),
            styled: sheets.length > 0 && sheets.every(onDisk),
            images: [...html.matchAll(/<img\s[^>]*?\bsrc="([^"]*)"/g)].map((m) => resolve(m[1]!)).map((src) => ({ src, ok: onDisk(src) })),
          };
        } else {
          templates.add(template);
          opened++;
          await within(`${url} to load`, page.goto(url, { waitUntil: 'load' }));
          await loadImages(page);
          facts = await page.evaluate(() => ({
            links: [...document.querySelectorAll('a[href]')].map((a) => (a as HTMLAnchorElement).href),
            styled: getComputedStyle(document.body).marginTop === '0px' && document.styleSheets.length > 0,
            images: [...document.images].map((i) => ({ src: i.src, ok: i.complete && i.naturalWidth > 0 })),
          }));
        }
        if (!facts.styled) broken.push(`${url} lacks its stylesheet`);
        for (const img of facts.images) if (!img.ok) broken.push(`${url} → image ${img.src}`);
        for (const link of facts.links) {
          if (!link.startsWith('file:')) continue;
          const target = link.split('#')[0]!.split('?')[0]!;
          const file = fileURLToPath(target);
          if (!existsSync(file) || !statSync(file).isFile()) {
            broken.push(`${url} → ${link}`);
            continue;
          }
          if (!file.startsWith(root)) broken.push(`${url} → ${link} (outside the snapshot)`);
          if (target.endsWith('.html') && !seen.has(target)) {
            seen.add(target);
            queue.push(target);
          }
        }
      });
    }
    const page = await context.newPage();
    expect(broken).toEqual([]);
    expect(failed).toEqual([]);
    expect(pages).toBe(htmlFiles(root).filter((f) => f !== '404.html').length);
    expect(opened).toBeGreaterThan(10);
    // The policy page's image really rendered.
    await page.goto(pathToFileURL(path.join(root, 'policies', 'pol-backup', 'index.html')).href);
    await loadImages(page);
    expect(await page.evaluate(() => [...document.images].map((i) => i.naturalWidth))).toEqual([240]);
    await context.close();
  });
});

