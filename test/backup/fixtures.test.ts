import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { JobFolder, sourceFacts } from '../../src/backup/facts.ts';
import { parseInstant } from '../../src/backup/instant.ts';
import { readToolOutput, ToolOutputReader } from '../../src/backup/read.ts';
import type { BackupJob, BackupTool } from '../../src/backup/types.ts';
import { FIXTURES } from '../helpers/paths.ts';

/**
 * Output of the real restic 0.14 and borg 1.2 (scripts/fixtures/backup-tools.sh, defaults):
 * nightly backups 2026-03-01..10 at 02:00 UTC plus n minutes on night n, no backup on the night
 * of 2026-03-05 and a failed run on 2026-03-08 rerun three hours later. The observed RPO is the
 * missing night: from night 3 (02:03) to night 5 (02:05), 48 h 2 min.
 */
const DIR = path.join(FIXTURES, 'backup-tools');
const bytes = (file: string) => readFileSync(path.join(DIR, file));
const MISSING_NIGHT = { from: '2026-03-04T02:03:00Z', to: '2026-03-06T02:05:00Z', hours: 48.03 };
const NIGHTLY = { jobs: 9, succeeded: 9, failed: 0, firstSuccess: '2026-03-01T02:00:00Z', lastSuccess: '2026-03-10T02:09:00Z', longestGap: MISSING_NIGHT };

describe('generated restic and borg output', () => {
  it('restic snapshots, flat and grouped: the missing night is the observed RPO', () => {
    for (const file of ['restic-snapshots.json', 'restic-snapshots-grouped.json']) {
      expect(sourceFacts(readToolOutput('restic', bytes(file), file).jobs), file).toEqual([{ source: 'db-01', ...NIGHTLY }]);
    }
  });
  it('the rerun after the failed night is at 05:07, three hours late, and not the longest gap', () => {
    const jobs = readToolOutput('restic', bytes('restic-snapshots.json'), 'x').jobs;
    expect(jobs.map((j) => j.finished)).toContain('2026-03-08T05:07:00Z');
    const folder = new JobFolder({ breachHours: 26 });
    jobs.forEach((j) => folder.add(j));
    expect(folder.series()[0]!.breaches).toEqual([MISSING_NIGHT, { from: '2026-03-07T02:06:00Z', to: '2026-03-08T05:07:00Z', hours: 27.02 }]);
  });
  it('borg list and info of the same repository give the same figures (times stated as UTC with --zone)', () => {
    for (const file of ['borg-list.json', 'borg-info.json']) {
      expect(sourceFacts(readToolOutput('borg', bytes(file), file, { zone: 'Z' }).jobs), file).toEqual([{ source: '/srv/borg-repo', ...NIGHTLY }]);
    }
    const created = readToolOutput('borg', bytes('borg-create.json'), 'c', { zone: 'Z' });
    expect(created.shape).toBe('borg create --json');
    expect(created.jobs).toEqual([{ source: '/srv/borg-repo', id: 'files-01-create-json', started: '2026-03-11T02:00:00Z', finished: '2026-03-11T02:00:00Z', outcome: 'success' }]);
  });
  it('the failed restic run (restic 0.14 prints it on stderr only) is a failed job at --at; its empty stdout is refused', () => {
    const failed = readToolOutput('restic', bytes('restic-backup-failed.stderr.txt'), 'failed.txt', { at: '2026-03-08T02:07:00Z', source: 'db-01' });
    expect(failed.jobs).toEqual([{ source: 'db-01', finished: '2026-03-08T02:07:00Z', outcome: 'failure', message: 'all target directories/files do not exist' }]);
    expect(() => readToolOutput('restic', bytes('restic-backup-failed.jsonl'), 'failed.jsonl')).toThrow(/output is empty/);
    // Folded with the snapshots, the night counts one failure and keeps the same RPO.
    const all = [...readToolOutput('restic', bytes('restic-snapshots.json'), 's').jobs, ...failed.jobs];
    expect(sourceFacts(all)).toEqual([{ source: 'db-01', ...NIGHTLY, jobs: 10, failed: 1 }]);
  });
  it('restic check text and borg check logs: a clean repository, and a damaged one with its errors', () => {
    expect(readToolOutput('restic', bytes('restic-check.txt'), 'check.txt', { source: 'db-01' }).checks).toEqual([{ source: 'db-01', outcome: 'success', errors: 0, message: 'no errors were found' }]);
    const clean = readToolOutput('borg', bytes('borg-check.jsonl'), 'check.jsonl', { source: 'files-01' });
    expect(clean.shape).toBe('borg check --log-json');
    expect(clean.checks).toMatchObject([{ source: 'files-01', outcome: 'success', errors: 0 }]);
    const damaged = readToolOutput('borg', bytes('borg-check-damaged.jsonl'), 'damaged.jsonl', { source: 'files-01' }).checks[0]!;
    const errorLines = bytes('borg-check-damaged.jsonl').toString().split('\n').filter((l) => /"levelname": "(ERROR|CRITICAL)"/.test(l)).length;
    expect(errorLines).toBeGreaterThan(0);
    expect(damaged).toMatchObject({ outcome: 'failure', errors: errorLines });
    expect(damaged.message).toMatch(/integrity error/i);
  });
  it('a restic backup --json stream gives one job with the snapshot id', () => {
    const r = readToolOutput('restic', bytes('restic-backup.jsonl'), 'b', { at: '2026-03-10T02:09:00Z', source: 'db-01' });
    const summary = JSON.parse(bytes('restic-backup.jsonl').toString().trim().split('\n').pop()!) as { snapshot_id: string };
    expect(r.jobs).toEqual([{ source: 'db-01', id: summary.snapshot_id, finished: '2026-03-10T02:09:00Z', outcome: 'success' }]);
  });
});

