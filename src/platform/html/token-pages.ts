// The pages behind the links in mails: a page with one button (mail scanners follow links, so the change
// happens only on its POST), and the answer after the click. One copy per action: signing and membership.
import type { TokenFailure } from '../tokens.ts';
import { routesFor, type Routes } from '../../routes.ts';
import { escapeHtml } from './escape.ts';
import { languageOf, strings, type Strings } from '../../i18n/index.ts';

type RouteName = { [K in keyof Routes]: Routes[K] extends string ? K : never }[keyof Routes];

/**
 * Where each action leads: on after the change, and back when the link failed, as names in the route table, so an
 * English page (under /en/) links the English pages. The texts are in src/i18n/.
 */
const links = {
  confirm: { next: 'signatories', back: 'sign' },
  withdraw: { next: 'signatories', back: 'sign' },
  'member-confirm': { next: 'charter', back: 'join' },
  'member-leave': { next: 'home', back: 'home' },
} as const satisfies Record<string, { next: RouteName; back: RouteName }>;

const linkOf = (action: TokenAction, which: 'next' | 'back', t: Strings): string => routesFor(languageOf(t.lang))[links[action][which]];

export type TokenAction = keyof typeof links;

type ActionCopy = Strings['tokenPages'][TokenAction];

function copyOf(action: TokenAction, t: Strings): ActionCopy {
  return t.tokenPages[action];
}

/** What to tell the visitor about a link that did not work. */
export function tokenFailureMessage(reason: TokenFailure, t: Strings = strings()): string {
  return t.tokenPages.failures[reason];
}

export function tokenActionTitle(action: TokenAction, t: Strings = strings()): string {
  return copyOf(action, t).title;
}

export function renderTokenForm(action: TokenAction, formAction: string, token: string, t: Strings = strings()): string {
  const c = copyOf(action, t);
  return [
    `<h1>${c.title}</h1>`,
    `<p class="lead">${c.intro}</p>`,
    `<form method="post" action="${escapeHtml(formAction)}">`,
    `<input type="hidden" name="token" value="${escapeHtml(token)}">`,
    `<p><button type="submit" class="button">${c.button}</button></p>`,
    `</form>`,
  ].join('');
}

export function renderTokenDone(action: TokenAction, name: string, t: Strings = strings()): string {
  const c = copyOf(action, t);
  return `<div class="panel" role="status"><h1>${c.doneTitle}</h1><p>${c.done(escapeHtml(name))}</p></div><p><a href="${linkOf(action, 'next', t)}">${c.next}</a></p>`;
}

export function renderTokenFailure(action: TokenAction, reason: TokenFailure, t: Strings = strings()): string {
  const c = copyOf(action, t);
  const own: Partial<Record<TokenFailure, string>> = c.failures;
  const message = own[reason] ?? tokenFailureMessage(reason, t);
  return `<h1>${c.title}</h1><div class="error-summary" role="alert" tabindex="-1" autofocus><h2>${t.tokenPages.problem}</h2><p>${message}</p></div><p><a href="${linkOf(action, 'back', t)}">${c.back}</a></p>`;
}
