/**
 * Regenerates the example program's backup evidence of December 2025 to October 2026 from each
 * month's job export, as November 2026's was made (docs/importers.md, "The example program's
 * evidence"): for every month it runs the scripts beside this one for the month's tool output,
 * `proofbook import`s each output, gives the record a readable id, file name, title and body, and
 * points the month's job export record at the new records instead of typed `backupJobs` figures.
 *
 *   node --import tsx scripts/example/all-months.ts [--month YYYY-MM]… [--restic] [--check-november]
 *
 *   --month           only these months (default: 2025-12 to 2026-10)
 *   --restic          remake the restic snapshot lists too (the real restic gives each snapshot a
 *                     random id, so by default a list already in content/ is kept as it is)
 *   --check-november  remake November 2026's outputs in a temporary folder and compare them with
 *                     the pinned files byte for byte (the restic snapshot list by its times only)
 *
 * Everything but a remade restic snapshot list is the same bytes on every run. It stops with an
 * error when a month's computed figures disagree with its export's summary lines.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SourceFacts } from '../../src/backup/types.ts';
import { MONTHS, ROOT, lastDay, readJobLog, type JobLine } from './job-log.ts';

const argv = process.argv.slice(2);
const only = argv.flatMap((a, i) => (argv[i - 1] === '--month' ? [a] : []));
const remakeRestic = argv.includes('--restic');
const checkNovember = argv.includes('--check-november');
const months = only.length ? only : MONTHS.filter((m) => m !== '2026-11');
for (const m of months) if (m === '2026-11' || !MONTHS.includes(m)) throw new Error(`--month ${m}: this driver makes ${MONTHS[0]} to ${MONTHS.at(-2)}`);

const CONTENT = path.join(ROOT, 'content');
const FILES = path.join(CONTENT, 'evidence', 'files');
const HERE = path.join(ROOT, 'scripts', 'example');
const MEASURE = 'msr-scheduled-backups';
const tmp = mkdtempSync(path.join(os.tmpdir(), 'hvl-months-'));

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
const tsx = (script: string, args: string[]) => run(process.execPath, ['--import', 'tsx', path.join(HERE, script), ...args]);
const proofbook = (args: string[]) => run(process.execPath, [path.join(ROOT, 'scripts', 'proofbook.mjs'), ...args]);

/** What `proofbook import --dry-run --format json` prints per source: the importer's own type. */
type Facts = SourceFacts;
const dryRun = (tool: string, file: string, extra: string[]): Facts[] => JSON.parse(proofbook(['import', tool, file, '--measure', MEASURE, '--dry-run', '--format', 'json', ...extra])).sources;

const monthName = (m: string) => new Date(`${m}-01T00:00:00Z`).toLocaleString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const dayName = (d: string) => new Date(`${d}T00:00:00Z`).toLocaleString('en-GB', { day: 'numeric', month: 'long', timeZone: 'UTC' });
const dayYear = (d: string) => new Date(`${d}T00:00:00Z`).toLocaleString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const hoursText = (h: number) => `${h} hours`;
const ticket = (j: JobLine) => /\b(OPS-\d+)\b/.exec(j.note)?.[1] ?? '';
const reason = (j: JobLine) => /"(.*)"/.exec(j.note)?.[1] ?? j.state;

interface Made {
  id: string;
  file: string;
  title: string;
  period: { start: string; end: string };
  collected: string;
  source: string;
  tool: string;
  /** How it was imported (--source, --at, --zone), recorded on the artifact as November's are. */
  importedWith?: Record<string, string>;
  /** The output of one failed run (restic's "Fatal:", pgBackRest's log): one failed job, no figures of its own here. */
  failedRun?: boolean;
  body: string;
  facts: Facts[];
}

