// The two-step pages behind mail links (confirm, withdraw, leave): GET shows one button, POST makes the change.
import { renderTokenDone, renderTokenFailure, renderTokenForm, tokenActionTitle, tokenFailureMessage, type TokenAction } from '../html/token-pages.ts';
import type { TokenFailure } from '../tokens.ts';
import type { Db } from '../db/client.ts';
import { routesFor } from '../../routes.ts';
import { languageOfPath, strings } from '../../i18n/index.ts';
import { afterResponse, database, kickOutbox } from '../runtime.ts';
import { htmlPage } from './html-page.ts';
import { readBody, sameOrigin } from './request-body.ts';
import { json, prefersJson } from './respond.ts';

/** The pages behind mail links: each has its address in the route table, in Danish and under /en/. */
export type TokenRoute = 'signConfirm' | 'signWithdraw' | 'joinConfirm' | 'leave';

/**
 * GET and POST handlers for one action, at the address `route` names in the route table. `run` spends the token;
 * `shownName` picks the name the done page thanks (the organisation's, the member's, or none). The page speaks the
 * language of the address it was asked for: a link from an English mail (/en/…) gets the English page.
 */
export function tokenActionHandlers<Done extends { ok: true }>(
  action: TokenAction,
  route: TokenRoute,
  run: (db: Db, token: string) => Promise<Done | { ok: false; reason: TokenFailure }>,
  shownName: (done: Done) => string = () => '',
) {
  const languageOf = (request: Request) => languageOfPath(new URL(request.url).pathname);
  const page = (request: Request, body: (t: ReturnType<typeof strings>) => string, status?: number) => {
    const lang = languageOf(request);
    const t = strings(lang);
    return htmlPage({ title: tokenActionTitle(action, t), body: body(t), status, lang });
  };
  // A browser gets the page; a script that asks for JSON gets the error at its field, like every other endpoint.
  const failure = (request: Request, reason: TokenFailure, status: number) =>
    prefersJson(request)
      ? json({ errors: [{ field: 'token', message: tokenFailureMessage(reason, strings(languageOf(request))) }] }, status)
      : page(request, (t) => renderTokenFailure(action, reason, t), status);
  return {
    async GET(request: Request): Promise<Response> {
      const token = new URL(request.url).searchParams.get('token') ?? '';
      if (!token) return failure(request, 'unknown', 400);
      return page(request, (t) => renderTokenForm(action, routesFor(languageOf(request))[route], token, t));
    },
    async POST(request: Request): Promise<Response> {
      if (!sameOrigin(request)) return page(request, (t) => renderTokenFailure(action, 'unknown', t), 403);
      const body = await readBody(request);
      if (!body.ok) return body.response;
      const raw = body.data.token;
      const token = typeof raw === 'string' ? raw : '';
      const outcome = await run(await database(), token);
      if (!outcome.ok) return failure(request, outcome.reason, outcome.reason === 'unknown' ? 404 : 410);
      afterResponse(kickOutbox());
      return page(request, (t) => renderTokenDone(action, shownName(outcome), t));
    },
  };
}
