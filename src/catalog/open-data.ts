// The case library as open data: one record per case with every field, its sources and the licence, written as
// JSON and as CSV (RFC 4180, every cell quoted, UTF-8 with BOM for spreadsheets, formula starts escaped).
import { caseLicence, type FactSource } from './case-facts.ts';

export interface CaseRecord {
  slug: string;
  url: string;
  title: string;
  summary: string;
  municipality: string;
  region: string | null;
  place: string | null;
  period: { start: number | string; end: number | string | null };
  status: string;
  scope: string;
  participation: string;
  areas: string[];
  kind: string;
  form: string;
  initiators: string[] | 'ukendt';
  actors: { name: string; type: string }[] | 'ukendt';
  principles: string[];
  outcomes: { text: string; evidence: string }[] | 'ukendt' | null;
  lessons: string[];
  challenges: string[];
  lastVerified: string;
  sources: FactSource[];
}

export function casesJson(records: readonly CaseRecord[], generated: Date): string {
  return `${JSON.stringify({ licence: caseLicence, generated: generated.toISOString(), count: records.length, cases: records }, null, 2)}\n`;
}

/** A spreadsheet runs a cell starting with = + - @ (or a tab or CR) as a formula; a leading ' keeps it text. */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replaceAll('"', '""')}"`;
}

const joined = (values: readonly string[]) => values.join('; ');
const orUnknown = <T>(value: T[] | 'ukendt', show: (item: T) => string) => (value === 'ukendt' ? 'ukendt' : joined(value.map(show)));

const columns: [string, (r: CaseRecord) => string][] = [
  ['slug', (r) => r.slug],
  ['url', (r) => r.url],
  ['title', (r) => r.title],
  ['summary', (r) => r.summary],
  ['municipality', (r) => r.municipality],
  ['region', (r) => r.region ?? ''],
  ['place', (r) => r.place ?? ''],
  ['period_start', (r) => String(r.period.start)],
  ['period_end', (r) => (r.period.end === null ? '' : String(r.period.end))],
  ['status', (r) => r.status],
  ['scope', (r) => r.scope],
  ['participation', (r) => r.participation],
  ['areas', (r) => joined(r.areas)],
  ['kind', (r) => r.kind],
  ['form', (r) => r.form],
  ['initiators', (r) => orUnknown(r.initiators, (i) => i)],
  ['actors', (r) => orUnknown(r.actors, (a) => `${a.name} (${a.type})`)],
  ['principles', (r) => joined(r.principles)],
  ['outcomes', (r) => (r.outcomes === null ? '' : orUnknown(r.outcomes, (o) => `${o.text} [${o.evidence}]`))],
  ['lessons', (r) => joined(r.lessons)],
  ['challenges', (r) => joined(r.challenges)],
  ['last_verified', (r) => r.lastVerified],
  ['sources', (r) => joined(r.sources.map((s) => `${s.title} | ${s.publisher} | ${s.date} | ${s.url} | ${s.backs.join(', ')}`))],
  ['licence', () => `${caseLicence.name} ${caseLicence.url}`],
];

export const csvHeader = columns.map(([name]) => name);

export function casesCsv(records: readonly CaseRecord[]): string {
  const rows = [csvHeader, ...records.map((r) => columns.map(([, cell]) => cell(r)))];
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
