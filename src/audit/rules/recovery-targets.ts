import type { EvidenceNode, MeasureNode } from '../../model/types.ts';
import { describeDuration, durationMinutes } from '../../time/duration.ts';
import { modelRule, type ModelContext, type RuleFinding } from '../types.ts';
import { entryControls, evidenceSpan, listWords, overlaps } from '../util.ts';

/** Evidence the audit window covers: within the observation period, or (without one) not superseded. */
function inWindow(ctx: ModelContext, e: EvidenceNode): boolean {
  return ctx.period ? overlaps(evidenceSpan(e), ctx.period) : e.freshness !== 'superseded';
}

const isRestoreTest = (e: EvidenceNode) => e.data.kind === 'restore-test' || e.data.restoreTest !== undefined;

/** The strictest target of a kind among an evidence item's measures, with the measures that set it. */
function strictest(e: EvidenceNode, target: 'rto' | 'rpo'): { value: string; minutes: number; measures: MeasureNode[] } | undefined {
  let best: { value: string; minutes: number; measures: MeasureNode[] } | undefined;
  for (const m of e.measures) {
    const value = m.data.targets[target];
    if (!value) continue;
    const minutes = durationMinutes(value);
    if (!best || minutes < best.minutes) best = { value, minutes, measures: [m] };
    else if (minutes === best.minutes) best.measures.push(m);
  }
  return best;
}

const named = (ms: MeasureNode[]) => listWords(ms.map((m) => `"${m.id}"`));

/**
 * Rule 4: restore tests record outcome and measured duration; a failure, a restore slower than
 * the RTO target or data loss beyond the RPO target is an error, as are backup job logs whose
 * longest gap between successful runs exceeds the RPO target. Targets come from the measures
 * the evidence proves (targets.rto / targets.rpo).
 */
export const recoveryTargets = modelRule({
  id: 'recovery-targets',
  severity: 'error',
  title: 'Restore tests succeed within the RTO; backups run within the RPO',
  rationale:
    'Backups are only a control if restores work: auditors test that restore tests are performed, succeed, and meet the recovery time and recovery point objectives the organisation promised. A failed or too-slow test, or a gap between backups longer than the RPO, is an exception.',
  controls: ['soc2:A1.2', 'soc2:A1.3', 'iso27001:A.8.13', 'iso27001:A.5.30'],
  subjects(ctx) {
    const out: string[] = [];
    for (const e of ctx.model.evidence) {
      if (!inWindow(ctx, e)) continue;
      if (isRestoreTest(e)) out.push(`${e.id}:restoreTest`, `${e.id}:restoreTest.duration`, ...(e.data.restoreTest?.dataLoss ? [`${e.id}:restoreTest.dataLoss`] : []));
      if (e.data.backupJobs) out.push(`${e.id}:backupJobs.longestGap`);
    }
    return out;
  },
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const e of ctx.model.evidence) {
      if (!inWindow(ctx, e)) continue;
      const base = { ref: e.id, controls: entryControls(e), file: e.file };
      const test = e.data.restoreTest;
      if (isRestoreTest(e)) {
        if (!test) {
          out.push({
            ...base,
            subject: `${e.id}:restoreTest`,
            field: 'restoreTest',
            message: `Restore test "${e.id}" records no outcome or measured duration, so it proves neither that the restore worked nor how long it took.`,
            fix: 'add restoreTest: { outcome: success|failure, duration: PT2H30M } with the measured time to a usable service',
          });
        } else {
          if (test.outcome === 'failure') {
            out.push({
              ...base,
              subject: `${e.id}:restoreTest`,
              field: 'restoreTest.outcome',
              message: `Restore test "${e.id}" of ${e.data.collected} failed${test.scope ? ` (${test.scope})` : ''}.`,
              fix: 'fix the cause, repeat the test and link the passing re-test to the same measures; if the exception is accepted, record it as a waiver with the approver',
            });
          }
          const rto = strictest(e, 'rto');
          if (!rto) {
            out.push({
              ...base,
              subject: `${e.id}:restoreTest.duration`,
              severity: 'info',
              field: 'restoreTest.duration',
              message: `Restore test "${e.id}" took ${describeDuration(test.duration)}, but none of its measures sets an RTO target to compare it with.`,
              fix: 'set targets.rto on the measure the test proves',
            });
          } else if (durationMinutes(test.duration) > rto.minutes) {
            out.push({
              ...base,
              subject: `${e.id}:restoreTest.duration`,
              field: 'restoreTest.duration',
              message: `Restore test "${e.id}" took ${describeDuration(test.duration)}, over the ${describeDuration(rto.value)} RTO target of ${named(rto.measures)}.`,
              fix: 'treat it as a failed test: find what slowed the restore, repeat it within the target and link the re-test',
            });
          }
          const rpo = test.dataLoss ? strictest(e, 'rpo') : undefined;
          if (test.dataLoss && rpo && durationMinutes(test.dataLoss) > rpo.minutes) {
            out.push({
              ...base,
              subject: `${e.id}:restoreTest.dataLoss`,
              field: 'restoreTest.dataLoss',
              message: `Restore test "${e.id}" recovered data ${describeDuration(test.dataLoss)} old, over the ${describeDuration(rpo.value)} RPO target of ${named(rpo.measures)}.`,
              fix: 'back up more often or fix the restore source, then repeat the test',
            });
          }
        }
      }
      const jobs = e.data.backupJobs;
      if (jobs) {
        const rpo = strictest(e, 'rpo');
        if (!rpo) {
          out.push({
            ...base,
            subject: `${e.id}:backupJobs.longestGap`,
            severity: 'info',
            field: 'backupJobs.longestGap',
            message: `Backup jobs in "${e.id}" had a longest gap of ${describeDuration(jobs.longestGap)}, but none of its measures sets an RPO target to compare it with.`,
            fix: 'set targets.rpo on the backup measure',
          });
        } else if (durationMinutes(jobs.longestGap) > rpo.minutes) {
          out.push({
            ...base,
            subject: `${e.id}:backupJobs.longestGap`,
            field: 'backupJobs.longestGap',
            message: `Backup jobs in "${e.id}" went ${describeDuration(jobs.longestGap)} without a successful run, over the ${describeDuration(rpo.value)} RPO target of ${named(rpo.measures)}${jobs.failed ? ` (${jobs.failed} of ${jobs.runs} runs failed)` : ''}.`,
            fix: 'find why backups failed or were skipped, fix the schedule or alerting, and record the incident; the log itself must not be edited',
          });
        }
      }
    }
    return out;
  },
});
