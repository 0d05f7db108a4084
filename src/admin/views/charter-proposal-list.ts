// The secretariat's page for proposals to the charter: the consultation round (open and close it), and the proposals
// of one status with what can be done to them: publish, reject with a reason, merge into another, answer, and open the
// pull request for an accepted wording.
import { routes } from '../../routes.ts';
import type { AdminProposal, ProposalStatus, RoundRow } from '../../charter-proposals/moderation.ts';
import { escapeHtml } from '../../platform/html/escape.ts';
import { errorSummary, group } from '../../platform/html/form-fields.ts';
import { adminHeader, csrfField, formatTime, notice, type AdminView } from './admin-frame.ts';
import { renderCharterVersions } from './charter-version-list.ts';
import type { AdoptionOverview } from '../../signing/charter-adoption.ts';
import { strings } from '../../i18n/index.ts';

const m = strings().charterProposals.admin;
const shownStatuses: ProposalStatus[] = ['confirmed', 'published', 'rejected', 'merged', 'pending'];

export interface CharterAdminState {
  status: ProposalStatus;
  proposals: readonly AdminProposal[];
  /** The published proposals, as targets for a merge. */
  published: readonly AdminProposal[];
  round?: RoundRow;
  /** The charter's versions and whether the newest waits to be announced. */
  adoption?: AdoptionOverview;
  notice?: string;
  /** A failed action: the field it belongs to (an id on this page) and the message. */
  error?: { field: string; message: string };
  values?: Record<string, string>;
}

function row(label: string, value: string | null | undefined): string {
  return value ? `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd>` : '';
}

const hidden = (name: string, value: string) => `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`;

function form(view: AdminView, action: string, id: string, inner: string, button: string, label: string, secondary = false): string {
  return `<form method="post" action="${routes.adminCharter}" novalidate>${csrfField(view.csrfToken)}${hidden('action', action)}${hidden('id', id)}${inner}<button type="submit" class="button${secondary ? ' secondary' : ''}">${escapeHtml(button)}<span class="visually-hidden">${escapeHtml(m.forProposal(label))}</span></button></form>`;
}

function textField(name: string, label: string, error: string | undefined, value = '', rows = 2): string {
  const o = { name, label, error };
  return group(o, `<textarea class="input" id="${name}" name="${name.replace(/-[0-9a-f-]{36}$/, '')}" rows="${rows}" maxlength="3000"${error ? ` aria-describedby="${name}-error" aria-invalid="true"` : ''}>${escapeHtml(value)}</textarea>`);
}

function card(p: AdminProposal, view: AdminView, state: CharterAdminState): string {
  const f = m.fields;
  const label = p.id.slice(0, 8);
  const err = (name: string) => (state.error?.field === `${name}-${p.id}` ? state.error.message : undefined);
  const actions: string[] = [];
  if (p.status === 'confirmed') actions.push(form(view, 'publish', p.id, '', m.publish, label));
  if (p.status === 'confirmed' || p.status === 'published') {
    actions.push(form(view, 'reject', p.id, textField(`reason-${p.id}`, m.rejectReason, err('reason')), m.reject, label, true));
    const targets = state.published.filter((t) => t.principle === p.principle && t.id !== p.id);
    if (targets.length) {
      const options = [`<option value="">${escapeHtml(m.mergeChoose)}</option>`, ...targets.map((t) => `<option value="${t.id}">${escapeHtml(`${t.id.slice(0, 8)}: ${(t.wording ?? t.reason).slice(0, 60)}`)}</option>`)].join('');
      const o = { name: `into-${p.id}`, label: m.merge, hint: m.mergeHint, error: err('into') };
      actions.push(form(view, 'merge', p.id, group(o, `<select class="input" id="into-${p.id}" name="into" aria-describedby="into-${p.id}-hint${o.error ? ` into-${p.id}-error` : ''}">${options}</select>`), m.mergeButton, label, true));
    }
  }
  if (p.status === 'published') {
    const outcomes = (['incorporated', 'not-incorporated'] as const)
      .map((o) => `<div class="choice"><input type="radio" id="outcome-${o}-${p.id}" name="outcome" value="${o}"${p.answer_outcome === o ? ' checked' : ''}><label for="outcome-${o}-${p.id}">${escapeHtml(m.outcomes[o])}</label></div>`)
      .join('');
    const outcomeError = err('outcome');
    const answerFields = [
      `<div class="field${outcomeError ? ' field--error' : ''}"><fieldset id="outcome-${p.id}" class="choices" tabindex="-1"><legend class="field-label">${escapeHtml(m.outcome)}</legend>${outcomeError ? `<p class="field-error">${escapeHtml(outcomeError)}</p>` : ''}${outcomes}</fieldset></div>`,
      group({ name: `version-${p.id}`, label: m.version, error: err('version') }, `<input class="input input--short" id="version-${p.id}" name="version" value="${escapeHtml(p.answer_version ?? '')}" maxlength="20">`),
      textField(`answer-${p.id}`, m.answer, err('answer'), p.answer ?? '', 4),
    ].join('');
    actions.push(form(view, 'answer', p.id, answerFields, m.answerButton, label, true));
    if (p.kind === 'wording' && !p.pr_url) actions.push(`<p class="field-hint">${escapeHtml(m.acceptHint)}</p>${form(view, 'accept', p.id, '', m.accept, label)}`);
  }
  return [
    `<li class="review-card" id="forslag-${p.id}"><h2>${escapeHtml(p.principle_title)}: ${escapeHtml(label)}</h2><dl class="facts">`,
    row(f.kind, p.kind === 'wording' ? strings().charterProposals.page.wordingProposal : strings().charterProposals.page.comment),
    row(f.wording, p.wording),
    row(f.basedOn, p.kind === 'wording' ? p.based_on : null),
    row(f.reason, p.reason),
    row(f.author, p.author_name ? `${p.author_name}${p.author_organisation ? `, ${p.author_organisation}` : ''} <${p.email ?? ''}>` : null),
    row(f.public, p.consent_public ? strings().admin.yes : strings().admin.no),
    row(f.received, formatTime(p.created_at)),
    row(f.round, p.round_title ?? m.nextRound),
    row(f.supports, String(p.supports)),
    row(f.answer, p.answer),
    row(f.rejectReason, p.reject_reason),
    row(f.mergedInto, p.merged_into),
    p.pr_url ? `<dt>${escapeHtml(f.pullRequest)}</dt><dd><a href="${escapeHtml(p.pr_url)}">${escapeHtml(p.pr_url)}</a></dd>` : '',
    row(f.reviewedBy, p.reviewed_by),
    `</dl><div class="review-actions">${actions.join('')}</div></li>`,
  ].join('');
}

