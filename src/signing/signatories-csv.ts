// Published signatories as CSV (RFC 4180, with a BOM so Excel reads æøå), public fields only.
import type { WallSignatory } from './signatory-wall.ts';

const columns = ['id', 'name', 'type', 'municipality', 'signed_at', 'statement'] as const;

export function csvCell(value: unknown): string {
  const text = value instanceof Date ? value.toISOString() : value == null ? '' : String(value);
  // A leading = + - @ would be run as a formula by spreadsheets.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function signatoriesCsv(list: readonly WallSignatory[]): string {
  const rows = list.map((s) => columns.map((c) => csvCell(s[c])).join(','));
  return `\uFEFF${[columns.join(','), ...rows].join('\r\n')}\r\n`;
}
