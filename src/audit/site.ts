import { loadModel } from '../model/build.ts';
import type { Finding } from './types.ts';
import { buildAsOf, contentRoot } from '../site/env.ts';
import { siteModel } from '../site/model.ts';
import { runAudit } from './run.ts';
import type { AuditReport } from './types.ts';

let cached: AuditReport | undefined;

/**
 * The self-audit for this build, as of the build's date; run once and shared by every page.
 * It audits the whole program (the unfiltered model), so its counts match `proofbook audit`;
 * pages show the findings through siteFindings, which keeps those about hidden entries out.
 */
export function siteAudit(): AuditReport {
  // The site is only built from content without problems (the integration refuses otherwise).
  return (cached ??= runAudit({ model: loadModel({ contentDir: contentRoot(), asOf: buildAsOf() }), problems: [] }, { contentDir: contentRoot() }));
}

/** Findings this site's audience may read: those about entries in its view, controls, or nothing in particular. */
export function siteFindings(report: AuditReport): { shown: Finding[]; withheld: number } {
  const view = siteModel();
  const shown = report.findings.filter((f) => !f.ref || view.entries.has(f.ref) || view.controls.has(f.ref));
  return { shown, withheld: report.findings.length - shown.length };
}
