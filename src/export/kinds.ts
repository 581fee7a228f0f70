import type { ExportContext } from './context.ts';
import { crosswalkPairs, crosswalkTable } from './crosswalk.ts';
import { toCsv } from './csv.ts';
import { controlMatrix, matrixSummary, matrixTable } from './matrix.ts';
import { assessmentResults } from './oscal/assessment-results.ts';
import { oscalJson } from './oscal/common.ts';
import { componentDefinition } from './oscal/component-definition.ts';
import { systemSecurityPlan } from './oscal/ssp.ts';
import { evidenceRequests, requestTable } from './pbc.ts';
import type { Table } from './table.ts';
import { toXlsx } from './xlsx.ts';

/**
 * Every export Proofbook makes, by kind and format. Each returns the bytes of one file named
 * `<kind>.<ext>`; the CLI, the release bundle and the portal's Exports page all use this list.
 */
export type ExportFormat = 'csv' | 'json' | 'xlsx';

export interface ExportKind {
  id: string;
  /** One line for --help and the Exports page. */
  summary: string;
  formats: ExportFormat[];
  render(ctx: ExportContext, format: ExportFormat): Promise<Buffer>;
}

export interface ExportFile {
  /** File name, e.g. "control-matrix.xlsx". */
  name: string;
  kind: string;
  format: ExportFormat;
  data: Buffer;
}

const text = (s: string) => Buffer.from(s, 'utf8');

/** The envelope of every JSON export: what it is, whose, for whom and as of when. */
function jsonEnvelope(format: string, ctx: ExportContext, body: Record<string, unknown>): Buffer {
  return text(
    `${JSON.stringify(
      {
        format,
        organisation: ctx.view.config.organisation.name,
        asOf: ctx.view.asOf,
        audience: ctx.audience,
        ...(ctx.release ? { release: ctx.release.version } : {}),
        ...body,
      },
      null,
      2,
    )}\n`,
  );
}

/** A tabular export: rows for JSON, tables for CSV (one, all frameworks) and XLSX (possibly several sheets). */
function tabular<R>(id: string, summary: string, title: string, rows: (ctx: ExportContext) => R[], csvTable: (rows: R[]) => Table, sheets: (ctx: ExportContext, rows: R[]) => Table[]): ExportKind {
  return {
    id,
    summary,
    formats: ['xlsx', 'csv', 'json'],
    async render(ctx, format) {
      const r = rows(ctx);
      if (format === 'json') return jsonEnvelope(`proofbook-${id}/1`, ctx, { rows: r });
      if (format === 'csv') return text(toCsv(csvTable(r)));
      return toXlsx(sheets(ctx, r), { asOf: ctx.view.asOf, title: `${ctx.view.config.organisation.name}: ${title}`, organisation: ctx.view.config.organisation.name });
    },
  };
}

function oscal(id: string, summary: string, make: (ctx: ExportContext) => unknown): ExportKind {
  return { id, summary, formats: ['json'], render: async (ctx) => text(oscalJson(make(ctx))) };
}

export const EXPORT_KINDS: ExportKind[] = [
  tabular(
    'control-matrix',
    'one row per control of every framework in scope: applicability, coverage, measures, policies, evidence with hashes, self-audit findings',
    'control matrix',
    controlMatrix,
    (rows) => matrixTable('Control matrix', rows),
    (ctx, rows) => [matrixSummary(ctx), ...ctx.view.frameworks.filter((f) => f.inScope).map((f) => matrixTable(f.catalog.name, rows.filter((r) => r.framework === f.id)))],
  ),
  tabular('evidence-requests', 'the evidence request (PBC) list: per control, what an auditor asks for and what answers it', 'evidence requests', evidenceRequests, requestTable, (_ctx, rows) => [requestTable(rows)]),
  tabular('crosswalk', 'SOC 2 to ISO 27001 as the program maps them', 'SOC 2 to ISO 27001 crosswalk', crosswalkPairs, crosswalkTable, (_ctx, rows) => [crosswalkTable(rows)]),
  oscal('oscal-component-definition', 'OSCAL 1.1.2 component definition: the requirements the program implements per control', componentDefinition),
  oscal('oscal-ssp', 'OSCAL 1.1.2 system security plan', systemSecurityPlan),
  oscal('oscal-assessment-results', 'OSCAL 1.1.2 assessment results: the self-audit, observations citing evidence by sha256', assessmentResults),
];

export const EXPORT_KIND_IDS = EXPORT_KINDS.map((k) => k.id);

/** File name of one export. */
export const exportFileName = (kind: string, format: ExportFormat) => (kind.startsWith('oscal-') ? `${kind}.json` : `${kind}.${format}`);

/** Renders the given kinds (default: all) in the given formats (default: each kind's every format). */
export async function renderExports(ctx: ExportContext, kinds: string[] = EXPORT_KIND_IDS, formats?: ExportFormat[]): Promise<ExportFile[]> {
  const out: ExportFile[] = [];
  for (const kind of EXPORT_KINDS.filter((k) => kinds.includes(k.id))) {
    for (const format of kind.formats.filter((f) => !formats || formats.includes(f))) {
      out.push({ name: exportFileName(kind.id, format), kind: kind.id, format, data: await kind.render(ctx, format) });
    }
  }
  return out;
}
