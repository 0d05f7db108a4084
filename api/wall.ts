// /underskrivere/ and /en/signatories/ (rewritten here): the public wall, always current, one page at a time, with a
// filter, a sort and page links that all work as plain GETs without JavaScript, and the municipality map drawn from the
// aggregate counts.
import { renderWall, wallFilter } from '../src/signing/signatory-wall.ts';
import { wallCounts, wallPage } from '../src/signing/wall-queries.ts';
import { builtMunicipalityMap } from '../src/signing/wall-map-file.ts';
import { htmlPage } from '../src/platform/http/html-page.ts';
import { database } from '../src/platform/runtime.ts';
import { endpoint } from '../src/platform/http/endpoint.ts';
import { languageOfPath, strings } from '../src/i18n/index.ts';
import { currentCharter } from '../src/charter/charter-versions.ts';

export const GET = endpoint(async (request: Request): Promise<Response> => {
  const db = await database();
  const url = new URL(request.url);
  const lang = languageOfPath(url.pathname);
  const t = strings(lang);
  const filter = wallFilter(url.searchParams);
  const [page, counts, map, charter] = await Promise.all([wallPage(db, filter), wallCounts(db), builtMunicipalityMap(), currentCharter()]);
  return htmlPage({
    title: t.wall.title,
    body: renderWall(page, counts, filter, map, t, charter.version),
    frame: lang === 'da' ? 'skabelon/underskrivere' : `${lang}/skabelon/underskrivere`,
    lang,
    headers: { 'Cache-Control': 'public, max-age=0, s-maxage=30, stale-while-revalidate=300' },
  });
});
