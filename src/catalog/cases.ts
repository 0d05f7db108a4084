// Reads the case and principle collections and derives what the pages need: sort order, facets, cross-links.
import { getCollection, type CollectionEntry } from 'astro:content';
import { findMunicipality } from '../data/municipalities.ts';
import { areas, forms, initiators, kinds, participationLevels, scopes, statuses, unknown } from '../data/vocabulary.ts';
import { strings, type Language, type Strings } from '../i18n/index.ts';
import { routes, slugify, type Facet } from '../routes.ts';
import type { CaseRecord } from './open-data.ts';

// @not-ui-text: the word the case files use for an open end (see content-schemas.ts); pages show t.cases.ongoing.
export const ongoingInContent = 'igangværende';

/** A case in either language: Danish (`cases`) or its English translation (`casesEn`), with the same fields. */
export type CaseEntry = CollectionEntry<'cases' | 'casesEn'>;
export type PrincipleEntry = CollectionEntry<'principles' | 'principlesEn'>;
export type PageEntry = CollectionEntry<'pages' | 'pagesEn'>;

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

/** Is this entry the English translation (rather than the Danish original)? */
export function isEnglish(entry: { collection: string }): boolean {
  return entry.collection.endsWith('En');
}

/** Each Danish entry, replaced by its English translation where there is one: the English edition's view. */
function preferEnglish<T extends { id: string }>(danish: readonly T[], english: readonly T[]): T[] {
  const byId = new Map(english.map((e) => [e.id, e]));
  return danish.map((d) => byId.get(d.id) ?? d);
}

let builtEnglish: Promise<CaseEntry[]> | undefined;

/**
 * The cases in a language, in title order. In English every case is listed: translated ones in English, the rest in
 * Danish (`isEnglish(entry)` tells them apart), so a reader can see what exists and read it in Danish.
 */
export function getCasesIn(lang: Language): Promise<readonly CaseEntry[]> {
  if (lang === 'da') return getCases();
  const read = async () => {
    const english = await getCollection('casesEn', (entry) => import.meta.env.DEV || !entry.data.draft);
    return preferEnglish<CaseEntry>(await getCases(), english).sort((a, b) => collator.compare(a.data.title, b.data.title));
  };
  if (import.meta.env.DEV) return read();
  builtEnglish ??= read();
  return builtEnglish;
}

/** The principles in a language, in charter order; an untranslated principle stays Danish. */
export async function getPrinciplesIn(lang: Language): Promise<PrincipleEntry[]> {
  if (lang === 'da') return getPrinciples();
  return preferEnglish<PrincipleEntry>(await getPrinciples(), await getCollection('principlesEn'));
}

/** The editorial pages in a language; an untranslated page stays Danish. */
export async function getPagesIn(lang: Language): Promise<PageEntry[]> {
  const danish = await getCollection('pages');
  return lang === 'da' ? danish : preferEnglish<PageEntry>(danish, await getCollection('pagesEn'));
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
      initiator: entry.data.initiators === unknown ? [unknown] : [...entry.data.initiators],
      // Danish letters become ASCII in addresses and ids: igangværende → igangvaerende.
      status: [slugify(entry.data.status)],
      scope: [entry.data.scope],
      participation: [slugify(entry.data.participation)],
      principle: entry.data.principles.map((p) => p.id),
    };
    facetValuesOf.set(entry, values);
  }
  return values;
}

export interface FacetOption {
  value: string;
  label: string;
}

/** The options of every facet: the fixed vocabularies, the principles, and the municipalities that have cases. */
export function facetOptions(cases: readonly CaseEntry[], principles: readonly PrincipleEntry[], t: Strings = strings()): Record<Facet, FacetOption[]> {
  const municipalityNames = [...new Set(cases.map((c) => c.data.municipality))].sort(collator.compare);
  return {
    municipality: municipalityNames.map((name) => ({ value: slugify(name), label: name })),
    area: areas.map((value) => ({ value, label: t.labels.areas[value] })),
    kind: kinds.map((value) => ({ value, label: t.labels.kinds[value] })),
    form: forms.map((value) => ({ value, label: t.labels.forms[value] })),
    initiator: initiators.map((value) => ({ value, label: t.labels.initiators[value] })),
    status: statuses.map((value) => ({ value: slugify(value), label: t.labels.statuses[value] })),
    scope: scopes.map((value) => ({ value, label: t.labels.scopes[value] })),
    participation: participationLevels.map((value) => ({ value: slugify(value), label: t.labels.participation[value] })),
    principle: principles.map((p) => ({ value: p.id, label: `${p.data.number}. ${p.data.title}` })),
  };
}

/** The label of every facet (Danish unless `t` says otherwise), for legends and facet pages. */
export function facetLabels(t: Strings = strings()): Record<Facet, string> {
  return {
    municipality: t.cases.municipality,
    area: t.cases.area,
    kind: t.cases.kind,
    form: t.cases.form,
    initiator: t.cases.initiator,
    status: t.cases.status,
    scope: t.cases.scope,
    participation: t.cases.participation,
    principle: t.cases.principle,
  };
}

/** "2004–2010", "2015–igangværende", "2012", "Ikke oplyst–2019" or "Ikke oplyst". */
export function formatPeriod(period: CaseEntry['data']['period'], t: Strings = strings()): string {
  const shown = (year: number | string) => (year === unknown ? t.cases.unknown : year === ongoingInContent ? t.cases.ongoing : String(year));
  if (period.end === undefined || (period.end === unknown && period.start === unknown)) return shown(period.start);
  return `${shown(period.start)}–${shown(period.end)}`;
}

export function regionOf(entry: CaseEntry): string | undefined {
  return findMunicipality(entry.data.municipality)?.region;
}

/** A case as an open-data record (src/catalog/open-data.ts): every field, the sources, addresses in full. */
export function caseRecord(entry: CaseEntry, site: URL): CaseRecord {
  const d = entry.data;
  return {
    slug: entry.id,
    url: new URL(routes.case(entry.id), site).href,
    title: d.title,
    summary: d.summary,
    municipality: d.municipality,
    region: regionOf(entry) ?? null,
    place: d.place ?? null,
    period: { start: d.period.start, end: d.period.end ?? null },
    status: d.status,
    scope: d.scope,
    participation: d.participation,
    areas: [...d.areas],
    kind: d.kind,
    form: d.form,
    initiators: d.initiators === unknown ? unknown : [...d.initiators],
    actors: d.actors === unknown ? unknown : d.actors.map((a) => ({ name: a.name, type: a.type })),
    principles: d.principles.map((p) => p.id),
    outcomes: d.outcomes === undefined ? null : d.outcomes === unknown ? unknown : d.outcomes.map((o) => ({ text: o.text, evidence: o.evidence })),
    lessons: [...(d.lessons ?? [])],
    challenges: [...(d.challenges ?? [])],
    lastVerified: d.lastVerified.toISOString().slice(0, 10),
    sources: d.sources.map((s) => ({ title: s.title, url: s.url, publisher: s.publisher, date: s.date, backs: [...s.backs] })),
  };
}
