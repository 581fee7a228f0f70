import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { viewFor } from '../../src/audience/filter.ts';
import { buildModel, loadModel } from '../../src/model/build.ts';
import { restoreHistory, sourceHealth } from '../../src/model/backup-health.ts';
import type { EvidenceNode } from '../../src/model/types.ts';
import { audit, ofRule } from '../audit/helpers.ts';
import { runCliAsync } from '../helpers/cli.ts';
import { copyContent, edit, write } from '../helpers/content.ts';
import { FIXTURES } from '../helpers/paths.ts';

/**
 * Backup figures computed from real restic output (test/fixtures/figures/README.md says how it
 * was made): db-01 was backed up every night at 02:00 from 1 to 7 June 2026 except the 5th.
 */
const MINIMAL = path.join(FIXTURES, 'minimal');
const SNAPSHOTS = path.join(FIXTURES, 'figures', 'restic-snapshots-missing-night.json');
const ARTIFACT = 'evidence/files/restic-snapshots-2026-06.json';
const sha = createHash('sha256').update(readFileSync(SNAPSHOTS)).digest('hex');

/** The minimal program with a June restic export attached to the nightly measure, and `stated` typed in frontmatter. */
function program(stated = '', fields = ''): string {
  const dir = copyContent(MINIMAL, 'figures');
  copyFileSync(SNAPSHOTS, path.join(dir, ARTIFACT));
  write(
    dir,
    'evidence/restic-2026-06.md',
    `---
id: ev-restic-2026-06
title: restic snapshots, June 2026
kind: log
collected: 2026-06-08
period: { start: 2026-06-01, end: 2026-06-07 }
source: restic 0.14.0
collectedBy: SRE lead
validFor: P1M
artifacts:
  - path: ${ARTIFACT}
    sha256: ${sha}
    tool: restic
supports:
  measures: [msr-nightly]
${stated}visibility: public
${fields}---
restic snapshots --json of the repository.
`,
  );
  return dir;
}

const restic = (dir: string, asOf = '2026-06-08') => loadModel({ contentDir: dir, asOf }).entries.get('ev-restic-2026-06') as EvidenceNode;

