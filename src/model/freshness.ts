import type { ProgramConfig } from '../schemas/config.ts';
import type { PolicyData } from '../schemas/policy.ts';
import { addDays, addDuration, todayUtc } from '../time/dates.ts';
import type { EvidenceKind } from '../schemas/evidence.ts';
import type { EvidenceNode, Freshness } from './types.ts';

/**
 * The as-of date every date rule is computed for: the one given (--as-of), else the
 * program's fixed `asOf`, else today (UTC).
 */
export function resolveAsOf(given: string | undefined, config: Pick<ProgramConfig, 'asOf'> | undefined): string {
  return given ?? config?.asOf ?? todayUtc();
}

/**
 * The end of the "expiring soon" window: evidence that lapses, or a review that falls due,
 * before this date is expiring. One setting (proofbook.yaml audit.expiringWithinDays) for the
 * model's freshness, the self-audit and the portal pages.
 */
export function expiringBefore(asOf: string, config: Pick<ProgramConfig, 'audit'>): string {
  return addDays(asOf, config.audit.expiringWithinDays);
}

/** Current / expiring / expired from dates alone; superseding is decided across items below. */
export function dateFreshness(validUntil: string, asOf: string, soon: string): Freshness {
  if (validUntil < asOf) return 'expired';
  return validUntil < soon ? 'expiring' : 'current';
}

/** When a policy's next review falls due: its interval after the last review (or its effective date). */
export function nextReview(policy: Pick<PolicyData, 'lastReviewed' | 'effective' | 'reviewInterval'>): string {
  return addDuration(policy.lastReviewed ?? policy.effective, policy.reviewInterval);
}

export function validUntil(collected: string, validFor: string): string {
  return addDuration(collected, validFor);
}

/**
 * Recurring evidence records how a control operated over a stretch of time: a month of job
 * logs, a quarter's restore test, an alert export. March's log proves March and stays proof of
 * it when April's arrives, so it is shown as coverage of its period, not as replaced. Other
 * kinds describe a state (a policy approval, a configuration export, a screenshot of a
 * setting) that a newer version of the same document replaces.
 */
const OPERATING_RECORDS: ReadonlySet<EvidenceKind> = new Set(['log', 'restore-test', 'siem-export']);
export const isRecurring = (e: EvidenceNode): boolean => e.data.period !== undefined || OPERATING_RECORDS.has(e.data.kind);

/**
 * An expired item is no finding when, for everything it proves (each measure, or each control
 * when it names no measure), a newer item of the same kind proves it too. Recurring evidence
 * then becomes "past-period" (it covers its own interval of the observation period); a
 * document replaced by a newer version of itself becomes "superseded".
 */
export function markSuperseded(evidence: EvidenceNode[]): void {
  const subjects = (e: EvidenceNode) => (e.measures.length ? e.measures.map((m) => `m:${m.id}`) : e.controls.map((c) => `c:${c.control.key}`));
  const newest = new Map<string, string>();
  for (const e of evidence) {
    for (const s of subjects(e)) {
      const key = `${e.data.kind}|${s}`;
      const seen = newest.get(key);
      if (!seen || seen < e.data.collected) newest.set(key, e.data.collected);
    }
  }
  for (const e of evidence) {
    if (e.freshness !== 'expired') continue;
    const subs = subjects(e);
    if (subs.length && subs.every((s) => (newest.get(`${e.data.kind}|${s}`) ?? '') > e.data.collected)) e.freshness = isRecurring(e) ? 'past-period' : 'superseded';
  }
}

/** Expired, but a newer item took over: history, not a finding. */
export const isHistory = (e: EvidenceNode) => e.freshness === 'superseded' || e.freshness === 'past-period';

export const isCurrent = (e: EvidenceNode) => e.freshness === 'current' || e.freshness === 'expiring';
