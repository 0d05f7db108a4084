// The page behind the re-affirm link in the mail about a new charter version: one button (mail scanners follow links,
// so the change happens only on its POST), then the answer. Renders from values it is given; no database.
import { escapeHtml } from '../platform/html/escape.ts';
import type { TokenFailure } from '../platform/tokens.ts';
import { routesFor } from '../routes.ts';
import type { Strings } from '../i18n/index.ts';

export function renderAffirmForm(token: string, version: number, t: Strings): string {
  const c = t.charterVersions.affirmPage;
  const routes = routesFor(t.lang === 'en' ? 'en' : 'da');
  return [
    `<h1>${escapeHtml(c.title)}</h1>`,
    `<p class="lead">${escapeHtml(c.intro(version))}</p>`,
    `<p><a href="${routes.charterChanges}">${escapeHtml(c.back)}</a></p>`,
    `<form method="post" action="${escapeHtml(routes.charterAffirm)}">`,
    `<input type="hidden" name="token" value="${escapeHtml(token)}">`,
    `<p><button type="submit" class="button">${escapeHtml(c.button)}</button></p>`,
    `</form>`,
  ].join('');
}

export function renderAffirmDone(organisationName: string, version: number, t: Strings): string {
  const c = t.charterVersions.affirmPage;
  const routes = routesFor(t.lang === 'en' ? 'en' : 'da');
  return `<div class="panel" role="status"><h1>${escapeHtml(c.doneTitle)}</h1><p>${escapeHtml(c.done(organisationName, version))}</p></div><p><a href="${routes.signatories}">${escapeHtml(c.next)}</a></p>`;
}

export function renderAffirmFailure(reason: TokenFailure, t: Strings): string {
  const c = t.charterVersions.affirmPage;
  const routes = routesFor(t.lang === 'en' ? 'en' : 'da');
  return `<h1>${escapeHtml(c.title)}</h1><div class="error-summary" role="alert" tabindex="-1" autofocus><h2>${escapeHtml(c.problem)}</h2><p>${escapeHtml(c.failures[reason])}</p></div><p><a href="${routes.charterChanges}">${escapeHtml(c.back)}</a></p>`;
}
