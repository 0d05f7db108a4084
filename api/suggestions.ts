// POST /api/suggestions: someone suggests a case (form or JSON). Stores it, sends a receipt, and opens a pull request
// with a draft case when GitHub is configured. Answers 202/303, or 400 with the errors.
import { rateLimitRules } from '../src/platform/rate-limits.ts';
import { parseSuggestionInput } from '../src/suggestions/suggestion-input.ts';
import { renderSuggestionPage } from '../src/suggestions/suggestion-form.ts';
import { strings } from '../src/i18n/index.ts';
import { routes } from '../src/routes.ts';
import { acceptPost, formValues } from '../src/platform/http/accept-post.ts';
import { htmlPage } from '../src/platform/http/html-page.ts';
import { json, redirect303 } from '../src/platform/http/respond.ts';
import { afterResponse, kickOutbox } from '../src/platform/runtime.ts';
import { openSuggestionPullRequest, submitSuggestion } from '../src/suggestions/suggestions.ts';
import { githubSettingsFromEnv } from '../src/suggestions/file-pull-request.ts';
import { endpoint } from '../src/platform/http/endpoint.ts';

/** A story of 3,000 Danish characters is up to 18 KB once a form encodes it; the other fields add a few more. */
const maxBytes = 48 * 1024;

export const POST = endpoint(async (request: Request): Promise<Response> => {
  const post = await acceptPost(request, { action: 'suggesting', rules: rateLimitRules.suggesting, maxBytes });
  if (!post.ok) return post.response;

  const parsed = parseSuggestionInput(post.data);
  if (!parsed.ok) {
    if (post.wantsJson) return json({ errors: parsed.errors }, 400);
    const body = renderSuggestionPage({ values: formValues(post.data), errors: parsed.errors });
    return htmlPage({ title: strings().suggestForm.errorTitle, body, status: 400 });
  }
  // A bot that filled in the hidden field gets the same answer as everyone else, and nothing is stored.
  if (!parsed.suspectedBot) {
    const { suggestionId } = await submitSuggestion(post.db, parsed.value);
    afterResponse(kickOutbox());
    // The pull request is a bonus for the secretariat: if GitHub fails, the suggestion waits and the visitor still gets a thank-you.
    if (suggestionId && githubSettingsFromEnv()) await openSuggestionPullRequest(post.db, suggestionId, 'forslagsformularen');
  }
  return post.wantsJson ? json({ status: 'received', message: strings().suggestThanks.lead }, 202) : redirect303(routes.suggestThanks);
});
