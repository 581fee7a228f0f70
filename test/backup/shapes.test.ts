import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { restoreFacts, sourceFacts } from '../../src/backup/facts.ts';
import { readToolOutput } from '../../src/backup/read.ts';
import { REFERENCE } from '../helpers/paths.ts';

/**
 * Shapes no public capture shows whole: restic 0.17+ stream endings, a Velero List, AWS Backup
 * restore testing. Built from the documented field tables (restic doc/075_scripting.rst, the
 * Velero CRDs, the DescribeRestoreJob response) and, where there is one, from a real sample.
 */
const lines = (...objects: object[]) => objects.map((o) => JSON.stringify(o)).join('\n');

describe('restic backup --json endings (0.17+)', () => {
  const status = { message_type: 'status', percent_done: 0.5, total_files: 10 };
  const summary = { message_type: 'summary', files_new: 1, snapshot_id: 'abcd', backup_start: '2026-03-01T02:00:00.123456789+01:00', backup_end: '2026-03-01T02:04:30.9+01:00' };
  it('a summary with backup_end places the run without --at', () => {
    expect(readToolOutput('restic', lines(status, summary), 'b.jsonl', { source: 'db-01' }).jobs).toEqual([
      { source: 'db-01', id: 'abcd', started: '2026-03-01T01:00:00Z', finished: '2026-03-01T01:04:30Z', outcome: 'success' },
    ]);
  });
  it('error lines before the summary make the run partial', () => {
    const error = { message_type: 'error', error: { message: 'permission denied' }, during: 'archival', item: '/etc/shadow' };
    const [job] = readToolOutput('restic', lines(status, error, error, summary), 'b.jsonl').jobs;
    expect(job).toMatchObject({ outcome: 'partial', message: '2 error(s) while reading files' });
  });
  it('an exit_error line is a failed run', () => {
    const exit = { message_type: 'exit_error', code: 1, message: 'Fatal: unable to open repository' };
    const r = readToolOutput('restic', lines(status, exit), 'b.jsonl', { at: '2026-03-02T02:00:00Z' });
    expect(sourceFacts(r.jobs)).toEqual([{ source: 'b.jsonl', jobs: 1, succeeded: 0, failed: 1, firstSuccess: null, lastSuccess: null, longestGap: null }]);
    expect(r.jobs[0]!.message).toBe('Fatal: unable to open repository');
  });
});

const SAMPLES = path.join(REFERENCE, 'backup-tools');
const present = existsSync(SAMPLES);
if (!present) console.warn(`[skipped] Velero List from samples: ${SAMPLES} is absent`);

describe('Velero List and AWS Backup restore testing', () => {
  it.skipIf(!present)('a BackupList of the real samples streams its items', () => {
    const items = ['velero-backup-json-file-docs-example.json', 'velero-backup-partiallyfailed.json'].map((f) => JSON.parse(readFileSync(path.join(SAMPLES, f), 'utf8')));
    const r = readToolOutput('velero', JSON.stringify({ apiVersion: 'velero.io/v1', kind: 'BackupList', items, metadata: {} }, null, 2), 'list.json');
    expect(r.shape).toBe('velero List');
    expect(sourceFacts(r.jobs).map((f) => [f.source, f.jobs, f.succeeded, f.failed])).toEqual([
      ['9999', 1, 0, 1],
      ['test-backup', 1, 1, 0],
    ]);
  });
  it('a scheduled backup is filed under its schedule; an in-progress one is not counted', () => {
    const backup = (name: string, phase: string, at: string) => ({ apiVersion: 'velero.io/v1', kind: 'Backup', metadata: { name, labels: { 'velero.io/schedule-name': 'nightly' } }, status: { phase, startTimestamp: at, completionTimestamp: at } });
    const r = readToolOutput('velero', JSON.stringify({ kind: 'List', apiVersion: 'v1', items: [backup('n-1', 'Completed', '2026-03-01T01:00:00Z'), backup('n-2', 'Failed', '2026-03-02T01:00:00Z'), backup('n-3', 'Completed', '2026-03-03T01:30:00Z'), backup('n-4', 'InProgress', '2026-03-04T01:00:00Z')] }), 'l.json');
    expect(sourceFacts(r.jobs)).toEqual([{ source: 'nightly', jobs: 3, succeeded: 2, failed: 1, firstSuccess: '2026-03-01T01:00:00Z', lastSuccess: '2026-03-03T01:30:00Z', longestGap: { from: '2026-03-01T01:00:00Z', to: '2026-03-03T01:30:00Z', hours: 48.5 } }]);
  });
  it('a restore test whose validation failed is a failure, with the validation as what was verified', () => {
    const job = (id: string, validation: string) => ({ RestoreJobId: id, Status: 'COMPLETED', CreationDate: 1772330400, CompletionDate: 1772332200.5, SourceResourceArn: 'arn:aws:rds:eu-west-1:1:db:ledger', CreatedBy: { RestoreTestingPlanArn: 'arn:aws:backup:eu-west-1:1:restore-testing-plan:weekly' }, ValidationStatus: validation, ValidationStatusMessage: validation === 'SUCCESSFUL' ? 'row counts match' : 'query timed out' });
    const r = readToolOutput('aws-backup', JSON.stringify({ RestoreJobs: [job('r-2', 'TIMED_OUT'), job('r-1', 'SUCCESSFUL')] }), 'r.json');
    expect(restoreFacts(r.restores)).toEqual([
      { source: 'arn:aws:rds:eu-west-1:1:db:ledger', id: 'r-1', started: '2026-03-01T02:00:00Z', finished: '2026-03-01T02:30:00Z', outcome: 'success', durationSeconds: 1800, verified: 'validation SUCCESSFUL: row counts match' },
      { source: 'arn:aws:rds:eu-west-1:1:db:ledger', id: 'r-2', started: '2026-03-01T02:00:00Z', finished: '2026-03-01T02:30:00Z', outcome: 'failure', durationSeconds: 1800, verified: 'validation TIMED_OUT: query timed out' },
    ]);
    expect(readToolOutput('aws-backup', JSON.stringify(job('r-3', 'VALIDATING')), 'd.json').shape).toBe('aws backup describe-restore-job');
  });
});
