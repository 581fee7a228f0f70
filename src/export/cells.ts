/**
 * Spreadsheet cells hold text from content files and imported logs, which are untrusted: a
 * cell beginning with =, +, -, @, a tab or a carriage return is read as a formula (or DDE
 * call) by Excel, LibreOffice and Sheets. OWASP's advice is to prefix such cells with a single
 * quote so they stay inert text. One function, used by every CSV and XLSX writer.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** The cell as inert text: a leading ' when it would otherwise start a formula. */
export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}
