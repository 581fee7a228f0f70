import { siteAudit } from './audit.ts';
import type { AuditStanding } from '../trust/derive.ts';
import { siteStatuses } from './audit.ts';

/**
 * The self-audit's bearing on the trust center (AuditStanding in src/trust/derive.ts): only
 * whether it passed, how many errors are open and which controls they demote (the statuses
 * src/site/status.ts computes for every view); no finding's text reaches the trust center.
 * The audit itself runs once per build (siteAudit).
 */
export function trustStanding(): AuditStanding {
  const report = siteAudit();
  const statuses = siteStatuses();
  return {
    passed: report.passed,
    errors: report.findings.filter((f) => f.severity === 'error' && !f.waived).length,
    statusOf: (c) => statuses.get(c.key)?.status ?? c.coverage.status,
  };
}
