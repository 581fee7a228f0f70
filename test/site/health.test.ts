import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { viewFor } from '../../src/audience/filter.ts';
import { loadModel } from '../../src/model/build.ts';
import { programHealth } from '../../src/site/backup-health.ts';
import { rpoShares } from '../../src/trust/backup-history.ts';
import { EXAMPLE_AS_OF, EXAMPLE_CONTENT, EXAMPLE_DIST, EXAMPLE_PUBLIC } from '../helpers/paths.ts';

/** The example portal and trust center as global-setup built them, checked against the model they were built from. */
const model = loadModel({ contentDir: EXAMPLE_CONTENT, asOf: EXAMPLE_AS_OF });
const page = (root: string, rel: string) => readFileSync(path.join(root, rel, 'index.html'), 'utf8');
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
const rows = (table: string) => [...table.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].slice(1).map((m) => [...m[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => text(c[1]!)));

describe('the Backup health page of the example portal', () => {
  const html = page(EXAMPLE_DIST, 'health');
  const health = programHealth(viewFor(model, 'internal'));

  it('is in the navigation and has a section per measure with backup figures', () => {
    expect(html).toMatch(/<a href="index\.html" aria-current="page">Backup health<\/a>/);
    expect(health.length).toBeGreaterThan(0);
    for (const h of health) expect(html).toContain(`id="health-${h.measure.slug}"`);
  });

  it('draws each source as an SVG with a title and a description, and a data table matching the model', () => {
    const sources = health.flatMap((h) => h.sources);
    // Every month's figures of the five streams are computed from each tool's own output (scripts/example/).
    const scheduled = health.find((h) => h.measure.id === 'msr-scheduled-backups')!.sources;
    expect(scheduled.map((s) => s.key)).toEqual(['aws-backup/hvl-prod-documents', 'aws-backup/ledger-prod', 'pgbackrest/ap-main', 'restic/build-01', 'velero/hvl-eks-12h']);
    const attr = (tag: string, name: string) => new RegExp(`${name}="([^"]*)"`).exec(tag)?.[1] ?? '';
    const svgs = [...html.matchAll(/<svg([^>]*)>([\s\S]*?)<\/svg>/g)].map((m) => [attr(m[1]!, 'data-source'), ...attr(m[1]!, 'aria-labelledby').split(' '), m[2]] as const);
    expect(svgs.map((m) => m[0])).toEqual(sources.map((s) => s.key));
    for (const [key, titleId, descId, body] of svgs) {
      const s = sources.find((x) => x.key === key)!;
      expect(body).toContain(`<title id="${titleId}">Backup jobs of ${s.tool} source ${s.source}</title>`);
      expect(body).toMatch(new RegExp(`<desc id="${descId}">${s.jobs} jobs between `));
      expect((body!.match(/<rect class="success"/g) ?? []).length).toBe(s.days.filter((d) => d.succeeded > 0).length);
    }
    for (const s of sources) {
      const table = new RegExp(`<table data-timeline-table="${s.key}">([\\s\\S]*?)</table>`).exec(html)![1]!;
      expect(rows(table)).toEqual(s.days.map((d) => [d.day, String(d.succeeded), String(d.failed)]));
    }
    // A snapshot list a month and the three failed runs (14 December, 23 June, 10 November: each its
    // own record), as the twelve job exports list them: 721 runs; the longest gap is the night of 23 June.
    const build01 = sources.find((s) => s.key === 'restic/build-01')!;
    expect([build01.jobs, build01.failed, build01.longestGap]).toEqual([721, 3, { from: '2026-06-23T06:00:04Z', to: '2026-06-23T20:00:20Z', hours: 14 }]);
    const months = ['2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11'];
    expect(build01.artifacts).toEqual([
      'evidence/files/restic-backup-build-01-2025-12-14-failed.txt',
      'evidence/files/restic-backup-build-01-2026-06-23-failed.txt',
      'evidence/files/restic-backup-build-01-2026-11-10-failed.txt',
      ...months.map((m) => `evidence/files/restic-snapshots-build-01-${m}.json`),
    ]);
  });

  it('lists restore tests with where each figure comes from', () => {
    const h = health.find((x) => x.measure.id === 'msr-quarterly-restore-drill')!;
    const table = new RegExp(`<table data-health-restores="${h.measure.id}">([\\s\\S]*?)</table>`).exec(html)![1]!;
    expect(rows(table).map((r) => [r[0], r[2], r[5]])).toEqual(h.restores.map((r) => [r.day, r.outcome, `${r.evidence.id} : stated, typed by hand`]));
  });
});

describe('computed figures on an evidence page', () => {
  it('say which artifact and parser they were computed from', () => {
    const html = page(EXAMPLE_DIST, 'evidence/ev-2026-11-restic-build-01-snapshots');
    expect(text(html)).toContain('computed from evidence/files/restic-snapshots-build-01-2026-11.json by proofbook-restic/1 (restic snapshots --json)');
  });
});

describe('the public trust center', () => {
  it('shows the share of days within the RPO from public records, as the model computes it', () => {
    const shares = rpoShares(viewFor(model, 'public'));
    expect(shares.map((s) => [s.measure.id, s.start, s.end, s.within, s.total])).toEqual([['msr-scheduled-backups', '2025-12-01', '2026-11-24', 359, 359]]);
    const html = page(EXAMPLE_PUBLIC, 'backup-and-recovery');
    const table = /<table data-rpo-share>([\s\S]*?)<\/table>/.exec(html)![1]!;
    expect(rows(table)).toEqual([[shares[0]!.measure.data.title, '24 hours', '2025-12-01 to 2026-11-24', 'All 359 days']]);
    // The trust center says when and how fast, never which systems.
    expect(html).not.toContain('build-01');
  });
});
