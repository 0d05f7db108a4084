// /cases.csv: the same records as /cases.json for spreadsheets (RFC 4180, UTF-8 with BOM).
import type { APIRoute } from 'astro';
import { caseRecord, getCases } from '../catalog/cases.ts';
import { casesCsv } from '../catalog/open-data.ts';

export const GET: APIRoute = async ({ site }) => {
  const records = (await getCases()).map((entry) => caseRecord(entry, site!));
  return new Response(casesCsv(records), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