/** Imports one output with `proofbook import`, then writes it as a named record pinning the named file. */
function importAs(made: Omit<Made, 'facts'>, extra: string[], collectedBy: string): void {
  const recordPath = path.join(CONTENT, 'evidence', `${made.id.replace(/^ev-/, '')}.md`);
  // The import must see these bytes as new: the record made on an earlier run goes first.
  rmSync(recordPath, { force: true });
  const abs = path.join(FILES, made.file);
  const args = ['import', made.tool, abs, '--measure', MEASURE, '--format', 'json', '--content', CONTENT, ...extra];
  // Two drivers may run side by side (different months): a record the other removes while this
  // import reads the content folder fails the read, so it is tried again.
  let text: string | undefined;
  for (let attempt = 1; text === undefined; attempt++) {
    try {
      text = proofbook(args);
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
  const out = JSON.parse(text) as { evidence: string; artifact: string; sha256: string };
  const imported = readFileSync(path.resolve(ROOT, out.evidence), 'utf8');
  if (!imported.includes(`tool: ${made.tool}`) || !imported.includes(out.sha256)) throw new Error(`${out.evidence}: not the record import was expected to write`);
  rmSync(path.resolve(ROOT, out.evidence));
  rmSync(path.resolve(ROOT, out.artifact));
  const importedWith = made.importedWith ? `\n    importedWith:${Object.entries(made.importedWith).map(([k, v]) => `\n      ${k}: ${v}`).join('')}` : '';
  writeFileSync(
    recordPath,
    `---
id: ${made.id}
title: ${made.title}
kind: log
collected: ${made.collected}
period:
  start: ${made.period.start}
  end: ${made.period.end}
source: ${made.source}
collectedBy: ${collectedBy}
validFor: P1M
artifacts:
  - path: evidence/files/${made.file}
    sha256: ${out.sha256}
    visibility: internal
    tool: ${made.tool}${importedWith}
supports:
  controls:
    soc2:
      - A1.2
    iso27001:
      - A.8.13
  measures:
    - ${MEASURE}
visibility: public
---

${made.body}
`,
  );
}

/** Lists taken at the month's end, or, when the tool no longer holds the month's first days then (Velero's 720-hour ttl, pgBackRest's five fulls), on the 15th and at the end. */
function listings(month: string, script: string, name: (day: string) => string, tool: string, expected: number): { at: string; file: string; period: { start: string; end: string }; facts: Facts[] }[] {
  const last = lastDay(month);
  const whole = [{ at: `${last}T19:40:00Z`, period: { start: `${month}-01`, end: last } }];
  const halves = [
    { at: `${month}-15T19:40:00Z`, period: { start: `${month}-01`, end: `${month}-15` } },
    { at: `${last}T19:40:00Z`, period: { start: `${month}-16`, end: last } },
  ];
  for (const plan of [whole, halves]) {
    const made = plan.map((p) => {
      const file = name(p.at.slice(0, 10));
      tsx(script, ['--month', month, '--at', p.at, path.join(tmp, file)]);
      return { ...p, file, facts: dryRun(tool, path.join(tmp, file), ['--period', `${p.period.start}..${p.period.end}`]) };
    });
    const jobs = made.reduce((n, l) => n + l.facts.reduce((k, f) => k + f.jobs, 0), 0);
    if (jobs === expected) {
      for (const l of made) writeFileSync(path.join(FILES, l.file), readFileSync(path.join(tmp, l.file)));
      return made;
    }
  }
  throw new Error(`${month} ${tool}: the listings do not hold the month's ${expected} runs`);
}

const summaries: string[] = [];
try {
  for (const month of months) {
    const jobs = readJobLog(month).filter((j) => j.type === 'BACKUP');
    const last = lastDay(month);
    const name = monthName(month);
    const exportRecord = path.join(CONTENT, 'evidence', `${month}-backup-jobs.md`);
    const exportText = readFileSync(exportRecord, 'utf8');
    const collectedBy = /^collectedBy: (.*)$/m.exec(exportText)![1]!;
    const exportId = `ev-${month}-backup-jobs`;
    const made: Made[] = [];
    const failures = jobs.filter((j) => j.state !== 'COMPLETED');
    const failureText = (list: JobLine[]) => list.map((j) => `${j.state} on ${dayName(j.end.slice(0, 10))} (${ticket(j)}: "${reason(j)}")`).join('; ');

    // AWS Backup: `aws backup list-backup-jobs` of the month.
    {
      const file = `aws-backup-backup-jobs-${month}.json`;
      tsx('aws-backup.ts', ['backup-jobs', '--month', month, path.join(FILES, file)]);
      const facts = dryRun('aws-backup', path.join(FILES, file), []);
      const by = (s: string) => facts.find((f) => f.source === s)!;
      const ledger = by('ledger-prod');
      const docs = by('hvl-prod-documents');
      const failed = failures.filter((j) => j.tool === 'aws-backup');
      const next = new Date(Date.parse(`${last}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
      made.push({
        id: `ev-${month}-aws-backup-jobs`,
        file,
        title: `AWS Backup jobs of ledger-prod and hvl-prod-documents, ${name}`,
        period: { start: `${month}-01`, end: last },
        collected: last,
        source: `aws backup list-backup-jobs --by-created-after ${month}-01T00:00:00Z --by-created-before ${next}T00:00:00Z in hvl-prod (111122223333, eu-west-1)`,
        tool: 'aws-backup',
        facts,
        body: `AWS Backup's own list of the backup jobs it ran in hvl-prod in ${name}, exported on the evening of ${dayYear(last)} with \`aws backup list-backup-jobs\`. It holds every job of backup plan \`hvl-prod-tier1\` for RDS \`ledger-prod\` (rule \`rds-6h\`) and S3 \`hvl-prod-documents\` (rule \`s3-12h\`) into the vault \`hvl-prod-local\`${failed.some((j) => /on-demand/.test(j.note)) || jobs.some((j) => j.tool === 'aws-backup' && /on-demand/.test(j.note)) ? ', and the on-demand re-runs started after a failure' : ''}. Proofbook computes the figures from it: ${ledger.jobs} ledger-prod jobs${ledger.failed ? ` (${ledger.failed} failed)` : ''} and ${docs.jobs} hvl-prod-documents jobs${docs.failed ? ` (${docs.failed} failed)` : ''}, the longest time between two successful ones ${hoursText(ledger.longestGap!.hours)} for ledger-prod and ${hoursText(docs.longestGap!.hours)} for hvl-prod-documents, within the 24-hour RPO.${failed.length ? ` The failed ${failed.length === 1 ? 'job' : 'jobs'}: ${failureText(failed)}; ${failed.length === 1 ? 'it was' : 'each was'} re-run successfully.` : ''} The job ids, times and sizes are those of the month's job export (${exportId}).`,
      });
    }

    // pgBackRest: `pgbackrest info --output=json --stanza=ap-main`.
    {
      const expected = jobs.filter((j) => j.tool === 'pgbackrest' && j.state === 'COMPLETED').length;
      const lists = listings(month, 'pgbackrest-ap-main.ts', (d) => `pgbackrest-info-ap-main-${d}.json`, 'pgbackrest', expected);
      const failed = failures.filter((j) => j.tool === 'pgbackrest');
      lists.forEach((l, i) => {
        const f = l.facts[0]!;
        const sets = jobs.filter((j) => j.tool === 'pgbackrest' && j.state === 'COMPLETED' && j.end.slice(0, 10) >= l.period.start && j.end.slice(0, 10) <= l.period.end);
        const count = (t: string) => sets.filter((j) => j.fields.type === t).length;
        const part = lists.length > 1 ? (i === 0 ? `-1-15` : `-16-${last.slice(8)}`) : '';
        const when = lists.length > 1 ? `, ${dayName(l.period.start)} to ${dayName(l.period.end)}` : '';
        const failedHere = failed.filter((j) => j.end.slice(0, 10) >= l.period.start && j.end.slice(0, 10) <= l.period.end);
        made.push({
          id: `ev-${month}-pgbackrest-ap-main-info${part}`,
          file: l.file,
          title: `pgBackRest backup sets of pg-ap (stanza ap-main), ${name}${when}`,
          period: l.period,
          collected: l.at.slice(0, 10),
          source: 'pgbackrest info --output=json --stanza=ap-main on pg-ap-01 (repository hvl-bv-pgbackrest-euw1)',
          tool: 'pgbackrest',
          facts: l.facts,
          body: `pgBackRest's own list of the backup sets in the ap-main repository, printed with \`pgbackrest info --output=json --stanza=ap-main\` on pg-ap-01 on the evening of ${dayYear(l.at.slice(0, 10))}, after the 19:00 incremental. With \`repo1-retention-full=5\` the repository still holds the five latest fulls and everything built on them${lists.length > 1 ? ` (at the end of the month no longer the sets of its first days, so the month is listed twice: on the 15th and on its last day)` : ''}; Proofbook counts only the sets finished between ${dayName(l.period.start)} and ${dayName(l.period.end)} (\`--period ${l.period.start}..${l.period.end}\`): ${f.jobs} backups (${count('full')} full, ${count('diff')} differential, ${count('incr')} incremental), none flagged with page checksum errors, the longest time between two of them ${hoursText(f.longestGap!.hours)}, within the 24-hour RPO. The stanza status is \`ok\` on repository 1 (encrypted with aes-256-cbc).${failedHere.length ? ` A failed backup leaves no set, so \`info\` does not show the run that failed (${failureText(failedHere)}); its log is ev-${month}-pgbackrest-ap-main-failed-run.` : ''} The labels, times and repository sizes are those of the month's job export (${exportId}).`,
        });
      });
      for (const j of failed) {
        const day = j.start.slice(0, 10);
        const out = `pgbackrest-backup-ap-main-${day}-failed.log`;
        tsx('pgbackrest-ap-main-failed.ts', ['--month', month, path.join(FILES, out)]);
        const rerun = jobs.find((r) => r.tool === 'pgbackrest' && r.state === 'COMPLETED' && r.start > j.end)!;
        const minutes = Math.round((Date.parse(rerun.end) - Date.parse(j.end)) / 60000);
        made.push({
          id: `ev-${month}-pgbackrest-ap-main-failed-run`,
          file: out,
          title: `Failed pgBackRest backup of pg-ap (stanza ap-main) on ${dayYear(day)} (${ticket(j)})`,
          period: { start: day, end: day },
          collected: day,
          source: `/var/log/pgbackrest/ap-main-backup.log on pg-ap-01, the ${j.start.slice(11, 16)} UTC run of ${day}`,
          tool: 'pgbackrest',
          importedWith: { zone: 'Z' },
          failedRun: true,
          facts: [],
          body: `What pgBackRest logged for the ${j.start.slice(11, 16)} UTC backup of stanza ap-main on ${day}, which stopped without writing a backup set: the command's begin line, the error ("${reason(j)}") and the end line with its exception code. \`pgbackrest info\` lists only the sets a backup completed, so this log is the tool's own evidence of the failure. pg-ap-01 runs in UTC and the log prints its times without a zone, so it was imported with \`--zone Z\`. Proofbook counts it as one failed job of ap-main; with the month's backup sets (${made.filter((m) => m.tool === 'pgbackrest').map((m) => m.id).join(' and ')}) ap-main had ${jobs.filter((r) => r.tool === 'pgbackrest').length} runs in ${name}, ${failed.length} failed. The failure was tracked as ${ticket(j)}; the re-run ${rerun.id} finished successfully at ${rerun.end.slice(11, 19)} UTC, ${minutes} minutes after the failure.`,
        });
      }
    }

    // Velero: `kubectl get backups.velero.io -n velero -o json`.
    {
      const expected = jobs.filter((j) => j.tool === 'velero').length;
      const lists = listings(month, 'velero-eks-prod-euw1.ts', (d) => `velero-backups-eks-prod-euw1-${d}.json`, 'velero', expected);
      lists.forEach((l, i) => {
        const f = l.facts[0]!;
        const part = lists.length > 1 ? (i === 0 ? `-1-15` : `-16-${last.slice(8)}`) : '';
        const when = lists.length > 1 ? `, ${dayName(l.period.start)} to ${dayName(l.period.end)}` : '';
        const failedHere = failures.filter((j) => j.tool === 'velero' && j.end.slice(0, 10) >= l.period.start && j.end.slice(0, 10) <= l.period.end);
        made.push({
          id: `ev-${month}-velero-eks-prod-euw1-backups${part}`,
          file: l.file,
          title: `Velero backups of eks-prod-euw1 (schedule hvl-eks-12h), ${name}${when}`,
          period: l.period,
          collected: l.at.slice(0, 10),
          source: 'kubectl get backups.velero.io -n velero -o json on eks-prod-euw1',
          tool: 'velero',
          facts: l.facts,
          body: `The Velero Backup objects of eks-prod-euw1, exported on the evening of ${dayYear(l.at.slice(0, 10))} with \`kubectl get backups.velero.io -n velero -o json\`. The schedule \`hvl-eks-12h\` keeps each backup for 720 hours${lists.length > 1 ? `, so at the end of a 31-day month the backups of its first day have expired: the month is listed twice, on the 15th and on its last day` : ''}; Proofbook counts only those finished between ${dayName(l.period.start)} and ${dayName(l.period.end)} (\`--period ${l.period.start}..${l.period.end}\`): ${f.jobs} backups, ${f.failed ? `${f.failed} of them in phase PartiallyFailed (${failureText(failedHere)}) and re-run by hand from the schedule, the others` : 'all'} in phase Completed with every item and volume moved to \`hvl-bv-velero-euw1\`, the longest time between two successful ones ${hoursText(f.longestGap!.hours)}, within the 24-hour RPO. The backup names, times and item counts are those of the month's job export (${exportId}).`,
        });
      });
    }

    // restic: `restic snapshots --json --host build-01`, and what restic printed for a failed run.
    {
      const file = `restic-snapshots-build-01-${month}.json`;
      if (remakeRestic || !existsSync(path.join(FILES, file))) run('sh', [path.join(HERE, 'restic-build-01.sh'), '--month', month, path.join(FILES, file)]);
      const facts = dryRun('restic', path.join(FILES, file), []);
      const f = facts[0]!;
      const failed = failures.filter((j) => j.tool === 'restic');
      const failedIds = failed.map(() => `ev-${month}-restic-build-01-failed-run`);
      made.push({
        id: `ev-${month}-restic-build-01-snapshots`,
        file,
        title: `restic snapshots of build-01, ${name}`,
        period: { start: `${month}-01`, end: last },
        collected: last,
        source: 'restic snapshots --json --host build-01 on the append-only replica of hvl-bv-restic-build',
        tool: 'restic',
        facts,
        body: `restic's own list of the build-01 snapshots taken in ${name}, exported with \`restic snapshots --json --host build-01\` on ${dayYear(last)} from the append-only replica of the hvl-bv-restic-build repository (the weekly \`forget --prune\` runs on the primary only, so the replica keeps every snapshot of the month). Proofbook computes the figures from it: ${f.jobs} successful backups twice a day, the longest time between two of them ${hoursText(f.longestGap!.hours)} (${f.longestGap!.from.slice(0, 16).replace('T', ' ')} to ${f.longestGap!.to.slice(0, 16).replace('T', ' ')} UTC, snapshot times), within the 24-hour RPO.${failed.length ? ` The failed run left no snapshot; restic's own output of it is ${failedIds[0]}, and it is in the month's job export (${exportId}).` : ` Every run of the month succeeded (${exportId}).`}`,
      });
      for (const j of failed) {
        const day = j.start.slice(0, 10);
        const out = `restic-backup-build-01-${day}-failed.txt`;
        run('sh', [path.join(HERE, 'restic-build-01-failed.sh'), '--month', month, path.join(FILES, out)]);
        const rerun = jobs.find((r) => r.tool === 'restic' && r.state === 'COMPLETED' && r.start > j.end)!;
        const minutes = Math.round((Date.parse(rerun.end) - Date.parse(j.end)) / 60000);
        made.push({
          id: `ev-${month}-restic-build-01-failed-run`,
          file: out,
          title: `Failed restic backup of build-01 on ${dayYear(day)} (${ticket(j)})`,
          period: { start: day, end: day },
          collected: day,
          source: `journalctl -u restic-backup.service on build-01, the ${j.start.slice(11, 16)} UTC run of ${day}`,
          tool: 'restic',
          importedWith: { source: 'build-01', at: j.end },
          failedRun: true,
          facts: [],
          body: `What restic printed when build-01's ${j.start.slice(11, 16)} UTC backup on ${day} stopped without writing a snapshot ("${reason(j)}"). The output carries no time, so it was imported with the end of the run from the job export (\`--at ${j.end}\`) and named for its host (\`--source build-01\`). Proofbook counts it as one failed job of build-01; with the month's snapshot list (ev-${month}-restic-build-01-snapshots) build-01 had ${f.jobs + 1} runs in ${name}, 1 failed. The failure was tracked as ${ticket(j)}; the re-run started at ${rerun.start.slice(11, 16)} UTC and finished successfully at ${rerun.end.slice(11, 19)} UTC, ${minutes} minutes after the failure.`,
        });
      }
    }

    for (const m of made) importAs(m, [...Object.entries(m.importedWith ?? {}).flatMap(([k, v]) => [`--${k}`, v]), ...(m.tool === 'pgbackrest' || m.tool === 'velero' ? ['--period', `${m.period.start}..${m.period.end}`] : [])], collectedBy);

    // The month's figures, from what was imported, against the export's summary lines.
    const all = made.flatMap((m) => m.facts);
    const failedRun = made.filter((m) => m.failedRun).length;
    const runs = all.reduce((n, f) => n + f.jobs, 0) + failedRun;
    const failed = all.reduce((n, f) => n + f.failed, 0) + failedRun;
    const log = readFileSync(path.join(FILES, `backup-jobs-${month}.log`), 'utf8');
    const summary = /# summary: backup runs=(\d+) completed=(\d+) failed=(\d+)/.exec(log)!;
    const longest = all.reduce((a, b) => ((b.longestGap?.hours ?? 0) > (a.longestGap?.hours ?? 0) ? b : a));
    const line = `${month}: ${runs} runs, ${failed} failed, longest gap ${longest.longestGap!.hours} h (${longest.source}); export: ${summary[1]} runs, ${summary[3]} failed`;
    summaries.push(line);
    if (runs !== Number(summary[1]) || failed !== Number(summary[3])) throw new Error(`${line}: the computed figures disagree with the export`);

    // The month's job export record: no typed figures; its body names the records that compute them.
    const parts = made.map((m) => (m.failedRun ? 1 : m.facts.reduce((n, f) => n + f.jobs, 0)));
    const names = (tool: string) => made.filter((m) => m.tool === tool).map((m) => m.id).join(' and ');
    const failedOf = (tool: string) => (made.some((m) => m.tool === tool && m.failedRun) ? ' and its failed run' : '');
    const gapJob = longest.longestGap!;
    const pointer = `These figures are no longer typed into this record: Proofbook computes them from each tool's own output for the same days, and they agree with the summary lines above. AWS Backup jobs of ledger-prod and hvl-prod-documents: ${names('aws-backup')}; pgBackRest sets of ap-main${failedOf('pgbackrest')}: ${names('pgbackrest')}; Velero backups of eks-prod-euw1: ${names('velero')}; restic snapshots of build-01${failedOf('restic')}: ${names('restic')}; the weekly restore tests: ev-2026-11-aws-backup-restore-jobs. Together: ${parts.join(' + ')} = ${runs} runs, ${failed} failed, the longest gap ${Math.round(gapJob.hours * 10) / 10} hours (${longest.source}, ${gapJob.from.slice(0, 16).replace('T', ' ')} to ${gapJob.to.slice(0, 16).replace('T', ' ')} UTC).`;
    let text = exportText.replace(/^backupJobs:\n(?: {2}.*\n)+/m, '');
    text = text.replace(/\n\nThese figures are no longer typed into this record:[^\n]*\n?$/, '\n');
    writeFileSync(exportRecord, `${text.replace(/\n+$/, '')}\n\n${pointer}\n`);
  }

  if (checkNovember) {
    const F = (f: string) => readFileSync(path.join(FILES, f));
    const same = (a: Buffer, b: Buffer, what: string) => {
      if (!a.equals(b)) throw new Error(`November 2026: ${what} differs from the pinned file`);
    };
    tsx('aws-backup.ts', ['backup-jobs', path.join(tmp, 'a.json')]);
    same(readFileSync(path.join(tmp, 'a.json')), F('aws-backup-backup-jobs-2026-11.json'), 'aws backup list-backup-jobs');
    tsx('aws-backup.ts', ['restore-jobs', path.join(tmp, 'r.json')]);
    same(readFileSync(path.join(tmp, 'r.json')), F('aws-backup-restore-jobs-2025-12_2026-11.json'), 'aws backup list-restore-jobs');
    tsx('pgbackrest-ap-main.ts', [path.join(tmp, 'p.json')]);
    same(readFileSync(path.join(tmp, 'p.json')), F('pgbackrest-info-ap-main-2026-11-24.json'), 'pgbackrest info');
    tsx('velero-eks-prod-euw1.ts', [path.join(tmp, 'v.json')]);
    same(readFileSync(path.join(tmp, 'v.json')), F('velero-backups-eks-prod-euw1-2026-11-24.json'), 'kubectl get backups');
    run('sh', [path.join(HERE, 'restic-build-01-failed.sh'), path.join(tmp, 'f.txt')]);
    same(readFileSync(path.join(tmp, 'f.txt')), F('restic-backup-build-01-2026-11-10-failed.txt'), 'restic backup (failed run)');
    const times = (b: Buffer) => (JSON.parse(b.toString()) as { time: string }[]).map((s) => s.time).join('\n');
    const want = times(F('restic-snapshots-build-01-2026-11.json'));
    // The restic list is remade only to compare its snapshot times: restic gives new ids every run.
    if (remakeRestic) {
      run('sh', [path.join(HERE, 'restic-build-01.sh'), path.join(tmp, 's.json')]);
      if (times(readFileSync(path.join(tmp, 's.json'))) !== want) throw new Error('November 2026: restic snapshots differ in their times from the pinned list');
    }
    summaries.push('2026-11: the outputs remade are the pinned files, byte for byte');
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
process.stdout.write(`${summaries.join('\n')}\n`);
