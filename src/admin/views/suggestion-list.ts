// The secretariat's list of case suggestions: what was suggested, by whom, and a button that opens the pull request on GitHub.
import { routes } from '../../routes.ts';
import type { SuggestionRow, SuggestionStatus } from '../../suggestions/suggestions.ts';
import { escapeHtml } from '../../platform/html/escape.ts';
import { errorSummary } from '../../platform/html/form-fields.ts';
import { adminHeader, csrfField, formatTime, notice, type AdminView } from './admin-frame.ts';
import { strings } from '../../i18n/index.ts';

const m = strings().admin.suggestions;

export const suggestionStatusLabels: Record<SuggestionStatus, string> = m.statuses;

function row(label: string, value: string | null | undefined): string {
  return value ? `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd>` : '';
}

function card(s: SuggestionRow, view: AdminView): string {
  const action =
    s.status === 'pending'
      ? `<form method="post" action="${routes.adminSuggestions}">${csrfField(view.csrfToken)}<input type="hidden" name="id" value="${s.id}"><button type="submit" class="button">${m.openPullRequest}<span class="visually-hidden">${m.openPullRequestFor(escapeHtml(s.title))}</span></button></form>`
      : '';
  const link = s.pr_url ? `<dt>${m.fields.pullRequest}</dt><dd><a href="${escapeHtml(s.pr_url)}">${escapeHtml(s.pr_url)}</a></dd>` : '';
  return [
    `<li class="review-card" id="forslag-${s.id}"><h2>${escapeHtml(s.title)}</h2><dl class="facts">`,
    row(m.fields.status, suggestionStatusLabels[s.status]),
    row(m.fields.municipality, s.municipality),
    row(m.fields.whatHappened, s.what_happened),
    row(m.fields.participants, s.participants),
    row(m.fields.sources, s.sources),
    row(m.fields.suggestedBy, `${s.suggester_name} <${s.suggester_email}>`),
    row(m.fields.received, formatTime(s.created_at)),
    link,
    row(m.fields.openedBy, s.pr_opened_by),
    row(m.fields.lastError, s.pr_last_error),
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
    `<h1>${m.title}: ${suggestionStatusLabels[state.status].toLowerCase()} <span class="count">(${state.suggestions.length})</span></h1>`,
    `<p class="lead">${m.lead}</p>`,
    `<nav aria-label="${strings().admin.statusTabs}"><ul class="tabs">${tabs}</ul></nav>`,
    state.suggestions.length ? `<ul class="review-list">${state.suggestions.map((s) => card(s, view)).join('')}</ul>` : `<p>${m.empty}</p>`,
  ].join('');
}
