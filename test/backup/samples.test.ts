import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { restoreFacts, sourceFacts } from '../../src/backup/facts.ts';
import { readToolOutput, type ReadOptions } from '../../src/backup/read.ts';
import type { BackupTool } from '../../src/backup/types.ts';
import { REFERENCE } from '../helpers/paths.ts';

/**
 * The public samples in ../shared/reference/backup-tools/ (see its README): each parses to the
 * figures worked out by hand from the sample (epoch seconds and offsets converted to UTC).
 */
const SAMPLES = path.join(REFERENCE, 'backup-tools');
const present = existsSync(SAMPLES);
if (!present) console.warn(`[skipped] backup-tool samples: ${SAMPLES} is absent`);

const read = (tool: BackupTool, file: string, options: ReadOptions = {}) => readToolOutput(tool, readFileSync(path.join(SAMPLES, file)), file, options);
const facts = (tool: BackupTool, file: string, options: ReadOptions = {}) => sourceFacts(read(tool, file, options).jobs);
const one = (source: string, jobs: number, succeeded: number, first: string | null, last = first, gap: { from: string; to: string; hours: number } | null = null) => ({
  source,
  jobs,
  succeeded,
  failed: jobs - succeeded,
  firstSuccess: first,
  lastSuccess: last,
  longestGap: gap,
});

describe.skipIf(!present)('restic samples', () => {
  it('snapshots --json from 0.17.3: the +01:00 snapshot time in UTC, the summary ignored for the time', () => {
    expect(read('restic', 'restic-snapshots-json.restic-0.17.3.json').shape).toBe('restic snapshots --json');
    expect(facts('restic', 'restic-snapshots-json.restic-0.17.3.json')).toEqual([one('host1.example.com', 1, 1, '2025-03-11T07:00:01Z')]);
  });
  it('snapshots grouped by host (0.16.2 and before 0.16): nanoseconds dropped, a 3-second gap', () => {
    expect(read('restic', 'restic-snapshots-json-grouped.restic-0.16.2.json').shape).toBe('restic snapshots --json --group-by');
    expect(facts('restic', 'restic-snapshots-json-grouped.restic-0.16.2.json')).toEqual([
      one('3099758ccbd9', 2, 2, '2023-12-31T20:39:22Z', '2023-12-31T20:39:25Z', { from: '2023-12-31T20:39:22Z', to: '2023-12-31T20:39:25Z', hours: 0 }),
    ]);
    expect(facts('restic', 'restic-snapshots-json-grouped.restic-2021.json')).toEqual([one('ace809d23440', 1, 1, '2021-03-28T21:31:44Z')]);
  });
  it('a 0.18.1 snapshot object with a -08:00 offset', () => {
    expect(facts('restic', 'restic-cat-snapshot.restic-0.18.1.json')).toEqual([one('myhost', 1, 1, '2026-02-20T06:44:34Z')]);
  });
  it('backup --json streams and summaries: one successful run each, placed with --at (no times before 0.17)', () => {
    for (const [file, id] of [
      ['restic-backup-json-stream.backrest.jsonl', 'd4558b360cc1b7966e416e010382ab8feb49d14da7832266832d69a43af10147'],
      ['restic-backup-json-stream.resticprofile.jsonl', '6daa8ef6'],
      ['restic-backup-json-stream.resticpy.jsonl', '01d88ea7'],
      ['restic-backup-summary.restic-0.9.6.json', '43deae25'],
      ['restic-backup-summary.resticprofile.json', '6daa8ef6'],
    ] as const) {
      const r = read('restic', file, { at: '2026-03-01T02:00:00Z', source: 'build-01' });
      expect(r.shape, file).toBe('restic backup --json');
      expect(r.jobs, file).toEqual([{ source: 'build-01', id, finished: '2026-03-01T02:00:00Z', outcome: 'success' }]);
    }
    expect(() => read('restic', 'restic-backup-summary.restic-0.9.6.json')).toThrow(/no backup_end[\s\S]*restic backup --json/);
  });
  it('check --json summary: no errors', () => {
    const r = read('restic', 'restic-check-json-summary.json');
    expect(r.shape).toBe('restic check --json');
    expect(r.checks).toEqual([{ source: 'restic-check-json-summary.json', outcome: 'success', errors: 0 }]);
  });
});

describe.skipIf(!present)('borg samples', () => {
  it('list and info, 1.x and 2.x: times without a zone are refused unless --zone says which', () => {
    expect(() => read('borg', 'borg1-docs-list-last1-json.json')).toThrow(/no time zone/);
    for (const [file, shape, time] of [
      ['borg1-docs-list-last1-json.json', 'borg list --json', '2017-08-07T12:27:20Z'],
      ['borg2-docs-list-last1-json.json', 'borg list --json', '2017-08-07T12:27:20Z'],
      ['borg1-docs-info-last1-json.json', 'borg info --json', '2017-02-27T12:27:20Z'],
      ['borg2-docs-info-last1-json.json', 'borg info --json', '2017-02-27T12:27:20Z'],
    ] as const) {
      expect(read('borg', file, { zone: 'Z' }).shape, file).toBe(shape);
      expect(facts('borg', file, { zone: 'Z' }), file).toEqual([one('/home/user/repository', 1, 1, time)]);
    }
    // The same archive at +02:00 is two hours earlier in UTC.
    expect(facts('borg', 'borg1-docs-list-last1-json.json', { zone: '+02:00' })[0]!.lastSuccess).toBe('2017-08-07T10:27:20Z');
  });
  it('repository summaries (no archives) are refused: nothing to compute', () => {
    for (const file of ['borg1-docs-info-repo-json.json', 'borg2-docs-info-repo-json.json']) {
      expect(() => read('borg', file, { zone: 'Z' }), file).toThrow(/lists no archives/);
    }
  });
});

