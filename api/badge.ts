// GET /api/badge?id=…: the SVG badge of a published signatory, for embedding on its website.
import { badgeSvg } from '../src/signing/badge.ts';
import { json } from '../src/platform/http/respond.ts';
import { database } from '../src/platform/runtime.ts';
import { publishedSignatories } from '../src/signing/signatures.ts';
import { endpoint } from '../src/platform/http/endpoint.ts';
import { strings } from '../src/i18n/index.ts';

export const GET = endpoint(async (request: Request): Promise<Response> => {
  const id = new URL(request.url).searchParams.get('id') ?? '';
  const [signatory] = await publishedSignatories(await database(), { id });
  if (!signatory) return json({ errors: [{ field: 'id', message: strings().api.badgeUnknown }] }, 404);
  return new Response(badgeSvg(signatory.name), {
    headers: {
      'Content-Type': 'image/svg+xml; charset=utf-8',
      'Cache-Control': 'public, max-age=300, s-maxage=3600, stale-while-revalidate=86400',
      'Content-Security-Policy': "default-src 'none'",
      'Cross-Origin-Resource-Policy': 'cross-origin',
    },
  });
});
