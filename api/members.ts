// POST /api/members: a person or an organisation joins the movement (form or JSON). Answers 202/303, or 400 with the errors.
import { parseMemberInput } from '../src/membership/member-input.ts';
import { rateLimitRules } from '../src/platform/rate-limits.ts';
import { renderJoinPage } from '../src/membership/member-form.ts';
import { strings } from '../src/i18n/index.ts';
import { routes } from '../src/routes.ts';
import { acceptPost, formValues } from '../src/platform/http/accept-post.ts';
import { htmlPage } from '../src/platform/http/html-page.ts';
import { json, redirect303 } from '../src/platform/http/respond.ts';
import { joinMovement } from '../src/membership/members.ts';
import { afterResponse, kickOutbox } from '../src/platform/runtime.ts';
import { endpoint } from '../src/platform/http/endpoint.ts';

const t = strings();

export const POST = endpoint(async (request: Request): Promise<Response> => {
  const post = await acceptPost(request, { action: 'joining', rules: rateLimitRules.joining });
  if (!post.ok) return post.response;

  const parsed = parseMemberInput(post.data);
  if (!parsed.ok) {
    if (post.wantsJson) return json({ errors: parsed.errors }, 400);
    const body = renderJoinPage({ values: formValues(post.data), errors: parsed.errors });
    return htmlPage({ title: `${t.form.errorTitlePrefix}${t.joinForm.title}`, body, frame: 'skabelon/bliv-medlem', status: 400 });
  }
  // A bot that filled in the hidden field gets the same answer as everyone else, and nothing is stored.
  if (!parsed.suspectedBot) {
    await joinMovement(post.db, parsed.value);
    afterResponse(kickOutbox());
  }
  // The same answer for a new address, a pending one and a member: the form never reveals who is a member.
  return post.wantsJson ? json({ status: 'check-your-mail', message: t.joinForm.accepted }, 202) : redirect303(routes.joinThanks);
});
