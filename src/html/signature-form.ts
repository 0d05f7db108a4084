// Renders the sign-the-charter form with its values and errors (GOV.UK pattern): used by the static page,
// by the function that answers a failed POST, and by the script that shows errors in place.
import { honeypotField, organisationTypes, signingAreas, statementMaxLength, type FieldError } from '../domain/signature-input.ts';
import { strings } from '../i18n/index.ts';
import { escapeHtml } from './escape.ts';

export const signatureFormAction = '/api/signatures';
export const signatureFormId = 'underskriv-formular';

export type FormValues = Partial<Record<string, string>>;

interface FieldOptions {
  name: string;
  label: string;
  hint?: string;
  optional?: boolean;
  error?: string;
}

const t = strings();

function describedBy(o: FieldOptions): string {
  const ids = [o.hint ? `${o.name}-hint` : '', o.error ? `${o.name}-error` : ''].filter(Boolean).join(' ');
  return ids ? ` aria-describedby="${ids}"` : '';
}

function labelAndMessages(o: FieldOptions, tag: 'label' | 'legend' = 'label'): string {
  const optional = o.optional ? ` <span class="optional">${t.form.optional}</span>` : '';
  const label = tag === 'label' ? `<label class="field-label" for="${o.name}">${escapeHtml(o.label)}${optional}</label>` : `<legend class="field-label">${escapeHtml(o.label)}${optional}</legend>`;
  const hint = o.hint ? `<p class="field-hint" id="${o.name}-hint">${escapeHtml(o.hint)}</p>` : '';
  const error = o.error ? `<p class="field-error" id="${o.name}-error"><span class="visually-hidden">${t.form.errorPrefix}</span> ${escapeHtml(o.error)}</p>` : '';
  return label + hint + error;
}

function group(o: FieldOptions, inner: string): string {
  return `<div class="field${o.error ? ' field--error' : ''}">${labelAndMessages(o)}${inner}</div>`;
}

function invalid(o: FieldOptions): string {
  return o.error ? ' aria-invalid="true"' : '';
}

function input(o: FieldOptions, value: string | undefined, attrs = '', width = ''): string {
  return group(o, `<input class="input${width}" id="${o.name}" name="${o.name}" value="${escapeHtml(value ?? '')}"${describedBy(o)}${invalid(o)} ${attrs}>`);
}

export interface SignatureFormState {
  values?: FormValues;
  errors?: FieldError[];
}

/** The error summary that leads the page after a failed submit; it gets focus so the user hears it first. */
export function errorSummary(errors: readonly { field: string; message: string }[]): string {
  if (errors.length === 0) return '';
  const items = errors.map((e) => `<li><a href="#${escapeHtml(e.field)}">${escapeHtml(e.message)}</a></li>`).join('');
  return `<div class="error-summary" role="alert" aria-labelledby="fejl-overskrift" tabindex="-1" autofocus><h2 id="fejl-overskrift">${t.form.errorSummaryTitle}</h2><ul>${items}</ul></div>`;
}

export function renderSignatureForm({ values = {}, errors = [] }: SignatureFormState = {}): string {
  const f = t.signForm;
  const err = (name: string) => errors.find((e) => e.field === name)?.message;
  const o = (name: string, label: string, extra: Partial<FieldOptions> = {}): FieldOptions => ({ name, label, error: err(name), ...extra });

  const typeOptions = organisationTypes
    .map((type) => {
      const checked = values.organisation_type === type ? ' checked' : '';
      return `<div class="choice"><input type="radio" id="organisation_type-${type}" name="organisation_type" value="${type}"${checked}><label for="organisation_type-${type}">${escapeHtml(f.types[type])}</label></div>`;
    })
    .join('');
  const typeField = o('organisation_type', f.organisation_type);
  const typeGroup = `<div class="field${typeField.error ? ' field--error' : ''}"><fieldset id="organisation_type" class="choices" tabindex="-1"${describedBy(typeField)}>${labelAndMessages(typeField, 'legend')}${typeOptions}</fieldset></div>`;

  const areaOptions = [`<option value="">${f.municipalityChoose}</option>`]
    .concat(signingAreas.map((name) => `<option${values.municipality === name ? ' selected' : ''}>${escapeHtml(name)}</option>`))
    .join('');
  const municipality = o('municipality', f.municipality, { hint: f.municipalityHint });
  const municipalityGroup = group(municipality, `<select class="input" id="municipality" name="municipality"${describedBy(municipality)}${invalid(municipality)}>${areaOptions}</select>`);

  const statement = o('statement', f.statement, { hint: f.statementHint, optional: true });
  const statementGroup = group(statement, `<textarea class="input" id="statement" name="statement" rows="4" maxlength="${statementMaxLength * 2}"${describedBy(statement)}${invalid(statement)}>${escapeHtml(values.statement ?? '')}</textarea>`);

  const consent = o('consent_public', f.consent_public, { hint: f.consentHint });
  const consentChecked = values.consent_public === 'on' || values.consent_public === 'true' ? ' checked' : '';
  const consentGroup = `<div class="field"><div class="choice"><input type="checkbox" id="consent_public" name="consent_public" value="on"${consentChecked}${describedBy(consent)}><label for="consent_public">${escapeHtml(f.consent_public)}</label></div><p class="field-hint" id="consent_public-hint">${escapeHtml(f.consentHint)}</p></div>`;

  const honeypot = `<div class="honeypot" aria-hidden="true"><label for="${honeypotField}">${f.honeypot}</label><input id="${honeypotField}" name="${honeypotField}" tabindex="-1" autocomplete="off"></div>`;

  return [
    `<!--signature-form-->`,
    errorSummary(errors),
    `<form id="${signatureFormId}" class="form" method="post" action="${signatureFormAction}" novalidate>`,
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
    honeypot,
    `<p><button type="submit" class="button">${f.submit}</button></p>`,
    `</form>`,
    `<!--/signature-form-->`,
  ].join('');
}

/** The sign page's main content: heading, how it works, and the form. The static page and a failed POST share it. */
export function renderSignaturePage(state: SignatureFormState = {}): string {
  const f = t.signForm;
  const steps = f.steps.map((step) => `<li>${escapeHtml(step)}</li>`).join('');
  return [
    `<h1>${escapeHtml(f.title)}</h1>`,
    `<p class="lead">${escapeHtml(f.lead)} <a href="/charter/">Læs chartret først</a>.</p>`,
    `<h2>${escapeHtml(f.stepsTitle)}</h2><ol class="steps">${steps}</ol>`,
    `<div id="formular-omraade">${renderSignatureForm(state)}</div>`,
  ].join('');
}
