// The secretariat's list of suppressed mail addresses (hard bounces and complaints), each with a button that lifts it.
import { routes } from '../../routes.ts';
import type { Suppression } from '../../platform/mail/suppressions.ts';
import { escapeHtml } from '../../platform/html/escape.ts';
import { errorSummary } from '../../platform/html/form-fields.ts';
import { adminHeader, csrfField, formatTime, notice, scrollTable, type AdminView } from './admin-frame.ts';
import { strings, type Strings } from '../../i18n/index.ts';

/** The id of an address's row, so an error can link to it. */
export const suppressionRowId = (address: string) => `spaerret-${address.replace(/[^a-z0-9]+/g, '-')}`;

function liftForm(s: Suppression, view: AdminView, t: Strings): string {
  const m = t.admin.suppressions;
  return (
    `<form method="post" action="${routes.adminSuppressions}" id="${suppressionRowId(s.address)}">${csrfField(view.csrfToken)}` +
    `<input type="hidden" name="address" value="${escapeHtml(s.address)}">` +
    `<button type="submit" class="button secondary">${m.lift}<span class="visually-hidden">${escapeHtml(m.liftFor(s.address))}</span></button></form>`
  );
}

export function renderSuppressionList(view: AdminView, state: { suppressions: readonly Suppression[]; notice?: string; error?: { address: string; message: string } }, t: Strings = strings()): string {
  const m = t.admin.suppressions;
  const rows = state.suppressions.map((s) => [escapeHtml(s.address), escapeHtml(m.reasons[s.reason] ?? s.reason), escapeHtml(s.detail ?? ''), escapeHtml(formatTime(s.created_at)), liftForm(s, view, t)]);
  const errors = state.error ? [{ field: suppressionRowId(state.error.address), message: state.error.message }] : [];
  return [
    adminHeader(view, t),
    errorSummary(errors),
    notice(state.notice),
    `<h1>${m.title} <span class="count">(${state.suppressions.length})</span></h1>`,
    `<p class="lead">${m.lead}</p>`,
    state.suppressions.length ? scrollTable(m.title, m.columns, rows) : `<p>${m.empty}</p>`,
  ].join('');
}
