// Picks the UI strings for a language: Danish (da.ts) first, and the English edition (en.ts) under /en/.
import { da, type Strings } from './da.ts';
import { en } from './en.ts';

export type { Strings };

const languages = { da, en } satisfies Record<string, Strings>;

export type Language = keyof typeof languages;
export const defaultLanguage: Language = 'da';
export const languageCodes = Object.keys(languages) as Language[];

export function strings(lang: Language = defaultLanguage): Strings {
  return languages[lang];
}

/** A stored or submitted language code, or Danish for anything else (old rows, a tampered form). */
export function languageOf(value: unknown): Language {
  return typeof value === 'string' && Object.hasOwn(languages, value) ? (value as Language) : defaultLanguage;
}

/** The language whose edition a path belongs to: everything under /en/ is English. */
export function languageOfPath(path: string): Language {
  return path === '/en' || path.startsWith('/en/') ? 'en' : defaultLanguage;
}