function roundSection(view: AdminView, state: CharterAdminState): string {
  const r = m.rounds;
  const err = (name: string) => (state.error?.field === name ? state.error.message : undefined);
  const v = state.values ?? {};
  const open = state.round
    ? `<p>${escapeHtml(r.open(state.round.title, state.round.opens_on, state.round.closes_on))}</p><form method="post" action="${routes.adminCharter}">${csrfField(view.csrfToken)}${hidden('action', 'close-round')}<button type="submit" class="button secondary">${escapeHtml(r.closeButton)}</button></form>`
    : `<p>${escapeHtml(r.none)}</p>`;
  const openForm = [
    `<form method="post" action="${routes.adminCharter}" novalidate>${csrfField(view.csrfToken)}${hidden('action', 'open-round')}`,
    group({ name: 'round-title', label: r.name, error: err('round-title') }, `<input class="input" id="round-title" name="title" value="${escapeHtml(v.title ?? '')}" maxlength="200">`),
    group({ name: 'round-opens', label: r.opensOn, error: err('round-opens') }, `<input class="input input--short" id="round-opens" name="opens_on" type="date" value="${escapeHtml(v.opens_on ?? '')}">`),
    group({ name: 'round-closes', label: r.closesOn }, `<input class="input input--short" id="round-closes" name="closes_on" type="date" value="${escapeHtml(v.closes_on ?? '')}">`),
    `<button type="submit" class="button">${escapeHtml(r.openButton)}</button></form>`,
  ].join('');
  return `<section aria-labelledby="hoeringer" class="review-card"><h2 id="hoeringer">${escapeHtml(r.title)}</h2>${open}${state.round ? '' : openForm}</section>`;
}

export function renderCharterProposalList(view: AdminView, state: CharterAdminState): string {
  const tabs = shownStatuses
    .map((status) => `<li><a href="${routes.adminCharter}?status=${status}"${status === state.status ? ' aria-current="page"' : ''}>${escapeHtml(m.statuses[status])}</a></li>`)
    .join('');
  return [
    adminHeader(view),
    errorSummary(state.error ? [state.error] : []),
    notice(state.notice),
    `<h1>${escapeHtml(m.title)}: ${escapeHtml(m.statuses[state.status].toLowerCase())} <span class="count">(${state.proposals.length})</span></h1>`,
    `<p class="lead">${escapeHtml(m.lead)}</p>`,
    state.adoption ? renderCharterVersions(view, state.adoption) : '',
    roundSection(view, state),
    `<nav aria-label="${strings().admin.statusTabs}"><ul class="tabs">${tabs}</ul></nav>`,
    state.proposals.length ? `<ul class="review-list">${state.proposals.map((p) => card(p, view, state)).join('')}</ul>` : `<p>${escapeHtml(m.empty)}</p>`,
  ].join('');
}
