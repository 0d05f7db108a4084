// Published signatories as CSV (src/platform/csv.ts: quoted, formula-safe, with a BOM), public fields only; written a
// batch at a time, so the whole list streams in constant memory.
import type { WallSignatory } from './signatory-wall.ts';
import { csvBom, csvLine } from '../platform/csv.ts';

const columns = ['id', 'name', 'type', 'municipality', 'signed_at', 'statement'] as const;

/** The BOM and the header line. */
export function csvHeader(): string {
  return csvBom + csvLine(columns);
}

/** Data lines, each ending in CRLF, so batches can be written one after another. */
export function csvRows(list: readonly WallSignatory[]): string {
  return list.map((s) => csvLine(columns.map((c) => s[c]))).join('');
}

export function signatoriesCsv(list: readonly WallSignatory[]): string {
  return csvHeader() + csvRows(list);
}
