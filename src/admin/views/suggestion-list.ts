// The secretariat's list of case suggestions: what was suggested, by whom, whether GitHub is set up (said up front),
// a button that opens the pull request, and a reason field with buttons to reject (the suggester is told) or archive.
import { routes } from '../../routes.ts';
import type { GitHubSetup, SuggestionRow, SuggestionStatus } from '../../suggestions/suggestions.ts';
import { escapeHtml } from '../../platform/html/escape.ts';
import { errorSummary, group } from '../../platform/html/form-fields.ts';
import { adminHeader, csrfField, formatTime, notice, type AdminView } from './admin-frame.ts';
import { strings } from '../../i18n/index.ts';

const t = strings();
const m = t.admin.suggestions;
const r = t.linkpages.suggestionReview;

export const suggestionStatusLabels: Record<SuggestionStatus, string> = { ...m.statuses, ...r.statuses };

export interface SuggestionListState {
  status: SuggestionStatus;
  suggestions: readonly SuggestionRow[];
  /** Whether the pull request button can work, shown before anyone presses it. */
  github: GitHubSetup;
  notice?: string;
  /** A failed action: which suggestion, the message, at the reason field or the card, and the reason typed so far. */
  error?: { id: string; message: string; field?: 'reason'; reason?: string };
}

function row(label: string, value: string | null | undefined): string {
  return value ? `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd>` : '';
}

const reasonId = (id: string) => `begrundelse-${id}`;

function actions(s: SuggestionRow, view: AdminView, state: SuggestionListState): string {
  if (s.status !== 'pending') return '';
  const error = state.error?.id === s.id ? state.error : undefined;
  const title = escapeHtml(s.title);
  const hidden = `${csrfField(view.csrfToken)}<input type="hidden" name="id" value="${s.id}">`;
  const pullRequest = state.github.ready
    ? `<form method="post" action="${routes.adminSuggestions}">${hidden}<input type="hidden" name="action" value="pull-request"><button type="submit" class="button">${m.openPullRequest}<span class="visually-hidden">${m.openPullRequestFor(title)}</span></button></form>`
    : '';
  const name = reasonId(s.id);
  const reason = { name, label: r.reason, hint: r.reasonHint, error: error?.field === 'reason' ? error.message : undefined };
  const field = `<textarea class="input" id="${name}" name="reason" rows="2" maxlength="2000" aria-describedby="${name}-hint${reason.error ? ` ${name}-error` : ''}"${reason.error ? ' aria-invalid="true"' : ''}>${escapeHtml(error?.reason ?? '')}</textarea>`;
  const close = [
    `<form method="post" action="${routes.adminSuggestions}" novalidate>${hidden}`,
    group(reason, field),
    `<button type="submit" class="button secondary" name="action" value="reject">${r.reject}<span class="visually-hidden">${r.forTitle(title)}</span></button> `,
    `<button type="submit" class="button secondary" name="action" value="archive">${r.archive}<span class="visually-hidden">${r.forTitle(title)}</span></button>`,
    `</form>`,
  ].join('');
  return `<div class="review-actions">${pullRequest}${close}</div>`;
}

function card(s: SuggestionRow, view: AdminView, state: SuggestionListState): string {
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
    row(r.closedBy, s.closed_by ? `${s.closed_by}, ${formatTime(s.closed_at)}` : null),
    row(r.closeReason, s.close_reason),
    `</dl>${actions(s, view, state)}</li>`,
  ].join('');
}

/** Up front: can the pull request button work here, and if not, which settings are missing. */
function githubStatus(github: GitHubSetup): string {
  const text = github.ready ? r.githubReady(escapeHtml(github.repository)) : r.githubMissing(github.missing.map((name) => `<code>${escapeHtml(name)}</code>`).join(r.and));
  return `<div class="notice" id="github-status"><p>${text}</p></div>`;
}

export function renderSuggestionList(view: AdminView, state: SuggestionListState): string {
  const tabs = (Object.keys(suggestionStatusLabels) as SuggestionStatus[])
    .map((status) => `<li><a href="${routes.adminSuggestions}?status=${status}"${status === state.status ? ' aria-current="page"' : ''}>${suggestionStatusLabels[status]}</a></li>`)
    .join('');
  const errors = state.error ? [{ field: state.error.field === 'reason' ? reasonId(state.error.id) : `forslag-${state.error.id}`, message: state.error.message }] : [];
  return [
    adminHeader(view),
    errorSummary(errors),
    notice(state.notice),
    `<h1>${m.title}: ${suggestionStatusLabels[state.status].toLowerCase()} <span class="count">(${state.suggestions.length})</span></h1>`,
    `<p class="lead">${m.lead}</p>`,
    githubStatus(state.github),
    `<nav aria-label="${t.admin.statusTabs}"><ul class="tabs">${tabs}</ul></nav>`,
    state.suggestions.length ? `<ul class="review-list">${state.suggestions.map((s) => card(s, view, state)).join('')}</ul>` : `<p>${m.empty}</p>`,
  ].join('');
}
