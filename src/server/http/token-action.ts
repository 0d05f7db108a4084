// The two-step pages behind mail links (confirm, withdraw): GET shows one button, POST makes the change.
import { renderTokenDone, renderTokenFailure, renderTokenForm, tokenActionTitle, type TokenAction } from '../../html/token-pages.ts';
import type { Db } from '../db/client.ts';
import { database, kickOutbox } from '../runtime.ts';
import type { TokenOutcome } from '../signatures.ts';
import { htmlPage } from './html-page.ts';
import { readBody, sameOrigin } from './request-body.ts';

export function tokenActionHandlers(action: TokenAction, path: string, run: (db: Db, token: string) => Promise<TokenOutcome>) {
  const title = tokenActionTitle(action);
  return {
    async GET(request: Request): Promise<Response> {
      const token = new URL(request.url).searchParams.get('token') ?? '';
      if (!token) return htmlPage({ title, body: renderTokenFailure(action, 'unknown'), status: 400 });
      return htmlPage({ title, body: renderTokenForm(action, path, token) });
    },
    async POST(request: Request): Promise<Response> {
      if (!sameOrigin(request)) return htmlPage({ title, body: renderTokenFailure(action, 'unknown'), status: 403 });
      const body = await readBody(request);
      if (!body.ok) return body.response;
      const raw = body.data.token;
      const token = typeof raw === 'string' ? raw : '';
      const outcome = await run(await database(), token);
      if (!outcome.ok) return htmlPage({ title, body: renderTokenFailure(action, outcome.reason), status: outcome.reason === 'unknown' ? 404 : 410 });
      void kickOutbox();
      return htmlPage({ title, body: renderTokenDone(action, outcome.organisationName) });
    },
  };
}
