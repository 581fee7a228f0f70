import { addDays, addDuration } from '../time/dates.ts';
import type { EvidenceNode, Freshness } from './types.ts';

/** Evidence that ends within this many days of the as-of date is "expiring". */
export const EXPIRING_WITHIN_DAYS = 30;

/** Current / expiring / expired from dates alone; superseding is decided across items below. */
export function dateFreshness(validUntil: string, asOf: string): Freshness {
  if (validUntil < asOf) return 'expired';
  return validUntil < addDays(asOf, EXPIRING_WITHIN_DAYS) ? 'expiring' : 'current';
}

export function validUntil(collected: string, validFor: string): string {
  return addDuration(collected, validFor);
}

/**
 * An expired item is only "superseded" when, for everything it proves (each measure, or each
 * control when it names no measure), a newer item of the same kind proves it too: last
 * March's restore test is history, not a finding, once June's exists.
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
    if (subs.length && subs.every((s) => (newest.get(`${e.data.kind}|${s}`) ?? '') > e.data.collected)) e.freshness = 'superseded';
  }
}

export const isCurrent = (e: EvidenceNode) => e.freshness === 'current' || e.freshness === 'expiring';
