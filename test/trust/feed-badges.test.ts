import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_PUBLIC, FAILING_PUBLIC } from '../helpers/paths.ts';

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', isArray: (name) => name === 'entry' || name === 'link' });
const feedOf = (site: string) => parser.parse(readFileSync(path.join(site, 'changelog.xml'), 'utf8')) as { feed: any };

describe('changelog Atom feed', () => {
  it('is valid Atom with the program changes of the example, newest first', () => {
    const { feed } = feedOf(EXAMPLE_PUBLIC);
    expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    for (const key of ['title', 'id', 'updated', 'author']) expect(feed[key], key).toBeTruthy();
    expect(feed.link.map((l: any) => l['@_rel'])).toEqual(expect.arrayContaining(['self', 'alternate']));
    const entries: any[] = feed.entry;
    const titles = entries.map((e) => String(e.title));
    // Policy versions, an issued attestation and a subprocessor with `since`, from model and trust.yaml.
    expect(titles).toContain('Backup Policy version 2.1 in effect');
    expect(titles).toContain('SOC 2 Type II report issued');
    expect(titles).toContain('New subprocessor: Postmark (ActiveCampaign, LLC)');
    for (const e of entries) {
      expect(e.id, String(e.title)).toMatch(/^https:\/\/trust\.harbourview-ledger\.example\/changelog\//);
      expect(e.updated).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00Z$/);
      expect(e.updated <= '2026-11-25T00:00:00Z', 'nothing after the as-of date').toBe(true);
    }
    const dates = entries.map((e) => String(e.updated));
    expect(dates).toEqual([...dates].sort().reverse());
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
    expect(feed.updated).toBe(dates[0]);
  });

  it('escapes text (apostrophes, ampersands) and stays parseable', () => {
    const raw = readFileSync(path.join(EXAMPLE_PUBLIC, 'changelog.xml'), 'utf8');
    expect(raw).toContain('Ledger Ltd&apos;s');
    expect(raw).not.toMatch(/&(?!(?:amp|lt|gt|quot|apos);)/);
    expect(String(feedOf(EXAMPLE_PUBLIC).feed.subtitle)).toContain("Harbourview Ledger Ltd's");
  });

  it('is deterministic: two builds of the same program give the same feed', () => {
    // The failing-audit copy is the example with one policy's dates moved: every other entry is identical.
    const a = feedOf(EXAMPLE_PUBLIC).feed.entry.filter((e: any) => !String(e.id).includes('/policy-pol-backup-'));
    const b = feedOf(FAILING_PUBLIC).feed.entry.filter((e: any) => !String(e.id).includes('/policy-pol-backup-'));
    expect(b).toEqual(a);
  });
});

describe('status badges', () => {
  it('weigh a few KB each (they weighed 9-15 KB as glyph outlines)', () => {
    const dir = path.join(EXAMPLE_PUBLIC, 'badges');
    const files = readdirSync(dir).filter((f) => f.endsWith('.svg'));
    expect(files.length).toBeGreaterThanOrEqual(4);
    let total = 0;
    for (const f of files) {
      const size = statSync(path.join(dir, f)).size;
      total += size;
      expect(size, f).toBeLessThan(2048);
      const svg = readFileSync(path.join(dir, f), 'utf8');
      // Live text, measured: each <text> carries a textLength so another font keeps the layout.
      expect(svg).toMatch(/<text [^>]*textLength="\d+"[^>]*>[^<]+<\/text>/);
      expect(parser.parse(svg).svg, f).toBeTruthy();
    }
    expect(total).toBeLessThan(8 * 1024);
  });
});
