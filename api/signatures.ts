// POST /api/signatures: an organisation signs the charter (form or JSON). Answers 202/303, or 400 with the errors.
import { parseSignatureInput } from '../src/signing/signature-input.ts';
import { rateLimitRules } from '../src/platform/rate-limits.ts';
import { renderSignaturePage } from '../src/signing/signature-form.ts';
import { routes } from '../src/routes.ts';
import { acceptPost, formValues } from '../src/platform/http/accept-post.ts';
import { htmlPage } from '../src/platform/http/html-page.ts';
import { json, redirect303 } from '../src/platform/http/respond.ts';
import { afterResponse, kickOutbox } from '../src/platform/runtime.ts';
import { submitSignature } from '../src/signing/signatures.ts';
import { endpoint } from '../src/platform/http/endpoint.ts';
import { strings } from '../src/i18n/index.ts';

const t = strings();

export const POST = endpoint(async (request: Request): Promise<Response> => {
  const post = await acceptPost(request, { action: 'signing', rules: rateLimitRules.signing });
  if (!post.ok) return post.response;

  const parsed = parseSignatureInput(post.data);
  if (!parsed.ok) {
    if (post.wantsJson) return json({ errors: parsed.errors }, 400);
    const body = renderSignaturePage({ values: formValues(post.data), errors: parsed.errors });
    return htmlPage({ title: t.signForm.errorTitle, body, status: 400 });
  }
  // A bot that filled in the hidden field gets the same answer as everyone else, and nothing is stored.
  if (!parsed.suspectedBot) {
    await submitSignature(post.db, parsed.value);
    afterResponse(kickOutbox());
  }
  return post.wantsJson ? json({ status: 'check-your-mail', message: t.signForm.accepted }, 202) : redirect303(routes.signThanks);
});
