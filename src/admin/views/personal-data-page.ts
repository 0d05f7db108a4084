// The GDPR page: look up an address, see everything stored about it, download it as JSON, or erase it.
import { routes } from '../../routes.ts';
import { erasureSummary, isEmpty, type ErasureReport, type PersonalData } from '../personal-data.ts';
import { escapeHtml } from '../../platform/html/escape.ts';
import { errorSummary, group, input } from '../../platform/html/form-fields.ts';
import { adminHeader, csrfField, formatTime, notice, scrollTable, type AdminView } from './admin-frame.ts';
import { statusLabels } from './signature-queue.ts';

export const personalDataMessages = {
  title: 'Persondata',
  intro: 'Når nogen beder om at se eller få slettet deres data, slår du deres e-mailadresse op her. Adressen gemmes ikke i loggen.',
  email: 'E-mailadresse',
  emailMissing: 'Skriv den e-mailadresse, der skal slås op',
  emailInvalid: 'Skriv en e-mailadresse i det rigtige format, fx navn@eksempel.dk',
  lookup: 'Slå op',
  nothing: 'Vi har ingen data om denne adresse.',
  export: 'Hent alt som JSON',
  erase: 'Slet alle data om adressen',
  eraseConfirm: 'Jeg har sikret mig, at anmodningen kommer fra personen selv',
  eraseConfirmMissing: 'Sæt flueben for at bekræfte, at anmodningen kommer fra personen selv',
  eraseHint:
    'Sletningen kan ikke fortrydes. Medlemskaber, caseforslag og underskrifter, der ikke er offentlige, slettes helt. En offentlig underskrift bliver stående med organisationens navn, men uden kontaktperson.',
  erased: 'Data om adressen er slettet.',
} as const;

function summary(data: PersonalData): string {
  const signatures = data.signatures.map((s) => [
    escapeHtml(s.organisation_name),
    statusLabels[s.status],
    escapeHtml([s.contact_name, s.contact_title].filter(Boolean).join(', ')),
    escapeHtml(formatTime(s.created_at)),
  ]);
  const members = data.members.map((m) => [escapeHtml(m.name), m.kind === 'person' ? 'Person' : `Organisation: ${escapeHtml(m.organisation_name ?? '')}`, escapeHtml(m.municipality), m.status === 'confirmed' ? 'Bekræftet' : 'Ikke bekræftet', escapeHtml(formatTime(m.created_at))]);
  const suggestions = data.suggestions.map((x) => [escapeHtml(x.title), escapeHtml(x.suggester_name), escapeHtml(x.pr_url ?? 'Venter'), escapeHtml(formatTime(x.created_at))]);
  const mails = data.mails.map((m) => [escapeHtml(m.subject ?? m.mail_name), escapeHtml(m.status), escapeHtml(formatTime(m.created_at))]);
  return [
    `<h2>Underskrifter (${signatures.length})</h2>`,
    signatures.length ? scrollTable('Underskrifter', ['Organisation', 'Status', 'Kontaktperson', 'Dato'], signatures) : '<p>Ingen.</p>',
    `<h2>Medlemskaber (${members.length})</h2>`,
    members.length ? scrollTable('Medlemskaber', ['Navn', 'Type', 'Kommune', 'Status', 'Dato'], members) : '<p>Ingen.</p>',
    `<h2>Caseforslag (${suggestions.length})</h2>`,
    suggestions.length ? scrollTable('Caseforslag', ['Titel', 'Navn', 'Pull request', 'Dato'], suggestions) : '<p>Ingen.</p>',
    `<h2>Mails (${mails.length})</h2>`,
    mails.length ? scrollTable('Mails', ['Emne', 'Status', 'Dato'], mails) : '<p>Ingen.</p>',
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
    found ? `<h2 class="result-title">Resultat for ${escapeHtml(found.email)}</h2>` : '',
    empty ? `<p>${m.nothing}</p>` : actions,
    state.erased ? `<p>${escapeHtml(erasureSummary(state.erased))}.</p>` : '',
  ].join('');
}
