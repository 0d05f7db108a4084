// The admin's login pages: ask for a link, "check your mail", and the one-button page behind the link.
import { routes } from '../../routes.ts';
import { escapeHtml } from '../../platform/html/escape.ts';
import { errorSummary, input } from '../../platform/html/form-fields.ts';

export const loginMessages = {
  title: 'Log ind i administrationen',
  intro: 'Skriv din e-mailadresse. Står den på sekretariatets liste, sender vi dig et link, som logger dig ind.',
  email: 'Din e-mail',
  emailMissing: 'Skriv din e-mailadresse',
  emailInvalid: 'Skriv en e-mailadresse i det rigtige format, fx navn@eksempel.dk',
  submit: 'Send mig et login-link',
  sentTitle: 'Tjek din mail',
  sent: 'Hvis adressen står på sekretariatets liste, har vi sendt et link til den. Linket virker én gang og i 15 minutter.',
  linkTitle: 'Log ind',
  linkIntro: 'Tryk på knappen for at logge ind i administrationen.',
  linkButton: 'Log ind',
  failed: {
    unknown: 'Linket virker ikke. Bed om et nyt login-link.',
    used: 'Linket er allerede brugt. Hvert link virker kun én gang. Bed om et nyt.',
    expired: 'Linket er udløbet. Bed om et nyt login-link.',
  },
  loggedOut: 'Du er logget ud.',
  closed: 'Administrationen er ikke sat op på denne server: SESSION_SECRET mangler eller er for kort (mindst 32 tegn).',
  forbidden: 'Formularen var for gammel eller kom ikke fra administrationen. Gå tilbage, genindlæs siden, og prøv igen.',
} as const;

export function renderLoginPage(state: { email?: string; error?: string; notice?: string } = {}): string {
  const errors = state.error ? [{ field: 'email', message: state.error }] : [];
  return [
    state.notice ? `<div class="notice" role="status"><p>${escapeHtml(state.notice)}</p></div>` : '',
    errorSummary(errors),
    `<h1>${loginMessages.title}</h1>`,
    `<p class="lead">${loginMessages.intro}</p>`,
    `<form class="form" method="post" action="${routes.adminLogin}" novalidate>`,
    input({ name: 'email', label: loginMessages.email, error: state.error }, state.email, 'type="email" autocomplete="email" spellcheck="false" maxlength="320"'),
    `<p><button type="submit" class="button">${loginMessages.submit}</button></p></form>`,
  ].join('');
}

export function renderLoginSent(): string {
  return `<div class="panel" role="status"><h1>${loginMessages.sentTitle}</h1><p>${loginMessages.sent}</p></div>`;
}

export function renderLoginLinkPage(token: string): string {
  return [
    `<h1>${loginMessages.linkTitle}</h1>`,
    `<p>${loginMessages.linkIntro}</p>`,
    `<form method="post" action="${routes.adminLoginLink}"><input type="hidden" name="token" value="${escapeHtml(token)}">`,
    `<p><button type="submit" class="button">${loginMessages.linkButton}</button></p></form>`,
  ].join('');
}

export function renderLoginFailure(reason: keyof typeof loginMessages.failed): string {
  return `<h1>${loginMessages.linkTitle}</h1><p>${loginMessages.failed[reason]}</p><p><a href="${routes.adminLogin}">Bed om et nyt login-link</a></p>`;
}

export function renderMessagePage(title: string, text: string): string {
  return `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p>`;
}
