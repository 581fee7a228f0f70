import type { AuditReport, Finding } from '../audit/types.ts';
import { countCoverage, type CoverageCounts } from '../model/coverage.ts';
import type { ControlKey, ControlNode, Coverage, Model } from '../model/types.ts';

/**
 * The status a reader sees for a control: the model's coverage (measure, policy, current
 * evidence) corrected by the self-audit. A control the audit holds an open error against is
 * not "covered", whatever the mapping says: an auditor would write it up. Every view that
 * shows a status or a percentage (portal, trust center) computes it here, so the numbers
 * agree with `proofbook audit`.
 */
export interface ControlStatus extends Coverage {
  /** Open (unwaived) error-level findings at stake for this control. */
  findings: Finding[];
}

/** Open errors per control key, from the report's findings. */
function openErrors(report: AuditReport): Map<ControlKey, Finding[]> {
  const byControl = new Map<ControlKey, Finding[]>();
  for (const f of report.findings) {
    if (f.severity !== 'error' || f.waived) continue;
    for (const key of f.controls) byControl.set(key, [...(byControl.get(key) ?? []), f]);
  }
  return byControl;
}

/** One line per finding for "what is missing": the rule and what it found. */
export function findingReason(f: Finding): string {
  return `open audit error (${f.rule}): ${f.message}`;
}

/**
 * Displayed status of every control in the model, keyed by control key. Covered controls
 * with an open error become partial; partial and gap stay as they are (with the finding
 * added to what is missing); not applicable stays not applicable (nothing is claimed).
 */
export function controlStatuses(model: Model, report: AuditReport): Map<ControlKey, ControlStatus> {
  const errors = openErrors(report);
  const statuses = new Map<ControlKey, ControlStatus>();
  for (const [key, c] of model.controls) {
    const findings = c.coverage.status === 'not-applicable' ? [] : (errors.get(key) ?? []);
    const status = c.coverage.status === 'covered' && findings.length ? 'partial' : c.coverage.status;
    statuses.set(key, { ...c.coverage, status, missing: [...c.coverage.missing, ...findings.map(findingReason)], findings });
  }
  return statuses;
}

/** Counts (and percent covered) of controls by their displayed status. */
export function countStatuses(controls: Iterable<ControlNode>, statuses: ReadonlyMap<ControlKey, ControlStatus>): CoverageCounts {
  return countCoverage(controls, (c) => statuses.get(c.key)?.status ?? c.coverage.status);
}
