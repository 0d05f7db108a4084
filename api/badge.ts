// GET /api/badge?id=…&size=small|medium|large: the SVG badge of a published signatory, for embedding on its website.
import { badgeSize, badgeSvg, neutralBadgeSvg } from '../src/signing/badge.ts';
import { database } from '../src/platform/runtime.ts';
import { publishedSignatories } from '../src/signing/signatures.ts';
import { endpoint } from '../src/platform/http/endpoint.ts';

/** A published badge changes only if the signatory withdraws, so browsers keep it 5 minutes and the CDN an hour. */
const publishedCache = 'public, max-age=300, s-maxage=3600, stale-while-revalidate=86400';
/** The neutral image may turn into a badge at approval, so everyone keeps it only briefly. */
const neutralCache = 'public, max-age=300, s-maxage=300';

export const GET = endpoint(async (request: Request): Promise<Response> => {
  const params = new URL(request.url).searchParams;
  // An unknown size gets the default rather than an error: a typo in an embed code should still show a badge.
  const size = badgeSize(params.get('size'));
  const [signatory] = await publishedSignatories(await database(), { id: params.get('id') ?? '' });
  // An unknown or withdrawn signatory gets the neutral image (200, never JSON), cached briefly, so a partner's page
  // shows no broken image and a withdrawal shows within minutes.
  return new Response(signatory ? badgeSvg(signatory.name, size) : neutralBadgeSvg(size), {
    headers: {
      'Content-Type': 'image/svg+xml; charset=utf-8',
      'Cache-Control': signatory ? publishedCache : neutralCache,
      'Content-Security-Policy': "default-src 'none'",
      'Cross-Origin-Resource-Policy': 'cross-origin',
    },
  });
});