describe('backup figures in the model', () => {
  it('are computed from the restic output, per source, with the missing night as the observed RPO', () => {
    const e = restic(program());
    const provenance = { kind: 'computed', artifact: ARTIFACT, tool: 'restic', parser: expect.stringMatching(/^proofbook-restic\/\d+ \(.+\)$/) };
    expect(e.figures!.sources).toEqual([
      {
        source: 'build-01',
        jobs: 2,
        succeeded: 2,
        failed: 0,
        firstSuccess: '2026-06-02T18:00:00Z',
        lastSuccess: '2026-06-03T06:30:00Z',
        longestGap: { from: '2026-06-02T18:00:00Z', to: '2026-06-03T06:30:00Z', hours: 12.5 },
        breaches: [],
        provenance,
      },
      {
        source: 'db-01',
        jobs: 6,
        succeeded: 6,
        failed: 0,
        firstSuccess: '2026-06-01T02:00:01Z',
        lastSuccess: '2026-06-07T02:00:07Z',
        longestGap: { from: '2026-06-04T02:00:04Z', to: '2026-06-06T02:00:06Z', hours: 48 },
        // Gaps over the strictest RPO of the measures it proves (the nightly measure's 24 hours) are kept as breaches.
        breaches: [{ from: '2026-06-04T02:00:04Z', to: '2026-06-06T02:00:06Z', hours: 48 }],
        provenance,
      },
    ]);
    expect(e.figures!.days.filter((d) => d.source === 'db-01').map((d) => [d.day, d.succeeded, d.failed])).toEqual([
      ['2026-06-01', 1, 0],
      ['2026-06-02', 1, 0],
      ['2026-06-03', 1, 0],
      ['2026-06-04', 1, 0],
      ['2026-06-06', 1, 0],
      ['2026-06-07', 1, 0],
    ]);
    expect(e.figures!.restores).toEqual([]);
    expect(e.figures!.stated).toEqual({});
  });

  it('joins a measure\'s sources across artifacts and reports the staleness inputs', () => {
    const m = loadModel({ contentDir: program(), asOf: '2026-06-08' }).measures[0]!;
    const health = sourceHealth(m.evidence, m.data.targets.rpo);
    expect(health.map((h) => [h.key, h.jobs, h.lastSuccess, h.longestGap?.hours, h.breaches.map((b) => `${b.from}..${b.to}`)])).toEqual([
      ['restic/build-01', 2, '2026-06-03T06:30:00Z', 12.5, []],
      ['restic/db-01', 6, '2026-06-07T02:00:07Z', 48, ['2026-06-04T02:00:04Z..2026-06-06T02:00:06Z']],
    ]);
    // The minimal program's June log has a stated figure and no tool output: history lists it as stated.
    expect(restoreHistory(m.evidence)).toEqual([]);
  });

  it('keeps stated figures beside the computed ones, and a stated figure that agrees is no problem', () => {
    const dir = program('backupJobs: { runs: 8, failed: 0, longestGap: PT48H }\n');
    const { problems } = buildModel({ contentDir: dir, asOf: '2026-06-08' });
    expect(problems).toEqual([]);
    expect(restic(dir).figures!.stated.backupJobs).toEqual({ runs: 8, failed: 0, longestGap: 'PT48H', provenance: { kind: 'stated', file: 'evidence/restic-2026-06.md' } });
  });

  it('a stated figure the artifact contradicts is a problem naming both values and the file, and check fails', async () => {
    const dir = program('backupJobs: { runs: 9, failed: 0, longestGap: PT24H }\n');
    const { model, problems } = buildModel({ contentDir: dir, asOf: '2026-06-08' });
    expect(model).toBeDefined();
    expect(problems.map((p) => [p.code, p.file, p.field, p.line, p.message])).toEqual([
      ['figure-mismatch', 'evidence/restic-2026-06.md', 'backupJobs.longestGap', 16, `backupJobs.longestGap is stated as PT24H, but "${ARTIFACT}" gives PT48H.`],
      ['figure-mismatch', 'evidence/restic-2026-06.md', 'backupJobs.runs', 16, `backupJobs.runs is stated as 9, but "${ARTIFACT}" gives 8.`],
    ]);
    const r = await runCliAsync(['check', '--content', dir, '--as-of', '2026-06-08']);
    expect(r.code, r.stdout + r.stderr).not.toBe(0);
    expect(r.stdout + r.stderr).toContain(`backupJobs.runs is stated as 9, but "${ARTIFACT}" gives 8.`);
    expect(r.stdout + r.stderr).toContain('evidence/restic-2026-06.md');
  });

  it('tool output that is not what "tool" says is an artifact problem naming the tool and where it broke', () => {
    const dir = program();
    write(dir, ARTIFACT, '{"archives": [');
    write(dir, 'evidence/restic-2026-06.md', readFileSync(path.join(dir, 'evidence/restic-2026-06.md'), 'utf8').replace(sha, createHash('sha256').update('{"archives": [').digest('hex')));
    const { model, problems } = buildModel({ contentDir: dir, asOf: '2026-06-08' });
    expect(model).toBeDefined();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'artifact-format', file: 'evidence/restic-2026-06.md', field: 'artifacts[0].tool' });
    expect(problems[0]!.message).toMatch(/^Artifact "evidence\/files\/restic-snapshots-2026-06.json" is marked as restic output, but Proofbook cannot read it: /);
  });

  it('an audience that may not see backupJobs gets no job figures', () => {
    const model = loadModel({ contentDir: program('', 'fields: { backupJobs: internal }\n'), asOf: '2026-06-08' });
    const pub = viewFor(model, 'public').entries.get('ev-restic-2026-06') as EvidenceNode;
    expect(pub.figures).toEqual({ sources: [], days: [], restores: [], stated: {} });
    const internal = viewFor(model, 'internal').entries.get('ev-restic-2026-06') as EvidenceNode;
    expect(internal.figures!.sources.map((s) => s.source)).toEqual(['build-01', 'db-01']);
  });
});

