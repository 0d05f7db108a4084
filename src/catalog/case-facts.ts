// What a case's facts box knows: which sources back each fact, and what is missing ("Hvor meget ved vi?").
// Pure, on the case's data, so the case page, the open data and the tests share it.
import { isKnown, type FactValues } from '../content-schemas.ts';
import { factFields, type FactField } from '../data/vocabulary.ts';

export interface FactSource {
  title: string;
  url: string;
  publisher: string;
  date: string;
  backs: readonly string[];
}

export type CaseFacts = FactValues & { sources: readonly FactSource[]; outcomes?: unknown; lessons?: readonly string[]; challenges?: readonly string[] };

/** The licence of the case texts and the open data. */
export const caseLicence = { name: 'CC BY-SA 4.0', url: 'https://creativecommons.org/licenses/by-sa/4.0/deed.da' } as const;

/** The sources that back a fact, each with its number in the case's list of sources (from 1). */
export function sourcesBacking(field: FactField, sources: readonly FactSource[]): { number: number; source: FactSource }[] {
  return sources.flatMap((source, i) => (source.backs.includes(field) ? [{ number: i + 1, source }] : []));
}

/** The facts-box fields the box always shows (outcomes are a list of their own). */
export const boxFields = factFields.filter((f) => f !== 'outcomes');

export interface Knowledge {
  known: FactField[];
  missing: FactField[];
  total: number;
  hasOutcomes: boolean;
  hasLessons: boolean;
  sourceCount: number;
}

/** How much the sources tell about a case: the facts given, the facts not given, outcomes and sources. */
export function knowledgeOf(c: CaseFacts): Knowledge {
  const known = boxFields.filter((f) => isKnown(f, c));
  return {
    known,
    missing: boxFields.filter((f) => !known.includes(f)),
    total: boxFields.length,
    hasOutcomes: isKnown('outcomes', c),
    hasLessons: (c.lessons?.length ?? 0) > 0,
    sourceCount: c.sources.length,
  };
}
