import type { AuditReport, Finding } from '../types.ts';
import { byRule, countsLine, heading, location, subjectsChecked, waivedLine, type FormatOptions } from './common.ts';

/** Escapes text for a Markdown table cell. */
const cell = (s: string) => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const code = (s: string) => `\`${s.replace(/`/g, "'")}\``;

/** The report as Markdown (a pull-request comment, a wiki page): a section per severity, a table per rule. */
export function formatMarkdown(report: AuditReport, options: FormatOptions = {}): string {
  const rules = new Map(report.rules.map((r) => [r.id, r]));
  const out: string[] = [`# ${heading(report)}`, ''];
  out.push(`**${report.passed ? 'Passed' : 'Failed'}**: ${countsLine(report)} (${subjectsChecked(report)} checks).`, '');
  if (report.skipped) out.push(`> **Note:** ${report.skipped}`, '');

  const section = (title: string, findings: Finding[]) => {
    if (!findings.length) return;
    out.push(`## ${title}`, '');
    for (const [ruleId, list] of byRule(findings)) {
      const rule = rules.get(ruleId);
      out.push(`### ${code(ruleId)} ${rule?.title ?? ''}`, '');
      if (rule) out.push(`> ${rule.rationale}`, '');
      out.push('| Subject | Where | Finding | Controls | Fix |', '|---|---|---|---|---|');
      for (const f of list) {
        const finding = f.waived ? `${f.message} *(${waivedLine(f)})*` : f.message;
        out.push(`| ${code(f.subject)} | ${code(location(f, options.prefix))} | ${cell(finding)} | ${cell(f.controls.join(', '))} | ${cell(f.waived ? '' : f.fix ?? '')} |`);
      }
      out.push('');
    }
  };
  const open = report.findings.filter((f) => !f.waived);
  section(`Errors (${report.counts.error})`, open.filter((f) => f.severity === 'error'));
  section(`Warnings (${report.counts.warning})`, open.filter((f) => f.severity === 'warning'));
  section(`Info (${report.counts.info})`, open.filter((f) => f.severity === 'info'));
  section(`Waived (${report.counts.waived})`, report.findings.filter((f) => f.waived));
  if (!report.findings.length) out.push('No findings.', '');

  out.push('## Rules', '', '| Rule | Severity | Checked | Findings | What it checks |', '|---|---|---|---|---|');
  for (const r of report.rules) {
    out.push(`| ${code(r.id)} | ${r.severity} | ${r.skipped ? 'skipped' : r.subjects.length} | ${r.findings} | ${cell(r.title)} |`);
  }
  out.push('');
  return out.join('\n');
}
