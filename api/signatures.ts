// POST /api/signatures: an organisation signs the charter (form or JSON). Answers 202/303, or 400 with the errors.
import { parseSignatureInput } from '../src/signing/signature-input.ts';
import { formLimits } from '../src/platform/rate-limits.ts';
import { renderSignaturePage } from '../src/signing/signature-form.ts';
import { routesFor } from '../src/routes.ts';
import { acceptPost, formValues } from '../src/platform/http/accept-post.ts';
import { htmlPage } from '../src/platform/http/html-page.ts';
import { json, redirect303 } from '../src/platform/http/respond.ts';
import { afterResponse, kickOutbox } from '../src/platform/runtime.ts';
import { submitSignature } from '../src/signing/signatures.ts';
import { endpoint } from '../src/platform/http/endpoint.ts';
import { languageOf, strings } from '../src/i18n/index.ts';

export const POST = endpoint(async (request: Request): Promise<Response> => {
  const post = await acceptPost(request, { limits: formLimits.signing });
  if (!post.ok) return post.response;

  // The form says which language the visitor used (the English form under /en/ sends it); answers and mails follow it.
  const language = languageOf(post.data.language);
  const t = strings(language);
  const parsed = parseSignatureInput(post.data, t);
  // Counted after the check: a form with errors counts toward the limit for rejected posts, not the signing limit.
  const tooMany = await post.count(parsed.ok);
  if (tooMany) {
    if (post.wantsJson) return tooMany.response();
    // The form comes back with what was typed and when to try again.
    const body = renderSignaturePage({ values: formValues(post.data), alert: tooMany.alert(language), lang: language });
    return htmlPage({ title: t.rateLimits.title, body, status: 429, headers: tooMany.headers, lang: language });
  }
  if (!parsed.ok) {
    if (post.wantsJson) return json({ errors: parsed.errors }, 400);
    const body = renderSignaturePage({ values: formValues(post.data), errors: parsed.errors, lang: language });
    return htmlPage({ title: t.signForm.errorTitle, body, status: 400, lang: language });
  }
  // A bot that filled in the hidden field gets the same answer as everyone else, and nothing is stored.
  if (!parsed.suspectedBot) {
    await submitSignature(post.db, parsed.value, { language });
    afterResponse(kickOutbox());
  }
  return post.wantsJson ? json({ status: 'check-your-mail', message: t.signForm.accepted }, 202) : redirect303(routesFor(language).signThanks);
});
