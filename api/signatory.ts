// /underskrivere/<id>/ (rewritten here with ?id=): a published signatory's own page with its badge in each size and
// the embed code; any other id (unknown, withdrawn, pending, not listed) gets a 404 page that names nobody.
import { renderSignatoryNotFound, renderSignatoryPage } from '../src/signing/signatory-page.ts';
import { publishedSignatories } from '../src/signing/signatures.ts';
import { htmlPage } from '../src/platform/http/html-page.ts';
import { mailSettings } from '../src/platform/mail/settings.ts';
import { database } from '../src/platform/runtime.ts';
import { endpoint } from '../src/platform/http/endpoint.ts';
import { strings } from '../src/i18n/index.ts';

export const GET = endpoint(async (request: Request): Promise<Response> => {
  const id = new URL(request.url).searchParams.get('id') ?? '';
  const [signatory] = await publishedSignatories(await database(), { id });
  const t = strings();
  if (!signatory) {
    // Short-lived, like the neutral badge: the page appears at approval, and goes within minutes of a withdrawal.
    return htmlPage({ title: t.signatoryPage.notFoundTitle, body: renderSignatoryNotFound(t), status: 404, headers: { 'Cache-Control': 'public, max-age=0, s-maxage=60' } });
  }
  return htmlPage({
    title: signatory.name,
    body: renderSignatoryPage(signatory, mailSettings().siteUrl, t),
    headers: { 'Cache-Control': 'public, max-age=0, s-maxage=60, stale-while-revalidate=300' },
  });
});
