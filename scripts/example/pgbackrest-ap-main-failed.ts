/**
 * Makes the example program's evidence of a failed pgBackRest backup of stanza ap-main: the lines
 * pgBackRest 2.54 wrote to /var/log/pgbackrest/ap-main-backup.log for the run, from the month's job
 * export (content/evidence/files/backup-jobs-YYYY-MM.log; the month must have exactly one failed
 * ap-main run). `pgbackrest info` lists only the sets a backup completed, so a failed run is
 * evidenced by its log: the command's begin line (the options pgbackrest.conf and the timer give,
 * as pgBackRest prints them, passphrase redacted), the ERROR line word for word from the export,
 * and the end line with the exception code. pg-ap-01 runs in UTC, and the log prints local time
 * without a zone, so it is imported with --zone Z:
 *
 *   node --import tsx scripts/example/pgbackrest-ap-main-failed.ts --month 2026-03 OUT.log
 *   proofbook import pgbackrest OUT.log --zone Z --measure msr-scheduled-backups
 *
 * The process id and the milliseconds are made up from the job's label, the same on every run.
 */
import { writeFileSync } from 'node:fs';
import { monthArg, ms, readJobLog, stableInt } from './job-log.ts';

const { month, rest } = monthArg(process.argv.slice(2));
const out = rest[0];
if (!out) {
  process.stderr.write('usage: node --import tsx scripts/example/pgbackrest-ap-main-failed.ts --month YYYY-MM OUT.log\n');
  process.exit(2);
}

const failed = readJobLog(month).filter((j) => j.tool === 'pgbackrest' && j.type === 'BACKUP' && j.state === 'FAILED');
if (failed.length !== 1) throw new Error(`${month}: expected one failed ap-main backup, found ${failed.length}`);
const j = failed[0]!;
const type = { F: 'full', D: 'diff', I: 'incr' }[j.id.slice(-1)] ?? (() => { throw new Error(`${j.id}: unknown backup type`); })();
const message = /"(ERROR: \[(\d{3})\]: .*)"/.exec(j.note) ?? (() => { throw new Error(`${j.id}: the export gives no pgBackRest ERROR line`); })();
/** The log's local time (UTC on pg-ap-01) with milliseconds: the export has whole seconds. */
const logTime = (t: number) => {
  const iso = new Date(t).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 23)}`;
};
const begun = ms(j.start) + stableInt(`${j.id} begin`, 1000);
// The error is logged in the run's last second, the end line a few milliseconds after it.
const errored = ms(j.end) + stableInt(`${j.id} error`, 900);
const ended = errored + 1 + stableInt(`${j.id} end`, 90);
const pid = 20_000 + stableInt(`${j.id} pid`, 40_000);
const options = [
  `--exec-id=${pid}-${stableInt(`${j.id} exec`, 0xffffffff).toString(16).padStart(8, '0')}`,
  '--archive-async',
  '--checksum-page',
  '--compress-level=3',
  '--compress-type=zst',
  '--log-level-console=info',
  '--log-level-file=info',
  '--pg1-path=/var/lib/postgresql/16/main',
  '--process-max=8',
  '--repo1-block',
  '--repo1-bundle',
  '--repo1-cipher-pass=<redacted>',
  '--repo1-cipher-type=aes-256-cbc',
  '--repo1-path=/pgbackrest',
  '--repo1-retention-archive=5',
  '--repo1-retention-full=5',
  '--repo1-s3-bucket=hvl-bv-pgbackrest-euw1',
  '--repo1-s3-endpoint=s3.eu-west-1.amazonaws.com',
  '--repo1-s3-key-type=auto',
  '--repo1-s3-region=eu-west-1',
  '--repo1-s3-uri-style=host',
  '--repo1-type=s3',
  '--spool-path=/var/spool/pgbackrest',
  '--stanza=ap-main',
  '--start-fast',
  `--type=${type}`,
];
writeFileSync(
  out,
  [
    '-------------------PROCESS START-------------------',
    `${logTime(begun)} P00   INFO: backup command begin 2.54.2: ${options.join(' ')}`,
    `${logTime(errored)} P00  ${message[1]}`,
    `${logTime(ended)} P00   INFO: backup command end: aborted with exception [${message[2]}]`,
    '',
  ].join('\n'),
);
