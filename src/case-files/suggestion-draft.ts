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
 * Values for the fields a suggester is not asked about. They are valid, so the draft passes the check, and the
 * file marks each one for the editor to correct. `ligevaerd` must stay a file in content/principles/ (tested).
 */
export const draftPlaceholders = {
  areas: ['demokrati'],
  kind: 'udviklingsprojekt',
  form: 'beskrivende',
  initiators: ['borgere-foreninger-virksomheder'],
  principles: ['ligevaerd'],
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

/** "Kilde på kolding.dk" for https://www.kolding.dk/…: an honest title until the editor writes the real one. */
function sourceTitle(url: string): string {
  return `Kilde på ${new URL(url).hostname.replace(/^www\./, '')}`;
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
    period: { start: suggestion.created_at.getUTCFullYear(), approximate: true },
    areas: [...draftPlaceholders.areas],
    kind: draftPlaceholders.kind,
    form: draftPlaceholders.form,
    initiators: [...draftPlaceholders.initiators],
    actors: [{ name: `${suggestion.municipality} Kommune`, type: 'kommune' }],
    principles: [...draftPlaceholders.principles],
    sources: links.map((url) => ({ title: sourceTitle(url), url })),
    draft: true,
  };
  const noteLines = notes.length > 0 ? ` Forslagsstilleren skrev også om kilderne: ${notes.join(' / ')}` : '';
  const content = renderCaseFile(data, {
    note:
      `Udkast fra forslagsformularen på sitet (forslag ${suggestion.id}). Tjek alle felter mærket TJEK, skriv resten af teksten, ` +
      `og ret draft til false, når casen er klar.${noteLines}`,
    sections: { story: escapeMdx(suggestion.what_happened), actors: escapeMdx(suggestion.participants) },
    unchecked: ['summary', 'period', 'areas', 'kind', 'form', 'initiators', 'actors', 'principles', 'sources'],
  });
  return { slug: slugForTitle(suggestion.title), content };
}

/** Where the draft may go, in order: the title's slug, then -2, -3, … when a case already has that name. */
export function candidatePaths(slug: string, count = 20): string[] {
  return Array.from({ length: count }, (_, i) => `${contentFolders.cases}/${i === 0 ? slug : `${slug}-${i + 1}`}.mdx`);
}
