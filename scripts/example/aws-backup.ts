/**
 * Makes the example program's AWS Backup evidence with the real AWS CLI: the jobs of the monthly
 * exports (content/evidence/files/backup-jobs-YYYY-MM.log) are served, as the AWS Backup API
 * returns them, by a stub endpoint on 127.0.0.1, and `aws backup …` prints them exactly as it
 * prints the real service's answer (its own key order, ISO 8601 times as CLI v2 prints them).
 * Nothing leaves the machine: the endpoint is local and the credentials are a placeholder.
 *
 *   node --import tsx scripts/example/aws-backup.ts backup-jobs [--month YYYY-MM] OUT.json
 *       `aws backup list-backup-jobs` for one month (ledger-prod and hvl-prod-documents): by default
 *       1 to 24 November 2026, else the month's export (December 2025 to October 2026)
 *   node --import tsx scripts/example/aws-backup.ts restore-jobs OUT.json
 *       `aws backup list-restore-jobs` of the weekly restore-testing plan, December 2025 to 24 November 2026
 *
 * Needs the AWS CLI (v1 or v2) on PATH. What the export does not record is made up the same way
 * on every run (stableInt/stableUuid): the milliseconds AWS keeps (the export has whole seconds),
 * recovery-point and restored-resource ids. Figures, ids, times, states and sizes are the export's.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { MONTHS, TAKEN_AT, lastDay, monthArg, ms, readJobLog, stableInt, stableUuid, type JobLine } from './job-log.ts';

const { month, rest } = monthArg(process.argv.slice(2));
const [what, out] = rest;
if ((what !== 'backup-jobs' && what !== 'restore-jobs') || !out) {
  process.stderr.write('usage: node --import tsx scripts/example/aws-backup.ts backup-jobs [--month YYYY-MM] OUT.json | restore-jobs OUT.json\n');
  process.exit(2);
}

// The hvl-prod account, its plan and vault, as content/evidence/files/aws-backup-plan-hvl-prod-tier1.json
// and restore-testing-plan-hvl-weekly-restore.json record them.
const ACCOUNT = '111122223333';
const REGION = 'eu-west-1';
const VAULT = 'hvl-prod-local';
const VAULT_ARN = `arn:aws:backup:${REGION}:${ACCOUNT}:backup-vault:${VAULT}`;
const PLAN_ID = '7f3c2a91-5d1e-4b8a-9c60-2e4f8d1b7a35';
const PLAN = { BackupPlanId: PLAN_ID, BackupPlanArn: `arn:aws:backup:${REGION}:${ACCOUNT}:backup-plan:${PLAN_ID}`, BackupPlanVersion: 'ZjQ2YTcwNzItYjNhMy00YjE2LWE1NDgtNWQ0ZDIyYmRmNzYx' };
const RULE_START_WINDOW_MINUTES: Record<string, number> = { 'rds-6h': 60, 's3-12h': 60 };
const TESTING_PLAN_ARN = `arn:aws:backup:${REGION}:${ACCOUNT}:restore-testing-plan:hvl_weekly_restore-3e8f1a`;

interface Resource {
  arn: string;
  name: string;
  type: 'RDS' | 'S3';
  /** The restore-validate Lambda's message (PutRestoreValidationResult), per the measure's checks. */
  validated: string;
}
const RESOURCES: Record<string, Resource> = {
  'rds:ledger-prod': { arn: `arn:aws:rds:${REGION}:${ACCOUNT}:db:ledger-prod`, name: 'ledger-prod', type: 'RDS', validated: 'restore-validate: schema version, recent rows and row counts match production' },
  's3:hvl-prod-documents': { arn: 'arn:aws:s3:::hvl-prod-documents', name: 'hvl-prod-documents', type: 'S3', validated: 'restore-validate: SHA-256 of 200 sampled objects match production' },
};
const resourceOf = (j: JobLine) => RESOURCES[j.stream] ?? fail(`unknown AWS Backup stream "${j.stream}"`);

