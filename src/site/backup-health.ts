import type { Period } from '../audit/types.ts';
import { hoursSinceSuccess, restoreHistory, sourceHealth, type RestoreRecord, type SourceHealth } from '../model/backup-health.ts';
import type { MeasureNode, Model } from '../model/types.ts';
import { durationMinutes } from '../time/duration.ts';

/**
 * What the Backup health page and each measure page show for one measure: its sources with
 * their timeline, observed RPO against the target and staleness as of the build date, its
 * restore tests against the RTO. Built from the audience's view of the model, so nothing is shown it may not see.
 */
export interface MeasureHealth {
  measure: MeasureNode;
  rpo?: string;
  rto?: string;
  /** Days the timelines span: the observation period up to the as-of date, else the days with jobs. */
  window: Period;
  sources: (SourceHealth & { hoursSince: number | null; stale: boolean })[];
  restores: (RestoreRecord & { overTarget: boolean })[];
}

export function measureHealth(model: Model, m: MeasureNode): MeasureHealth | undefined {
  const rpo = m.data.targets.rpo;
  const rto = m.data.targets.rto;
  const sources = sourceHealth(m.evidence, rpo);
  const restores = restoreHistory(m.evidence);
  if (!sources.length && !restores.length) return undefined;
  const rpoHours = rpo ? durationMinutes(rpo) / 60 : undefined;
  const rtoSeconds = rto ? durationMinutes(rto) * 60 : undefined;
  const period = model.config.observationPeriod;
  const days = sources.flatMap((s) => s.days.map((d) => d.day)).concat(restores.map((r) => r.day)).sort();
  const window = period ? { start: period.start, end: period.end < model.asOf ? period.end : model.asOf } : { start: days[0]!, end: days.at(-1)! };
  return {
    measure: m,
    ...(rpo ? { rpo } : {}),
    ...(rto ? { rto } : {}),
    window,
    sources: sources.map((s) => {
      const hoursSince = hoursSinceSuccess(s, model.asOf);
      return { ...s, hoursSince, stale: hoursSince === null || (rpoHours !== undefined && hoursSince > rpoHours) };
    }),
    restores: restores.map((r) => ({ ...r, overTarget: rtoSeconds !== undefined && r.durationSeconds !== undefined && r.durationSeconds > rtoSeconds })),
  };
}

/** Every measure with backup figures, in the model's order. */
export function programHealth(model: Model): MeasureHealth[] {
  return model.measures.flatMap((m) => measureHealth(model, m) ?? []);
}

