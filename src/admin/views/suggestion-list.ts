// The secretariat's list of case suggestions: what was suggested, by whom, and a button that opens the pull request on GitHub.
import { routes } from '../../routes.ts';
import type { SuggestionRow, SuggestionStatus } from '../../suggestions/suggestions.ts';
import { escapeHtml } from '../../platform/html/escape.ts';
import { errorSummary } from '../../platform/html/form-fields.ts';
import { adminHeader, csrfField, formatTime, notice, type AdminView } from './admin-frame.ts';

export const suggestionStatusLabels: Record<SuggestionStatus, string> = {
  pending: 'Venter',
  'pull-request-opened': 'Pull request oprettet',
};

function row(label: string, value: string | null | undefined): string {
  return value ? `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd>` : '';
}

function card(s: SuggestionRow, view: AdminView): string {
  const action =
    s.status === 'pending'
      ? `<form method="post" action="${routes.adminSuggestions}">${csrfField(view.csrfToken)}<input type="hidden" name="id" value="${s.id}"><button type="submit" class="button">Opret pull request<span class="visually-hidden"> for ${escapeHtml(s.title)}</span></button></form>`
      : '';
  const link = s.pr_url ? `<dt>Pull request</dt><dd><a href="${escapeHtml(s.pr_url)}">${escapeHtml(s.pr_url)}</a></dd>` : '';
  return [
    `<li class="review-card" id="forslag-${s.id}"><h2>${escapeHtml(s.title)}</h2><dl class="facts">`,
    row('Status', suggestionStatusLabels[s.status]),
    row('Kommune', s.municipality),
    row('Hvad skete der', s.what_happened),
    row('Hvem deltog', s.participants),
    row('Kilder', s.sources),
    row('Foreslået af', `${s.suggester_name} <${s.suggester_email}>`),
    row('Modtaget', formatTime(s.created_at)),
    link,
    row('Oprettet af', s.pr_opened_by),
    row('Seneste fejl fra GitHub', s.pr_last_error),
    `</dl>${action}</li>`,
  ].join('');
}

export function renderSuggestionList(view: AdminView, state: { status: SuggestionStatus; suggestions: readonly SuggestionRow[]; notice?: string; error?: { id: string; message: string } }): string {
  const tabs = (Object.keys(suggestionStatusLabels) as SuggestionStatus[])
    .map((status) => `<li><a href="${routes.adminSuggestions}?status=${status}"${status === state.status ? ' aria-current="page"' : ''}>${suggestionStatusLabels[status]}</a></li>`)
    .join('');
  const errors = state.error ? [{ field: `forslag-${state.error.id}`, message: state.error.message }] : [];
  return [
    adminHeader(view),
    errorSummary(errors),
    notice(state.notice),
    `<h1>Caseforslag: ${suggestionStatusLabels[state.status].toLowerCase()} <span class="count">(${state.suggestions.length})</span></h1>`,
    `<p class="lead">Forslag fra formularen på siden. En pull request tilføjer forslaget som en kladde, som en redaktør gør færdig. Forslagsstillerens navn og e-mail kommer ikke med i den.</p>`,
    `<nav aria-label="Status"><ul class="tabs">${tabs}</ul></nav>`,
    state.suggestions.length ? `<ul class="review-list">${state.suggestions.map((s) => card(s, view)).join('')}</ul>` : '<p>Der er ingen forslag med denne status.</p>',
  ].join('');
}
