// CSV as RFC 4180 for spreadsheets: every text cell quoted (so `,` and `;` never split it, whatever the reader's
// separator), a formula start defused in any cell, CRLF line ends and a UTF-8 BOM so Excel reads æøå.

export const csvBom = '\uFEFF';

// = + - @ start a formula (also after spaces, which Excel skips); a leading tab or CR is read as one too.
const formulaStart = /^(?:[\t\r]|\s*[=+\-@])/;

/** One cell: null is empty; a number or boolean is written as it is; a date as ISO 8601; any text quoted, with a formula start defused by a leading '. */
export function csvCell(value: unknown): string {
  if (value == null) return '';
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  const text = value instanceof Date ? value.toISOString() : String(value);
  const safe = formulaStart.test(text) ? `'${text}` : text;
  return `"${safe.replaceAll('"', '""')}"`;
}

/** One line of cells, ending in CRLF. */
export function csvLine(cells: readonly unknown[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}
