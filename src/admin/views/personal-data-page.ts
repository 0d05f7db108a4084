// The GDPR page: look up an address, see everything stored about it, download it as JSON, or erase it.
import { routes } from '../../routes.ts';
import type { ErasureReport, PersonalData } from '../personal-data.ts';
import { escapeHtml } from '../../platform/html/escape.ts';
import { errorSummary, group, input } from '../../platform/html/form-fields.ts';
import { adminHeader, csrfField, formatTime, notice, scrollTable, type AdminView } from './admin-frame.ts';
import { statusLabels } from './signature-queue.ts';
import { strings } from '../../i18n/index.ts';

/** Nothing was found for the address: no signature, membership, suggestion or mail. */
const isEmpty = (data: PersonalData): boolean => data.signatures.length + data.members.length + data.suggestions.length + data.proposals.length + data.mails.length + data.suppressions.length === 0;

export const personalDataMessages = strings().admin.personalData;

function summary(data: PersonalData): string {
  const m = personalDataMessages;
  const none = `<p>${strings().admin.none}</p>`;
  const signatures = data.signatures.map((s) => [
    escapeHtml(s.organisation_name),
    statusLabels[s.status],
    escapeHtml([s.contact_name, s.contact_title].filter(Boolean).join(', ')),
    escapeHtml(formatTime(s.created_at)),
  ]);
  const members = data.members.map((m) => [escapeHtml(m.name), m.kind === 'person' ? personalDataMessages.person : personalDataMessages.organisation(escapeHtml(m.organisation_name ?? '')), escapeHtml(m.municipality), m.status === 'confirmed' ? personalDataMessages.confirmed : personalDataMessages.notConfirmed, escapeHtml(formatTime(m.created_at))]);
  const suggestions = data.suggestions.map((x) => [escapeHtml(x.title), escapeHtml(x.suggester_name), escapeHtml(x.pr_url ?? m.waiting), escapeHtml(formatTime(x.created_at))]);
  const cp = strings().charterProposals.admin;
  const proposals = data.proposals.map((p) => [escapeHtml(p.principle_title), escapeHtml(cp.statuses[p.status]), escapeHtml(p.author_name ?? ''), escapeHtml(formatTime(p.created_at))]);
  const mails = data.mails.map((m) => [escapeHtml(m.subject ?? m.mail_name), escapeHtml(m.status), escapeHtml(formatTime(m.created_at))]);
  const reasons = strings().admin.suppressions.reasons;
  const suppressions = data.suppressions.map((x) => [escapeHtml(reasons[x.reason] ?? x.reason), escapeHtml(x.detail ?? ''), escapeHtml(formatTime(x.created_at))]);
  return [
    `<h2>${m.signatures} (${signatures.length})</h2>`,
    signatures.length ? scrollTable(m.signatures, m.signatureColumns, signatures) : none,
    `<h2>${m.members} (${members.length})</h2>`,
    members.length ? scrollTable(m.members, m.memberColumns, members) : none,
    `<h2>${m.suggestions} (${suggestions.length})</h2>`,
    suggestions.length ? scrollTable(m.suggestions, m.suggestionColumns, suggestions) : none,
    `<h2>${cp.personalData.title} (${proposals.length})</h2>`,
    proposals.length ? scrollTable(cp.personalData.title, cp.personalData.columns, proposals) : none,
    `<h2>${m.mails} (${mails.length})</h2>`,
    mails.length ? scrollTable(m.mails, m.mailColumns, mails) : none,
    ...(suppressions.length ? [`<h2>${m.suppressions}</h2>`, scrollTable(m.suppressions, m.suppressionColumns, suppressions)] : []),
  ].join('');
}

export interface PersonalDataState {
  email?: string;
  errors?: { field: 'email' | 'confirm'; message: string }[];
  found?: PersonalData;
  erased?: ErasureReport;
}

export function renderPersonalDataPage(view: AdminView, state: PersonalDataState = {}): string {
  const errors = state.errors ?? [];
  const err = (field: string) => errors.find((e) => e.field === field)?.message;
  const m = personalDataMessages;
  const hiddenEmail = `<input type="hidden" name="email" value="${escapeHtml(state.found?.email ?? '')}">`;
  const found = state.found;
  const empty = found && isEmpty(found);
  const confirm = { name: 'confirm', label: m.eraseConfirm, hint: m.eraseHint, error: err('confirm') };
  const actions = found && !empty
    ? [
        summary(found),
        `<form method="post" action="${routes.adminGdpr}">${csrfField(view.csrfToken)}${hiddenEmail}<input type="hidden" name="action" value="export"><p><button type="submit" class="button secondary">${m.export}</button></p></form>`,
        `<form method="post" action="${routes.adminGdpr}" novalidate>${csrfField(view.csrfToken)}${hiddenEmail}<input type="hidden" name="action" value="erase">`,
        group(confirm, `<div class="choice"><input type="checkbox" id="confirm" name="confirm" value="ja" aria-describedby="confirm-hint${confirm.error ? ' confirm-error' : ''}"${confirm.error ? ' aria-invalid="true"' : ''}><label for="confirm">${m.eraseConfirm}</label></div>`).replace(/<label class="field-label" for="confirm">[^<]*<\/label>/, ''),
        `<p><button type="submit" class="button danger">${m.erase}</button></p></form>`,
      ].join('')
    : '';
  return [
    adminHeader(view),
    errorSummary(errors),
    notice(state.erased ? `${m.erased}` : undefined),
    `<h1>${m.title}</h1>`,
    `<p class="lead">${m.intro}</p>`,
    `<form class="form" method="post" action="${routes.adminGdpr}" novalidate>${csrfField(view.csrfToken)}<input type="hidden" name="action" value="lookup">`,
    input({ name: 'email', label: m.email, error: err('email') }, state.email ?? found?.email, 'type="email" autocomplete="off" spellcheck="false" maxlength="320"'),
    `<p><button type="submit" class="button">${m.lookup}</button></p></form>`,
    found ? `<h2 class="result-title">${m.resultFor(escapeHtml(found.email))}</h2>` : '',
    empty ? `<p>${m.nothing}</p>` : actions,
    state.erased ? `<p>${escapeHtml(m.erasureSummary(state.erased) + strings().charterProposals.admin.personalData.erasure(state.erased))}.</p>` : '',
  ].join('');
}
