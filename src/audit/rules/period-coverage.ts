import { KIND_LABEL } from '../../model/labels.ts';
import { compressRuns, coverageOverTime, isPeriodic } from '../intervals.ts';
import { modelRule, type RuleFinding } from '../types.ts';
import { listWords, plural } from '../util.ts';

const UNIT: Record<string, [string, string]> = {
  daily: ['day', 'days'],
  weekly: ['week', 'weeks'],
  monthly: ['month', 'months'],
  quarterly: ['quarter', 'quarters'],
  semiannual: ['half-year', 'half-years'],
  yearly: ['year', 'years'],
};

/**
 * Rule 3: over the observation period a periodic measure has evidence for every interval
 * that has ended by the as-of date (each day, ISO week, month, quarter, half-year or year).
 * An interval counts as covered when evidence linked to the measure has a period overlapping
 * the part of the interval inside the observation period (or was collected in it, when it has no period).
 */
export const periodCoverage = modelRule({
  id: 'period-coverage',
  severity: 'error',
  title: 'Periodic measures have evidence for every interval of the observation period',
  rationale:
    'A SOC 2 Type II report covers operating effectiveness over the whole observation period, not on one day. The auditor samples intervals (a month of backups, a quarter\'s restore test); an interval without evidence is an exception in the report.',
  controls: ['soc2:CC4.1', 'soc2:A1.2', 'iso27001:A.8.13', 'iso27001:A.5.36'],
  subjects: (ctx) => (ctx.period ? ctx.model.measures.filter((m) => isPeriodic(m.data.frequency)).map((m) => m.id) : ['proofbook.yaml:observationPeriod']),
  check(ctx) {
    const { model, asOf, period } = ctx;
    if (!period) {
      return [
        {
          subject: 'proofbook.yaml:observationPeriod',
          severity: 'info',
          controls: [],
          file: 'proofbook.yaml',
          field: 'observationPeriod',
          message: 'No observation period is set, so coverage over time (SOC 2 Type II) was not checked.',
          fix: 'set observationPeriod: { start, end } in proofbook.yaml, or pass --period START..END',
        },
      ];
    }
    const out: RuleFinding[] = [];
    for (const m of model.measures) {
      const frequency = m.data.frequency;
      if (!isPeriodic(frequency)) continue;
      const due = coverageOverTime(m, period, asOf);
      if (!due.length) continue;
      const missing: number[] = [];
      due.forEach((iv, i) => iv.evidence.length || missing.push(i));
      if (!missing.length) continue;
      const kinds = new Set(m.evidence.map((e) => e.data.kind));
      const what = kinds.size === 1 ? (KIND_LABEL[[...kinds][0]!] ?? 'evidence').toLowerCase() : 'evidence';
      const [one, many] = UNIT[frequency]!;
      out.push({
        subject: m.id,
        ref: m.id,
        controls: m.controls.map((l) => l.control.key),
        file: m.file,
        field: 'evidence',
        message: `Measure "${m.id}" operates ${frequency} but has no ${what} in ${listWords(compressRuns(due, missing))} (${missing.length === 1 ? `1 ${one}` : `${missing.length} ${many}`} of ${plural(due.length, one, many)} uncovered in the observation period ${period.start}..${period.end}).`,
        fix: 'link the evidence for those intervals (with a period that covers them) to the measure; if it did not operate then, record the exception and its approval as a waiver',
      });
    }
    return out;
  },
});
