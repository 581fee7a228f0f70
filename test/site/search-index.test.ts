import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { indexSite } from '../../src/trust/search-index.ts';
import { EXAMPLE_DIST, EXAMPLE_PUBLIC, TMP } from '../helpers/paths.ts';

/** Pagefind's fragments of a built site, decompressed: one per indexed page. */
function fragments(site: string): Array<{ url: string; content: string; meta: Record<string, string> }> {
  const dir = path.join(site, 'pagefind', 'fragment');
  return readdirSync(dir).map((f) => JSON.parse(gunzipSync(readFileSync(path.join(dir, f))).toString('utf8').replace(/^pagefind_dcd/, '')));
}

const UI_FILES = ['pagefind-ui.js', 'pagefind-ui.css', 'pagefind-modular-ui.js', 'pagefind-modular-ui.css', 'pagefind-highlight.js'];

describe('search index (pagefind, run as its own process)', () => {
  it('indexes the pages of one folder, and ships no ready-made UI', async () => {
    const site = path.join(TMP, 'search-index', 'site');
    mkdirSync(path.join(site, 'a'), { recursive: true });
    const page = (title: string, body: string) => `<!DOCTYPE html><html lang="en"><head><title>${title}</title></head><body><nav>Menu words</nav><main data-pagefind-body><h1>${title}</h1><p>${body}</p></main></body></html>`;
    writeFileSync(path.join(site, 'index.html'), page('Home', 'Quarterly restore test of the ledger database.'));
    writeFileSync(path.join(site, 'a', 'index.html'), page('Immutable copies', 'Object lock in compliance mode.'));
    // Indexing is rooted at <main>: a part marked anywhere else is left out.
    mkdirSync(path.join(site, 'b'), { recursive: true });
    writeFileSync(path.join(site, 'b', 'index.html'), '<!DOCTYPE html><html lang="en"><body><article data-pagefind-body><h1>Stray</h1><p>Outside main.</p></article></body></html>');
    await indexSite(site);
    const entry = JSON.parse(readFileSync(path.join(site, 'pagefind', 'pagefind-entry.json'), 'utf8'));
    expect(entry.languages.en.page_count).toBe(2);
    for (const file of UI_FILES) expect(existsSync(path.join(site, 'pagefind', file)), file).toBe(false);
    expect(existsSync(path.join(site, 'pagefind', 'pagefind.js'))).toBe(true);
    const found = fragments(site);
    expect(found.map((f) => f.url).sort()).toEqual(['/', '/a/']);
    // Only the page body is indexed: the menu is not.
    expect(found.find((f) => f.url === '/a/')!.content).toMatch(/Object lock in compliance mode/);
    expect(found.map((f) => f.content).join(' ')).not.toMatch(/Menu words/);
  });

  it('finds every indexed part on <main>, where pagefind is rooted (src/trust/search-index.ts)', () => {
    for (const site of [EXAMPLE_DIST, EXAMPLE_PUBLIC]) {
      let marked = 0;
      for (const rel of readdirSync(site, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'))) {
        for (const m of readFileSync(path.join(site, rel), 'utf8').matchAll(/<(\w+)[^>]*\sdata-pagefind-body[\s=>]/g)) {
          expect(m[1], `${rel}: data-pagefind-body outside <main> would be left out of the index`).toBe('main');
          marked++;
        }
      }
      expect(marked, site).toBeGreaterThan(5);
    }
  });

  it('fails with pagefind\'s own reason when there is nothing to index', async () => {
    const empty = path.join(TMP, 'search-index', 'empty');
    mkdirSync(empty, { recursive: true });
    await expect(indexSite(empty)).rejects.toThrow(/pagefind could not index .*empty \(exit 1\)[\s\S]*did not contain any html files/);
  });

  it('indexes the portal before its links are made relative: results name site paths', () => {
    const pages = fragments(EXAMPLE_DIST);
    const images = pages.map((p) => p.meta.image).filter((x): x is string => Boolean(x));
    // The example has evidence with diagrams and screenshots: their first image is the page's.
    expect(images.length).toBeGreaterThan(0);
    for (const image of images) expect(image).toMatch(/^\/artifacts\//);
    for (const p of pages) expect(p.url).toMatch(/^\//);
    for (const file of UI_FILES) expect(existsSync(path.join(EXAMPLE_DIST, 'pagefind', file)), file).toBe(false);
  });

  it('reports each audience in order, though an audience\'s index is built while the next one builds', () => {
    const said = readFileSync(path.join(TMP, 'example-build.log'), 'utf8');
    const built = [...said.matchAll(/^✓ Built the (.+?) for /gm)].map((m) => m[1]);
    expect(built).toEqual(['public trust center', 'internal portal']);
    // Given a relative --out (test/global-setup.ts), each audience is still found and reported.
    const canary = readFileSync(path.join(TMP, 'canary-build.log'), 'utf8');
    expect([...canary.matchAll(/^✓ Built the (.+?) for .* into (\S+) \((\d+) pages\)/gm)].map((m) => [m[1], m[2]])).toEqual([
      ['public trust center', 'test/.tmp/audience/public/'],
      ['customer trust center', 'test/.tmp/audience/customer/'],
    ]);
  });
});
