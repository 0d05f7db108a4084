// Turns a suggestion from the website into a draft case file: what the suggester wrote, placeholders the editor
// must check, and `draft: true`, so the file passes the content check but stays off the site until an editor is done.
import { caseLimits, contentFolders, type CaseInput } from '../content-schemas.ts';
import { sourceLinks, type SuggestionInput } from '../suggestions/suggestion-input.ts';
import { slugify } from '../routes.ts';
import { escapeMdx, renderCaseFile } from './case-file.ts';

export type SuggestionForDraft = Pick<SuggestionInput, 'title' | 'municipality' | 'what_happened' | 'participants' | 'sources'> & {
  id: string;
  created_at: Date;
};

/**
 * Values for the fields a suggester is not asked about. Every fact is `ukendt` until an editor has read the
 * sources (the facts rule); areas and kind need a value, so they get one the file marks for the editor to correct.
 */
export const draftPlaceholders = {
  areas: ['demokrati'],
  kind: 'udviklingsprojekt',
  period: { start: 'ukendt' },
  status: 'ukendt',
  scope: 'ukendt',
  participation: 'ukendt',
  form: 'ukendt',
  initiators: 'ukendt',
  actors: 'ukendt',
  principles: [],
} as const satisfies Partial<CaseInput>;

const maxSlugLength = 60;

/** The file name for a title: "Borgerbudget i Aarhus" → "borgerbudget-i-aarhus", cut at a word, never empty. */
export function slugForTitle(title: string): string {
  const slug = slugify(title);
  if (slug.length <= maxSlugLength) return slug || 'forslag';
  return slug.slice(0, maxSlugLength + 1).replace(/-[^-]*$/, '') || slug.slice(0, maxSlugLength);
}

/** The first sentences of a text, within the summary's limit, cut at a word. */
export function summaryFrom(text: string, max: number = caseLimits.summary): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  return `${flat.slice(0, max - 1).replace(/\s+\S*$/, '')}…`;
}

const hostOf = (url: string) => new URL(url).hostname.replace(/^www\./, '');

/** "Kilde på kolding.dk" for https://www.kolding.dk/…: an honest title until the editor writes the real one. */
function sourceTitle(url: string): string {
  return `Kilde på ${hostOf(url)}`;
}

export interface DraftCaseFile {
  /** content/cases/<slug>.mdx for the first candidate; see `candidatePaths`. */
  slug: string;
  content: string;
}

export function draftFromSuggestion(suggestion: SuggestionForDraft): DraftCaseFile {
  const { links, notes } = sourceLinks(suggestion.sources);
  const data: CaseInput = {
    title: suggestion.title,
    summary: summaryFrom(suggestion.what_happened),
    municipality: suggestion.municipality,
    period: { ...draftPlaceholders.period },
    status: draftPlaceholders.status,
    scope: draftPlaceholders.scope,
    participation: draftPlaceholders.participation,
    areas: [...draftPlaceholders.areas],
    kind: draftPlaceholders.kind,
    form: draftPlaceholders.form,
    initiators: draftPlaceholders.initiators,
    actors: draftPlaceholders.actors,
    principles: [],
    // The day of the suggestion: nobody has read the sources yet, so the editor sets it when they do.
    lastVerified: suggestion.created_at,
    // No source backs a fact until an editor has read it.
    sources: links.map((url) => ({ title: sourceTitle(url), url, publisher: hostOf(url), date: 'ukendt', backs: [] })),
    draft: true,
  };
  const noteLines = notes.length > 0 ? ` Forslagsstilleren skrev også om kilderne: ${notes.join(' / ')}` : '';
  const content = renderCaseFile(data, {
    note:
      `Udkast fra forslagsformularen på sitet (forslag ${suggestion.id}). Tjek alle felter mærket TJEK, skriv resten af teksten, ` +
      `og ret draft til false, når casen er klar.${noteLines}`,
    sections: { story: escapeMdx(suggestion.what_happened), actors: escapeMdx(suggestion.participants) },
    unchecked: ['summary', 'areas', 'kind', 'lastVerified', 'sources'],
  });
  return { slug: slugForTitle(suggestion.title), content };
}

/** Where the draft may go, in order: the title's slug, then -2, -3, … when a case already has that name. */
export function candidatePaths(slug: string, count = 20): string[] {
  return Array.from({ length: count }, (_, i) => `${contentFolders.cases}/${i === 0 ? slug : `${slug}-${i + 1}`}.mdx`);
}
