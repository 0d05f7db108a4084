// The review queue: confirmed signatures with everything the secretariat needs to judge them, and approve / reject-with-reason.
import type { SignatureStatus } from '../../signing/signature-status.ts';
import { strings } from '../../i18n/index.ts';
import { routes } from '../../routes.ts';
import type { SignatureConflict, SignatureRow } from '../../signing/signatures.ts';
import { escapeHtml } from '../../platform/html/escape.ts';
import { errorSummary, group } from '../../platform/html/form-fields.ts';
import { adminHeader, csrfField, formatTime, notice, type AdminView } from './admin-frame.ts';

const t = strings();

export const statusLabels: Record<SignatureStatus, string> = t.admin.signatureStatuses;

const shownStatuses: SignatureStatus[] = ['confirmed', 'published', 'rejected', 'withdrawn', 'pending'];

export const queueMessages = t.admin.queue;

export interface QueueState {
  status: SignatureStatus;
  signatures: SignatureRow[];
  notice?: string;
  /** Organisations signed for by a second contact, shown above the queue. */
  conflicts?: SignatureConflict[];
  /** A failed reject: which signature, the message, and the text typed so far. */
  error?: { id: string; field: 'reason' | 'id'; message: string; reason?: string };
}

function row(label: string, value: string | null | undefined): string {
  return value ? `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd>` : '';
}

function card(s: SignatureRow, view: AdminView, state: QueueState): string {
  const error = state.error?.id === s.id ? state.error : undefined;
  const reasonName = `reason-${s.id}`;
  const reason = { name: reasonName, label: queueMessages.reason, hint: queueMessages.reasonHint, error: error?.field === 'reason' ? error.message : undefined };
  const actions =
    s.status === 'confirmed'
      ? [
          `<div class="review-actions">`,
          `<form method="post" action="${routes.adminSignatures}">${csrfField(view.csrfToken)}<input type="hidden" name="id" value="${s.id}"><input type="hidden" name="action" value="approve">`,
          `<button type="submit" class="button">${queueMessages.approve}<span class="visually-hidden"> ${escapeHtml(s.organisation_name)}</span></button></form>`,
          `<form method="post" action="${routes.adminSignatures}" novalidate>${csrfField(view.csrfToken)}<input type="hidden" name="id" value="${s.id}"><input type="hidden" name="action" value="reject">`,
          group(reason, `<textarea class="input" id="${reasonName}" name="reason" rows="2" maxlength="1000" aria-describedby="${reasonName}-hint${reason.error ? ` ${reasonName}-error` : ''}"${reason.error ? ' aria-invalid="true"' : ''}>${escapeHtml(error?.reason ?? '')}</textarea>`),
          `<button type="submit" class="button secondary">${queueMessages.reject}<span class="visually-hidden"> ${escapeHtml(s.organisation_name)}</span></button></form>`,
          `</div>`,
        ].join('')
      : '';
  const f = queueMessages.fields;
  return [
    `<li class="review-card" id="underskrift-${s.id}"><h2>${escapeHtml(s.organisation_name)}</h2><dl class="facts">`,
    row(f.status, statusLabels[s.status]),
    row(f.type, t.signForm.types[s.organisation_type] ?? s.organisation_type),
    row(f.cvr, s.cvr),
    row(f.municipality, s.municipality),
    row(f.website, s.website),
    row(f.contact, s.contact_name ? `${s.contact_name}${s.contact_title ? `, ${s.contact_title}` : ''}` : null),
    row(f.email, s.email),
    row(f.statement, s.statement),
    row(f.public, s.consent_public ? t.admin.yes : t.admin.no),
    row(f.signed, formatTime(s.created_at)),
    row(f.confirmed, formatTime(s.confirmed_at)),
    row(f.rejectReason, s.reject_reason),
    row(f.reviewedBy, s.reviewed_by),
    `</dl>${actions}</li>`,
  ].join('');
}

export function renderSignatureQueue(view: AdminView, state: QueueState): string {
  const tabs = shownStatuses
    .map((status) => `<li><a href="${routes.adminSignatures}?status=${status}"${status === state.status ? ' aria-current="page"' : ''}>${statusLabels[status]}</a></li>`)
    .join('');
  const errors = state.error ? [{ field: state.error.field === 'reason' ? `reason-${state.error.id}` : `underskrift-${state.error.id}`, message: state.error.message }] : [];
  return [
    adminHeader(view),
    errorSummary(errors),
    notice(state.notice),
    `<h1>${queueMessages.title}: ${statusLabels[state.status].toLowerCase()} <span class="count">(${state.signatures.length})</span></h1>`,
    `<nav aria-label="${t.admin.statusTabs}"><ul class="tabs">${tabs}</ul></nav>`,
    conflictList(state.conflicts ?? []),
    state.signatures.length ? `<ul class="review-list">${state.signatures.map((s) => card(s, view, state)).join('')}</ul>` : `<p>${queueMessages.empty}</p>`,
  ].join('');
}

function conflictList(conflicts: readonly SignatureConflict[]): string {
  if (!conflicts.length) return '';
  const none = t.admin.no;
  const items = conflicts.map(({ waiting, holder, domainMatchesWebsite }) =>
    [
      `<li class="review-card conflict"><h3>${escapeHtml(holder.organisation_name)}</h3><ul>`,
      `<li>${escapeHtml(queueMessages.conflictHolder(holder.contact_name ?? none, holder.email ?? none))}</li>`,
      `<li>${escapeHtml(queueMessages.conflictWaiting(waiting.contact_name ?? none, waiting.email ?? none))}</li>`,
      `<li><strong>${escapeHtml(domainMatchesWebsite ? queueMessages.domainMatches : queueMessages.domainDiffers)}</strong></li>`,
      `</ul></li>`,
    ].join(''),
  );
  return `<section aria-labelledby="konflikter"><h2 id="konflikter">${escapeHtml(queueMessages.conflictsTitle(conflicts.length))}</h2><p>${escapeHtml(queueMessages.conflictsIntro)}</p><ul class="review-list">${items.join('')}</ul></section>`;
}
