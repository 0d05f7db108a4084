// The pieces every server-checked form is built from (GOV.UK pattern): labels, hints, field errors linked by
// aria-describedby, text inputs and areas, radio and checkbox groups, the hidden honeypot field, and the error summary
// that leads the page after a failed submit.
import { strings, type Strings } from '../../i18n/index.ts';
import { escapeHtml } from './escape.ts';

export type FormValues = Partial<Record<string, string | string[]>>;

export interface FieldOptions {
  name: string;
  label: string;
  /** Plain text, escaped here. */
  hint?: string;
  optional?: boolean;
  error?: string;
  /** The language of the form's own words ("optional", "Error:"); Danish when left out. */
  t?: Strings;
}

const t = strings();

export function describedBy(o: FieldOptions, extraIds: string[] = []): string {
  const ids = [o.hint ? `${o.name}-hint` : '', o.error ? `${o.name}-error` : '', ...extraIds].filter(Boolean).join(' ');
  return ids ? ` aria-describedby="${ids}"` : '';
}

export function labelAndMessages(o: FieldOptions, tag: 'label' | 'legend' = 'label'): string {
  const optional = o.optional ? ` <span class="optional">${(o.t ?? t).form.optional}</span>` : '';
  const label = tag === 'label' ? `<label class="field-label" for="${o.name}">${escapeHtml(o.label)}${optional}</label>` : `<legend class="field-label">${escapeHtml(o.label)}${optional}</legend>`;
  const hint = o.hint ? `<p class="field-hint" id="${o.name}-hint">${escapeHtml(o.hint)}</p>` : '';
  return label + hint + fieldError(o);
}

export function fieldError(o: FieldOptions): string {
  return o.error ? `<p class="field-error" id="${o.name}-error"><span class="visually-hidden">${(o.t ?? t).form.errorPrefix}</span> ${escapeHtml(o.error)}</p>` : '';
}

export function group(o: FieldOptions, inner: string): string {
  return `<div class="field${o.error ? ' field--error' : ''}">${labelAndMessages(o)}${inner}</div>`;
}

export function invalid(o: FieldOptions): string {
  return o.error ? ' aria-invalid="true"' : '';
}

/** The first value of a field: a repeated field (checkboxes) arrives as a list. */
export function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export function input(o: FieldOptions, value: string | string[] | undefined, attrs = '', width = ''): string {
  return group(o, `<input class="input${width}" id="${o.name}" name="${o.name}" value="${escapeHtml(single(value) ?? '')}"${describedBy(o)}${invalid(o)} ${attrs}>`);
}

export function textarea(o: FieldOptions, value: string | string[] | undefined, attrs = ''): string {
  return group(o, `<textarea class="input" id="${o.name}" name="${o.name}"${describedBy(o)}${invalid(o)} ${attrs}>${escapeHtml(single(value) ?? '')}</textarea>`);
}

/** A field people can't see; a bot that fills it in gets a polite success and nothing stored. */
export function honeypot(name: string, label: string): string {
  return `<div class="honeypot" aria-hidden="true"><label for="${name}">${escapeHtml(label)}</label><input id="${name}" name="${name}" tabindex="-1" autocomplete="off"></div>`;
}

/**
 * A fieldset of radio buttons or checkboxes with a legend. The fieldset carries the field's id, so a link in the
 * error summary can move focus to it.
 */
export function choiceGroup(o: FieldOptions, type: 'radio' | 'checkbox', options: readonly { value: string; label: string }[], chosen: readonly string[]): string {
  const items = options
    .map(({ value, label }) => {
      const id = `${o.name}-${value}`;
      const checked = chosen.includes(value) ? ' checked' : '';
      return `<div class="choice"><input type="${type}" id="${id}" name="${o.name}" value="${escapeHtml(value)}"${checked}><label for="${id}">${escapeHtml(label)}</label></div>`;
    })
    .join('');
  return `<div class="field${o.error ? ' field--error' : ''}"><fieldset id="${o.name}" class="choices" tabindex="-1"${describedBy(o)}>${labelAndMessages(o, 'legend')}${items}</fieldset></div>`;
}

/** What stops a whole form rather than one field (sent too often): a box at the top that gets focus, like the error summary. */
export interface FormAlert {
  title: string;
  text: string;
}

export function formAlert(alert: FormAlert | undefined): string {
  if (!alert) return '';
  return `<div class="error-summary" role="alert" aria-labelledby="advarsel-overskrift" tabindex="-1" autofocus><h2 id="advarsel-overskrift">${escapeHtml(alert.title)}</h2><p>${escapeHtml(alert.text)}</p></div>`;
}

/** The top of a form that came back: the alert when there is one (then no field errors are shown), else the error summary. */
export function formTop(errors: readonly { field: string; message: string }[], alert: FormAlert | undefined, lang: Strings = t): string {
  return alert ? formAlert(alert) : errorSummary(errors, lang);
}

/** The error summary that leads the page after a failed submit; it gets focus so the user hears it first. */
export function errorSummary(errors: readonly { field: string; message: string }[], lang: Strings = t): string {
  if (errors.length === 0) return '';
  const items = errors.map((e) => `<li><a href="#${escapeHtml(e.field)}">${escapeHtml(e.message)}</a></li>`).join('');
  return `<div class="error-summary" role="alert" aria-labelledby="fejl-overskrift" tabindex="-1" autofocus><h2 id="fejl-overskrift">${lang.form.errorSummaryTitle}</h2><ul>${items}</ul></div>`;
}
