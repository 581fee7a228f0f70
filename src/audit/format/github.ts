import type { AuditReport, Finding, Severity } from '../types.ts';
import { countsLine, findingPath, waivedLine, type FormatOptions } from './common.ts';

/**
 * GitHub Actions workflow commands: one annotation per finding on the file and line to fix
 * (`::error file=…,line=…,title=…::message`), shown on the pull request's diff. Escaped as
 * the Actions toolkit does: %, CR and LF in messages; also ":" and "," in properties.
 */
const LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function annotation(f: Finding, prefix?: string): string {
  // A waived finding is accepted: it stays visible, as a notice.
  const level = f.waived ? 'notice' : LEVEL[f.severity];
  const props = [`file=${escapeProperty(findingPath(f, prefix))}`, ...(f.line ? [`line=${f.line}`] : []), `title=${escapeProperty(`${f.rule}: ${f.subject}`)}`];
  const body = [f.message, f.controls.length ? `Controls: ${f.controls.join(', ')}` : '', f.fix ? `Fix: ${f.fix}` : '', f.waived ? waivedLine(f) : ''].filter(Boolean).join('\n');
  return `::${level} ${props.join(',')}::${escapeData(body)}`;
}

export function formatGithub(report: AuditReport, options: FormatOptions = {}): string {
  const lines = report.findings.map((f) => annotation(f, options.prefix));
  lines.push(`${report.passed ? 'PASSED' : 'FAILED'}: ${escapeData(countsLine(report))}.`);
  return `${lines.join('\n')}\n`;
}
