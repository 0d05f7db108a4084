// Renders the join page: the member count, and the join form with its values and errors (GOV.UK pattern), for the
// function that serves /bliv-medlem/, for a failed POST, and for the script that shows errors in place.
import { areas } from '../data/vocabulary.ts';
import { municipalityNamesInDanishOrder } from '../data/municipalities.ts';
import { honeypotField, memberKinds, type MemberFieldError } from './member-input.ts';
import { organisationTypes } from '../data/vocabulary.ts';
import { strings, type Language } from '../i18n/index.ts';
import { routes as danishRoutes, routesFor } from '../routes.ts';
import { escapeHtml } from '../platform/html/escape.ts';
import { choiceGroup, describedBy, fieldError, formTop, group, honeypot, input, invalid, single, type FieldOptions, type FormAlert, type FormValues } from '../platform/html/form-fields.ts';

export const joinFormAction = danishRoutes.membersApi;
export const joinFormId = 'bliv-medlem-formular';
/** The part of the page a failed submit replaces; the same id as on the sign page, so one script serves both. */
export const formAreaId = 'formular-omraade';
/** The organisation's fields, hidden by the page's script while "as a person" is chosen. */
export const organisationFieldsId = 'organisation-felter';

/** Confirmed members by kind: the only thing about members that is public. */
export interface PublicMemberCount {
  people: number;
  organisations: number;
}

export interface JoinFormState {
  values?: FormValues;
  errors?: MemberFieldError[];
  lang?: Language;
  /** Shown at the top instead of the error summary, e.g. when the form was sent too often. */
  alert?: FormAlert;
}

const t = strings();
const numberFormat = new Intl.NumberFormat(t.locale);

const counted = (n: number, [one, many]: readonly [string, string] | readonly string[]) => (n === 1 ? one! : many!).replace('{n}', numberFormat.format(n));

/** "Bevægelsen har 12 medlemmer: 9 personer og 3 organisationer." Nothing at all when the count is unknown. */
export function renderMemberCount(count: PublicMemberCount | undefined): string {
  if (!count) return '';
  const c = t.memberCount;
  const total = count.people + count.organisations;
  const text =
    total === 0
      ? escapeHtml(c.none)
      : escapeHtml(c.sentence)
          .replace('{total}', `<strong>${escapeHtml(counted(total, c.total))}</strong>`)
          .replace('{people}', escapeHtml(counted(count.people, c.people)))
          .replace('{organisations}', escapeHtml(counted(count.organisations, c.organisations)));
  return `<p class="member-count" id="antal-medlemmer">${text}</p>`;
}

function checkbox(o: FieldOptions, checked: boolean, hintHtml: string): string {
  const hint = hintHtml ? `<p class="field-hint" id="${o.name}-hint">${hintHtml}</p>` : '';
  const describe = describedBy({ ...o, hint: undefined }, hintHtml ? [`${o.name}-hint`] : []);
  return [
    `<div class="field${o.error ? ' field--error' : ''}">`,
    fieldError(o),
    `<div class="choice"><input type="checkbox" id="${o.name}" name="${o.name}" value="on"${checked ? ' checked' : ''}${describe}${invalid(o)}><label for="${o.name}">${escapeHtml(o.label)}</label></div>`,
    hint,
    `</div>`,
  ].join('');
}

const ticked = (value: string | string[] | undefined) => ['on', 'true'].includes(single(value) ?? '');

const asList = (value: string | string[] | undefined) => (Array.isArray(value) ? value : value ? [value] : []);

export function renderJoinForm({ values = {}, errors = [], lang = 'da', alert }: JoinFormState = {}): string {
  const t = strings(lang);
  const routes = routesFor(lang);
  const f = t.joinForm;
  const err = (name: string) => errors.find((e) => e.field === name)?.message;
  const o = (name: string, label: string, extra: Partial<FieldOptions> = {}): FieldOptions => ({ name, label, error: err(name), t, ...extra });

  const kindGroup = choiceGroup(o('kind', f.kind), 'radio', memberKinds.map((kind) => ({ value: kind, label: f.kinds[kind] })), asList(values.kind));

  const municipalityOptions = [`<option value="">${escapeHtml(f.municipalityChoose)}</option>`]
    .concat(municipalityNamesInDanishOrder.map((name) => `<option${single(values.municipality) === name ? ' selected' : ''}>${escapeHtml(name)}</option>`))
    .join('');
  const municipality = o('municipality', f.municipality, { hint: f.municipalityHint });
  const municipalityGroup = group(municipality, `<select class="input" id="municipality" name="municipality" autocomplete="off"${describedBy(municipality)}${invalid(municipality)}>${municipalityOptions}</select>`);

  const types = t.signForm.types;
  const typeGroup = choiceGroup(o('organisation_type', f.organisation_type), 'radio', organisationTypes.map((type) => ({ value: type, label: types[type] })), asList(values.organisation_type));
  const interestsGroup = choiceGroup(o('interests', f.interests, { hint: f.interestsHint, optional: true }), 'checkbox', areas.map((area) => ({ value: area, label: t.labels.areas[area] })), asList(values.interests));

  const privacyLink = `<a href="${routes.privacy}">${escapeHtml(f.privacy)}</a>`;

  return [
    formTop(errors, alert, t),
    `<form id="${joinFormId}" class="form" method="post" action="${joinFormAction}" novalidate>`,
    lang === 'da' ? '' : `<input type="hidden" name="language" value="${lang}">`,
    kindGroup,
    `<fieldset class="section"><legend><h2>${escapeHtml(f.aboutYouLegend)}</h2></legend>`,
    input(o('name', f.name), values.name, 'autocomplete="name" maxlength="400"'),
    input(o('email', f.email, { hint: f.emailHint }), values.email, 'type="email" autocomplete="email" spellcheck="false" maxlength="320"'),
    municipalityGroup,
    `</fieldset>`,
    `<fieldset class="section" id="${organisationFieldsId}"><legend><h2>${escapeHtml(f.organisationLegend)}</h2></legend><p class="field-hint">${escapeHtml(f.organisationHint)}</p>`,
    input(o('organisation_name', f.organisation_name), values.organisation_name, 'autocomplete="organization" maxlength="400"'),
    typeGroup,
    `</fieldset>`,
    interestsGroup,
    checkbox(o('newsletter', f.newsletter), ticked(values.newsletter), escapeHtml(f.newsletterHint)),
    checkbox(o('consent', f.consent), ticked(values.consent), `${escapeHtml(f.consentHint)} ${privacyLink}.`),
    honeypot(honeypotField, t.signForm.honeypot),
    `<p><button type="submit" class="button">${escapeHtml(f.submit)}</button></p>`,
    `</form>`,
  ].join('');
}

/** The join page's main content: heading, the count, how it works, and the form. The page and a failed POST share it. */
export function renderJoinPage(state: JoinFormState & { count?: PublicMemberCount } = {}): string {
  const f = strings(state.lang).joinForm;
  const steps = f.steps.map((step) => `<li>${escapeHtml(step)}</li>`).join('');
  return [
    `<h1>${escapeHtml(f.title)}</h1>`,
    `<p class="lead">${escapeHtml(f.lead)}</p>`,
    renderMemberCount(state.count),
    `<h2>${escapeHtml(f.stepsTitle)}</h2><ol class="steps">${steps}</ol>`,
    `<div id="${formAreaId}">${renderJoinForm(state)}</div>`,
  ].join('');
}