describe.skipIf(!present)('pgBackRest samples', () => {
  it('one stanza, two full backups two years apart', () => {
    expect(facts('pgbackrest', 'pgbackrest-info-single-stanza.json')).toEqual([
      one('stanza1', 2, 2, '2018-11-16T15:48:09Z', '2020-11-16T15:48:00Z', { from: '2018-11-16T15:48:09Z', to: '2020-11-16T15:48:00Z', hours: 17544 }),
    ]);
  });
  it('several stanzas: a backup set with errors is not a success; stanza status codes become checks', () => {
    const r = read('pgbackrest', 'pgbackrest-info-multi-stanza.json');
    expect(sourceFacts(r.jobs)).toEqual([
      one('stanza1', 6, 5, '2018-11-19T15:21:39Z', '2020-11-19T15:21:03Z', { from: '2018-11-19T15:21:57Z', to: '2020-11-16T15:50:02Z', hours: 17472.47 }),
      one('stanza3', 1, 1, '2020-11-10T10:00:02Z'),
    ]);
    expect(r.jobs.find((j) => j.id === '20201116-200000F')!.outcome).toBe('partial');
    expect(r.checks.map((c) => [c.source, c.outcome])).toEqual([
      ['stanza1', 'success'],
      ['stanza2', 'failure'],
      ['stanza3', 'failure'],
      ['stanza4', 'failure'],
    ]);
  });
  it('an error state with no backups: a failed check carrying pgBackRest\'s message', () => {
    const r = read('pgbackrest', 'pgbackrest-info-error.json');
    expect(r.jobs).toEqual([]);
    expect(r.checks).toHaveLength(1);
    expect(r.checks[0]).toMatchObject({ source: 'stanza1', outcome: 'failure', errors: 1 });
    expect(r.checks[0]!.message).toMatch(/^status 99: other; \[FileMissingError\] unable to load info file/);
  });
});

describe.skipIf(!present)('Velero samples', () => {
  it('Completed, PartiallyFailed and a bare .status', () => {
    expect(facts('velero', 'velero-backup-json-file-docs-example.json')).toEqual([one('test-backup', 1, 1, '2017-07-31T13:39:15Z')]);
    expect(facts('velero', 'velero-backup-partiallyfailed.json')).toEqual([one('9999', 1, 0, null)]);
    expect(read('velero', 'velero-backup-partiallyfailed.json').jobs[0]).toMatchObject({ outcome: 'partial', message: 'PartiallyFailed, 5 errors, 1 warning' });
    expect(facts('velero', 'velero-backup-status-completed.json', { source: 'eks-prod' })).toEqual([one('eks-prod', 1, 1, '2022-09-07T22:20:44Z')]);
  });
  it('a restore .status: 19 seconds, 38 of 38 items', () => {
    const r = read('velero', 'velero-restore-status-completed.json', { source: 'hello-world' });
    expect(r.shape).toBe('velero Restore .status');
    expect(restoreFacts(r.restores)).toEqual([
      { source: 'hello-world', started: '2022-09-07T22:25:28Z', finished: '2022-09-07T22:25:47Z', outcome: 'success', durationSeconds: 19, verified: '38 of 38 items restored' },
    ]);
  });
});

describe.skipIf(!present)('AWS Backup samples', () => {
  it('list-backup-jobs: the CREATED job has no outcome yet; epoch seconds to UTC', () => {
    expect(facts('aws-backup', 'aws-backup-list-backup-jobs.aws-cli-example.json')).toEqual([
      one('arn:aws:elasticfilesystem:us-west-2:123456789012:file-system/fs-12345678', 1, 1, '2020-09-21T20:55:44Z'),
    ]);
  });
  it('list-restore-jobs: ISO times with -07:00', () => {
    expect(restoreFacts(read('aws-backup', 'aws-backup-list-restore-jobs.ansible-test.json').restores)).toEqual([
      { source: 'EC2', id: '52BEE289-xxxx-xxxx-xxxx-47DCAA2E7ACD', started: '2023-03-13T22:53:07Z', finished: '2023-03-13T22:53:07Z', outcome: 'success', durationSeconds: 0 },
    ]);
  });
  it('the describe-restore-job response syntax (placeholders, not a sample) is refused at Status', () => {
    expect(() => read('aws-backup', 'aws-backup-describe-restore-job.response-syntax.json')).toThrow(/Status to be one of COMPLETED/);
  });
});
