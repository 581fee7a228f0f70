import { neutraliseCell } from './cells.ts';
import type { CellValue, Table } from './table.ts';

/**
 * RFC 4180 CSV: CRLF record ends, every field quoted when it holds a comma, quote, CR or LF
 * (quotes doubled), a header record first. UTF-8 with a byte-order mark, which Excel needs to
 * read non-ASCII text as UTF-8 (csv-parse and other readers skip it with the `bom` option).
 */
const BOM = '\uFEFF';

function field(value: CellValue): string {
  const text = typeof value === 'number' ? String(value) : neutraliseCell(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(table: Table): string {
  const records = [table.columns.map((c) => c.header), ...table.rows];
  return BOM + records.map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}
