// GET /api/badge?id=…: the SVG badge of a published signatory, for embedding on its website.
import { badgeSvg, neutralBadgeSvg } from '../src/signing/badge.ts';
import { database } from '../src/platform/runtime.ts';
import { publishedSignatories } from '../src/signing/signatures.ts';
import { endpoint } from '../src/platform/http/endpoint.ts';

export const GET = endpoint(async (request: Request): Promise<Response> => {
  const id = new URL(request.url).searchParams.get('id') ?? '';
  const [signatory] = await publishedSignatories(await database(), { id });
  // An unknown or withdrawn signatory gets the neutral image, cached briefly, so a partner's page shows no broken image
  // and a withdrawal shows within minutes.
  return new Response(signatory ? badgeSvg(signatory.name) : neutralBadgeSvg(), {
    headers: {
      'Content-Type': 'image/svg+xml; charset=utf-8',
      'Cache-Control': signatory ? 'public, max-age=300, s-maxage=3600, stale-while-revalidate=86400' : 'public, max-age=60, s-maxage=60',
      'Content-Security-Policy': "default-src 'none'",
      'Cross-Origin-Resource-Policy': 'cross-origin',
    },
  });
});
