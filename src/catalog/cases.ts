// Reads the case and principle collections and derives what the pages need: sort order, facets, cross-links.
import { getCollection, type CollectionEntry } from 'astro:content';
import { findMunicipality } from '../data/municipalities.ts';
import { areas, forms, initiators, kinds } from '../data/vocabulary.ts';
import { strings } from '../i18n/index.ts';
import { slugify, type Facet } from '../routes.ts';

// @not-ui-text: the word the case files use for an open end (see content-schemas.ts); pages show t.cases.ongoing.
const ongoingInContent = 'igangværende';

export type CaseEntry = CollectionEntry<'cases'>;
export type PrincipleEntry = CollectionEntry<'principles'>;

const collator = new Intl.Collator('da');

async function readCases(): Promise<CaseEntry[]> {
  const cases = await getCollection('cases', (entry) => import.meta.env.DEV || !entry.data.draft);
  return cases.sort((a, b) => collator.compare(a.data.title, b.data.title));
}

// A build reads the collection once: some 150 pages ask for it, and sorting a thousand titles each time added up.
// `astro dev` reads it afresh, so an edited case shows at once.
let built: Promise<CaseEntry[]> | undefined;

/**
 * The cases on the site, in title order. Drafts (`draft: true`) are left out, except in `astro dev`, so an editor
 * can preview one. The list is shared: filter or copy it, don't sort or change it in place.
 */
export function getCases(): Promise<readonly CaseEntry[]> {
  if (import.meta.env.DEV) return readCases();
  built ??= readCases();
  return built;
}

export async function getPrinciples(): Promise<PrincipleEntry[]> {
  const principles = await getCollection('principles');
  return principles.sort((a, b) => a.data.number - b.data.number);
}

/** The cases that reference a principle, in title order. */
export function casesShowing(principleId: string, cases: readonly CaseEntry[]): CaseEntry[] {
  return cases.filter((c) => c.data.principles.some((p) => p.id === principleId));
}

const facetValuesOf = new WeakMap<CaseEntry, Readonly<Record<Facet, readonly string[]>>>();

/** A case's value(s) for each facet, as URL segments (worked out once per case: every list and facet page asks). */
export function facetValues(entry: CaseEntry): Readonly<Record<Facet, readonly string[]>> {
  let values = facetValuesOf.get(entry);
  if (!values) {
    values = {
      municipality: [slugify(entry.data.municipality)],
      area: [...entry.data.areas],
      kind: [entry.data.kind],
      form: [entry.data.form],
      initiator: [...entry.data.initiators],
    };
    facetValuesOf.set(entry, values);
  }
  return values;
}

export interface FacetOption {
  value: string;
  label: string;
}

/** The options of every facet: the fixed vocabularies, and the municipalities that have cases. */
export function facetOptions(cases: readonly CaseEntry[]): Record<Facet, FacetOption[]> {
  const t = strings();
  const municipalityNames = [...new Set(cases.map((c) => c.data.municipality))].sort(collator.compare);
  return {
    municipality: municipalityNames.map((name) => ({ value: slugify(name), label: name })),
    area: areas.map((value) => ({ value, label: t.labels.areas[value] })),
    kind: kinds.map((value) => ({ value, label: t.labels.kinds[value] })),
    form: forms.map((value) => ({ value, label: t.labels.forms[value] })),
    initiator: initiators.map((value) => ({ value, label: t.labels.initiators[value] })),
  };
}

/** "2004–2010", "ca. 2015–igangværende" or "2012". */
export function formatPeriod(period: CaseEntry['data']['period']): string {
  const t = strings();
  const prefix = period.approximate ? `${t.cases.circa} ` : '';
  if (period.end === undefined) return `${prefix}${period.start}`;
  const end = period.end === ongoingInContent ? t.cases.ongoing : String(period.end);
  return `${prefix}${period.start}–${end}`;
}

export function regionOf(entry: CaseEntry): string | undefined {
  return findMunicipality(entry.data.municipality)?.region;
}
