import type { AuditReport } from '../types.ts';
import { findingPath, type FormatOptions } from './common.ts';

/** Version of the JSON shape; bumped on incompatible changes. */
export const AUDIT_JSON_VERSION = 1;

/** The report as JSON for tools: every finding with `path` (as the user named the content folder) beside `file` (content-relative). */
export function formatJson(report: AuditReport, options: FormatOptions = {}): string {
  return `${JSON.stringify(
    {
      format: 'proofbook-audit',
      version: AUDIT_JSON_VERSION,
      organisation: report.organisation ?? null,
      asOf: report.asOf,
      period: report.period ?? null,
      framework: report.framework ?? null,
      only: report.only ?? null,
      passed: report.passed,
      counts: report.counts,
      skipped: report.skipped ?? null,
      rules: report.rules.map(({ subjects, ...r }) => ({ ...r, checked: subjects.length })),
      findings: report.findings.map((f) => ({ ...f, path: findingPath(f, options.prefix) })),
    },
    null,
    2,
  )}\n`;
}
