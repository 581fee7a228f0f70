import type { AuditReport, Finding, Severity } from '../types.ts';
import { SEVERITY_WORD, byRule, count, countsLine, heading, location, subjectsChecked, waivedLine, type FormatOptions } from './common.ts';

const MARK: Record<Severity | 'waived', string> = { error: '✗', warning: '!', info: 'i', waived: '~' };
const COLOR: Record<Severity | 'waived', number> = { error: 31, warning: 33, info: 36, waived: 90 };

/** Wraps prose to `width` columns with a hanging indent. */
function wrap(text: string, indent: string, width = 100): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && indent.length + line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.map((l) => indent + l).join('\n');
}

/** The terminal report: grouped by severity, then rule (with why it matters), each finding with where to fix it. */
export function formatText(report: AuditReport, options: FormatOptions = {}): string {
  const paint = (code: number, s: string) => (options.color ? `\x1b[${code}m${s}\x1b[0m` : s);
  const bold = (s: string) => (options.color ? `\x1b[1m${s}\x1b[0m` : s);
  const rules = new Map(report.rules.map((r) => [r.id, r]));
  const out: string[] = [bold(heading(report)), ''];
  if (report.skipped) out.push(wrap(`Note: ${report.skipped}`, ''), '');

  const section = (key: Severity | 'waived', title: string, findings: Finding[]) => {
    if (!findings.length) return;
    out.push(paint(COLOR[key], bold(`${MARK[key]} ${title}`)), '');
    for (const [ruleId, list] of byRule(findings)) {
      const rule = rules.get(ruleId);
      out.push(`  ${bold(ruleId)}: ${rule?.title ?? ''}`);
      if (rule) out.push(paint(90, wrap(`Why it matters: ${rule.rationale}`, '  ')));
      out.push('');
      for (const f of list) {
        out.push(`  ${paint(COLOR[key], MARK[key])} ${bold(f.subject)}  ${location(f, options.prefix)}`);
        out.push(wrap(f.message, '      '));
        if (f.waived) out.push(wrap(waivedLine(f), '      '));
        if (f.controls.length) out.push(wrap(`controls: ${f.controls.join(', ')}`, '      '));
        if (f.fix && !f.waived) out.push(wrap(`fix: ${f.fix}`, '      '));
        out.push('');
      }
    }
  };
  const open = report.findings.filter((f) => !f.waived);
  section('error', count(report.counts.error, SEVERITY_WORD.error).toUpperCase(), open.filter((f) => f.severity === 'error'));
  section('warning', count(report.counts.warning, SEVERITY_WORD.warning).toUpperCase(), open.filter((f) => f.severity === 'warning'));
  section('info', `${report.counts.info} INFO`, open.filter((f) => f.severity === 'info'));
  section('waived', `${report.counts.waived} WAIVED (accepted, shown for the record)`, report.findings.filter((f) => f.waived));

  if (!report.findings.length) out.push('No findings.', '');
  const ran = report.rules.filter((r) => !r.skipped).length;
  const verdict = report.passed ? paint(32, bold('PASSED')) : paint(31, bold('FAILED'));
  out.push(`${verdict}: ${countsLine(report)} (${ran} rule${ran === 1 ? '' : 's'}, ${subjectsChecked(report)} checks).`);
  return out.join('\n');
}
