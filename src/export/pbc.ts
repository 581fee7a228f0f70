import { expiringBefore, isCurrent } from '../model/freshness.ts';
import type { ControlNode, EvidenceNode, MeasureNode } from '../model/types.ts';
import type { ExportContext } from './context.ts';
import { STATUS_TONES, evidencePeriod } from './matrix.ts';
import { lines, type Table } from './table.ts';

/**
 * The evidence request list ("provided by client", PBC): what an auditor asks for each
 * control in scope, already answered from the program. Per control, one request for the
 * policy that requires it and one per measure for proof that the measure operated (or one
 * for the control itself when no measure implements it). Each answer names the evidence, its
 * files and hashes, the period covered, the owner and whether it is provided, expiring or missing.
 */
export type RequestStatus = 'provided' | 'expiring' | 'missing';

export interface EvidenceRequest {
  /** Stable within one export: PBC-001, … in control order. */
  id: string;
  framework: string;
  control: string;
  controlTitle: string;
  request: string;
  /** Ids of the evidence (or policies) that answer it. */
  answeredBy: string[];
  files: Array<{ path: string; sha256: string }>;
  /** Earliest start to latest end of what answers it. */
  period?: { start: string; end: string };
  owner: string;
  status: RequestStatus;
  link?: string;
}

function evidenceStatus(items: EvidenceNode[]): RequestStatus {
  if (items.some((e) => e.freshness === 'current')) return 'provided';
  return items.some((e) => e.freshness === 'expiring') ? 'expiring' : 'missing';
}

function span(items: EvidenceNode[]): { start: string; end: string } | undefined {
  const ranges = items.map((e) => evidencePeriod(e) ?? { start: e.data.collected, end: e.data.collected });
  if (!ranges.length) return undefined;
  return { start: ranges.map((r) => r.start).sort()[0]!, end: ranges.map((r) => r.end).sort().at(-1)! };
}

function evidenceRequest(c: ControlNode, request: string, all: EvidenceNode[], owner: string): Omit<EvidenceRequest, 'id'> {
  const items = all.filter(isCurrent);
  const period = span(items);
  return {
    framework: c.framework.id,
    control: c.id,
    controlTitle: c.title,
    request,
    answeredBy: items.map((e) => e.id),
    files: items.flatMap((e) => e.artifacts.map((a) => ({ path: a.path, sha256: a.sha256 }))),
    ...(period ? { period } : {}),
    owner,
    status: evidenceStatus(items),
  };
}

function measureRequest(c: ControlNode, m: MeasureNode, period: string): Omit<EvidenceRequest, 'id'> {
  return evidenceRequest(c, `Evidence that "${m.data.title}" (${m.id}) operated${period}`, m.evidence, m.data.owner);
}

export function evidenceRequests(ctx: ExportContext): EvidenceRequest[] {
  const { view } = ctx;
  const soon = expiringBefore(view.asOf, view.config);
  const op = view.config.observationPeriod;
  const during = op ? ` during ${op.start}..${op.end}` : '';
  const out: Array<Omit<EvidenceRequest, 'id'>> = [];
  for (const f of view.frameworks.filter((x) => x.inScope)) {
    for (const c of f.controls) {
      if (c.coverage.status === 'not-applicable') continue;
      const link = ctx.link ? { link: ctx.link.control(c) } : {};
      const approved = c.policies.filter((p) => p.data.status === 'approved' && p.nextReview >= view.asOf);
      out.push({
        framework: f.id,
        control: c.id,
        controlTitle: c.title,
        request: 'The approved policy that requires the control, with its sign-off',
        answeredBy: approved.map((p) => p.id),
        files: [],
        owner: approved.map((p) => p.data.owner).filter(Boolean).join(', '),
        status: !approved.length ? 'missing' : approved.some((p) => p.nextReview >= soon) ? 'provided' : 'expiring',
        ...link,
      });
      if (c.measures.length) for (const m of c.measures) out.push({ ...measureRequest(c, m, during), ...link });
      else out.push({ ...evidenceRequest(c, `Evidence that the control operated${during}`, c.evidence, ''), ...link });
    }
  }
  const width = String(out.length).length < 3 ? 3 : String(out.length).length;
  return out.map((r, i) => ({ id: `PBC-${String(i + 1).padStart(width, '0')}`, ...r }));
}

export function requestTable(rows: EvidenceRequest[]): Table {
  return {
    name: 'Evidence requests',
    columns: [
      { header: 'Request', width: 10 },
      { header: 'Framework', width: 10 },
      { header: 'Control', width: 10 },
      { header: 'Control title', width: 36 },
      { header: 'Requested item', width: 50 },
      { header: 'Answered by', width: 36 },
      { header: 'Files (sha256  path)', width: 70 },
      { header: 'Period covered', width: 24 },
      { header: 'Owner', width: 24 },
      { header: 'Status', width: 11 },
    ],
    rows: rows.map((r) => [r.id, r.framework, r.control, r.controlTitle, r.request, lines(r.answeredBy), lines(r.files.map((f) => `${f.sha256}  ${f.path}`)), r.period ? `${r.period.start}..${r.period.end}` : '', r.owner, r.status]),
    links: rows.map((r) => r.link),
    status: { column: 9, tones: STATUS_TONES },
  };
}
