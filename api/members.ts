// POST /api/members: a person or an organisation joins the movement (form or JSON). Answers 202/303, or 400 with the errors.
import { parseMemberInput } from '../src/membership/member-input.ts';
import { formLimits } from '../src/platform/rate-limits.ts';
import { renderJoinPage } from '../src/membership/member-form.ts';
import { languageOf, strings } from '../src/i18n/index.ts';
import { routesFor } from '../src/routes.ts';
import { acceptPost, formValues } from '../src/platform/http/accept-post.ts';
import { htmlPage } from '../src/platform/http/html-page.ts';
import { json, redirect303 } from '../src/platform/http/respond.ts';
import { joinMovement } from '../src/membership/members.ts';
import { afterResponse, kickOutbox } from '../src/platform/runtime.ts';
import { endpoint } from '../src/platform/http/endpoint.ts';

export const POST = endpoint(async (request: Request): Promise<Response> => {
  const post = await acceptPost(request, { limits: formLimits.joining });
  if (!post.ok) return post.response;

  // The form says which language the visitor used; answers and mails follow it.
  const language = languageOf(post.data.language);
  const t = strings(language);
  const parsed = parseMemberInput(post.data, t);
  // Counted after the check: a form with errors counts toward the limit for rejected posts, not the joining limit.
  const tooMany = await post.count(parsed.ok);
  if (tooMany) {
    if (post.wantsJson) return tooMany.response();
    // The form comes back with what was typed and when to try again.
    const body = renderJoinPage({ values: formValues(post.data), alert: tooMany.alert(language), lang: language });
    return htmlPage({ title: t.rateLimits.title, body, frame: language === 'da' ? 'skabelon/bliv-medlem' : undefined, status: 429, headers: tooMany.headers, lang: language });
  }
  if (!parsed.ok) {
    if (post.wantsJson) return json({ errors: parsed.errors }, 400);
    const body = renderJoinPage({ values: formValues(post.data), errors: parsed.errors, lang: language });
    return htmlPage({ title: `${t.form.errorTitlePrefix}${t.joinForm.title}`, body, frame: language === 'da' ? 'skabelon/bliv-medlem' : undefined, status: 400, lang: language });
  }
  // A bot that filled in the hidden field gets the same answer as everyone else, and nothing is stored.
  if (!parsed.suspectedBot) {
    await joinMovement(post.db, parsed.value, { language });
    afterResponse(kickOutbox());
  }
  // The same answer for a new address, a pending one and a member: the form never reveals who is a member.
  return post.wantsJson ? json({ status: 'check-your-mail', message: t.joinForm.accepted }, 202) : redirect303(routesFor(language).joinThanks);
});
