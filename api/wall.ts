// /underskrivere/ (rewritten here): the public wall, always current, one page at a time, with a filter, a sort and page
// links that all work as plain GETs without JavaScript.
import { markSignedOnMap, renderWall, signedMunicipalities, wallFilter } from '../src/signing/signatory-wall.ts';
import { wallCounts, wallPage } from '../src/signing/wall-queries.ts';
import { htmlPage } from '../src/platform/http/html-page.ts';
import { database } from '../src/platform/runtime.ts';
import { endpoint } from '../src/platform/http/endpoint.ts';
import { strings } from '../src/i18n/index.ts';
import { currentCharter } from '../src/charter/charter-versions.ts';

export const GET = endpoint(async (request: Request): Promise<Response> => {
  const db = await database();
  const filter = wallFilter(new URL(request.url).searchParams);
  const [page, counts, charter] = await Promise.all([wallPage(db, filter), wallCounts(db), currentCharter()]);
  const signed = signedMunicipalities(counts);
  return htmlPage({
    title: strings().wall.title,
    body: renderWall(page, counts, filter, strings(), charter.version),
    frame: 'skabelon/underskrivere',
    transformFrame: (frame) => markSignedOnMap(frame, signed),
    headers: { 'Cache-Control': 'public, max-age=0, s-maxage=30, stale-while-revalidate=300' },
  });
});
