import type { EvidenceNode, MeasureNode } from '../../model/types.ts';
import { computedTotals } from '../../model/figures.ts';
import { isHistory } from '../../model/freshness.ts';
import { instantText } from '../../time/dates.ts';
import { describeDuration, describeHours, durationMinutes, isoMinutes } from '../../time/duration.ts';
import { modelRule, type ModelContext, type RuleFinding } from '../types.ts';
import { entryControls, evidenceSpan, listWords, overlaps } from '../util.ts';

/** Evidence the audit window covers: within the observation period, or (without one) not history. */
function inWindow(ctx: ModelContext, e: EvidenceNode): boolean {
  return ctx.period ? overlaps(evidenceSpan(e), ctx.period) : !isHistory(e);
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
 * The restore result to judge: computed from the tool's output when the evidence has one (the
 * whole test is as slow as its slowest restore and fails when any restore failed), else as stated.
 */
function restoreResult(e: EvidenceNode): { outcome: 'success' | 'failure'; duration: string; dataLoss?: string | undefined; scope?: string | undefined; from?: string } | undefined {
  const restores = e.figures?.restores ?? [];
  const { restore } = e.figures ? computedTotals(e.figures) : { restore: undefined };
  if (restore && restore.durationMinutes !== undefined) {
    const artifacts = [...new Set(restores.map((r) => `"${r.provenance.artifact}" (${r.provenance.tool})`))];
    return { outcome: restore.outcome, duration: isoMinutes(restore.durationMinutes), dataLoss: e.data.restoreTest?.dataLoss, scope: e.data.restoreTest?.scope, from: listWords(artifacts) };
  }
  return e.data.restoreTest;
}

type SourceFigure = NonNullable<EvidenceNode['figures']>['sources'][number];
const gapSubject = (e: EvidenceNode, f: SourceFigure) => `${e.id}:${f.provenance.tool}/${f.source}:longestGap`;

type RestoreFigure = NonNullable<EvidenceNode['figures']>['restores'][number];
const restoreSubject = (e: EvidenceNode, r: RestoreFigure) => `${e.id}:${r.provenance.tool}/${r.source}@${r.started}`;

/** Restore tests a job log records one by one (weekly automated restores): each must succeed within the RTO. */
function loggedRestores(e: EvidenceNode, base: Pick<RuleFinding, 'ref' | 'controls' | 'file'>): RuleFinding[] {
  const rto = strictest(e, 'rto');
  const out: RuleFinding[] = [];
  for (const r of e.figures?.restores ?? []) {
    const what = `Restore test of ${r.provenance.tool} source "${r.source}" started ${instantText(r.started)} (in "${r.provenance.artifact}")`;
    if (r.outcome !== 'success') {
      out.push({ ...base, subject: restoreSubject(e, r), field: 'artifacts', message: `${what} ${r.outcome === 'partial' ? 'only partly succeeded' : 'failed'}${r.verified ? ` (${r.verified})` : ''}.`, fix: 'fix the cause and repeat the test; if the exception is accepted, record it as a waiver with the approver' });
    } else if (rto && r.durationSeconds !== undefined && r.durationSeconds / 60 > rto.minutes) {
      out.push({ ...base, subject: restoreSubject(e, r), field: 'artifacts', message: `${what} took ${describeHours(r.durationSeconds / 3600)}, over the ${describeDuration(rto.value)} RTO target of ${named(rto.measures)}.`, fix: 'find what slowed the restore and repeat it within the target' });
    }
  }
  return out;
}

/** RPO breaches computed from the tool's output: per source, with the dates of the longest gap. */
function computedGaps(e: EvidenceNode, base: Pick<RuleFinding, 'ref' | 'controls' | 'file'>): RuleFinding[] {
  const rpo = strictest(e, 'rpo');
  const out: RuleFinding[] = [];
  for (const f of e.figures!.sources) {
    const where = `${f.provenance.tool} source "${f.source}" in "${f.provenance.artifact}"`;
    if (!rpo) {
      if (f.longestGap) {
        out.push({ ...base, subject: gapSubject(e, f), severity: 'info', field: 'artifacts', message: `Backups of ${where} had a longest gap of ${describeHours(f.longestGap.hours)}, but none of the measures of "${e.id}" sets an RPO target to compare it with.`, fix: 'set targets.rpo on the backup measure' });
      }
      continue;
    }
    if (f.longestGap && f.longestGap.hours * 60 > rpo.minutes) {
      out.push({
        ...base,
        subject: gapSubject(e, f),
        field: 'artifacts',
        message: `Backups of ${where} went ${describeHours(f.longestGap.hours)} without a successful run, from ${instantText(f.longestGap.from)} to ${instantText(f.longestGap.to)}, over the ${describeDuration(rpo.value)} RPO target of ${named(rpo.measures)}${f.failed ? ` (${f.failed} of ${f.jobs} runs failed)` : ''}.`,
        fix: 'find why backups failed or were skipped in that gap, fix the schedule or alerting, and record the incident; the tool output itself must not be edited',
      });
    }
  }
  return out;
}

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
      if (!isRestoreTest(e)) out.push(...(e.figures?.restores ?? []).map((r) => restoreSubject(e, r)));
      const computed = e.figures?.sources ?? [];
      if (computed.length) out.push(...computed.map((f) => gapSubject(e, f)));
      else if (e.data.backupJobs) out.push(`${e.id}:backupJobs.longestGap`);
    }
    return out;
  },
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const e of ctx.model.evidence) {
      if (!inWindow(ctx, e)) continue;
      const base = { ref: e.id, controls: entryControls(e), file: e.file };
      const test = restoreResult(e);
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
              message: `Restore test "${e.id}" of ${e.data.collected} failed${test.scope ? ` (${test.scope})` : ''}${test.from ? `, as ${test.from} shows` : ''}.`,
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
      if (!isRestoreTest(e)) out.push(...loggedRestores(e, base));
      const computed = e.figures?.sources ?? [];
      if (computed.length) out.push(...computedGaps(e, base));
      const jobs = e.data.backupJobs;
      if (jobs && !computed.length) {
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
