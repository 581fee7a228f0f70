import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pngSize, pngText } from '../../src/trust/png.ts';
import { htmlFiles } from '../helpers/links.ts';
import { AUDIENCE_OUT, EXAMPLE_PUBLIC } from '../helpers/paths.ts';
import { decodePng, siteFiles } from './helpers.ts';

const SITES = [EXAMPLE_PUBLIC, path.join(AUDIENCE_OUT, 'customer')];

describe.each(SITES)('social images and badges of %s', (site) => {
  const pages = htmlFiles(site).filter((p) => p !== '404.html');

  it('gives every trust-center page its own 1200×630 social image', () => {
    const images = new Set<string>();
    for (const p of pages) {
      const html = readFileSync(path.join(site, p), 'utf8');
      const src = /<meta property="og:image" content="(?:https:\/\/[^/"]+)?(\/og\/[^"]+\.png)"/.exec(html)?.[1];
      expect(src, p).toBeDefined();
      images.add(src!);
      const png = readFileSync(path.join(site, src!));
      expect(pngSize(png), src).toEqual({ width: 1200, height: 630 });
      expect(html).toMatch(/<meta property="og:image:width" content="1200"/);
    }
    expect(images.size).toBe(pages.length);
  });

  it('draws real content: not blank, many colours, text in the PNG metadata', () => {
    for (const file of siteFiles(site).filter((f) => f.startsWith('og/'))) {
      const png = readFileSync(path.join(site, file));
      const { width, height, channels, pixels } = decodePng(png);
      expect(width * height * channels).toBe(pixels.length);
      const colours = new Set<number>();
      let sum = 0;
      let sq = 0;
      for (let i = 0; i < pixels.length; i += channels) {
        const lum = 0.2126 * pixels[i]! + 0.7152 * pixels[i + 1]! + 0.0722 * pixels[i + 2]!;
        sum += lum;
        sq += lum * lum;
        colours.add((pixels[i]! << 16) | (pixels[i + 1]! << 8) | pixels[i + 2]!);
      }
      const n = pixels.length / channels;
      const sd = Math.sqrt(sq / n - (sum / n) ** 2);
      expect(colours.size, file).toBeGreaterThan(100);
      expect(sd, file).toBeGreaterThan(10);
      const text = Object.fromEntries(pngText(png));
      expect(text.Title, file).toMatch(/\S/);
      expect(text.Software).toBe('Proofbook');
    }
  });

  it('publishes accessible SVG status badges', () => {
    const badges = siteFiles(site).filter((f) => f.startsWith('badges/'));
    expect(badges.length).toBeGreaterThanOrEqual(3);
    for (const b of badges) {
      const svg = readFileSync(path.join(site, b), 'utf8');
      expect(svg, b).toMatch(/^<svg role="img" aria-label="[^"]+: [^"]+" width="\d+" height="24"[^>]*><title>[^<]+<\/title>/);
    }
    // A program whose self-audit fails (the canary) states the count and the open findings, never a percentage.
    expect(readFileSync(path.join(site, 'badges', 'backup-controls.svg'), 'utf8')).toMatch(/<title>Backup controls: (?:\d+% covered|\d+ of \d+ covered, \d+ audit findings? open)<\/title>/);
  });
});

describe('example badges', () => {
  it('say what a sales deck needs', () => {
    const title = (id: string) => /<title>([^<]+)<\/title>/.exec(readFileSync(path.join(EXAMPLE_PUBLIC, 'badges', `${id}.svg`), 'utf8'))![1];
    expect(title('soc-2-type-ii')).toBe('SOC 2 Type II: current');
    expect(title('iso-iec-27001-2022')).toBe('ISO/IEC 27001:2022: current');
    expect(title('backup-controls')).toBe('Backup controls: 100% covered');
    expect(title('restore-test')).toBe('Restore test: passed 2026-11-17');
  });
});
