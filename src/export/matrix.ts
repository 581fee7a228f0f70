import type { Finding } from '../audit/types.ts';
import { COVERAGE_STATUSES, frameworkCoverage } from '../model/coverage.ts';
import type { ControlNode, CoverageStatus, EvidenceNode, Freshness, PolicyNode } from '../model/types.ts';
import type { ExportContext } from './context.ts';
import { findingsByControl } from './findings.ts';
import { lines, type CellTone, type Table } from './table.ts';

/**
 * The control matrix: one row per control of every framework, in catalog order, saying
 * whether it applies, how well it is covered and what proves it. Rows are built from the
 * audience's view, so they hold only what that audience may see.
 */
export interface MatrixRow {
  framework: string;
  frameworkName: string;
  control: string;
  title: string;
  group: string;
  applicable: boolean;
  /** Why it does not apply (not applicable rows; empty outside the company). */
  reason: string;
  status: CoverageStatus;
  missing: string[];
  measures: Array<{ id: string; title: string; owner: string }>;
  policies: Array<{ id: string; title: string; version: string; status: string; approved?: string }>;
  evidence: Array<{ id: string; title: string; period?: { start: string; end: string }; collected: string; validUntil: string; freshness: Freshness; artifacts: Array<{ path: string; sha256: string }> }>;
  findings: Array<{ rule: string; severity: string; subject: string; message: string; waived: boolean }>;
  /** Portal page of the control, when linked. */
  link?: string;
}

/** Date of the latest sign-off of a policy, when it has one. */
export function latestApproval(p: PolicyNode): string | undefined {
  return p.data.approvals.map((a) => a.date).sort().at(-1);
}

export function evidencePeriod(e: EvidenceNode): { start: string; end: string } | undefined {
  return e.data.period ? { start: e.data.period.start, end: e.data.period.end } : undefined;
}

function findingRow(f: Finding): MatrixRow['findings'][number] {
  return { rule: f.rule, severity: f.severity, subject: f.subject, message: f.message, waived: !!f.waived };
}

export function matrixRow(c: ControlNode, findings: Finding[], ctx: ExportContext): MatrixRow {
  return {
    framework: c.framework.id,
    frameworkName: c.framework.catalog.name,
    control: c.id,
    title: c.title,
    group: c.group,
    applicable: c.coverage.status !== 'not-applicable',
    reason: c.coverage.reason ?? '',
    status: c.coverage.status,
    missing: [...c.coverage.missing],
    measures: c.measures.map((m) => ({ id: m.id, title: m.data.title, owner: m.data.owner })),
    policies: c.policies.map((p) => ({ id: p.id, title: p.data.title, version: p.data.version, status: p.data.status, ...(latestApproval(p) ? { approved: latestApproval(p) } : {}) })),
    evidence: c.evidence.map((e) => ({
      id: e.id,
      title: e.data.title,
      ...(evidencePeriod(e) ? { period: evidencePeriod(e) } : {}),
      collected: e.data.collected,
      validUntil: e.validUntil,
      freshness: e.freshness,
      artifacts: e.artifacts.map((a) => ({ path: a.path, sha256: a.sha256 })),
    })),
    findings: findings.map(findingRow),
    ...(ctx.link ? { link: ctx.link.control(c) } : {}),
  };
}

/** Every control of every framework in scope, frameworks in config order, controls in catalog order. */
export function controlMatrix(ctx: ExportContext): MatrixRow[] {
  const byControl = findingsByControl(ctx.findings);
  return ctx.view.frameworks.filter((f) => f.inScope).flatMap((f) => f.controls.map((c) => matrixRow(c, byControl.get(c.key) ?? [], ctx)));
}

export const STATUS_TONES: Record<string, CellTone> = { covered: 'good', partial: 'warn', gap: 'bad', 'not-applicable': 'none', provided: 'good', expiring: 'warn', missing: 'bad' };

const COLUMNS = [
  { header: 'Framework', width: 10 },
  { header: 'Control', width: 10 },
  { header: 'Title', width: 40 },
  { header: 'Applicable', width: 11 },
  { header: 'Reason not applicable', width: 30 },
  { header: 'Status', width: 14 },
  { header: 'Missing', width: 30 },
  { header: 'Measures', width: 40 },
  { header: 'Policies (version, approved)', width: 40 },
  { header: 'Evidence (period, freshness)', width: 50 },
  { header: 'Evidence sha256', width: 70 },
  { header: 'Self-audit findings', width: 50 },
];

const period = (p?: { start: string; end: string }) => (p ? `${p.start}..${p.end}` : 'no period');

/** The matrix as a flat table; lists become one line per item. */
export function matrixTable(name: string, rows: MatrixRow[]): Table {
  return {
    name,
    columns: COLUMNS,
    rows: rows.map((r) => [
      r.framework,
      r.control,
      r.title,
      r.applicable ? 'yes' : 'no',
      r.reason,
      r.status,
      lines(r.missing),
      lines(r.measures.map((m) => `${m.id}: ${m.title}`)),
      lines(r.policies.map((p) => `${p.id}: ${p.title} (v${p.version}, ${p.status}${p.approved ? `, approved ${p.approved}` : ''})`)),
      lines(r.evidence.map((e) => `${e.id}: ${e.title} (${period(e.period)}, ${e.freshness} until ${e.validUntil})`)),
      lines(r.evidence.flatMap((e) => e.artifacts.map((a) => `${a.sha256}  ${a.path}`))),
      lines(r.findings.map((f) => `[${f.severity}${f.waived ? ', waived' : ''}] ${f.rule}: ${f.message}`)),
    ]),
    links: rows.map((r) => r.link),
    status: { column: 5, tones: STATUS_TONES },
  };
}

/** Counts per status for each framework in scope (the summary sheet). */
export function matrixSummary(ctx: ExportContext): Table {
  return {
    name: 'Summary',
    columns: [{ header: 'Framework', width: 36 }, { header: 'Controls', width: 10 }, ...COVERAGE_STATUSES.map((s) => ({ header: s, width: 14 })), { header: 'Covered %', width: 11 }],
    rows: frameworkCoverage(ctx.view).map(({ framework: f, counts }) => [`${f.catalog.name} (${f.id})`, counts.total, ...COVERAGE_STATUSES.map((s) => counts[s]), counts.percent]),
  };
}
