import path from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { runAudit } from '../../src/audit/run.ts';
import { buildModel } from '../../src/model/build.ts';
import type { Model } from '../../src/model/types.ts';
import { copyContent, edit, write } from '../helpers/content.ts';
import { EXAMPLE_AS_OF, EXAMPLE_CONTENT } from '../helpers/paths.ts';

/** A payload Excel would run as a formula if it were not neutralised. */
export const INJECTION = '=HYPERLINK("http://attacker.example/x","click")';

/**
 * The example program plus a framework of its own whose one control's title is a
 * formula-injection payload, brought into scope so it appears in every export.
 */
export function injectedExample(): { dir: string; model: Model; audit: ReturnType<typeof runAudit> } {
  const dir = copyContent(EXAMPLE_CONTENT, 'export');
  write(dir, 'frameworks/acme.yaml', ['id: acme-ics', 'name: Acme internal control set', 'edition: "2026"', 'source: Acme GRC team', 'controls:', `  - { id: BK-1, title: '${INJECTION}' }`, ''].join('\n'));
  edit(dir, 'proofbook.yaml', 'frameworks: [soc2, iso27001]', 'frameworks: [soc2, iso27001, acme-ics]');
  edit(dir, 'proofbook.yaml', '  mode: mapped', '  mode: mapped\n  include: [acme-ics:BK-1]');
  const result = buildModel({ contentDir: dir, asOf: EXAMPLE_AS_OF });
  if (!result.model || result.problems.length) throw new Error(`fixture does not build: ${JSON.stringify(result.problems.slice(0, 3))}`);
  return { dir, model: result.model, audit: runAudit(result, { contentDir: dir }) };
}

/** CSV read back with an independent RFC 4180 parser (BOM skipped, CRLF records). */
export function readCsv(data: Buffer): string[][] {
  return parse(data, { bom: true, relax_quotes: false, record_delimiter: '\r\n' }) as string[][];
}

export async function readXlsx(data: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  return wb;
}

export const rel = (...p: string[]) => path.join(...p);
