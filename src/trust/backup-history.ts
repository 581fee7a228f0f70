import { daysWithinRpo, restoreHistory, sourceHealth } from '../model/backup-health.ts';
import type { MeasureNode, Model } from '../model/types.ts';
import type { Outcome } from '../backup/types.ts';
import { durationMinutes } from '../time/duration.ts';

/**
 * What the trust center says about backups over time, from the records the audience may see:
 * per measure with an RPO target, the share of days on which every backup source was within
 * it, and the history of restore tests. Like the last restore test, it states when and how
 * fast, never which systems (source names are internal detail).
 */
export interface RpoShare {
  measure: MeasureNode;
  rpo: string;
  /** First and last day with backup jobs in the visible records. */
  start: string;
  end: string;
  within: number;
  total: number;
}

export function rpoShares(model: Model): RpoShare[] {
  return model.measures.flatMap((m) => {
    const rpo = m.data.targets.rpo;
    const sources = rpo ? sourceHealth(m.evidence, rpo) : [];
    const days = sources.flatMap((s) => s.days.map((d) => d.day)).sort();
    if (!rpo || !days.length) return [];
    const window = { start: days[0]!, end: days.at(-1)! };
    return [{ measure: m, rpo, ...window, ...daysWithinRpo(sources, window, rpo) }];
  });
}

export interface RestoreTestEntry {
  date: string;
  outcome: Outcome;
  durationSeconds?: number;
  /** The strictest RTO target of the measures the test proves, when one is visible. */
  rto?: string;
}

/** Every visible restore test, newest first. */
export function restoreTestHistory(model: Model): RestoreTestEntry[] {
  return restoreHistory(model.evidence)
    .map((r) => {
      const rto = r.evidence.measures.map((m) => m.data.targets.rto).filter((t): t is string => !!t).sort((a, b) => durationMinutes(a) - durationMinutes(b))[0];
      return { date: r.day, outcome: r.outcome, ...(r.durationSeconds !== undefined ? { durationSeconds: r.durationSeconds } : {}), ...(rto ? { rto } : {}) };
    })
    .reverse();
}
