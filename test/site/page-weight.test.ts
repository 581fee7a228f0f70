import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_DIST } from '../helpers/paths.ts';

/** Frozen release sites are kept byte for byte as bundled, whatever the portal looks like now. */
const FROZEN = /^releases\/(?!diff\/)[^/]+\//;

const pages = readdirSync(EXAMPLE_DIST, { recursive: true, encoding: 'utf8' })
  .map((f) => f.split(path.sep).join('/'))
  .filter((f) => f.endsWith('.html') && !FROZEN.test(f))
  .sort();

/**
 * What every portal page repeats is paid once per page: rendered, indexed by pagefind, made
 * relative for offline use, written and read. The search and theme scripts and the icon are
 * files the pages share (src/site/assets/); only the few bytes that must run before the page
 * paints stay inline. The example portal is the one test/global-setup.ts builds.
 */
describe('portal page weight', () => {
  it('keeps scripts and the icon out of the pages, as files that exist', () => {
    expect(pages.length).toBeGreaterThan(100);
    // Inline scripts by text, with the pages that carry them (a list page may have one of its own).
    const inline = new Map<string, number>();
    for (const rel of pages) {
      const html = readFileSync(path.join(EXAMPLE_DIST, rel), 'utf8');
      for (const m of html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)) inline.set(m[1]!, (inline.get(m[1]!) ?? 0) + 1);
      expect(html, rel).not.toContain('data:image/svg');
      const shared = [...html.matchAll(/<(?:script[^>]*\ssrc|link rel="icon" href)="([^"]+)"/g)].map((m) => m[1]!);
      expect(shared.map((u) => u.replace(/^(\.\.\/)*/, '')).sort(), rel).toEqual(['assets/favicon.svg', 'assets/portal.js']);
      for (const url of shared) expect(existsSync(path.join(EXAMPLE_DIST, path.dirname(rel), url)), `${rel}: ${url}`).toBe(true);
    }
    // What every page repeats inline: only the theme applied before paint.
    const everywhere = [...inline].filter(([, n]) => n === pages.length).map(([text]) => text);
    expect(everywhere).toHaveLength(1);
    expect(everywhere[0]).toContain('proofbook-theme');
    expect(everywhere[0]!.length).toBeLessThan(200);
    // Any other inline script is a page's own, on a few list pages.
    expect([...inline.values()].filter((n) => n < pages.length).reduce((a, n) => a + n, 0)).toBeLessThan(5);
  });

  it('serves the script as written, and it parses as a classic script', () => {
    const script = readFileSync(path.join(EXAMPLE_DIST, 'assets', 'portal.js'), 'utf8');
    expect(script).toBe(readFileSync(new URL('../../src/site/assets/portal.js', import.meta.url), 'utf8'));
    // Not a module: browsers refuse module scripts from disk, and the portal opens from disk.
    expect(() => new Function(script)).not.toThrow();
    expect(script).not.toMatch(/^\s*(import|export)\s/m);
  });
});
