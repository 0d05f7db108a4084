// The public wall of signatories: count, municipalities on the map, a filter that works as a plain GET, and the list.
import { municipalities } from '../data/municipalities.ts';
import { organisationTypes, wholeCountry, type OrganisationType } from './signature-input.ts';
import { strings, type Strings } from '../i18n/index.ts';
import { routes } from '../routes.ts';
import { escapeHtml } from '../platform/html/escape.ts';

export interface WallSignatory {
  id: string;
  name: string;
  type: OrganisationType;
  municipality: string;
  signed_at: Date | string;
  statement: string | null;
}

export interface WallFilter {
  type?: string;
  municipality?: string;
  q?: string;
}

const dateFormat = new Intl.DateTimeFormat('da-DK', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Copenhagen' });
const collator = new Intl.Collator('da');

/** Reads the filter from a query string, keeping only known values. */
export function wallFilter(params: URLSearchParams): WallFilter {
  const type = params.get('type') ?? '';
  const municipality = params.get('kommune') ?? '';
  const q = (params.get('q') ?? '').trim().slice(0, 100);
  return {
    type: (organisationTypes as readonly string[]).includes(type) ? type : undefined,
    municipality: municipality === wholeCountry || municipalities.some((m) => m.name === municipality) ? municipality : undefined,
    q: q || undefined,
  };
}

export function filterSignatories<T extends WallSignatory>(list: readonly T[], filter: WallFilter): T[] {
  const q = filter.q?.toLocaleLowerCase('da');
  return list.filter(
    (s) =>
      (!filter.type || s.type === filter.type) &&
      (!filter.municipality || s.municipality === filter.municipality) &&
      (!q || s.name.toLocaleLowerCase('da').includes(q) || (s.statement ?? '').toLocaleLowerCase('da').includes(q)),
  );
}

/** The municipalities (of the 98) with at least one published signatory. */
export function signedMunicipalities(list: readonly WallSignatory[]): Set<string> {
  const names = new Set(municipalities.map((m) => m.name));
  return new Set(list.map((s) => s.municipality).filter((name) => names.has(name)));
}

/** Marks the signed municipalities on the map built into the wall's frame. */
export function markSignedOnMap(frame: string, signed: Set<string>): string {
  return frame.replace(/<rect data-kommune="([^"]+)"/g, (whole, name: string) => (signed.has(name) ? `<rect class="signed" data-kommune="${name}"` : whole));
}

function select(name: string, label: string, options: { value: string; label: string }[], chosen: string | undefined, all: string): string {
  const items = [`<option value="">${escapeHtml(all)}</option>`]
    .concat(options.map((o) => `<option value="${escapeHtml(o.value)}"${o.value === chosen ? ' selected' : ''}>${escapeHtml(o.label)}</option>`))
    .join('');
  return `<div class="field"><label class="field-label" for="${name}">${label}</label><select class="input" id="${name}" name="${name}">${items}</select></div>`;
}

export function renderWall(all: readonly WallSignatory[], filter: WallFilter, t: Strings = strings()): string {
  const types = t.signForm.types;
  const w = t.wall;
  const shown = filterSignatories(all, filter).sort((a, b) => collator.compare(a.name, b.name));
  const signed = signedMunicipalities(all);
  const municipalityOptions = [wholeCountry, ...municipalities.map((m) => m.name).sort(collator.compare)].map((name) => ({ value: name, label: name }));
  const items = shown
    .map((s) => {
      const date = dateFormat.format(new Date(s.signed_at));
      const statement = s.statement ? `<blockquote>${escapeHtml(s.statement)}</blockquote>` : '';
      return `<li><strong>${escapeHtml(s.name)}</strong><br><span class="meta">${escapeHtml(types[s.type])} · ${escapeHtml(s.municipality)} · ${escapeHtml(w.signed(date))}</span>${statement}</li>`;
    })
    .join('');
  const filtered = filter.type || filter.municipality || filter.q;
  return [
    `<h1>${escapeHtml(w.title)}</h1>`,
    `<p class="lead"><strong id="antal-underskrivere">${all.length}</strong> ${escapeHtml(w.organisationsHave(all.length))} ${escapeHtml(w.signedCharter)} <strong id="antal-kommuner">${escapeHtml(w.municipalities(signed.size))}</strong> ${escapeHtml(w.municipalitiesAfter)}</p>`,
    `<p><a class="button" href="${routes.sign}">${escapeHtml(w.signButton)}</a></p>`,
    `<div class="map-frame wall-frame"><!--flyt:kort--></div>`,
    `<h2 id="liste">${escapeHtml(w.findTitle)}</h2>`,
    `<form class="wall-filter" method="get" action="${routes.signatoriesList}">`,
    `<div class="field"><label class="field-label" for="q">${escapeHtml(w.search)}</label><input class="input" id="q" name="q" type="search" value="${escapeHtml(filter.q ?? '')}"></div>`,
    select('type', escapeHtml(w.type), organisationTypes.map((type) => ({ value: type, label: types[type] })), filter.type, w.all),
    select('kommune', escapeHtml(w.municipality), municipalityOptions, filter.municipality, w.all),
    `<p><button class="button" type="submit">${escapeHtml(w.show)}</button> ${filtered ? `<a href="${routes.signatoriesList}">${escapeHtml(w.reset)}</a>` : ''}</p>`,
    `</form>`,
    `<p role="status">${escapeHtml(filtered ? w.showingSome(shown.length, all.length) : w.showingAll(all.length))}</p>`,
    shown.length ? `<ul class="signatory-list">${items}</ul>` : `<p>${escapeHtml(w.none)}</p>`,
    `<p class="meta">${escapeHtml(w.openData)} <a href="${routes.signatoriesJson}">JSON</a> · <a href="${routes.signatoriesCsv}">CSV</a></p>`,
  ].join('');
}
