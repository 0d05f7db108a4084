// /underskriv/ny-version/ and /en/sign/new-version/ (rewritten here): the re-affirm link in the mail about a new
// version of the charter. GET shows a button; POST records that the organisation stands behind that version.
import { affirmCharterVersion, affirmLinkVersion } from '../../src/signing/charter-adoption.ts';
import { renderAffirmDone, renderAffirmFailure, renderAffirmForm } from '../../src/signing/charter-affirm-page.ts';
import type { TokenFailure } from '../../src/platform/tokens.ts';
import { isWellFormedToken } from '../../src/platform/tokens.ts';
import { htmlPage } from '../../src/platform/http/html-page.ts';
import { readBody, sameOrigin } from '../../src/platform/http/request-body.ts';
import { json, prefersJson } from '../../src/platform/http/respond.ts';
import { database } from '../../src/platform/runtime.ts';
import { endpoints } from '../../src/platform/http/endpoint.ts';
import { languageOfPath, strings, type Language } from '../../src/i18n/index.ts';

const languageOf = (request: Request): Language => languageOfPath(new URL(request.url).pathname);

function failure(request: Request, reason: TokenFailure, status: number): Promise<Response> | Response {
  const lang = languageOf(request);
  const t = strings(lang);
  if (prefersJson(request)) return json({ errors: [{ field: 'token', message: t.charterVersions.affirmPage.failures[reason] }] }, status);
  return htmlPage({ title: t.charterVersions.affirmPage.title, body: renderAffirmFailure(reason, t), status, lang });
}

export const { GET, POST } = endpoints({
  async GET(request: Request): Promise<Response> {
    const lang = languageOf(request);
    const t = strings(lang);
    const token = new URL(request.url).searchParams.get('token') ?? '';
    if (!isWellFormedToken(token)) return failure(request, 'unknown', token ? 404 : 400);
    const version = await affirmLinkVersion(await database(), token);
    if (!version) return failure(request, 'unknown', 404);
    return htmlPage({ title: t.charterVersions.affirmPage.title, body: renderAffirmForm(token, version, t), lang });
  },
  async POST(request: Request): Promise<Response> {
    const lang = languageOf(request);
    const t = strings(lang);
    if (!sameOrigin(request)) return failure(request, 'unknown', 403);
    const body = await readBody(request);
    if (!body.ok) return body.response;
    const raw = body.data.token;
    const outcome = await affirmCharterVersion(await database(), typeof raw === 'string' ? raw : '');
    if (!outcome.ok) return failure(request, outcome.reason, outcome.reason === 'unknown' ? 404 : 410);
    if (prefersJson(request)) return json({ affirmed: outcome.version });
    return htmlPage({ title: t.charterVersions.affirmPage.title, body: renderAffirmDone(outcome.organisationName, outcome.version, t), lang });
  },
});
