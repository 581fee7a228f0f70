import { createRequire } from 'node:module';
import { neutraliseCell } from './cells.ts';
import type { CellTone, CellValue, Table } from './table.ts';
import { normaliseZip } from './zip.ts';

/**
 * Tables as an Excel workbook (exceljs), one sheet per table: bold frozen header row,
 * auto-filter over every column, set widths, wrapped multi-line cells, status cells coloured,
 * the first cell of a row linked to its portal page. Deterministic: document dates are the
 * as-of day and the zip is re-packed with that time (src/export/zip.ts).
 */
const TONE_FILL: Record<Exclude<CellTone, 'none'>, string> = {
  good: 'FFC6EFCE',
  warn: 'FFFFEB9C',
  bad: 'FFFFC7CE',
};

export interface WorkbookOptions {
  /** The as-of day, YYYY-MM-DD: document dates and zip times. */
  asOf: string;
  title: string;
  organisation: string;
}

/** Sheet names: at most 31 characters, none of []:*?/\ (Excel refuses them otherwise). */
export function sheetName(name: string): string {
  return name.replace(/[:/\\]/g, '-').replace(/[[\]*?]/g, ' ').slice(0, 31);
}

function cellValue(value: CellValue): CellValue {
  return typeof value === 'number' ? value : neutraliseCell(value);
}

export async function toXlsx(tables: Table[], options: WorkbookOptions): Promise<Buffer> {
  // Loaded on first use: exceljs is hundreds of CommonJS modules, and every command that only
  // lists the export kinds (`--help`, `export --help`) would otherwise load them all. Through
  // require, not import(): in the integration's astro:build:done hook, an import() would go to
  // Vite's module runner, which is closed by then.
  const ExcelJS = createRequire(import.meta.url)('exceljs') as typeof import('exceljs');
  const when = new Date(`${options.asOf}T00:00:00Z`);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Proofbook';
  wb.lastModifiedBy = 'Proofbook';
  wb.created = when;
  wb.modified = when;
  wb.title = options.title;
  wb.company = options.organisation;

  for (const table of tables) {
    const ws = wb.addWorksheet(sheetName(table.name), { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = table.columns.map((c) => ({ header: neutraliseCell(c.header), width: c.width }));
    const header = ws.getRow(1);
    header.font = { bold: true };
    header.alignment = { vertical: 'top', wrapText: true };
    table.rows.forEach((row, i) => {
      const r = ws.addRow(row.map(cellValue));
      r.alignment = { vertical: 'top', wrapText: true };
      const link = table.links?.[i];
      if (link) {
        const first = r.getCell(1);
        first.value = { text: String(first.value ?? ''), hyperlink: link };
        first.font = { color: { argb: 'FF0563C1' }, underline: true };
      }
      if (table.status) {
        const cell = r.getCell(table.status.column + 1);
        const tone = table.status.tones[String(row[table.status.column])] ?? 'none';
        if (tone !== 'none') cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: TONE_FILL[tone] } };
      }
    });
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + table.rows.length, column: table.columns.length } };
  }
  const raw = Buffer.from(await wb.xlsx.writeBuffer());
  return normaliseZip(raw, when);
}
