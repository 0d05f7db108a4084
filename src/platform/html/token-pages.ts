// The pages behind the links in mails: a page with one button (mail scanners follow links, so the change
// happens only on its POST), the answer after the click, a second click (a success: it is done already), and an
// old confirm link (a button that mails a new one). One copy per action: signing and membership, in both languages.
import type { TokenFailure } from '../tokens.ts';
import { routesFor, type Routes } from '../../routes.ts';
import { escapeHtml } from './escape.ts';
import { languageOf, strings, type Strings } from '../../i18n/index.ts';


/**
 * Where each action leads: on after the change, and back when the link failed, as names in the route table, so an
 * English page (under /en/) links the English pages. The texts are in src/i18n/.
 */
const links = {
  confirm: { next: 'signatories', back: 'sign' },
  withdraw: { next: 'signatories', back: 'sign' },
  'member-confirm': { next: 'charter', back: 'join' },
  'member-leave': { next: 'home', back: 'home' },
} as const satisfies Record<string, { next: keyof Routes; back: keyof Routes }>;

export type TokenAction = keyof typeof links;

/** The actions whose old (expired) link can be swapped for a new one by mail. */
export const renewableActions = ['confirm', 'member-confirm'] as const satisfies readonly TokenAction[];
export type RenewableAction = (typeof renewableActions)[number];

/** The form field that asks a token page for a new link instead of using the token. */
export const newLinkField = 'nyt_link';

type ActionCopy = Strings['tokenPages'][TokenAction];

function copyOf(action: TokenAction, t: Strings): ActionCopy {
  return t.tokenPages[action];
}

const href = (t: Strings, key: keyof Routes) => routesFor(languageOf(t.lang))[key] as string;

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
  return `<div class="panel" role="status"><h1>${c.doneTitle}</h1><p>${c.done(escapeHtml(name))}</p></div><p><a href="${href(t, links[action].next)}">${c.next}</a></p>`;
}

/** A link clicked again after it did its work: nothing is wrong, so it reads as the success it was. */
export function renderTokenAlreadyDone(action: TokenAction, t: Strings = strings()): string {
  const c = t.linkpages.already[action];
  return `<div class="panel" role="status"><h1>${c.title}</h1><p>${c.text}</p></div><p><a href="${href(t, links[action].next)}">${copyOf(action, t).next}</a></p>`;
}

/** An expired confirm link: one button, bound to the old token, that asks for a new link to the address on file. */
export function renderTokenExpired(action: RenewableAction, formAction: string, token: string, t: Strings = strings()): string {
  const e = t.linkpages.expired;
  return [
    `<h1>${e.title}</h1>`,
    `<p class="lead">${e[action]}</p>`,
    `<form method="post" action="${escapeHtml(formAction)}">`,
    `<input type="hidden" name="token" value="${escapeHtml(token)}">`,
    `<input type="hidden" name="${newLinkField}" value="1">`,
    `<p><button type="submit" class="button">${e.button}</button></p>`,
    `</form>`,
    `<p><a href="${href(t, links[action].back)}">${copyOf(action, t).back}</a></p>`,
  ].join('');
}

/** The answer to "send a new link": the same whether or not a mail went, so it tells a stranger nothing. */
export function renderNewLinkSent(action: RenewableAction, t: Strings = strings()): string {
  const s = t.linkpages.sent;
  return `<div class="panel" role="status"><h1>${s.title}</h1><p>${s[action]}</p><p>${s.noMail}</p></div>`;
}

export function renderTokenFailure(action: TokenAction, reason: TokenFailure, t: Strings = strings()): string {
  const c = copyOf(action, t);
  const own: Partial<Record<TokenFailure, string>> = c.failures;
  const message = own[reason] ?? tokenFailureMessage(reason, t);
  return `<h1>${c.title}</h1><div class="error-summary" role="alert" tabindex="-1" autofocus><h2>${t.tokenPages.problem}</h2><p>${message}</p></div><p><a href="${href(t, links[action].back)}">${c.back}</a></p>`;
}
