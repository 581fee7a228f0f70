import { isOutsideAudience } from '../audience/visibility.ts';
import type { AuditReport, Finding } from '../audit/types.ts';
import type { Model } from '../model/types.ts';

/**
 * Self-audit findings an export for this view may carry. The audit runs on the whole program;
 * an export keeps the findings about entries in its view, about controls, or about nothing in
 * particular (as the portal's audit page does). Audiences outside the company get none: a
 * finding's wording is written for the people who fix it.
 */
export function exportFindings(report: AuditReport | undefined, view: Model): Finding[] {
  if (!report || (view.audience && isOutsideAudience(view.audience))) return [];
  return report.findings.filter((f) => !f.ref || view.entries.has(f.ref) || view.controls.has(f.ref));
}

/** Findings at stake for one control, by control key. */
export function findingsByControl(findings: Finding[]): Map<string, Finding[]> {
  const out = new Map<string, Finding[]>();
  for (const f of findings) for (const k of f.controls) out.set(k, [...(out.get(k) ?? []), f]);
  return out;
}
