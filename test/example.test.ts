import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BACKUP_AREAS } from '../src/catalogs/backup-areas.ts';
import { restoreHistory, sourceHealth } from '../src/model/backup-health.ts';
import { buildModel } from '../src/model/build.ts';
import { durationMinutes } from '../src/time/duration.ts';
import { EXAMPLE_AS_OF, EXAMPLE_CONTENT } from './helpers/paths.ts';

/** The example program in content/ is the product's demo and its largest fixture. */
const { model, problems } = buildModel({ contentDir: EXAMPLE_CONTENT, asOf: EXAMPLE_AS_OF });

describe('the example program', () => {
  it('is valid', () => {
    expect(problems).toEqual([]);
    expect(model).toBeDefined();
  });

  it('reproduces the source mapping exactly, implied marks included', () => {
    for (const area of BACKUP_AREAS) {
      const live = model!.areas.find((a) => a.id === area.id)!;
      for (const fw of ['soc2', 'iso27001'] as const) {
        const got = (live.mapping[fw] ?? []).map((l) => `${l.control.id}${l.implied ? '*' : ''}`).sort();
        const want = area.reference[fw].map((r) => `${r.id}${r.implied ? '*' : ''}`).sort();
        expect(got, `${area.id} ${fw}`).toEqual(want);
      }
    }
  });

  it('has at least five approved policies covering the required subjects', () => {
    const approved = model!.policies.filter((p) => p.data.status === 'approved');
    expect(approved.length).toBeGreaterThanOrEqual(5);
    const titles = approved.map((p) => p.data.title.toLowerCase()).join(' | ');
    for (const subject of ['backup', 'disaster recovery|continuity', 'retention', 'cryptograph|encryption', 'access']) expect(titles).toMatch(new RegExp(subject));
    for (const p of approved) expect(p.data.approvals.length, p.id).toBeGreaterThan(0);
  });

  it('has at least two measures per backup area', () => {
    for (const area of model!.areas) expect(area.measures.length, area.id).toBeGreaterThanOrEqual(2);
  });

  it('has at least 25 evidence records with real artifacts over a 12-month period', () => {
    const evidence = model!.evidence;
    expect(evidence.length).toBeGreaterThanOrEqual(25);
    const kinds = new Set(evidence.map((e) => e.data.kind));
    for (const k of ['log', 'restore-test', 'diagram', 'screenshot', 'configuration-export']) expect(kinds.has(k as never), k).toBe(true);
    const files = evidence.flatMap((e) => e.artifacts.map((a) => a.path));
    expect(files.some((f) => f.endsWith('.svg'))).toBe(true);
    expect(files.filter((f) => f.endsWith('.png')).length).toBeGreaterThanOrEqual(2);
    expect(evidence.flatMap((e) => e.artifacts).every((a) => a.intact)).toBe(true);
    const months = new Set(evidence.map((e) => e.data.collected.slice(0, 7)));
    expect(months.size).toBeGreaterThanOrEqual(12);
    const restore = evidence.filter((e) => e.data.kind === 'restore-test');
    for (const r of restore) expect(r.data.restoreTest?.duration, r.id).toBeTruthy();
  });

  it('covers every in-scope control as of its date', () => {
    const open = [...model!.controls.values()].filter((c) => c.inScope && c.coverage.status !== 'covered').map((c) => `${c.key}: ${c.coverage.missing.join(', ')}`);
    expect(open).toEqual([]);
    const na = model!.config.notApplicable;
    for (const n of na) expect(model!.controls.get(n.control)!.coverage.status).toBe('not-applicable');
  });

  const MONTHS = ['2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11'];

  it.each(MONTHS)("computes %s's backup figures from each tool's own output, and they agree with the month's job export", (month) => {
    // The job export (Elastic) lists every run; scripts/example/ derived each tool's output from it.
    const log = readFileSync(path.join(EXAMPLE_CONTENT, 'evidence', 'files', `backup-jobs-${month}.log`), 'utf8');
    const lines = log.split('\n').filter((l) => l && !l.startsWith('#')).map((l) => l.split(/\s+/));
    const measure = model!.measures.find((m) => m.id === 'msr-scheduled-backups')!;
    // The month's records: those whose period lies in the month (a tool listing taken mid-month counts its days only).
    const records = measure.evidence.filter((e) => e.data.period?.start.startsWith(month) && e.data.period.end.startsWith(month));
    const sources = sourceHealth(records);
    // The export's five streams, as each tool names them: resource, stanza, host, schedule.
    const streams: Record<string, string> = {
      'aws-backup/hvl-prod-documents': 's3:hvl-prod-documents',
      'aws-backup/ledger-prod': 'rds:ledger-prod',
      'pgbackrest/ap-main': 'pg-ap:ap-main',
      'restic/build-01': 'build-01',
      'velero/hvl-eks-12h': 'eks-prod-euw1',
    };
    expect(sources.map((s) => s.key)).toEqual(Object.keys(streams));
    const end = month === '2026-11' ? '2026-11-25' : `${month}-32`;
    for (const s of sources) {
      const runs = lines.filter((l) => l[3] === streams[s.key] && l[4] === 'BACKUP');
      expect([s.jobs, s.failed], s.key).toEqual([runs.length, runs.filter((l) => l[6] !== 'COMPLETED').length]);
      expect(s.firstSuccess! >= `${month}-01` && s.lastSuccess! < end, s.key).toBe(true);
    }
    // Every figure is computed, from an artifact its record pins with the tool that wrote it; none is typed.
    const computed = records.filter((e) => e.figures?.sources.length);
    expect(computed.length).toBeGreaterThanOrEqual(4);
    for (const e of computed) {
      expect(e.id.startsWith(`ev-${month}-`), e.id).toBe(true);
      for (const f of e.figures!.sources) {
        expect(f.provenance.kind, e.id).toBe('computed');
        expect(e.data.artifacts.find((a) => a.path === f.provenance.artifact)?.tool, e.id).toBe(f.provenance.tool);
      }
      expect(e.data.backupJobs, e.id).toBeUndefined();
    }
    const exportRecord = model!.evidence.find((e) => e.id === `ev-${month}-backup-jobs`)!;
    expect(exportRecord.data.backupJobs).toBeUndefined();
    // Its body names every record that computes the month's figures.
    for (const e of computed) expect(readFileSync(path.join(EXAMPLE_CONTENT, 'evidence', `${month}-backup-jobs.md`), 'utf8'), e.id).toContain(e.id);
    // …and together they say what the export's summary lines say.
    const summary = /# summary: backup runs=(\d+) completed=(\d+) failed=(\d+)/.exec(log)!;
    const gap = /# longest_gap=(PT\w+) \((\S+),/.exec(log)!;
    expect([sources.reduce((n, s) => n + s.jobs, 0), sources.reduce((n, s) => n + s.jobs - s.failed, 0), sources.reduce((n, s) => n + s.failed, 0)]).toEqual([Number(summary[1]), Number(summary[2]), Number(summary[3])]);
    // The longest gap between two successes of a stream, from the export's lines: between the ends of
    // the runs, as the export measures it, and between the times the tool stamps (a restic snapshot is stamped
    // with the run's start, the others with its end).
    const longestGap = (key: string, at: (l: string[]) => string) => {
      const times = lines.filter((l) => l[3] === streams[key] && l[4] === 'BACKUP' && l[6] === 'COMPLETED').map(at).sort();
      return Math.max(...times.slice(1).map((t, i) => Date.parse(t) - Date.parse(times[i]!))) / 60_000;
    };
    for (const s of sources) expect(s.longestGap!.hours, s.key).toBe(Math.round((longestGap(s.key, (l) => (s.tool === 'restic' ? l[0]! : l[1]!)) / 60) * 100) / 100);
    const longest = sources.reduce((a, b) => (b.longestGap!.hours > a.longestGap!.hours ? b : a));
    // The export states it in whole minutes, rounded up.
    expect([`${longest.tool}/${streams[longest.key]}`, Math.ceil(longestGap(longest.key, (l) => l[1]!))]).toEqual([gap[2], durationMinutes(gap[1]!)]);
  });

  it('computes the weekly restore tests from AWS Backup\'s list of restore-testing jobs, one per resource and week', () => {
    const measure = model!.measures.find((m) => m.id === 'msr-automated-restore-validation')!;
    const tests = restoreHistory(measure.evidence);
    const logged = MONTHS.flatMap((m) => readFileSync(path.join(EXAMPLE_CONTENT, 'evidence', 'files', `backup-jobs-${m}.log`), 'utf8').split('\n').filter((l) => /\sRESTORE_TEST\s/.test(l)));
    expect(tests.map((t) => [t.day, t.outcome, t.provenance.kind])).toEqual(logged.map((l) => [l.slice(0, 10), 'success', 'computed']).sort((a, b) => a[0]!.localeCompare(b[0]!)));
    expect(new Set(tests.map((t) => t.source))).toEqual(new Set(['arn:aws:rds:eu-west-1:111122223333:db:ledger-prod', 'arn:aws:s3:::hvl-prod-documents']));
  });
});
