// The public wall of signatories: count, municipalities on the map, a filter that works as a plain GET, and the list.
import { municipalities } from '../data/municipalities.ts';
import { organisationTypes, wholeCountry, type OrganisationType } from './signature-input.ts';
import { strings, type Strings } from '../i18n/index.ts';
import { routes } from '../routes.ts';
import { escapeHtml } from '../platform/html/escape.ts';
import type { WallCounts, WallPage } from './wall-queries.ts';

export interface WallSignatory {
  id: string;
  name: string;
  type: OrganisationType;
  municipality: string;
  signed_at: Date | string;
  statement: string | null;
  /** The charter version signed and the newest affirmed since; rows from before versions count as version 1. */
  charter_version?: number;
  affirmed_version?: number;
}

export const wallSorts = ['nyeste', 'navn'] as const;
export type WallSort = (typeof wallSorts)[number];

export interface WallFilter {
  type?: string;
  municipality?: string;
  q?: string;
  sort?: WallSort;
  /** Keyset cursors from the page links (checked when the query runs). */
  after?: string;
  before?: string;
}

const dateFormat = new Intl.DateTimeFormat('da-DK', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Copenhagen' });
const numberFormat = new Intl.NumberFormat('da-DK');
const collator = new Intl.Collator('da');

/** Reads the filter from a query string, keeping only known values. */
export function wallFilter(params: URLSearchParams): WallFilter {
  const type = params.get('type') ?? '';
  const municipality = params.get('kommune') ?? '';
  const q = (params.get('q') ?? '').replaceAll('\0', '').trim().slice(0, 100);
  const sort = params.get('sortering') ?? '';
  const cursor = (name: string) => (params.get(name) ?? '').slice(0, 400) || undefined;
  return {
    type: (organisationTypes as readonly string[]).includes(type) ? type : undefined,
    municipality: municipality === wholeCountry || municipalities.some((m) => m.name === municipality) ? municipality : undefined,
    q: q || undefined,
    sort: (wallSorts as readonly string[]).includes(sort) ? (sort as WallSort) : undefined,
    after: cursor('efter'),
    before: cursor('foer'),
  };
}

/** The query string for a filter (and a page), in the form's own names; empty values are left out. */
export function wallQueryString(filter: WallFilter): string {
  const params = new URLSearchParams();
  const put = (name: string, value: string | undefined) => value && params.set(name, value);
  put('q', filter.q);
  put('type', filter.type);
  put('kommune', filter.municipality);
  put('sortering', filter.sort);
  put('efter', filter.after);
  put('foer', filter.before);
  return params.toString();
}

/** Marks the municipalities with at least one signatory on the map built into the wall's frame. */
export function markSignedOnMap(frame: string, signed: ReadonlySet<string>): string {
  return frame.replace(/<rect data-kommune="([^"]+)"/g, (whole, name: string) => (signed.has(name) ? `<rect class="signed" data-kommune="${name}"` : whole));
}

/** The names of the 98 municipalities with at least one signatory. */
export function signedMunicipalities(counts: WallCounts): Set<string> {
  return new Set(municipalities.map((m) => m.name).filter((name) => (counts.byMunicipality.get(name) ?? 0) > 0));
}

function select(name: string, label: string, options: { value: string; label: string }[], chosen: string | undefined, all?: string): string {
  const items = (all === undefined ? [] : [`<option value="">${escapeHtml(all)}</option>`])
    .concat(options.map((o) => `<option value="${escapeHtml(o.value)}"${o.value === chosen ? ' selected' : ''}>${escapeHtml(o.label)}</option>`))
    .join('');
  return `<div class="field"><label class="field-label" for="${name}">${label}</label><select class="input" id="${name}" name="${name}">${items}</select></div>`;
}

const count = (n: number) => numberFormat.format(n);

/**
 * The version a signatory signed, and a mark when it signed an older one and has since affirmed the current one
 * (the ✓ is decoration: the words say it).
 */
function charterVersionNote(s: WallSignatory, currentVersion: number, t: Strings): string {
  const c = t.charterVersions.wall;
  const signed = s.charter_version ?? 1;
  const affirmed = s.affirmed_version ?? signed;
  const note = ` · ${escapeHtml(c.signedVersion(signed))}`;
  if (signed >= currentVersion || affirmed < currentVersion) return note;
  return `${note} <span class="affirmed-mark"><span aria-hidden="true">✓</span> ${escapeHtml(c.affirmed(currentVersion))}</span>`;
}

