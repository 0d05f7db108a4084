// /underskrivere/ (rewritten here): the public wall, always current, with a filter that works without JavaScript.
import { markSignedOnMap, renderWall, signedMunicipalities, wallFilter } from '../src/signing/signatory-wall.ts';
import { htmlPage } from '../src/platform/http/html-page.ts';
import { database } from '../src/platform/runtime.ts';
import { publishedSignatories } from '../src/signing/signatures.ts';
import { endpoint } from '../src/platform/http/endpoint.ts';
import { strings } from '../src/i18n/index.ts';

export const GET = endpoint(async (request: Request): Promise<Response> => {
  const signatories = await publishedSignatories(await database());
  const filter = wallFilter(new URL(request.url).searchParams);
  const signed = signedMunicipalities(signatories);
  return htmlPage({
    title: strings().wall.title,
    body: renderWall(signatories, filter),
    frame: 'skabelon/underskrivere',
    transformFrame: (frame) => markSignedOnMap(frame, signed),
    headers: { 'Cache-Control': 'public, max-age=0, s-maxage=30, stale-while-revalidate=300' },
  });
});
