// The pages behind the links in mails: a page with one button (mail scanners follow links, so the change
// happens only on its POST), and the answer after the click.
import type { TokenFailure } from '../server/signatures.ts';
import { escapeHtml } from './escape.ts';

export type TokenAction = 'confirm' | 'withdraw';

const copy = {
  confirm: {
    title: 'Bekræft underskriften',
    intro: 'Tryk på knappen for at bekræfte, at jeres organisation skriver under på Charter for samskabelse.',
    button: 'Bekræft underskriften',
    doneTitle: 'Tak, underskriften er bekræftet',
    done: (name: string) =>
      `Underskriften fra ${escapeHtml(name)} er bekræftet. Sekretariatet ser den igennem, og I får en mail, når I står på listen over underskrivere.`,
  },
  withdraw: {
    title: 'Træk underskriften tilbage',
    intro: 'Tryk på knappen for at trække jeres underskrift tilbage. Så fjerner vi jer straks fra listen over underskrivere.',
    button: 'Træk underskriften tilbage',
    doneTitle: 'Underskriften er trukket tilbage',
    done: (name: string) => `${escapeHtml(name)} står ikke længere på listen over underskrivere. I kan altid skrive under igen.`,
  },
} as const;

const failures: Record<TokenFailure, string> = {
  unknown: 'Linket virker ikke. Tjek, at du har kopieret hele linket fra mailen.',
  used: 'Linket er allerede brugt. Hvert link virker kun én gang.',
  expired: 'Linket er udløbet. Skriv under igen for at få et nyt link.',
  'not-allowed': 'Det kan ikke lade sig gøre for denne underskrift længere.',
};

export function tokenActionTitle(action: TokenAction): string {
  return copy[action].title;
}

export function renderTokenForm(action: TokenAction, formAction: string, token: string): string {
  const c = copy[action];
  return [
    `<h1>${c.title}</h1>`,
    `<p class="lead">${c.intro}</p>`,
    `<form method="post" action="${escapeHtml(formAction)}">`,
    `<input type="hidden" name="token" value="${escapeHtml(token)}">`,
    `<p><button type="submit" class="button">${c.button}</button></p>`,
    `</form>`,
  ].join('');
}

export function renderTokenDone(action: TokenAction, organisationName: string): string {
  const c = copy[action];
  return `<div class="panel" role="status"><h1>${c.doneTitle}</h1><p>${c.done(organisationName)}</p></div><p><a href="/underskrivere/">Se listen over underskrivere</a></p>`;
}

export function renderTokenFailure(action: TokenAction, reason: TokenFailure): string {
  return `<h1>${copy[action].title}</h1><div class="error-summary" role="alert" tabindex="-1" autofocus><h2>Der er et problem</h2><p>${failures[reason]}</p></div><p><a href="/underskriv/">Gå til siden, hvor man skriver under</a></p>`;
}
