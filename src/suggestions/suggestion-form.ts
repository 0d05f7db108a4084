// Renders the suggest-a-case form with its values and errors (GOV.UK pattern): used by the static page and by the
// function that answers a failed POST.
import { municipalityNamesInDanishOrder } from '../data/municipalities.ts';
import { honeypotField, suggestionLimits, type SuggestionFieldError } from './suggestion-input.ts';
import { strings, type Language } from '../i18n/index.ts';
import { routes as danishRoutes, routesFor } from '../routes.ts';
import { repositoryLinks } from '../site-config.ts';
import { escapeHtml } from '../platform/html/escape.ts';
import { describedBy, formTop, group, honeypot, input, invalid, textarea, type FieldOptions, type FormAlert, type FormValues } from '../platform/html/form-fields.ts';

export const suggestionFormAction = danishRoutes.suggestionsApi;

export interface SuggestionFormState {
  values?: FormValues;
  errors?: SuggestionFieldError[];
  lang?: Language;
  /** Shown at the top instead of the error summary, e.g. when the form was sent too often. */
  alert?: FormAlert;
}

export function renderSuggestionForm({ values = {}, errors = [], lang = 'da', alert }: SuggestionFormState = {}): string {
  const t = strings(lang);
  const f = t.suggestForm;
  const o = (name: string, label: string, extra: Partial<FieldOptions> = {}): FieldOptions => ({ name, label, error: errors.find((e) => e.field === name)?.message, t, ...extra });
  // The browser's own limit is generous; the server's rule, with its clear message, is the real one.
  const room = (max: number) => `maxlength="${max * 2}"`;

  const municipality = o('municipality', f.municipality);
  const options = [`<option value="">${f.municipalityChoose}</option>`]
    .concat(municipalityNamesInDanishOrder.map((name) => `<option${values.municipality === name ? ' selected' : ''}>${escapeHtml(name)}</option>`))
    .join('');

  return [
    formTop(errors, alert, t),
    `<form class="form" method="post" action="${suggestionFormAction}" novalidate>`,
    lang === 'da' ? '' : `<input type="hidden" name="language" value="${lang}">`,
    `<fieldset class="section"><legend><h2>${f.caseLegend}</h2></legend>`,
    input(o('title', f.title_label, { hint: f.titleHint }), values.title, `autocomplete="off" ${room(suggestionLimits.title)}`),
    group(municipality, `<select class="input" id="municipality" name="municipality"${describedBy(municipality)}${invalid(municipality)}>${options}</select>`),
    textarea(o('what_happened', f.what_happened, { hint: f.whatHappenedHint }), values.what_happened, `rows="8" ${room(suggestionLimits.whatHappened)}`),
    textarea(o('participants', f.participants, { hint: f.participantsHint }), values.participants, `rows="4" ${room(suggestionLimits.participants)}`),
    textarea(o('sources', f.sources, { hint: f.sourcesHint }), values.sources, `rows="4" spellcheck="false" ${room(suggestionLimits.sources)}`),
    `</fieldset>`,
    `<fieldset class="section"><legend><h2>${f.youLegend}</h2></legend><p class="field-hint">${escapeHtml(f.youHint)}</p>`,
    input(o('name', f.name), values.name, `autocomplete="name" ${room(suggestionLimits.name)}`),
    input(o('email', f.email), values.email, 'type="email" autocomplete="email" spellcheck="false" maxlength="320"'),
    `</fieldset>`,
    honeypot(honeypotField, f.honeypot),
    `<p><button type="submit" class="button">${f.submit}</button></p>`,
    `</form>`,
  ].join('');
}

/** The suggest page's main content: heading, how it works, the way in for editors with GitHub, and the form. */
export function renderSuggestionPage(state: SuggestionFormState = {}): string {
  const t = strings(state.lang);
  const routes = routesFor(state.lang ?? 'da');
  const f = t.suggestForm;
  const steps = f.steps.map((step) => `<li>${escapeHtml(step)}</li>`).join('');
  return [
    `<h1>${escapeHtml(f.title)}</h1>`,
    `<p class="lead">${escapeHtml(f.lead)}</p>`,
    `<h2>${escapeHtml(f.stepsTitle)}</h2><ol class="steps">${steps}</ol>`,
    `<p>${escapeHtml(f.github)} <a href="${escapeHtml(repositoryLinks.contributing)}">${escapeHtml(f.githubLink)}</a>.</p>`,
    renderSuggestionForm(state),
    `<p><a href="${routes.cases}">${escapeHtml(t.suggestThanks.back)}</a></p>`,
  ].join('');
}