describe('the audit on computed figures', () => {
  it('names the source and the dates of an RPO breach, a stale source and a contradicted figure', () => {
    const report = audit(program('backupJobs: { runs: 9, failed: 0, longestGap: PT48H }\n'), { asOf: '2026-06-10', period: { start: '2026-06-01', end: '2026-06-07' } });
    expect(ofRule(report, 'recovery-targets').map((f) => [f.severity, f.subject, f.message])).toEqual([
      [
        'error',
        'ev-restic-2026-06:restic/db-01:longestGap',
        `Backups of restic source "db-01" in "${ARTIFACT}" went 48 hours without a successful run, from 2026-06-04 02:00 UTC to 2026-06-06 02:00 UTC, over the 24 hours RPO target of "msr-nightly".`,
      ],
    ]);
    expect(ofRule(report, 'backup-staleness').map((f) => [f.subject, f.message])).toEqual([
      ['msr-nightly:restic/build-01', 'restic source "build-01" of measure "msr-nightly" is stale: its last successful backup was 2026-06-03 06:30 UTC, 161 h 30 min before 2026-06-10, longer than the 24 hours RPO target.'],
      ['msr-nightly:restic/db-01', 'restic source "db-01" of measure "msr-nightly" is stale: its last successful backup was 2026-06-07 02:00 UTC, 70 hours before 2026-06-10, longer than the 24 hours RPO target.'],
    ]);
    expect(ofRule(report, 'stated-figures').map((f) => [f.severity, f.subject, f.message])).toEqual([
      ['error', 'ev-restic-2026-06:backupJobs.runs', `backupJobs.runs is stated as 9, but "${ARTIFACT}" gives 8.`],
      // The minimal program's own June log only states its figures.
      ['info', 'ev-jobs-2026-06:backupJobs', 'backupJobs of "ev-jobs-2026-06" is stated, typed by hand: no attached tool output proves it.'],
    ]);
    // The contradicted figure is reported once, by stated-figures, not again as an integrity finding.
    expect(ofRule(report, 'artifact-integrity')).toEqual([]);
  });
});

describe('restore tests in a job log', () => {
  it('are checked one by one: a failure and a restore slower than the RTO are named with source and start', () => {
    const dir = copyContent(MINIMAL, 'figures-restores');
    const file = path.join(FIXTURES, 'figures', 'aws-backup-restore-jobs.json');
    const rel = 'evidence/files/restore-jobs-2026-06.json';
    copyFileSync(file, path.join(dir, rel));
    edit(dir, 'measures/nightly.mdx', 'targets: { rpo: PT24H }', 'targets: { rpo: PT24H, rto: PT4H }');
    write(
      dir,
      'evidence/restores-2026-06.md',
      `---\nid: ev-restores-2026-06\ntitle: Restore jobs, June 2026\nkind: log\ncollected: 2026-06-08\nperiod: { start: 2026-06-01, end: 2026-06-07 }\nsource: AWS Backup\ncollectedBy: SRE lead\nvalidFor: P1M\nartifacts:\n  - path: ${rel}\n    sha256: ${createHash('sha256').update(readFileSync(file)).digest('hex')}\n    tool: aws-backup\nsupports:\n  measures: [msr-nightly]\n---\nExport.\n`,
    );
    const e = loadModel({ contentDir: dir, asOf: '2026-06-08' }).entries.get('ev-restores-2026-06') as EvidenceNode;
    expect(e.figures!.restores.map((r) => [r.source, r.started, r.outcome, r.durationSeconds])).toEqual([
      ['RDS', '2026-06-02T01:00:00Z', 'success', 18600],
      ['RDS', '2026-06-03T01:00:00Z', 'failure', 1800],
    ]);
    const report = audit(dir, { asOf: '2026-06-08', period: { start: '2026-06-01', end: '2026-06-07' } });
    expect(ofRule(report, 'recovery-targets').map((f) => [f.subject, f.message])).toEqual([
      ['ev-restores-2026-06:aws-backup/RDS@2026-06-02T01:00:00Z', `Restore test of aws-backup source "RDS" started 2026-06-02 01:00 UTC (in "${rel}") took 5 h 10 min, over the 4 hours RTO target of "msr-nightly".`],
      ['ev-restores-2026-06:aws-backup/RDS@2026-06-03T01:00:00Z', `Restore test of aws-backup source "RDS" started 2026-06-03 01:00 UTC (in "${rel}") failed.`],
    ]);
    // A backup measure whose log lists restores is not asked for a restore test every day.
    expect(ofRule(report, 'restore-tests')).toEqual([]);
  });
});

