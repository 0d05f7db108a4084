// POST /api/charter-proposals/support: a member or a signatory's contact asks for a link to support a published
// proposal. The answer is the same for every address; the mail goes only to a confirmed member or signatory.
import { parseSupportRequest } from '../../src/charter-proposals/proposal-input.ts';
import { requestSupport } from '../../src/charter-proposals/proposals.ts';
import { renderSupportError, renderSupportSent } from '../../src/charter-proposals/proposal-page.ts';
import { formLimits } from '../../src/platform/rate-limits.ts';
import { languageOf, strings } from '../../src/i18n/index.ts';
import { routesFor } from '../../src/routes.ts';
import { acceptPost } from '../../src/platform/http/accept-post.ts';
import { htmlPage } from '../../src/platform/http/html-page.ts';
import { formAlert } from '../../src/platform/html/form-fields.ts';
import { json } from '../../src/platform/http/respond.ts';
import { afterResponse, kickOutbox } from '../../src/platform/runtime.ts';
import { endpoint } from '../../src/platform/http/endpoint.ts';

export const POST = endpoint(async (request: Request): Promise<Response> => {
  const post = await acceptPost(request, { limits: formLimits.supporting });
  if (!post.ok) return post.response;
  const language = languageOf(post.data.language);
  const t = strings(language);
  const parsed = parseSupportRequest(post.data, t);
  const text = (name: string) => (typeof post.data[name] === 'string' ? (post.data[name] as string) : undefined);
  const refuse = (errors: { field: 'proposal' | 'email'; message: string }[]) =>
    post.wantsJson ? json({ errors }, 400) : htmlPage({ title: t.charterProposals.support.errorTitle, body: renderSupportError(language, errors, { proposal: text('proposal'), email: text('email') }), status: 400, lang: language });
  // Counted after the check: a request with errors counts toward the limit for rejected posts.
  const tooMany = await post.count(parsed.ok);
  if (tooMany) {
    if (post.wantsJson) return tooMany.response();
    const alert = tooMany.alert(language);
    return htmlPage({ title: t.rateLimits.title, body: formAlert(alert) + renderSupportError(language, [], { proposal: text('proposal'), email: text('email') }), status: 429, headers: tooMany.headers, lang: language });
  }
  if (!parsed.ok) return refuse(parsed.errors);
  const outcome = await requestSupport(post.db, parsed.value, { language });
  // Only a proposal that is not there (or not published) is an error; whether the address is a member never shows.
  if (!outcome.proposalFound) return refuse([{ field: 'proposal', message: t.charterProposals.support.unknownProposal }]);
  if (outcome.sent) afterResponse(kickOutbox());
  if (post.wantsJson) return json({ status: 'check-your-mail', message: t.charterProposals.support.sent }, 202);
  return htmlPage({ title: t.charterProposals.support.sentTitle, body: renderSupportSent(language, routesFor(language).charter), lang: language });
});
