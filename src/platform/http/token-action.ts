// The pages behind mail links (confirm, withdraw, leave): GET shows one button, POST makes the change. A link used
// before reads as the success it was, and an expired confirm link offers a new one by mail. Each page speaks the
// language of its address (/underskriv/bekraeft/ or /en/sign/confirm/).
import {
  newLinkField,
  renderNewLinkSent,
  renderTokenAlreadyDone,
  renderTokenDone,
  renderTokenExpired,
  renderTokenFailure,
  renderTokenForm,
  tokenActionTitle,
  tokenFailureMessage,
  type RenewableAction,
  type TokenAction,
} from '../html/token-pages.ts';
import { formAlert } from '../html/form-fields.ts';
import { isWellFormedToken, type TokenFailure } from '../tokens.ts';
import type { Db, Queryable } from '../db/client.ts';
import { formLimits } from '../rate-limits.ts';
import { afterResponse, database, kickOutbox } from '../runtime.ts';
import { acceptPost } from './accept-post.ts';
import { htmlPage } from './html-page.ts';
import { readBody, sameOrigin } from './request-body.ts';
import { json, prefersJson } from './respond.ts';
import { routesFor, type Routes } from '../../routes.ts';
import { languageOfPath, strings, type Language, type Strings } from '../../i18n/index.ts';

type TokenRoute = 'signConfirm' | 'signWithdraw' | 'joinConfirm' | 'leave';
type Failed = { ok: false; reason: TokenFailure };

export interface TokenActionOptions<Done extends { ok: true }> {
  /** Spends the token. */
  run: (db: Db, token: string) => Promise<Done | Failed>;
  /** The name the done page thanks (the organisation's, the member's, or none). */
  shownName?: (done: Done) => string;
  /** What pressing the button would do now, without doing it, so the page a link opens can say it at once. */
  inspect?: (db: Queryable, token: string) => Promise<TokenFailure | undefined>;
  /** Mails a new link in place of an old one (confirm links only); the answer is the same whether it did or not. */
  renew?: { action: RenewableAction; send: (db: Db, token: string) => Promise<unknown> };
}

/** A link used before: it did its work then, so this is a success, not an error. */
const isDoneBefore = (reason: TokenFailure) => reason === 'used';

/** GET and POST handlers for one action, at the route `route` in whichever language the address is in. */
export function tokenActionHandlers<Done extends { ok: true }>(action: TokenAction, route: TokenRoute, options: TokenActionOptions<Done>) {
  const { run, shownName = () => '', inspect, renew } = options;
  const languageOf = (request: Request): Language => languageOfPath(new URL(request.url).pathname);
  const pathIn = (lang: Language) => (routesFor(lang) as Routes)[route] as string;
  const renewPath = (lang: Language) => `${pathIn(lang)}?${newLinkField}=1`;
  const page = (t: Strings, body: string, status = 200) => htmlPage({ title: tokenActionTitle(action, t), body, status, lang: t.lang === 'en' ? 'en' : 'da' });

  /** The answer for a link that does nothing now: done before (a success), expired (offer a new one), or broken. */
  const notNow = (request: Request, reason: TokenFailure, token: string, status: number) => {
    const lang = languageOf(request);
    const t = strings(lang);
    if (isDoneBefore(reason)) {
      const copy = t.linkpages.already[action];
      return prefersJson(request) ? json({ status: 'already-done', message: copy.text }) : page(t, renderTokenAlreadyDone(action, t));
    }
    if (prefersJson(request)) return json({ errors: [{ field: 'token', message: tokenFailureMessage(reason, t) }] }, status);
    if (reason === 'expired' && renew && token) return page(t, renderTokenExpired(renew.action, renewPath(lang), token, t), status);
    return page(t, renderTokenFailure(action, reason, t), status);
  };
  const statusFor = (reason: TokenFailure) => (reason === 'unknown' ? 404 : 410);

  return {
    async GET(request: Request): Promise<Response> {
      const lang = languageOf(request);
      const t = strings(lang);
      const token = new URL(request.url).searchParams.get('token') ?? '';
      if (!token) return notNow(request, 'unknown', token, 400);
      // Looking does not spend the token: mail scanners follow links, so only the button's POST changes anything.
      const now = inspect ? await inspect(await database(), token) : undefined;
      if (now) return notNow(request, now, token, statusFor(now));
      return page(t, renderTokenForm(action, pathIn(lang), token, t));
    },
    async POST(request: Request): Promise<Response> {
      const lang = languageOf(request);
      const t = strings(lang);
      if (renew && new URL(request.url).searchParams.has(newLinkField)) {
        // Asking for a new link sends mail, so it is limited per connection like the forms are.
        const post = await acceptPost(request, { limits: formLimits.newLink });
        if (!post.ok) return post.response;
        const raw = post.data.token;
        const token = typeof raw === 'string' ? raw : '';
        const tooMany = await post.count(isWellFormedToken(token));
        if (tooMany) {
          if (post.wantsJson) return tooMany.response();
          // The same page again, with when to try again above its button.
          const body = formAlert(tooMany.alert(lang)) + renderTokenExpired(renew.action, renewPath(lang), token, t);
          return htmlPage({ title: t.rateLimits.title, body, status: 429, headers: tooMany.headers, lang });
        }
        await renew.send(post.db, token);
        afterResponse(kickOutbox());
        const message = `${t.linkpages.sent[renew.action]} ${t.linkpages.sent.noMail}`;
        return post.wantsJson ? json({ status: 'check-your-mail', message }, 202) : page(t, renderNewLinkSent(renew.action, t));
      }
      if (!sameOrigin(request)) return page(t, renderTokenFailure(action, 'unknown', t), 403);
      const body = await readBody(request);
      if (!body.ok) return body.response;
      const raw = body.data.token;
      const token = typeof raw === 'string' ? raw : '';
      const outcome = await run(await database(), token);
      if (!outcome.ok) return notNow(request, outcome.reason, token, statusFor(outcome.reason));
      afterResponse(kickOutbox());
      return page(t, renderTokenDone(action, shownName(outcome), t));
    },
  };
}
