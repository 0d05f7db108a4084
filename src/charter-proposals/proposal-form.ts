// Renders the proposal form for one principle (GOV.UK pattern: errors at the fields and in a summary, typed values
// kept). The static principle page carries it, and the function that serves the principle's proposals shows it again
// with the errors after a failed POST. A plain form: no JavaScript needed.
import { honeypotField, proposalKinds, type ProposalFieldError } from './proposal-input.ts';
import { strings, type Language } from '../i18n/index.ts';
import { routesFor } from '../routes.ts';
import { escapeHtml } from '../platform/html/escape.ts';
import { choiceGroup, describedBy, fieldError, formTop, honeypot, input, invalid, single, textarea, type FieldOptions, type FormAlert, type FormValues } from '../platform/html/form-fields.ts';

/** The principle as the form shows it: its file name, title and the wording a new one starts from. */
export interface FormPrinciple {
  slug: string;
  title: string;
  wording: string;
}

export interface ProposalFormState {
  principle: FormPrinciple;
  values?: FormValues;
  errors?: ProposalFieldError[];
  lang?: Language;
  /** The box at the top when the form came back for another reason than its fields (sent too often). */
  alert?: FormAlert;
}

export const proposalFormId = 'forslag-formular';

const ticked = (value: string | string[] | undefined) => ['on', 'true'].includes(single(value) ?? '');

function checkbox(o: FieldOptions, checked: boolean, hint: string): string {
  return [
    `<div class="field${o.error ? ' field--error' : ''}">`,
    fieldError(o),
    `<div class="choice"><input type="checkbox" id="${o.name}" name="${o.name}" value="on"${checked ? ' checked' : ''}${describedBy({ ...o, hint: undefined }, [`${o.name}-hint`])}${invalid(o)}><label for="${o.name}">${escapeHtml(o.label)}</label></div>`,
    `<p class="field-hint" id="${o.name}-hint">${hint}</p>`,
    `</div>`,
  ].join('');
}

/** The form alone, with its error summary on top. */
export function renderProposalForm({ principle, values = {}, errors = [], lang = 'da', alert }: ProposalFormState): string {
  const t = strings(lang);
  const f = t.charterProposals.form;
  const routes = routesFor(lang);
  const err = (name: string) => errors.find((e) => e.field === name)?.message;
  const o = (name: string, label: string, extra: Partial<FieldOptions> = {}): FieldOptions => ({ name, label, error: err(name), t, ...extra });
  const kind = single(values.kind);
  const privacy = `<a href="${routes.privacy}">${escapeHtml(f.privacy)}</a>`;
  return [
    formTop(errors, alert, t),
    `<form id="${proposalFormId}" class="form" method="post" action="${routes.proposalsApi}" novalidate>`,
    `<input type="hidden" name="principle" value="${escapeHtml(principle.slug)}">`,
    lang === 'da' ? '' : `<input type="hidden" name="language" value="${lang}">`,
    choiceGroup(o('kind', f.kind), 'radio', proposalKinds.map((k) => ({ value: k, label: f.kinds[k] })), kind ? [kind] : []),
    textarea(o('wording', f.wording, { hint: f.wordingHint, optional: true }), values.wording ?? principle.wording, 'rows="4" maxlength="400"'),
    textarea(o('reason', f.reason, { hint: f.reasonHint }), values.reason, 'rows="6" maxlength="6000"'),
    `<fieldset class="section"><legend><h3>${escapeHtml(f.youLegend)}</h3></legend><p class="field-hint">${escapeHtml(f.youHint)}</p>`,
    input(o('name', f.name), values.name, 'autocomplete="name" maxlength="400"'),
    input(o('organisation', f.organisation, { optional: true }), values.organisation, 'autocomplete="organization" maxlength="400"'),
    input(o('email', f.email), values.email, 'type="email" autocomplete="email" spellcheck="false" maxlength="320"'),
    `</fieldset>`,
    checkbox(o('consent_public', f.consent_public), ticked(values.consent_public), `${escapeHtml(f.consentHint)} ${privacy}.`),
    honeypot(honeypotField, f.honeypot),
    `<p><button type="submit" class="button">${escapeHtml(f.submit)}</button></p>`,
    `</form>`,
  ].join('');
}

/** The section a principle page ends with: the heading, what happens, the link to the proposals, and the form. */
export function renderProposalSection(state: ProposalFormState): string {
  const t = strings(state.lang);
  const f = t.charterProposals.form;
  return [
    `<section class="proposal-section no-print" aria-labelledby="foreslaa-overskrift">`,
    `<h2 id="foreslaa-overskrift">${escapeHtml(f.titleFor(state.principle.title))}</h2>`,
    `<p>${escapeHtml(f.lead)}</p>`,
    `<p><a class="button secondary" href="${routesFor(state.lang ?? 'da').principleProposals(state.principle.slug)}">${escapeHtml(f.seeProposals)}</a></p>`,
    renderProposalForm(state),
    `</section>`,
  ].join('');
}
