// The admin's login pages: ask for a link, "check your mail", and the one-button page behind the link.
import { routes } from '../../routes.ts';
import { escapeHtml } from '../../platform/html/escape.ts';
import { formTop, input, type FormAlert } from '../../platform/html/form-fields.ts';
import { strings } from '../../i18n/index.ts';

export const loginMessages = strings().admin.login;

export function renderLoginPage(state: { email?: string; error?: string; notice?: string; alert?: FormAlert } = {}): string {
  const errors = state.error ? [{ field: 'email', message: state.error }] : [];
  return [
    state.notice ? `<div class="notice" role="status"><p>${escapeHtml(state.notice)}</p></div>` : '',
    formTop(errors, state.alert),
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
  return `<h1>${loginMessages.linkTitle}</h1><p>${loginMessages.failed[reason]}</p><p><a href="${routes.adminLogin}">${loginMessages.newLink}</a></p>`;
}

export function renderMessagePage(title: string, text: string): string {
  return `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p>`;
}