export function renderWall(page: WallPage, counts: WallCounts, filter: WallFilter, t: Strings = strings(), currentVersion = 1): string {
  const types = t.signForm.types;
  const w = t.wall;
  const signed = signedMunicipalities(counts);
  const withCount = (label: string, n: number | undefined) => w.withCount(label, count(n ?? 0));
  const municipalityOptions = [wholeCountry, ...municipalities.map((m) => m.name).sort(collator.compare)].map((name) => ({
    value: name,
    label: withCount(name, counts.byMunicipality.get(name)),
  }));
  const typeOptions = organisationTypes.map((type) => ({ value: type, label: withCount(types[type], counts.byType[type]) }));
  const sortOptions = wallSorts.map((sort) => ({ value: sort, label: w.sorts[sort] }));
  const items = page.signatories
    .map((s) => {
      const date = dateFormat.format(new Date(s.signed_at));
      const statement = s.statement ? `<blockquote>${escapeHtml(s.statement)}</blockquote>` : '';
      return `<li><strong>${escapeHtml(s.name)}</strong><br><span class="meta">${escapeHtml(types[s.type])} · ${escapeHtml(s.municipality)} · ${escapeHtml(w.signed(date))}${charterVersionNote(s, currentVersion, t)}</span>${statement}</li>`;
    })
    .join('');
  const filtered = filter.type || filter.municipality || filter.q;
  const base: WallFilter = { type: filter.type, municipality: filter.municipality, q: filter.q, sort: filter.sort };
  const pageLink = (label: string, rel: string, cursor: Partial<WallFilter>) =>
    `<a rel="${rel}" href="${escapeHtml(routes.signatoriesWith(wallQueryString({ ...base, ...cursor })))}">${escapeHtml(label)}</a>`;
  const onLaterPage = Boolean(filter.after || filter.before);
  const links = [
    onLaterPage ? pageLink(w.first, 'first', {}) : '',
    page.previous ? pageLink(w.previous, 'prev', { before: page.previous }) : '',
    page.next ? pageLink(w.next, 'next', { after: page.next }) : '',
  ].filter(Boolean);
  const pager = links.length ? `<nav class="pager" aria-label="${escapeHtml(w.pages)}"><ul>${links.map((link) => `<li>${link}</li>`).join('')}</ul></nav>` : '';
  const status =
    page.total > page.signatories.length || onLaterPage
      ? w.showingPage(page.signatories.length, count(page.total), count(counts.total))
      : filtered
        ? w.showingSome(page.total, counts.total)
        : w.showingAll(counts.total);
  return [
    `<h1>${escapeHtml(w.title)}</h1>`,
    `<p class="lead"><strong id="antal-underskrivere">${count(counts.total)}</strong> ${escapeHtml(w.organisationsHave(counts.total))} ${escapeHtml(w.signedCharter)} <strong id="antal-kommuner">${escapeHtml(w.municipalities(signed.size))}</strong> ${escapeHtml(w.municipalitiesAfter)}</p>`,
    `<p><a class="button" href="${routes.sign}">${escapeHtml(w.signButton)}</a></p>`,
    currentVersion > 1 ? `<p class="meta">${escapeHtml(t.charterVersions.wall.current(currentVersion))} <a href="${routes.charterChanges}">${escapeHtml(t.charterVersions.wall.changesLink)}</a></p>` : '',
    `<div class="map-frame wall-frame"><!--flyt:kort--></div>`,
    `<h2 id="liste">${escapeHtml(w.findTitle)}</h2>`,
    `<form class="wall-filter" method="get" action="${routes.signatoriesList}">`,
    `<div class="field"><label class="field-label" for="q">${escapeHtml(w.search)}</label><input class="input" id="q" name="q" type="search" value="${escapeHtml(filter.q ?? '')}"></div>`,
    select('type', escapeHtml(w.type), typeOptions, filter.type, w.all),
    select('kommune', escapeHtml(w.municipality), municipalityOptions, filter.municipality, w.all),
    select('sortering', escapeHtml(w.sort), sortOptions, filter.sort ?? 'nyeste'),
    `<p><button class="button" type="submit">${escapeHtml(w.show)}</button> ${filtered ? `<a href="${routes.signatoriesList}">${escapeHtml(w.reset)}</a>` : ''}</p>`,
    `</form>`,
    `<p role="status">${escapeHtml(status)}</p>`,
    page.signatories.length ? `<ul class="signatory-list">${items}</ul>` : `<p>${escapeHtml(w.none)}</p>`,
    pager,
    `<p class="meta">${escapeHtml(w.openData)} <a href="${routes.signatoriesJson}">JSON</a> · <a href="${routes.signatoriesCsv}">CSV</a></p>`,
  ].join('');
}
