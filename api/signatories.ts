// GET /api/signatories: open data on published signatories, public fields only. JSON a page at a time (`next` is the
// cursor for `?efter=`, `total` counts every match); `?format=csv` streams every match in batches, in constant memory.
import { csvHeader, csvRows } from '../src/signing/signatories-csv.ts';
import { wallFilter, wallQueryString } from '../src/signing/signatory-wall.ts';
import { allListed, wallPage } from '../src/signing/wall-queries.ts';
import { dataCsp, json } from '../src/platform/http/respond.ts';
import { database } from '../src/platform/runtime.ts';
import { endpoint } from '../src/platform/http/endpoint.ts';
import { routes } from '../src/routes.ts';

const cache = 'public, max-age=60, s-maxage=60, stale-while-revalidate=600';

export const GET = endpoint(async (request: Request): Promise<Response> => {
  const db = await database();
  const params = new URL(request.url).searchParams;
  const filter = wallFilter(params);
  if (params.get('format') === 'csv') {
    const batches = allListed(db, filter);
    const encoder = new TextEncoder();
    let started = false;
    const body = new ReadableStream<Uint8Array>({
      // One batch per pull: the stream asks for the next only when the last has been sent.
      async pull(controller) {
        if (!started) {
          started = true;
          controller.enqueue(encoder.encode(csvHeader()));
          return;
        }
        const batch = await batches.next();
        if (batch.done) controller.close();
        else controller.enqueue(encoder.encode(csvRows(batch.value)));
      },
      async cancel() {
        await batches.return(undefined);
      },
    });
    return new Response(body, {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': 'attachment; filename="underskrivere.csv"',
        'Cache-Control': cache,
        'Content-Security-Policy': dataCsp,
      },
    });
  }
  const limit = Number(params.get('limit') ?? '') || undefined;
  const page = await wallPage(db, { ...filter, limit: limit && Math.min(Math.max(Math.trunc(limit), 1), 500) });
  const pageUrl = (cursor: Partial<typeof filter>) => `${routes.signatoriesJson}?${wallQueryString({ type: filter.type, municipality: filter.municipality, q: filter.q, sort: filter.sort, ...cursor })}`;
  return json(
    {
      total: page.total,
      count: page.signatories.length,
      next: page.next ?? null,
      nextUrl: page.next ? pageUrl({ after: page.next }) : null,
      previous: page.previous ?? null,
      signatories: page.signatories,
    },
    200,
    { 'Cache-Control': cache, 'Access-Control-Allow-Origin': '*' },
  );
});
