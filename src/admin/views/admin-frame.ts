// The pieces every admin page shares: the admin menu, a short notice after an action, and the hidden CSRF field.
import { routes } from '../../routes.ts';
import { escapeHtml } from '../../platform/html/escape.ts';
import { strings, type Strings } from '../../i18n/index.ts';

/** The admin menu: each page's path, and its label's key in src/i18n (admin.nav). */
export const adminNav = [
  { href: routes.adminSignatures, label: 'signatures' },
  { href: routes.adminMembers, label: 'members' },
  { href: routes.adminSuggestions, label: 'suggestions' },
  { href: routes.adminCharter, label: 'charter' },
  { href: routes.adminGdpr, label: 'personalData' },
  { href: routes.adminSuppressions, label: 'suppressions' },
  { href: routes.adminAudit, label: 'audit' },
] as const;

export interface AdminView {
  email: string;
  csrfToken: string;
  /** The path of the page, to mark the current menu item. */
  current: string;
}

export function csrfField(csrfToken: string): string {
  return `<input type="hidden" name="csrf" value="${escapeHtml(csrfToken)}">`;
}

/** Heading area of every logged-in page: the menu, who is logged in, and the logout button. */
export function adminHeader(view: AdminView, t: Strings = strings()): string {
  const items = adminNav
    .map((item) => `<li><a href="${item.href}"${item.href === view.current ? ' aria-current="page"' : ''}>${t.admin.nav[item.label]}</a></li>`)
    .join('');
  return [
    `<nav class="admin-nav" aria-label="${t.admin.nav.label}"><ul>${items}</ul></nav>`,
    `<form class="admin-who" method="post" action="${routes.adminLogout}">${csrfField(view.csrfToken)}`,
    `<p>${t.admin.loggedInAs} <strong>${escapeHtml(view.email)}</strong> <button type="submit" class="button secondary">${t.admin.logout}</button></p></form>`,
  ].join('');
}

/** A notice after a successful action, announced to screen readers. */
export function notice(text: string | undefined): string {
  return text ? `<div class="notice" role="status"><p>${escapeHtml(text)}</p></div>` : '';
}

export function formatTime(date: Date | null | undefined): string {
  if (!date) return '';
  return new Intl.DateTimeFormat('da-DK', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Copenhagen' }).format(date);
}

/** A table inside a region that scrolls sideways on a phone and can be reached and scrolled with the keyboard. */
export function scrollTable(label: string, head: readonly string[], rows: readonly string[][]): string {
  const th = head.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('');
  const body = rows.map((cells) => `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('');
  return `<div class="table-scroll" role="region" aria-label="${escapeHtml(label)}" tabindex="0"><table><thead><tr>${th}</tr></thead><tbody>${body}</tbody></table></div>`;
}
