// The wall's map, drawn on the server from the build's municipality paths and the wall's aggregate counts: each
// municipality shaded on a sequential scale and linked to the wall filtered to it, the kommuner that signed themselves
// hatched with a black edge, a legend, and a table with the same numbers. A view: data in, HTML out.
import type { MunicipalityMap } from '../data/municipality-map.ts';
import { municipalities } from '../data/municipalities.ts';
import { wholeCountry } from './signature-input.ts';
import { languageOf, strings, type Language, type Strings } from '../i18n/index.ts';
import { routesFor } from '../routes.ts';
import { escapeHtml } from '../platform/html/escape.ts';
import type { WallCounts } from './wall-queries.ts';

/** The colour steps in wall-map.css (`shade-1` … `shade-5`); 0 is "none yet". */
export const shadeSteps = 5;

const collator = new Intl.Collator('da');
const numberFormats = { da: new Intl.NumberFormat('da-DK'), en: new Intl.NumberFormat('en-GB') } satisfies Record<Language, Intl.NumberFormat>;
/** A count in the language of `t`: 1.234 in Danish, 1,234 in English. */
const formatIn = (t: Strings) => (n: number) => numberFormats[languageOf(t.lang)].format(n);

/** 1, 2, 3, 5, 10, 20, 30, 50, 100 …: bounds a reader can take in at a glance. */
function niceNumbers(max: number): number[] {
  const ladder: number[] = [];
  for (let power = 1; power <= max; power *= 10) for (const step of [1, 2, 3, 5]) if (step * power <= max) ladder.push(step * power);
  return ladder;
}

/**
 * The lower bounds of the scale's classes for counts up to `max`: the first is always 1 (so 0 stands alone as "none
 * yet"), and the rest grow roughly geometrically, because a few big cities would otherwise take the whole scale.
 * E.g. 120 → [1, 2, 5, 10, 30]; 100,000 → [1, 10, 100, 1000, 10000]; 3 → [1, 2, 3].
 */
export function shadeBounds(max: number): number[] {
  if (max < 1) return [];
  const ladder = niceNumbers(max);
  const bounds = [1];
  for (let i = 1; i < shadeSteps; i++) {
    // A hair over, so 100,000^(3/5) gives 1000 and not 999.99….
    const target = max ** (i / shadeSteps) * (1 + 1e-9);
    const last = bounds.at(-1)!;
    const below = ladder.filter((n) => n <= target && n > last).at(-1);
    const next = below ?? ladder.find((n) => n > last);
    if (next === undefined) break;
    bounds.push(next);
  }
  return bounds;
}

/** The class of a count: 0 for none, else 1 … bounds.length. */
export function classOf(n: number, bounds: readonly number[]): number {
  let index = 0;
  while (index < bounds.length && n >= bounds[index]!) index++;
  return index;
}

/** The colour step (1 … 5) of a class, spread over the whole ramp when there are fewer classes, so the top is darkest. */
export function stepOf(index: number, classes: number): number {
  if (index === 0) return 0;
  if (classes <= 1) return shadeSteps;
  return Math.round(1 + ((index - 1) * (shadeSteps - 1)) / (classes - 1));
}

export interface LegendEntry {
  step: number;
  from: number;
  to: number;
}

/** One legend entry per class, from "none yet" to the largest count. */
export function legend(bounds: readonly number[], max: number): LegendEntry[] {
  return [{ step: 0, from: 0, to: 0 }, ...bounds.map((from, i) => ({ step: stepOf(i + 1, bounds.length), from, to: i + 1 < bounds.length ? bounds[i + 1]! - 1 : max }))];
}

export interface MunicipalityCount {
  code: number;
  name: string;
  signatories: number;
  /** The kommune itself has signed (organisation type kommune). */
  kommune: boolean;
}

/** The 98 municipalities with their counts, in Danish alphabetical order. */
export function municipalityCounts(counts: WallCounts): MunicipalityCount[] {
  return municipalities
    .map((m) => ({ code: m.code, name: m.name, signatories: counts.byMunicipality.get(m.name) ?? 0, kommune: counts.kommunes.has(m.name) }))
    .sort((a, b) => collator.compare(a.name, b.name));
}

/** How many kommuner have signed themselves, and in how many municipalities anyone has signed. */
export function municipalityTotals(counts: WallCounts): { kommunesSigned: number; withSignatories: number } {
  const rows = municipalityCounts(counts);
  return { kommunesSigned: rows.filter((r) => r.kommune).length, withSignatories: rows.filter((r) => r.signatories > 0).length };
}

/** The wall of `t`'s language, filtered to one municipality. */
const filterHrefIn = (t: Strings) => (name: string) => routesFor(languageOf(t.lang)).signatoriesWith(new URLSearchParams({ kommune: name }).toString());

/** The sentence under the wall's count: "3 af 98 kommuner har skrevet under. Der er underskrivere i 40 af 98 kommuner." */
export function renderMunicipalityTotals(counts: WallCounts, t: Strings = strings()): string {
  const m = t.municipalityMap;
  const format = formatIn(t);
  const { kommunesSigned, withSignatories } = municipalityTotals(counts);
  return `<p><strong id="antal-kommuner">${escapeHtml(m.ofAll(format(kommunesSigned)))}</strong> ${escapeHtml(m.kommunesSigned)} ${escapeHtml(m.withSignatories)} <strong id="underskriver-kommuner">${escapeHtml(m.ofAll(format(withSignatories)))}</strong>.</p>`;
}

