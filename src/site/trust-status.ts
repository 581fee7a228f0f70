import { siteAudit } from '../audit/site.ts';
import type { AuditStanding } from '../trust/derive.ts';
import { controlStatusWithFindings, openErrors } from './status.ts';

/**
 * The self-audit's bearing on the trust center (AuditStanding in src/trust/derive.ts): only
 * whether it passed, how many errors are open and which controls they demote; no finding's
 * text reaches the trust center. The audit itself runs once per build (siteAudit).
 */
export function trustStanding(): AuditStanding {
  const report = siteAudit();
  return { passed: report.passed, errors: openErrors(report).length, statusOf: (c) => controlStatusWithFindings(c, report) };
}
