import type { EvidenceNode } from '../model/types.ts';
import { formatDate } from '../time/dates.ts';

/**
 * Evidence grouped by the quarter it speaks for (the end of its period, else the day it was
 * collected), newest quarter first: how an auditor samples evidence over an observation period.
 */
export function evidenceByPeriod(evidence: readonly EvidenceNode[]): { label: string; evidence: EvidenceNode[] }[] {
  const groups = new Map<string, EvidenceNode[]>();
  for (const e of evidence) {
    const day = e.data.period?.end ?? e.data.collected;
    const key = `${day.slice(0, 4)} Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  return [...groups.entries()]
    .sort((a, b) => (a[0] < b[0] ? 1 : -1))
    .map(([label, list]) => ({ label, evidence: list.sort((a, b) => (a.data.collected < b.data.collected ? 1 : a.data.collected > b.data.collected ? -1 : a.id < b.id ? -1 : 1)) }));
}

/** The period one record covers, or the day it was collected when it covers a moment. */
export function evidencePeriod(e: EvidenceNode): string {
  return e.data.period ? `${formatDate(e.data.period.start)} to ${formatDate(e.data.period.end)}` : `collected ${formatDate(e.data.collected)}`;
}
