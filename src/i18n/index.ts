// Picks the UI strings for a language; Danish is the only one until English is added beside da.ts.
import { da, type Strings } from './da.ts';

export type { Strings };

const languages = { da } satisfies Record<string, Strings>;

export type Language = keyof typeof languages;
export const defaultLanguage: Language = 'da';

export function strings(lang: Language = defaultLanguage): Strings {
  return languages[lang];
}
