// The pages behind the links in proposal mails (confirm a proposal, support one): GET shows one button, because mail
// scanners follow links; POST makes the change. In the language of the address the link points to.
import type { TokenFailure } from '../platform/tokens.ts';
import type { Db } from '../platform/db/client.ts';
import { afterResponse, database, kickOutbox } from '../platform/runtime.ts';
import { htmlPage } from '../platform/http/html-page.ts';
import { readBody, sameOrigin } from '../platform/http/request-body.ts';
import { json, prefersJson } from '../platform/http/respond.ts';
import { escapeHtml } from '../platform/html/escape.ts';
import { languageOfPath, strings, type Language } from '../i18n/index.ts';
import { routesFor } from '../routes.ts';

export type ProposalLinkAction = 'proposal-confirm' | 'proposal-support';

const formPath = (action: ProposalLinkAction, lang: Language) => (action === 'proposal-confirm' ? routesFor(lang).proposalConfirm : routesFor(lang).proposalSupport);

function copy(action: ProposalLinkAction, lang: Language) {
  return strings(lang).charterProposals.linkPages[action];
}

export function renderLinkForm(action: ProposalLinkAction, token: string, lang: Language): string {
  const c = copy(action, lang);
  return [
    `<h1>${escapeHtml(c.title)}</h1>`,
    `<p class="lead">${escapeHtml(c.intro)}</p>`,
    `<form method="post" action="${formPath(action, lang)}">`,
    `<input type="hidden" name="token" value="${escapeHtml(token)}">`,
    `<p><button type="submit" class="button">${escapeHtml(c.button)}</button></p>`,
    `</form>`,
  ].join('');
}

export function renderLinkDone(action: ProposalLinkAction, next: string, lang: Language): string {
  const c = copy(action, lang);
  return `<div class="panel" role="status"><h1>${escapeHtml(c.doneTitle)}</h1><p>${escapeHtml(c.done)}</p></div><p><a href="${escapeHtml(next)}">${escapeHtml(c.next)}</a></p>`;
}

export function renderLinkFailure(action: ProposalLinkAction, reason: TokenFailure, lang: Language): string {
  const c = copy(action, lang);
  const problem = strings(lang).charterProposals.linkPages.problem;
  return `<h1>${escapeHtml(c.title)}</h1><div class="error-summary" role="alert" tabindex="-1" autofocus><h2>${escapeHtml(problem)}</h2><p>${escapeHtml(c.failures[reason])}</p></div><p><a href="${routesFor(lang).charter}">${escapeHtml(strings(lang).charter.all)}</a></p>`;
}

/** GET and POST for one link action; `run` spends the token and says where the done page leads. */
export function proposalLinkHandlers(action: ProposalLinkAction, run: (db: Db, token: string, lang: Language) => Promise<{ ok: true; next: string } | { ok: false; reason: TokenFailure }>) {
  const languageOf = (request: Request) => languageOfPath(new URL(request.url).pathname);
  const page = (lang: Language, body: string, status = 200) => htmlPage({ title: copy(action, lang).title, body, status, lang });
  const failure = (request: Request, lang: Language, reason: TokenFailure, status: number) =>
    prefersJson(request) ? json({ errors: [{ field: 'token', message: copy(action, lang).failures[reason] }] }, status) : page(lang, renderLinkFailure(action, reason, lang), status);
  return {
    async GET(request: Request): Promise<Response> {
      const lang = languageOf(request);
      const token = new URL(request.url).searchParams.get('token') ?? '';
      if (!token) return failure(request, lang, 'unknown', 400);
      return page(lang, renderLinkForm(action, token, lang));
    },
    async POST(request: Request): Promise<Response> {
      const lang = languageOf(request);
      if (!sameOrigin(request)) return failure(request, lang, 'unknown', 403);
      const body = await readBody(request);
      if (!body.ok) return body.response;
      const raw = body.data.token;
      const outcome = await run(await database(), typeof raw === 'string' ? raw : '', lang);
      if (!outcome.ok) return failure(request, lang, outcome.reason, outcome.reason === 'unknown' ? 404 : 410);
      afterResponse(kickOutbox());
      return prefersJson(request) ? json({ status: 'done' }) : page(lang, renderLinkDone(action, outcome.next, lang));
    },
  };
}
