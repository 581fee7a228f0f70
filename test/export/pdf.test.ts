import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { viewFor } from '../../src/audience/filter.ts';
import { buildModel } from '../../src/model/build.ts';
import type { Model } from '../../src/model/types.ts';
import { renumberStructureIds } from '../../src/export/pdf/render.ts';
import { hasChromium } from '../helpers/browser.ts';
import { runCliAsync } from '../helpers/cli.ts';
import { EXAMPLE_AS_OF, EXAMPLE_CONTENT, TMP } from '../helpers/paths.ts';

/**
 * The PDF binder of the example program, printed once by the real CLI with Chromium and read
 * back with pdftotext (poppler-utils): cover, contents, every policy with its header, the
 * control matrix summary, the evidence index, running headers and page numbers. Without
 * Chromium the command says how to install it.
 */
if (!hasChromium) console.warn('[skip] PDF binder: /usr/bin/chromium is absent (apt-get install -y chromium).');

let view: Model;
let pages: string[];
let info: string;
/** Text in reading order (no layout): table cells stay whole. */
let raw: string;
let run: { code: number; stdout: string; stderr: string };
let printed: Buffer;

beforeAll(async () => {
  view = viewFor(buildModel({ contentDir: EXAMPLE_CONTENT, asOf: EXAMPLE_AS_OF }).model!, 'internal');
  if (!hasChromium) return;
  const file = path.join(mkdtempSync(path.join(TMP, 'pdf-')), 'binder.pdf');
  run = await runCliAsync(['pdf', '--as-of', EXAMPLE_AS_OF, '--out', file]);
  if (run.code !== 0) return;
  printed = readFileSync(file);
  // Pages are separated by form feeds in pdftotext's output.
  pages = execFileSync('pdftotext', ['-enc', 'UTF-8', '-layout', file, '-'], { encoding: 'utf8' }).split('\f').filter((p) => p.trim());
  raw = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
});

const flat = (s: string) => s.replace(/\s+/g, ' ');

describe.skipIf(!hasChromium)('the PDF binder', () => {
  it('prints, with a page count, and dates from the as-of day', () => {
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('binder.pdf');
    expect(info).toMatch(/Pages:\s+\d+/);
    expect(info).toContain('Nov 25 00:00:00 2026');
  });

  it('has a cover, then contents listing every policy in order', () => {
    expect(flat(pages[0]!)).toContain(view.config.organisation.name);
    expect(flat(pages[0]!)).toContain(`As of ${view.asOf}`);
    const toc = flat(pages[1]!);
    expect(toc).toContain('Contents');
    const at = view.policies.map((p) => toc.indexOf(`${p.data.title} (${p.id}, version ${p.data.version})`));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it('prints every policy with its header: version, status, approvals, next review', () => {
    const all = flat(pages.join(' '));
    let from = 0;
    for (const p of view.policies) {
      const start = pages.findIndex((pg, i) => i > 1 && flat(pg).includes(`Policy ${p.id} Version ${p.data.version}`));
      expect(start, p.id).toBeGreaterThan(from);
      from = start;
      const header = flat(pages[start]!);
      expect(header).toContain(`Status ${p.data.status}`);
      expect(header).toContain(`Next review ${p.nextReview}`);
      for (const a of p.data.approvals) expect(header).toContain(a.date);
    }
    expect(all).toContain('Control matrix summary');
    expect(all).toContain('Evidence index');
  });

  it('has the control matrix summary and an evidence index with every visible evidence id', () => {
    const summary = flat(raw.slice(raw.lastIndexOf('Control matrix summary'), raw.lastIndexOf('Evidence index')));
    for (const f of view.frameworks.filter((x) => x.inScope)) {
      expect(summary).toContain(`${f.catalog.name} (${f.id})`);
      for (const c of f.controls.filter((x) => x.coverage.status !== 'not-applicable')) expect(summary).toContain(`${c.id} ${c.title} ${c.coverage.status}`);
    }
    const index = raw.slice(raw.lastIndexOf('Evidence index'));
    for (const e of view.evidence) {
      expect(index, e.id).toContain(e.id);
      for (const a of e.artifacts) expect(index.replace(/\s/g, ''), `${e.id} ${a.path}`).toContain(a.sha256);
    }
  });

  it('numbers its tagged structure from 1, whatever Chromium\'s node counter said: the same binder is the same bytes', () => {
    const ids = [...printed.toString('latin1').matchAll(/\(node(\d{8})\)/g)].map((m) => Number(m[1]));
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(ids.length).toBeGreaterThan(0);
    // Consecutive from 1: renumbered, with every reference (/ID, /IDTree, /Headers) kept.
    expect([...new Set(ids)].sort((a, b) => a - b)).toEqual(Array.from({ length: new Set(ids).size }, (_, i) => i + 1));
    expect(renumberStructureIds(printed).equals(printed)).toBe(true);
    // The same structure with Chromium's counter two higher, and a title that reads like an id.
    const shifted = (base: number) => Buffer.from(`1 0 obj\n<</ID (node${String(base).padStart(8, '0')})>>\n2 0 obj\n<</Headers [(node${String(base).padStart(8, '0')}) (node${String(base + 3).padStart(8, '0')})] /Title (node00000077)>>\n3 0 obj\n<</Names [(node${String(base).padStart(8, '0')}) 1 0 R (node${String(base + 3).padStart(8, '0')}) 2 0 R]>>`, 'latin1');
    expect(renumberStructureIds(shifted(32)).equals(renumberStructureIds(shifted(34)))).toBe(true);
    expect(renumberStructureIds(shifted(32)).length).toBe(shifted(32).length);
    expect(renumberStructureIds(shifted(32)).toString('latin1')).toContain('/Title (node00000077)');
  });

  it('has a running header and "Page n of N" on every page', () => {
    pages.forEach((pg, i) => {
      expect(pg, `page ${i + 1}`).toContain(view.config.organisation.name);
      expect(flat(pg)).toContain(`Page ${i + 1} of ${pages.length}`);
    });
  });
});

describe('without Chromium', () => {
  it('says how to install it and exits non-zero', async () => {
    const r = await runCliAsync(['pdf', '--as-of', EXAMPLE_AS_OF, '--out', path.join(TMP, 'never.pdf')], { env: { CHROMIUM_PATH: '/nonexistent/chromium' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('apt-get install -y chromium');
  });
});
