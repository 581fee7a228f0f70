import type { AuditReport, Finding, Severity } from '../types.ts';

export interface FormatOptions {
  /** Content root as the user named it, prefixed to file paths ("content"); "" for none. */
  prefix?: string;
  /** ANSI colours (text format only). */
  color?: boolean;
}

export const SEVERITY_WORD: Record<Severity, [string, string]> = {
  error: ['error', 'errors'],
  warning: ['warning', 'warnings'],
  info: ['info', 'info'],
};

export const count = (n: number, [one, many]: [string, string]) => `${n} ${n === 1 ? one : many}`;

/** Path of a finding's file as the user sees it. */
export function findingPath(f: Finding, prefix = 'content'): string {
  return `${prefix ? `${prefix}/` : ''}${f.file}`;
}

/** "content/evidence/x.md:12 (restoreTest.outcome)". */
export function location(f: Finding, prefix?: string): string {
  return `${findingPath(f, prefix)}${f.line ? `:${f.line}` : ''}${f.field ? ` (${f.field})` : ''}`;
}

/** "3 errors, 1 warning, 0 info, 2 waived". */
export function countsLine(report: AuditReport): string {
  const c = report.counts;
  return `${count(c.error, SEVERITY_WORD.error)}, ${count(c.warning, SEVERITY_WORD.warning)}, ${c.info} info, ${c.waived} waived`;
}

export function heading(report: AuditReport): string {
  const parts = [`Self-audit${report.organisation ? ` of ${report.organisation}` : ''} as of ${report.asOf}`];
  if (report.period) parts.push(`observation period ${report.period.start}..${report.period.end}`);
  else if (!report.skipped) parts.push('no observation period');
  if (report.framework) parts.push(`framework ${report.framework} only`);
  if (report.only) parts.push(`rules: ${report.only.join(', ')}`);
  return parts.join(' · ');
}

export function subjectsChecked(report: AuditReport): number {
  return report.rules.reduce((n, r) => n + r.subjects.length, 0);
}

/** Findings grouped by rule, keeping the report's order. */
export function byRule(findings: Finding[]): Array<[string, Finding[]]> {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) groups.set(f.rule, [...(groups.get(f.rule) ?? []), f]);
  return [...groups];
}

export function waivedLine(f: Finding): string {
  const w = f.waived!;
  return `waived by ${w.approver}${w.approved ? ` on ${w.approved}` : ''} until ${w.expires}: ${w.reason}`;
}
