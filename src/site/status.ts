import type { Finding, AuditReport } from '../audit/types.ts';
import type { ControlNode, CoverageStatus } from '../model/types.ts';

/**
 * A control's status as people should read it: the model's coverage, except that a control
 * named by an open (unwaived) error-level self-audit finding is not "covered".
 */
export function openErrors(report: AuditReport): Finding[] {
  return report.findings.filter((f) => f.severity === 'error' && !f.waived);
}

export function controlStatusWithFindings(control: ControlNode, report: AuditReport): CoverageStatus {
  const status = control.coverage.status;
  if (status !== 'covered') return status;
  return openErrors(report).some((f) => f.controls.includes(control.key)) ? 'partial' : status;
}
