// GET /api/signatories: open data on published signatories, as JSON or (?format=csv) CSV; public fields only.
import { signatoriesCsv } from '../src/signing/signatories-csv.ts';
import { dataCsp, json } from '../src/platform/http/respond.ts';
import { database } from '../src/platform/runtime.ts';
import { publishedSignatories } from '../src/signing/signatures.ts';
import { endpoint } from '../src/platform/http/endpoint.ts';

const cache = 'public, max-age=60, s-maxage=60, stale-while-revalidate=600';

export const GET = endpoint(async (request: Request): Promise<Response> => {
  const signatories = await publishedSignatories(await database());
  if (new URL(request.url).searchParams.get('format') === 'csv') {
    return new Response(signatoriesCsv(signatories), {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': 'attachment; filename="underskrivere.csv"',
        'Cache-Control': cache,
        'Content-Security-Policy': dataCsp,
      },
    });
  }
  return json({ count: signatories.length, signatories }, 200, { 'Cache-Control': cache, 'Access-Control-Allow-Origin': '*' });
});
