// The history of the charter as pages and mails show it: per principle, every adopted wording with the change from the
// version before. Pure: it works on versions already read (src/charter/charter-versions.ts reads them).
import type { CharterVersion } from '../content-schemas.ts';
import { longDate } from '../i18n/dates.ts';
import { hasChanges, wordDiff, type DiffPart } from './word-diff.ts';

export interface WordingChange {
  version: number;
  adopted: string;
  title: string;
  wording: string;
  /** The change from the previous version's wording (and title); undefined for the first version with this principle. */
  diff?: DiffPart[];
  titleDiff?: DiffPart[];
}

/**
 * The versions in which a principle's wording or title changed (or first appeared), oldest first. A version that left
 * the principle as it was is not listed: "unchanged since version 1" is one entry.
 */
export function principleHistory(versions: readonly CharterVersion[], slug: string): WordingChange[] {
  const history: WordingChange[] = [];
  for (const version of versions) {
    const principle = version.principles.find((p) => p.slug === slug);
    if (!principle) continue;
    const previous = history.at(-1);
    const entry: WordingChange = { version: version.version, adopted: version.adopted, title: principle.title, wording: principle.wording };
    if (!previous) {
      history.push(entry);
      continue;
    }
    const diff = wordDiff(previous.wording, principle.wording);
    const titleDiff = wordDiff(previous.title, principle.title);
    if (!hasChanges(diff) && !hasChanges(titleDiff)) continue;
    history.push({ ...entry, diff, titleDiff: hasChanges(titleDiff) ? titleDiff : undefined });
  }
  return history;
}

export interface PrincipleChange {
  slug: string;
  number: number;
  title: string;
  kind: 'changed' | 'added' | 'removed';
  diff: DiffPart[];
}

/** What a version changed against the one before: every principle whose wording or title changed, was added or was removed. */
export function versionChanges(versions: readonly CharterVersion[], version: number): PrincipleChange[] {
  const current = versions.find((v) => v.version === version);
  const previous = versions.find((v) => v.version === version - 1);
  if (!current || !previous) return [];
  const changes: PrincipleChange[] = [];
  for (const p of current.principles) {
    const before = previous.principles.find((q) => q.slug === p.slug);
    if (!before) changes.push({ slug: p.slug, number: p.number, title: p.title, kind: 'added', diff: wordDiff('', p.wording) });
    else if (before.wording !== p.wording || before.title !== p.title) {
      changes.push({ slug: p.slug, number: p.number, title: p.title, kind: 'changed', diff: wordDiff(`${before.title}. ${before.wording}`, `${p.title}. ${p.wording}`) });
    }
  }
  for (const q of previous.principles) {
    if (!current.principles.some((p) => p.slug === q.slug)) changes.push({ slug: q.slug, number: q.number, title: q.title, kind: 'removed', diff: wordDiff(q.wording, '') });
  }
  return changes.sort((a, b) => a.number - b.number);
}

/** "2017" when only the year is known, else "2. marts 2017" in the locale. */
export function adoptedLabel(adopted: string, locale: string): string {
  return adopted.length === 4 ? adopted : longDate(new Date(`${adopted}T12:00:00Z`), locale);
}

/** The adoption as a Date for a feed: the day, or 1 January of the year when only the year is known. */
export function adoptedDate(adopted: string): Date {
  return new Date(adopted.length === 4 ? `${adopted}-01-01T00:00:00Z` : `${adopted}T00:00:00Z`);
}
