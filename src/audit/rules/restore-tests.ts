import { restoreHistory } from '../../model/backup-health.ts';
import type { MeasureNode } from '../../model/types.ts';
import { dueIntervals, isPeriodic } from '../intervals.ts';
import { modelRule, type RuleFinding } from '../types.ts';
import { listWords } from '../util.ts';

/**
 * Measures whose operation is testing restores (the restore-testing area, or proven by
 * restore-test records) and whose evidence dates at least one test: a backup measure whose job
 * log happens to list restores is not asked for a restore every day, and a job log that only
 * states its figures cannot say which week a test ran in.
 */
const testedBy = (m: MeasureNode) =>
  (m.area.id === 'restore-testing' || m.evidence.some((e) => e.data.kind === 'restore-test')) &&
  m.evidence.some((e) => e.data.restoreTest !== undefined || (e.figures?.restores.length ?? 0) > 0);

/**
 * Rule: a periodic measure proven by restore tests has a successful one in every interval of
 * the observation period that has ended (a drill per quarter, an automated restore per week).
 * An interval whose tests all failed, or that has none, is named with its dates.
 */
export const restoreTests = modelRule({
  id: 'restore-tests',
  severity: 'error',
  title: 'Every interval of the observation period has a successful restore test',
  rationale:
    'SOC 2 Type II and ISO 27001 A.8.13 need restores tested throughout the period, not once. An auditor samples the quarters (or weeks) the measure promises; one without a passing test is an exception even if a later test passed.',
  controls: ['soc2:A1.3', 'iso27001:A.8.13'],
  subjects: (ctx) => (ctx.period ? ctx.model.measures.filter((m) => isPeriodic(m.data.frequency) && testedBy(m)).map((m) => `${m.id}:restore-tests`) : []),
  check(ctx) {
    const { period, asOf } = ctx;
    if (!period) return [];
    const out: RuleFinding[] = [];
    for (const m of ctx.model.measures) {
      const frequency = m.data.frequency;
      if (!isPeriodic(frequency) || !testedBy(m)) continue;
      const history = restoreHistory(m.evidence);
      const failed: string[] = [];
      const missing: string[] = [];
      for (const iv of dueIntervals(frequency, period, asOf)) {
        const inside = history.filter((r) => r.day >= iv.start && r.day <= iv.end);
        if (!inside.length) missing.push(`${iv.label} (${iv.start}..${iv.end})`);
        else if (!inside.some((r) => r.outcome === 'success')) failed.push(`${iv.label} (${inside.map((r) => `${r.source} on ${r.day}`).join(', ')})`);
      }
      const base = { ref: m.id, controls: m.controls.map((l) => l.control.key), file: m.file, field: 'evidence' };
      if (failed.length) out.push({ ...base, subject: `${m.id}:restore-tests`, message: `Measure "${m.id}" has only failed restore tests in ${listWords(failed)}.`, fix: 'repeat the test until it passes and link the passing test; if the exception is accepted, record it as a waiver with the approver' });
      if (missing.length) out.push({ ...base, subject: `${m.id}:restore-tests`, message: `Measure "${m.id}" has no restore test in ${listWords(missing)}.`, fix: 'link the restore-test evidence for those intervals, or record why none was run as a waiver' });
    }
    return out;
  },
});