function fail(message: string): never {
  throw new Error(message);
}

/** Epoch seconds with the milliseconds AWS keeps, as the API sends times. */
const epoch = (instant: string, salt: string) => (ms(instant) + stableInt(salt, 1000)) / 1000;

const recoveryPointArn = (j: JobLine) =>
  resourceOf(j).type === 'RDS' ? `arn:aws:rds:${REGION}:${ACCOUNT}:snapshot:awsbackup:job-${j.id}` : `arn:aws:backup:${REGION}:${ACCOUNT}:recovery-point:${stableUuid(`recovery-point ${j.id}`)}`;

/** A backup job as ListBackupJobs returns it. */
function backupJob(j: JobLine) {
  const r = resourceOf(j);
  // An on-demand re-run (`aws backup start-backup-job`) belongs to no plan; a failed job's line names
  // no rule, but each resource has one rule in the plan.
  const onDemand = /(?:^|\s)on-demand(?:\s|$)/.test(j.note);
  const rule = onDemand ? undefined : (j.fields.rule ?? (j.state === 'COMPLETED' ? fail(`job ${j.id} names no rule`) : r.type === 'RDS' ? 'rds-6h' : 's3-12h'));
  const created = epoch(j.start, `${j.id} created`);
  // The rule's schedule fires on the hour; StartBy is that hour plus the rule's start window.
  const scheduled = Math.floor(ms(j.start) / 3_600_000) * 3600;
  const completed = j.state === 'COMPLETED';
  // A job that did not complete made no recovery point; AWS gives its reason as StatusMessage.
  const reason = /"(.*)"/.exec(j.note)?.[1];
  return {
    AccountId: ACCOUNT,
    BackupJobId: j.id,
    BackupVaultName: VAULT,
    BackupVaultArn: VAULT_ARN,
    ...(completed ? { RecoveryPointArn: recoveryPointArn(j) } : {}),
    ResourceArn: r.arn,
    CreationDate: created,
    CompletionDate: epoch(j.end, `${j.id} completed`),
    State: j.state,
    ...(completed ? {} : { StatusMessage: reason ?? fail(`job ${j.id} (${j.state}) gives no reason`) }),
    PercentDone: completed ? '100.0' : '0.0',
    BackupSizeInBytes: j.bytes ?? (completed ? fail(`job ${j.id} has no size`) : 0),
    IamRoleArn: `arn:aws:iam::${ACCOUNT}:role/AWSBackupServiceRole-hvl`,
    ...(rule ? { CreatedBy: { ...PLAN, BackupRuleId: stableUuid(`rule ${rule}`) } } : {}),
    // start-backup-job's default start window is 8 hours, from the request.
    StartBy: rule ? scheduled + (RULE_START_WINDOW_MINUTES[rule] ?? fail(`unknown rule ${rule}`)) * 60 : Math.floor(created) + 480 * 60,
    ResourceType: r.type,
    IsParent: false,
    ResourceName: r.name,
    MessageCategory: completed ? 'SUCCESS' : j.state,
  };
}

/** A restore-testing job as ListRestoreJobs returns it, restoring the newest recovery point of its resource. */
function restoreJob(j: JobLine, backups: JobLine[]) {
  const r = resourceOf(j);
  const point = backups.filter((b) => b.stream === j.stream && b.state === 'COMPLETED' && b.end < j.start).at(-1) ?? fail(`no recovery point before restore ${j.id}`);
  const validation = j.fields.validation ?? fail(`restore ${j.id} has no validation status`);
  // Restored resources are deleted 24 hours after the test (the plan's retention of restored resources).
  const deleted = ms(j.end) + 24 * 3_600_000 <= ms(TAKEN_AT);
  const short = j.id.slice(0, 8);
  return {
    AccountId: ACCOUNT,
    RestoreJobId: j.id,
    RecoveryPointArn: recoveryPointArn(point),
    SourceResourceArn: r.arn,
    BackupVaultArn: VAULT_ARN,
    CreationDate: epoch(j.start, `${j.id} created`),
    CompletionDate: epoch(j.end, `${j.id} completed`),
    Status: j.state,
    PercentDone: '100.00%',
    BackupSizeInBytes: point.bytes,
    IamRoleArn: `arn:aws:iam::${ACCOUNT}:role/AWSBackupRestoreTestRole-hvl`,
    CreatedResourceArn: r.type === 'RDS' ? `arn:aws:rds:${REGION}:${ACCOUNT}:db:awsbackup-restore-test-${short}` : `arn:aws:s3:::awsbackup-restore-test-${short}`,
    ResourceType: r.type,
    RecoveryPointCreationDate: epoch(point.start, `${point.id} created`),
    CreatedBy: { RestoreTestingPlanArn: TESTING_PLAN_ARN },
    ValidationStatus: validation,
    ValidationStatusMessage: r.validated,
    ...(deleted ? { DeletionStatus: 'SUCCESSFUL' } : {}),
  };
}

