// POST /api/suggestions: someone suggests a case (form or JSON). Stores it, sends a receipt, and opens a pull request
// with a draft case when GitHub is configured. Answers 202/303, or 400 with the errors.
import { formLimits } from '../src/platform/rate-limits.ts';
import { parseSuggestionInput } from '../src/suggestions/suggestion-input.ts';
import { renderSuggestionPage } from '../src/suggestions/suggestion-form.ts';
import { languageOf, strings } from '../src/i18n/index.ts';
import { routesFor } from '../src/routes.ts';
import { acceptPost, formValues } from '../src/platform/http/accept-post.ts';
import { htmlPage } from '../src/platform/http/html-page.ts';
import { json, redirect303 } from '../src/platform/http/respond.ts';
import { afterResponse, kickOutbox } from '../src/platform/runtime.ts';
import { openSuggestionPullRequest, submitSuggestion } from '../src/suggestions/suggestions.ts';
import { githubSettingsFromEnv } from '../src/platform/github/pull-request.ts';
import { endpoint } from '../src/platform/http/endpoint.ts';

/** A story of 3,000 Danish characters is up to 18 KB once a form encodes it; the other fields add a few more. */
const maxBytes = 48 * 1024;

export const POST = endpoint(async (request: Request): Promise<Response> => {
  const post = await acceptPost(request, { limits: formLimits.suggesting, maxBytes });
  if (!post.ok) return post.response;

  // The form says which language the visitor used; answers and the receipt follow it.
  const language = languageOf(post.data.language);
  const parsed = parseSuggestionInput(post.data, strings(language));
  // Counted after the check: a form with errors counts toward the limit for rejected posts, not the suggesting limit.
  const tooMany = await post.count(parsed.ok);
  if (tooMany) {
    if (post.wantsJson) return tooMany.response();
    // The form comes back with what was typed and when to try again.
    const body = renderSuggestionPage({ values: formValues(post.data), alert: tooMany.alert(language), lang: language });
    return htmlPage({ title: strings(language).rateLimits.title, body, status: 429, headers: tooMany.headers, lang: language });
  }
  if (!parsed.ok) {
    if (post.wantsJson) return json({ errors: parsed.errors }, 400);
    const body = renderSuggestionPage({ values: formValues(post.data), errors: parsed.errors, lang: language });
    return htmlPage({ title: strings(language).suggestForm.errorTitle, body, status: 400, lang: language });
  }
  // A bot that filled in the hidden field gets the same answer as everyone else, and nothing is stored.
  if (!parsed.suspectedBot) {
    const { suggestionId } = await submitSuggestion(post.db, parsed.value, { language });
    afterResponse(kickOutbox());
    // The pull request is a bonus for the secretariat: if GitHub fails, the suggestion waits and the visitor still gets a thank-you.
    if (suggestionId && githubSettingsFromEnv()) await openSuggestionPullRequest(post.db, suggestionId, 'forslagsformularen');
  }
  return post.wantsJson ? json({ status: 'received', message: strings(language).suggestThanks.lead }, 202) : redirect303(routesFor(language).suggestThanks);
});
