import { ShapeError } from '../errors.ts';
import type { Outcome } from '../types.ts';
import { instant, isObject, object, optInstant, optStr, str, type Json } from './fields.ts';
import type { ParseContext, ToolParser } from './parser.ts';

/**
 * AWS Backup through the AWS CLI: `list-backup-jobs` ({ BackupJobs }), `list-restore-jobs`
 * ({ RestoreJobs }) and `describe-restore-job` (one restore job). Times are epoch seconds (CLI v1)
 * or ISO 8601 (CLI v2). A backup job's source is its resource (ResourceName, else ResourceArn), its
 * time the completion (else creation); COMPLETED is a success, PARTIAL partial, FAILED / ABORTED /
 * EXPIRED a failure; jobs still running have no outcome yet and are not counted. A restore made by
 * a restore-testing plan carries ValidationStatus: FAILED or TIMED_OUT makes the test a failure.
 * The list is newest first; the figures do not depend on the order.
 */

const BACKUP_JOBS = 'aws backup list-backup-jobs';
const RESTORE_JOBS = 'aws backup list-restore-jobs';
const DESCRIBE = 'aws backup describe-restore-job';

const BACKUP_STATES: Record<string, Outcome | null> = { COMPLETED: 'success', PARTIAL: 'partial', FAILED: 'failure', ABORTED: 'failure', EXPIRED: 'failure', CREATED: null, PENDING: null, RUNNING: null, ABORTING: null };
const RESTORE_STATES: Record<string, Outcome | null> = { COMPLETED: 'success', FAILED: 'failure', ABORTED: 'failure', PENDING: null, RUNNING: null };
const VALIDATION_FAILED = new Set(['FAILED', 'TIMED_OUT']);

const isBackupJob = (v: unknown): v is Json => isObject(v) && typeof v.BackupJobId === 'string';
const isRestoreJob = (v: unknown): v is Json => isObject(v) && typeof v.RestoreJobId === 'string';

function state(o: Json, key: string, path: string, states: Record<string, Outcome | null>): Outcome | null {
  const v = str(o, key, path);
  if (!(v in states)) throw new ShapeError(`expected ${key} to be one of ${Object.keys(states).join(', ')}, found "${v}"`, path ? `${path}.${key}` : key);
  return states[v]!;
}

export const awsBackup: ToolParser = {
  tool: 'aws-backup',
  parser: 'proofbook-aws-backup/1',
  shapes: [BACKUP_JOBS, RESTORE_JOBS, DESCRIBE],
  streamKeys: ['BackupJobs', 'RestoreJobs'],
  recognises: (v, key) => key === 'BackupJobs' || key === 'RestoreJobs' || isBackupJob(v) || isRestoreJob(v) || (isObject(v) && ('BackupJobs' in v || 'RestoreJobs' in v)),
  begin(ctx: ParseContext) {
    let shape: string | undefined;
    let count = 0;
    const backup = (j: Json, path: string) => {
      count++;
      const outcome = state(j, 'State', path, BACKUP_STATES);
      if (!outcome) return;
      const created = instant(j, 'CreationDate', path);
      const finished = optInstant(j, 'CompletionDate', path) ?? created;
      const message = optStr(j, 'StatusMessage', path);
      ctx.job({ source: optStr(j, 'ResourceName', path) || str(j, 'ResourceArn', path), id: str(j, 'BackupJobId', path), started: created, finished, outcome, ...(message ? { message } : {}) });
    };
    const restore = (j: Json, path: string) => {
      count++;
      let outcome = state(j, 'Status', path, RESTORE_STATES);
      if (!outcome) return;
      const validation = optStr(j, 'ValidationStatus', path);
      if (validation && VALIDATION_FAILED.has(validation)) outcome = 'failure';
      const plan = isObject(j.CreatedBy) ? optStr(j.CreatedBy, 'RestoreTestingPlanArn', `${path}.CreatedBy`) : undefined;
      const verified = validation ? `validation ${validation}${optStr(j, 'ValidationStatusMessage', path) ? `: ${optStr(j, 'ValidationStatusMessage', path)}` : ''}` : undefined;
      const message = [optStr(j, 'StatusMessage', path), plan ? `restore-testing plan ${plan}` : undefined].filter(Boolean).join('; ');
      ctx.restore({
        source: optStr(j, 'SourceResourceArn', path) || optStr(j, 'ResourceType', path) || ctx.defaultSource,
        id: str(j, 'RestoreJobId', path),
        started: instant(j, 'CreationDate', path),
        ...(optInstant(j, 'CompletionDate', path) ? { finished: optInstant(j, 'CompletionDate', path) } : {}),
        outcome,
        ...(verified ? { verified } : {}),
        ...(message ? { message } : {}),
      });
    };
    return {
      element(key, index, value) {
        const path = `${key ?? ''}[${index}]`;
        const job = object(value, path);
        if (key === 'BackupJobs') {
          shape ??= BACKUP_JOBS;
          return backup(job, path);
        }
        if (key === 'RestoreJobs') {
          shape ??= RESTORE_JOBS;
          return restore(job, path);
        }
        throw new ShapeError('expected { "BackupJobs": [...] } or { "RestoreJobs": [...] } as the AWS CLI prints them, not a bare list', path);
      },
      document(value, streamed) {
        const o = object(value, '');
        if ('BackupJobs' in o || 'RestoreJobs' in o) {
          if (!streamed.BackupJobs && !streamed.RestoreJobs) throw new ShapeError('the list of jobs is empty: there is nothing to compute figures from', 'BackupJobs' in o ? 'BackupJobs' : 'RestoreJobs', 'list a period in which AWS Backup ran (--by-created-after, --by-created-before)');
          return;
        }
        if (isRestoreJob(o)) {
          shape ??= DESCRIBE;
          return restore(o, '');
        }
        throw new ShapeError('expected the JSON of list-backup-jobs (BackupJobs), list-restore-jobs (RestoreJobs) or describe-restore-job (RestoreJobId)', 'BackupJobs');
      },
      end() {
        if (!shape || !count) throw new ShapeError('found no backup or restore jobs', '');
        return shape;
      },
    };
  },
};