// Newest first, as AWS Backup lists jobs.
const newestFirst = <T extends { CreationDate: number }>(list: T[]) => list.sort((a, b) => b.CreationDate - a.CreationDate);

let body: unknown;
let args: string[];
if (what === 'backup-jobs') {
  const jobs = readJobLog(month).filter((j) => j.tool === 'aws-backup' && j.type === 'BACKUP');
  body = { BackupJobs: newestFirst(jobs.map(backupJob)) };
  const before = new Date(ms(`${lastDay(month)}T00:00:00Z`) + 86_400_000).toISOString().replace('.000Z', 'Z');
  args = ['list-backup-jobs', '--by-created-after', `${month}-01T00:00:00Z`, '--by-created-before', before];
} else {
  const all = MONTHS.flatMap(readJobLog).filter((j) => j.tool === 'aws-backup');
  const backups = all.filter((j) => j.type === 'BACKUP');
  body = { RestoreJobs: newestFirst(all.filter((j) => j.type === 'RESTORE_TEST').map((j) => restoreJob(j, backups))) };
  args = ['list-restore-jobs', '--by-restore-testing-plan-arn', TESTING_PLAN_ARN, '--by-created-after', '2025-12-01T00:00:00Z', '--by-created-before', '2026-11-25T00:00:00Z'];
}

// The stub answers every list call with the whole list (one page).
const payload = Buffer.from(JSON.stringify(body));
const server = createServer((req, res) => {
  const expected = what === 'backup-jobs' ? '/backup-jobs/' : '/restore-jobs/';
  if (req.method !== 'GET' || !req.url?.startsWith(expected)) {
    res.writeHead(404, { 'Content-Type': 'application/json' }).end('{"message":"not served by the example stub"}');
    return;
  }
  res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': payload.length }).end(payload);
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const port = (server.address() as AddressInfo).port;

const home = mkdtempSync(path.join(os.tmpdir(), 'hvl-aws-'));
try {
  const config = path.join(home, 'config');
  writeFileSync(config, `[default]\nregion = ${REGION}\noutput = json\ncli_timestamp_format = iso8601\n`);
  const env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    TZ: 'UTC',
    LC_ALL: 'C.UTF-8',
    AWS_CONFIG_FILE: config,
    AWS_SHARED_CREDENTIALS_FILE: path.join(home, 'credentials'),
    AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
    AWS_SECRET_ACCESS_KEY: 'example-only-not-a-secret',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_PAGER: '',
  };
  const cli = spawn('aws', ['backup', ...args, '--endpoint-url', `http://127.0.0.1:${port}`], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  const chunks: Buffer[] = [];
  cli.stdout.on('data', (c: Buffer) => chunks.push(c));
  const code = await new Promise<number | null>((resolve, reject) => {
    cli.on('error', reject);
    cli.on('close', resolve);
  });
  if (code !== 0) throw new Error(`aws backup ${args[0]} exited with ${code}`);
  writeFileSync(out, Buffer.concat(chunks));
} finally {
  server.close();
  rmSync(home, { recursive: true, force: true });
}
