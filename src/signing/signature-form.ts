// Renders the sign-the-charter form with its values and errors (GOV.UK pattern): used by the static page,
// by the function that answers a failed POST, and by the script that shows errors in place.
import { honeypotField, organisationTypes, signingAreasInOrder, statementMaxLength, type FieldError } from './signature-input.ts';
import { routes as danishRoutes, routesFor } from '../routes.ts';
import { strings, type Language } from '../i18n/index.ts';
import { escapeHtml } from '../platform/html/escape.ts';
import { choiceGroup, describedBy, errorSummary, formTop, group, honeypot, input, invalid, single, type FieldOptions, type FormAlert, type FormValues } from '../platform/html/form-fields.ts';

export { errorSummary, type FormValues };

export const signatureFormAction = danishRoutes.signaturesApi;
export const signatureFormId = 'underskriv-formular';

const danish = strings();

/** Tells the function which language the visitor used, so the answer and every later mail are in it. */
export const languageField = (lang: Language) => (lang === 'da' ? '' : `<input type="hidden" name="language" value="${lang}">`);

export interface SignatureFormState {
  values?: FormValues;
  errors?: FieldError[];
  lang?: Language;
  /** Shown at the top instead of the error summary, e.g. when the form was sent too often. */
  alert?: FormAlert;
}

export function renderSignatureForm({ values = {}, errors = [], lang = 'da', alert }: SignatureFormState = {}): string {
  const t = strings(lang);
  const routes = routesFor(lang);
  const f = t.signForm;
  const err = (name: string) => errors.find((e) => e.field === name)?.message;
  const o = (name: string, label: string, extra: Partial<FieldOptions> = {}): FieldOptions => ({ name, label, error: err(name), t, ...extra });

  const typeGroup = choiceGroup(o('organisation_type', f.organisation_type), 'radio', organisationTypes.map((type) => ({ value: type, label: f.types[type] })), [single(values.organisation_type) ?? '']);

  const areaOptions = [`<option value="">${f.municipalityChoose}</option>`]
    .concat(signingAreasInOrder.map((name) => `<option${single(values.municipality) === name ? ' selected' : ''}>${escapeHtml(name)}</option>`))
    .join('');
  const municipality = o('municipality', f.municipality, { hint: f.municipalityHint });
  const municipalityGroup = group(municipality, `<select class="input" id="municipality" name="municipality"${describedBy(municipality)}${invalid(municipality)}>${areaOptions}</select>`);

  const statement = o('statement', f.statement, { hint: f.statementHint, optional: true });
  const statementGroup = group(statement, `<textarea class="input" id="statement" name="statement" rows="4" maxlength="${statementMaxLength * 2}"${describedBy(statement)}${invalid(statement)}>${escapeHtml(single(values.statement) ?? '')}</textarea>`);

  const consent = o('consent_public', f.consent_public, { hint: f.consentHint });
  const consentChecked = single(values.consent_public) === 'on' || single(values.consent_public) === 'true' ? ' checked' : '';
  const consentGroup = `<div class="field"><div class="choice"><input type="checkbox" id="consent_public" name="consent_public" value="on"${consentChecked}${describedBy(consent)}><label for="consent_public">${escapeHtml(f.consent_public)}</label></div><p class="field-hint" id="consent_public-hint">${escapeHtml(f.consentHint)} <a href="${routes.privacy}">${escapeHtml(f.privacy)}</a>.</p></div>`;


  return [
    `<!--signature-form-->`,
    formTop(errors, alert, t),
    `<form id="${signatureFormId}" class="form" method="post" action="${signatureFormAction}" novalidate>`,
    languageField(lang),
    `<fieldset class="section"><legend><h2>${f.organisationLegend}</h2></legend>`,
    input(o('organisation_name', f.organisation_name), values.organisation_name, 'autocomplete="organization" maxlength="400"'),
    typeGroup,
    input(o('cvr', f.cvr, { hint: f.cvrHint }), values.cvr, 'inputmode="numeric" autocomplete="off" maxlength="20"', ' input--short'),
    municipalityGroup,
    input(o('website', f.website, { optional: true }), values.website, 'type="url" inputmode="url" autocomplete="url" maxlength="300"'),
    statementGroup,
    consentGroup,
    `</fieldset>`,
    `<fieldset class="section"><legend><h2>${f.contactLegend}</h2></legend><p class="field-hint">${escapeHtml(f.contactHint)}</p>`,
    input(o('contact_name', f.contact_name), values.contact_name, 'autocomplete="name" maxlength="400"'),
    input(o('contact_title', f.contact_title), values.contact_title, 'autocomplete="organization-title" maxlength="400"'),
    input(o('email', f.email, { hint: f.emailHint }), values.email, 'type="email" autocomplete="email" spellcheck="false" maxlength="320"'),
    `</fieldset>`,
    honeypot(honeypotField, f.honeypot),
    `<p><button type="submit" class="button">${f.submit}</button></p>`,
    `</form>`,
    `<!--/signature-form-->`,
  ].join('');
}

/** The sign page's main content: heading, how it works, and the form. The static page and a failed POST share it. */
export function renderSignaturePage(state: SignatureFormState = {}): string {
  const t = state.lang ? strings(state.lang) : danish;
  const routes = routesFor(state.lang ?? 'da');
  const f = t.signForm;
  const steps = f.steps.map((step) => `<li>${escapeHtml(step)}</li>`).join('');
  return [
    `<h1>${escapeHtml(f.title)}</h1>`,
    `<p class="lead">${escapeHtml(f.lead)} <a href="${routes.charter}">${escapeHtml(f.readCharterFirst)}</a>.</p>`,
    `<h2>${escapeHtml(f.stepsTitle)}</h2><ol class="steps">${steps}</ol>`,
    `<div id="formular-omraade">${renderSignatureForm(state)}</div>`,
  ].join('');
}
