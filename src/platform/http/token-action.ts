// The two-step pages behind mail links (confirm, withdraw, leave): GET shows one button, POST makes the change.
import { renderTokenDone, renderTokenFailure, renderTokenForm, tokenActionTitle, tokenFailureMessage, type TokenAction } from '../html/token-pages.ts';
import type { TokenFailure } from '../tokens.ts';
import type { Db } from '../db/client.ts';
import { afterResponse, database, kickOutbox } from '../runtime.ts';
import { htmlPage } from './html-page.ts';
import { readBody, sameOrigin } from './request-body.ts';
import { json, prefersJson } from './respond.ts';

/**
 * GET and POST handlers for one action. `run` spends the token; `shownName` picks the name the done page
 * thanks (the organisation's, the member's, or none).
 */
export function tokenActionHandlers<Done extends { ok: true }>(
  action: TokenAction,
  path: string,
  run: (db: Db, token: string) => Promise<Done | { ok: false; reason: TokenFailure }>,
  shownName: (done: Done) => string = () => '',
) {
  const title = tokenActionTitle(action);
  // A browser gets the page; a script that asks for JSON gets the error at its field, like every other endpoint.
  const failure = (request: Request, reason: TokenFailure, status: number) =>
    prefersJson(request)
      ? json({ errors: [{ field: 'token', message: tokenFailureMessage(reason) }] }, status)
      : htmlPage({ title, body: renderTokenFailure(action, reason), status });
  return {
    async GET(request: Request): Promise<Response> {
      const token = new URL(request.url).searchParams.get('token') ?? '';
      if (!token) return failure(request, 'unknown', 400);
      return htmlPage({ title, body: renderTokenForm(action, path, token) });
    },
    async POST(request: Request): Promise<Response> {
      if (!sameOrigin(request)) return htmlPage({ title, body: renderTokenFailure(action, 'unknown'), status: 403 });
      const body = await readBody(request);
      if (!body.ok) return body.response;
      const raw = body.data.token;
      const token = typeof raw === 'string' ? raw : '';
      const outcome = await run(await database(), token);
      if (!outcome.ok) return failure(request, outcome.reason, outcome.reason === 'unknown' ? 404 : 410);
      afterResponse(kickOutbox());
      return htmlPage({ title, body: renderTokenDone(action, shownName(outcome)) });
    },
  };
}