describe('streaming', () => {
  const collect = (tool: BackupTool, chunks: Buffer[], options = {}) => {
    const jobs: BackupJob[] = [];
    const reader = new ToolOutputReader(tool, 'f', { job: (j) => jobs.push(j), restore: () => {}, check: () => {}, rename: (a, b) => jobs.forEach((j) => j.source === a && (j.source = b)) }, options);
    chunks.forEach((c) => reader.write(c));
    return { jobs, ...reader.end() };
  };
  const split = (b: Buffer, size: number) => Array.from({ length: Math.ceil(b.length / size) }, (_, i) => b.subarray(i * size, (i + 1) * size));

  it('gives the same jobs whatever the chunk boundaries (byte by byte, 7 bytes, whole)', () => {
    for (const [tool, file, options] of [
      ['restic', 'restic-snapshots.json', {}],
      ['restic', 'restic-snapshots-grouped.json', {}],
      ['borg', 'borg-list.json', { zone: 'Z' }],
    ] as const) {
      const whole = collect(tool, [bytes(file)], options);
      expect(whole.jobs.length, file).toBe(9);
      expect(collect(tool, split(bytes(file), 1), options), file).toEqual(whole);
      expect(collect(tool, split(bytes(file), 7), options), file).toEqual(whole);
    }
  });
  it('strings with escaped quotes, brackets and commas do not split elements', () => {
    const tricky = JSON.stringify([{ time: '2026-03-01T02:00:00Z', hostname: 'a "quoted" [host], {x}\\', paths: ['/'], tree: 't' }]);
    expect(collect('restic', split(Buffer.from(tricky), 3)).jobs.map((j) => j.source)).toEqual(['a "quoted" [host], {x}\\']);
  });
  it('folds unordered jobs (AWS lists newest first) to the same figures as ordered ones', () => {
    const jobs = readToolOutput('restic', bytes('restic-snapshots.json'), 's').jobs;
    expect(sourceFacts([...jobs].reverse())).toEqual(sourceFacts(jobs));
    expect(sourceFacts([jobs[4]!, ...jobs.slice(0, 4), ...jobs.slice(5)])).toEqual(sourceFacts(jobs));
  });
  it('a period keeps the jobs finished on its days, both ends included', () => {
    const jobs = readToolOutput('restic', bytes('restic-snapshots.json'), 's').jobs;
    expect(sourceFacts(jobs, { start: '2026-03-06', end: '2026-03-07' })).toEqual([
      { source: 'db-01', jobs: 2, succeeded: 2, failed: 0, firstSuccess: '2026-03-06T02:05:00Z', lastSuccess: '2026-03-07T02:06:00Z', longestGap: { from: '2026-03-06T02:05:00Z', to: '2026-03-07T02:06:00Z', hours: 24.02 } },
    ]);
  });
  it('counts per UTC day for timelines', () => {
    const folder = new JobFolder();
    readToolOutput('restic', bytes('restic-snapshots.json'), 's').jobs.forEach((j) => folder.add(j));
    folder.add({ source: 'db-01', finished: '2026-03-08T02:07:00Z', outcome: 'failure' });
    const days = folder.series()[0]!.days;
    expect(days.map((d) => d.day)).toEqual(['2026-03-01', '2026-03-02', '2026-03-03', '2026-03-04', '2026-03-06', '2026-03-07', '2026-03-08', '2026-03-09', '2026-03-10']);
    expect(days.find((d) => d.day === '2026-03-08')).toEqual({ day: '2026-03-08', succeeded: 1, failed: 1 });
  });
});

describe('instants', () => {
  it('normalises nanoseconds and offsets, refuses a missing zone unless one is stated', () => {
    expect(parseInstant('2026-02-19T22:44:34.833377676-08:00')).toBe(Date.parse('2026-02-20T06:44:34Z'));
    expect(parseInstant('2026-03-01 02:00:00+0100')).toBe(Date.parse('2026-03-01T01:00:00Z'));
    expect(parseInstant('2026-03-01T02:00:00')).toBe('no-zone');
    expect(parseInstant('2026-03-01T02:00:00', '+05:30')).toBe(Date.parse('2026-02-28T20:30:00Z'));
    expect(parseInstant('2026-02-30T02:00:00Z')).toBe('not-a-time');
    expect(parseInstant('yesterday')).toBe('not-a-time');
  });
});
