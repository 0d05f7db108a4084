// The pages behind the links in mails: a page with one button (mail scanners follow links, so the change
// happens only on its POST), and the answer after the click. One copy per action: signing and membership.
import type { TokenFailure } from '../tokens.ts';
import { routes } from '../../routes.ts';
import { escapeHtml } from './escape.ts';

interface ActionCopy {
  title: string;
  intro: string;
  button: string;
  doneTitle: string;
  /** The text after the click; `name` is the organisation's or the member's name, not yet escaped. */
  done: (name: string) => string;
  /** Where to go next after the change. */
  next: { href: string; label: string };
  /** Where to go when the link failed. */
  back: { href: string; label: string };
  /** Failure texts that differ from the general ones for this action. */
  failures?: Partial<Record<TokenFailure, string>>;
}

const copy = {
  confirm: {
    title: 'Bekræft underskriften',
    intro: 'Tryk på knappen for at bekræfte, at jeres organisation skriver under på Charter for samskabelse.',
    button: 'Bekræft underskriften',
    doneTitle: 'Tak, underskriften er bekræftet',
    done: (name) =>
      `Underskriften fra ${escapeHtml(name)} er bekræftet. Sekretariatet ser den igennem, og I får en mail, når I står på listen over underskrivere.`,
    next: { href: routes.signatories, label: 'Se listen over underskrivere' },
    back: { href: routes.sign, label: 'Gå til siden, hvor man skriver under' },
    failures: {
      expired: 'Linket er udløbet. Skriv under igen for at få et nyt link.',
      'not-allowed': 'Det kan ikke lade sig gøre for denne underskrift længere.',
    },
  },
  withdraw: {
    title: 'Træk underskriften tilbage',
    intro: 'Tryk på knappen for at trække jeres underskrift tilbage. Så fjerner vi jer straks fra listen over underskrivere.',
    button: 'Træk underskriften tilbage',
    doneTitle: 'Underskriften er trukket tilbage',
    done: (name) => `${escapeHtml(name)} står ikke længere på listen over underskrivere. I kan altid skrive under igen.`,
    next: { href: routes.signatories, label: 'Se listen over underskrivere' },
    back: { href: routes.sign, label: 'Gå til siden, hvor man skriver under' },
    failures: {
      expired: 'Linket er udløbet. Skriv under igen for at få et nyt link.',
      'not-allowed': 'Det kan ikke lade sig gøre for denne underskrift længere.',
    },
  },
  'member-confirm': {
    title: 'Bekræft dit medlemskab',
    intro: 'Tryk på knappen for at bekræfte, at du vil være medlem af Samskabelsesbevægelsen.',
    button: 'Bekræft medlemskabet',
    doneTitle: 'Velkommen i bevægelsen',
    done: (name) => `Tak, ${escapeHtml(name)}. Nu er du medlem af Samskabelsesbevægelsen. Vi har sendt dig en velkomstmail med et link, så du altid kan melde dig ud igen.`,
    next: { href: routes.charter, label: 'Læs chartret for samskabelse' },
    back: { href: routes.join, label: 'Gå til siden, hvor man bliver medlem' },
    failures: {
      expired: 'Linket er udløbet. Meld dig ind igen for at få et nyt link.',
      'not-allowed': 'Du er allerede medlem, så du skal ikke gøre mere.',
    },
  },
  'member-leave': {
    title: 'Meld dig ud',
    intro: 'Tryk på knappen for at melde dig ud af Samskabelsesbevægelsen. Så sletter vi dine oplysninger med det samme.',
    button: 'Meld mig ud',
    doneTitle: 'Du er meldt ud',
    done: () => 'Du er ikke længere medlem af Samskabelsesbevægelsen, og vi har slettet dine oplysninger. Du er altid velkommen tilbage.',
    next: { href: routes.home, label: 'Gå til forsiden' },
    back: { href: routes.home, label: 'Gå til forsiden' },
    failures: {
      unknown: 'Linket virker ikke. Måske er du allerede meldt ud, og så er dine oplysninger slettet. Ellers så tjek, at du har kopieret hele linket fra mailen.',
      expired: 'Linket er for gammelt. Skriv til sekretariatet, så melder vi dig ud.',
    },
  },
} as const satisfies Record<string, ActionCopy>;

export type TokenAction = keyof typeof copy;

const failures: Record<TokenFailure, string> = {
  unknown: 'Linket virker ikke. Tjek, at du har kopieret hele linket fra mailen.',
  used: 'Linket er allerede brugt. Hvert link virker kun én gang.',
  expired: 'Linket er udløbet.',
  'not-allowed': 'Det kan ikke lade sig gøre længere.',
};

/** What to tell the visitor about a link that did not work. */
export function tokenFailureMessage(reason: TokenFailure): string {
  return failures[reason];
}

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

export function renderTokenDone(action: TokenAction, name: string): string {
  const c: ActionCopy = copy[action];
  return `<div class="panel" role="status"><h1>${c.doneTitle}</h1><p>${c.done(name)}</p></div><p><a href="${c.next.href}">${c.next.label}</a></p>`;
}

export function renderTokenFailure(action: TokenAction, reason: TokenFailure): string {
  const c: ActionCopy = copy[action];
  const message = c.failures?.[reason] ?? failures[reason];
  return `<h1>${c.title}</h1><div class="error-summary" role="alert" tabindex="-1" autofocus><h2>Der er et problem</h2><p>${message}</p></div><p><a href="${c.back.href}">${c.back.label}</a></p>`;
}
