// /charter/<princip>/forslag/ (rewritten here): a principle's published proposals, the consultation round and the
// proposal form (GET); and POST /api/charter-proposals: a proposal or a comment from the form or JSON (202/303, or 400
// with the errors at the fields).
import { parseProposalInput } from '../src/charter-proposals/proposal-input.ts';
import { principleText } from '../src/charter-proposals/charter-text.ts';
import { submitProposal } from '../src/charter-proposals/proposals.ts';
import { principleFromPath, proposalsPageFor } from '../src/charter-proposals/proposal-requests.ts';
import { formLimits } from '../src/platform/rate-limits.ts';
import { languageOf, strings } from '../src/i18n/index.ts';
import { routesFor } from '../src/routes.ts';
import { acceptPost, formValues } from '../src/platform/http/accept-post.ts';
import { htmlPage } from '../src/platform/http/html-page.ts';
import { json, redirect303 } from '../src/platform/http/respond.ts';
import { escapeHtml } from '../src/platform/html/escape.ts';
import { errorSummary } from '../src/platform/html/form-fields.ts';
import { afterResponse, database, kickOutbox } from '../src/platform/runtime.ts';
import { endpoint } from '../src/platform/http/endpoint.ts';

/** A reason of 3,000 Danish characters is up to 18 KB once a form encodes it; the other fields add a few more. */
const maxBytes = 32 * 1024;

export const GET = endpoint(async (request: Request): Promise<Response> => {
  const url = new URL(request.url);
  const named = principleFromPath(url.pathname);
  if (!named) return redirect303(routesFor('da').charter);
  const page = await proposalsPageFor(await database(), named.slug, named.lang, { sent: url.searchParams.has('sendt') });
  const t = strings(named.lang);
  if (!page) return htmlPage({ title: t.notFound.title, body: `<h1>${escapeHtml(t.notFound.title)}</h1><p><a href="${routesFor(named.lang).charter}">${escapeHtml(t.charter.all)}</a></p>`, status: 404, lang: named.lang });
  return htmlPage({
    title: t.charterProposals.page.title(page.title),
    body: page.body,
    lang: named.lang,
    headers: { 'Cache-Control': url.searchParams.has('sendt') ? 'no-store' : 'public, max-age=0, s-maxage=30, stale-while-revalidate=300' },
  });
});

export const POST = endpoint(async (request: Request): Promise<Response> => {
  const post = await acceptPost(request, { limits: formLimits.proposing, maxBytes });
  if (!post.ok) return post.response;

  // The form says which language the visitor used; answers and mails follow it.
  const language = languageOf(post.data.language);
  const t = strings(language);
  const slug = typeof post.data.principle === 'string' ? post.data.principle.trim() : '';
  const principle = slug ? await principleText(slug).catch(() => undefined) : undefined;
  const parsed = parseProposalInput(post.data, t, principle?.wording);
  const errors = parsed.ok ? [] : parsed.errors;
  if (!principle && !errors.some((e) => e.field === 'principle')) errors.unshift({ field: 'principle', message: t.charterProposals.fieldErrors.principle.missing });
  // Counted after the check: a form with errors counts toward the limit for rejected posts, not the proposing limit.
  const tooMany = await post.count(parsed.ok && principle !== undefined);
  if (tooMany) {
    if (post.wantsJson) return tooMany.response();
    // The principle's page comes back with what was typed and when to try again.
    const form = { values: formValues(post.data), errors: [], alert: tooMany.alert(language) };
    const page = principle ? await proposalsPageFor(post.db, principle.slug, language, { form }) : undefined;
    const alert = tooMany.alert(language);
    const body = page?.body ?? `<div class="error-summary" role="alert" tabindex="-1" autofocus><h2>${escapeHtml(alert.title)}</h2><p>${escapeHtml(alert.text)}</p></div>`;
    return htmlPage({ title: t.rateLimits.title, body, status: 429, headers: tooMany.headers, lang: language });
  }
  if (!parsed.ok || !principle) {
    if (post.wantsJson) return json({ errors }, 400);
    const form = { values: formValues(post.data), errors };
    const page = principle ? await proposalsPageFor(post.db, principle.slug, language, { form }) : undefined;
    const body = page?.body ?? `${errorSummary(errors, t)}<h1>${escapeHtml(t.charterProposals.form.title)}</h1><p><a href="${routesFor(language).charter}">${escapeHtml(t.charter.all)}</a></p>`;
    return htmlPage({ title: t.charterProposals.form.errorTitle, body, status: 400, lang: language });
  }
  // A bot that filled in the hidden field gets the same answer as everyone else, and nothing is stored.
  if (!parsed.suspectedBot) {
    await submitProposal(post.db, parsed.value, principle, { language });
    afterResponse(kickOutbox());
  }
  return post.wantsJson
    ? json({ status: 'check-your-mail', message: t.charterProposals.form.accepted }, 202)
    : redirect303(`${routesFor(language).principleProposals(principle.slug)}?sendt=1`);
});
