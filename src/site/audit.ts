import type { AuditReport, Finding } from '../audit/types.ts';
import type { ControlKey, Model } from '../model/types.ts';
import { controlStatuses, type ControlStatus } from './status.ts';
import { buildAudit } from './build-audit.ts';
import { siteBuild, siteModel } from './model.ts';

/**
 * The self-audit for this build, as of the build's date; run once per program and shared by
 * every page and every audience built from the same model. It audits the whole program (the
 * unfiltered model), so its counts match `proofbook audit`; pages show the findings through
 * siteFindings, which keeps those about hidden entries out.
 */
export function siteAudit(): AuditReport {
  return buildAudit(siteBuild());
}

/** Findings this site's audience may read: those about entries in its view, controls, or nothing in particular. */
export function siteFindings(report: AuditReport): { shown: Finding[]; withheld: number } {
  const view = siteModel();
  const shown = report.findings.filter((f) => !f.ref || view.entries.has(f.ref) || view.controls.has(f.ref));
  return { shown, withheld: report.findings.length - shown.length };
}

const siteCache = new WeakMap<Model, Map<ControlKey, ControlStatus>>();

/** Displayed statuses for this build's model and self-audit, computed once per build. */
export function siteStatuses(): Map<ControlKey, ControlStatus> {
  const model = siteModel();
  let hit = siteCache.get(model);
  if (!hit) siteCache.set(model, (hit = controlStatuses(model, siteAudit())));
  return hit;
}
