// /cases.json: every published case with all its fields, its sources and the licence, built at build time.
import type { APIRoute } from 'astro';
import { caseRecord, getCases } from '../catalog/cases.ts';
import { casesJson } from '../catalog/open-data.ts';

export const GET: APIRoute = async ({ site }) => {
  const records = (await getCases()).map((entry) => caseRecord(entry, site!));
  return new Response(casesJson(records, new Date()), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