/** A legend swatch: the same fill as on the map, or the hatch over the middle colour for "the kommune signed". */
const swatch = (fill: string) => `<svg class="swatch" viewBox="0 0 24 16" aria-hidden="true" focusable="false"><rect ${fill} x="1" y="1" width="22" height="14"/></svg>`;

/** `selected` is the municipality the wall is filtered to: its link is the current page, drawn with a heavy edge. */
export function renderWallMap(map: MunicipalityMap, counts: WallCounts, t: Strings = strings(), selected?: string): string {
  const m = t.municipalityMap;
  const format = formatIn(t);
  const filterHref = filterHrefIn(t);
  const rows = municipalityCounts(counts);
  const byCode = new Map(rows.map((row) => [row.code, row]));
  const max = Math.max(0, ...rows.map((r) => r.signatories));
  const bounds = shadeBounds(max);
  const stepFor = (n: number) => stepOf(classOf(n, bounds), bounds.length);
  const shapes = map.municipalities.flatMap((shape) => {
    const row = byCode.get(shape.code);
    return row ? [{ ...shape, row }] : [];
  });
  // The kommuner that signed come last, so their black edge lies on top of their neighbours' borders; the chosen one last of all.
  const layer = (row: MunicipalityCount) => (row.name === selected ? 2 : row.kommune ? 1 : 0);
  shapes.sort((a, b) => layer(a.row) - layer(b.row));
  const paths = shapes
    .map(({ d, row }) => {
      const step = stepFor(row.signatories);
      const title = m.shape(row.name, row.signatories, format(row.signatories), row.kommune);
      const current = row.name === selected ? ' aria-current="page"' : '';
      return `<a href="${escapeHtml(filterHref(row.name))}" class="shade-${step}${row.kommune ? ' kommune' : ''}"${current}><title>${escapeHtml(title)}</title><path d="${d}"/></a>`;
    })
    .join('');
  // A hatch per colour step, so a kommune that signed keeps its shade under the stripes.
  const patterns = Array.from({ length: shadeSteps }, (_, i) => i + 1)
    .map((step) => `<pattern id="kommune-${step}" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect class="shade-${step}" width="6" height="6"/><path class="hatch" d="M0 0v6"/></pattern>`)
    .join('');
  const inset = map.bornholmInset;
  const entries = legend(bounds, max)
    .map(({ step, from, to }) => `<li>${swatch(`class="shade-${step}"`)}${escapeHtml(step === 0 ? m.none : m.range(format(from), format(to)))}</li>`)
    .join('');
  const kommuneStep = stepOf(Math.ceil(bounds.length / 2), bounds.length) || 3;
  const wholeCountryCount = counts.byMunicipality.get(wholeCountry) ?? 0;
  const tableRows = rows
    .map((row) => `<tr><th scope="row"><a href="${escapeHtml(filterHref(row.name))}">${escapeHtml(row.name)}</a></th><td>${format(row.signatories)}</td><td>${escapeHtml(row.kommune ? m.yes : m.no)}</td></tr>`)
    .join('');
  return [
    `<div class="wall-map">`,
    `<a class="skip-map" href="#kort-tabel">${escapeHtml(m.skip)}</a>`,
    `<svg class="municipality-map" viewBox="0 0 ${map.width} ${map.height}" width="100%" role="group" aria-labelledby="kommunekort-titel" aria-describedby="kommunekort-beskrivelse" xmlns="http://www.w3.org/2000/svg">`,
    `<title id="kommunekort-titel">${escapeHtml(m.title)}</title><desc id="kommunekort-beskrivelse">${escapeHtml(m.description)}</desc>`,
    `<defs>${patterns}</defs>`,
    `<rect class="inset" x="${inset.x}" y="${inset.y}" width="${inset.width}" height="${inset.height}" rx="4" aria-hidden="true"/>`,
    paths,
    `</svg>`,
    `<div class="map-legend"><p class="map-legend-title">${escapeHtml(m.legend)}</p><ul>${entries}<li class="kommune">${swatch(`class="kommune-swatch" fill="url(#kommune-${kommuneStep})"`)}${escapeHtml(m.kommuneSigned)}</li></ul></div>`,
    wholeCountryCount > 0 ? `<p>${escapeHtml(m.wholeCountry(format(wholeCountryCount)))}</p>` : '',
    `<p class="map-credit">${escapeHtml(m.credit)}</p>`,
    `<details class="map-table" id="kort-tabel"><summary>${escapeHtml(m.table)}</summary>`,
    `<table><caption>${escapeHtml(m.tableCaption)}</caption><thead><tr><th scope="col">${escapeHtml(m.columns.municipality)}</th><th scope="col">${escapeHtml(m.columns.signatories)}</th><th scope="col">${escapeHtml(m.columns.kommune)}</th></tr></thead><tbody>${tableRows}</tbody></table>`,
    `</details>`,
    `</div>`,
  ].join('');
}
