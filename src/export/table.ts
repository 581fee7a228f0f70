/**
 * A flat table, the shape every tabular export (control matrix, evidence requests, crosswalk)
 * is rendered from: CSV writes one file per table, XLSX one sheet per table.
 */
export type CellValue = string | number;

export interface Column {
  header: string;
  /** Column width in characters (XLSX). */
  width: number;
}

export type CellTone = 'good' | 'warn' | 'bad' | 'none';

export interface Table {
  /** Sheet name (XLSX, at most 31 characters) and file stem (CSV). */
  name: string;
  columns: Column[];
  rows: CellValue[][];
  /** Per row: a link for the row's first cell (a portal page, relative to the export's folder). */
  links?: Array<string | undefined>;
  /** Column whose value is a status, and the tone of each status value (XLSX colours). */
  status?: { column: number; tones: Record<string, CellTone> };
}

/** Several values in one cell: one per line, so a reader sees a list and a CSV stays one record. */
export function lines(values: Array<string | undefined>): string {
  return values.filter((v): v is string => !!v).join('\n');
}
