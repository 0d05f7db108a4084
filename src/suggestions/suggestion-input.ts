// The suggest-a-case form: its zod schema, messages (from src/i18n/) that say what to do, and the parser that lists errors in form order.
import { z } from 'zod';
import { blankToUndefined } from '../platform/plain-text.ts';
import { municipalityNames } from '../data/municipalities.ts';
import { caseLimits } from '../content-schemas.ts';
import { strings, type Strings } from '../i18n/index.ts';
import { emailField, fieldsOf, honeypotField, parseForm, type FieldError, type ParseResult } from '../platform/form-input.ts';

export { honeypotField };

export const suggestionLimits = {
  title: caseLimits.title,
  whatHappened: 3000,
  participants: 1000,
  sources: 2000,
  links: 10,
  name: 200,
} as const;

/** The field messages in one language (src/i18n/), with this form's limits filled in. */
export function suggestionMessagesFor(t: Strings = strings()) {
  const m = t.fieldErrors.suggestions;
  const l = suggestionLimits;
  return {
    title: { missing: m.title.missing, tooLong: m.title.tooLong(l.title) },
    municipality: m.municipality,
    what_happened: { missing: m.what_happened.missing, tooLong: m.what_happened.tooLong(l.whatHappened) },
    participants: { missing: m.participants.missing, tooLong: m.participants.tooLong(l.participants) },
    sources: { missing: m.sources.missing, tooLong: m.sources.tooLong(l.sources), tooMany: m.sources.tooMany(l.links) },
    name: { missing: m.name.missing, tooLong: m.name.tooLong(l.name) },
    email: m.email,
  };
}

/** The Danish messages. */
export const suggestionMessages = suggestionMessagesFor();
type SuggestionMessages = typeof suggestionMessages;

/** One line of text: line breaks and runs of space become one space. */
const oneLine = (value: unknown) => (typeof value === 'string' ? blankToUndefined(value.replace(/\s+/g, ' ')) : value);

const text = (m: { missing: string; tooLong: string }, max: number, clean: (value: unknown) => unknown = blankToUndefined) =>
  z.preprocess(clean, z.string({ error: m.missing }).max(max, { error: m.tooLong }));

/** The web addresses in the sources field (one per line; "www.x.dk" gets https://), and the lines that are not addresses. */
export function sourceLinks(text: string): { links: string[]; notes: string[] } {
  const links: string[] = [];
  const notes: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) continue;
    const candidate = /^[a-z][a-z0-9+.-]*:/i.test(line) ? line : /^[\w-]+(\.[\w-]+)+(\/\S*)?$/.test(line) ? `https://${line}` : '';
    let url: URL | undefined;
    try {
      url = candidate ? new URL(candidate) : undefined;
    } catch {
      url = undefined;
    }
    if (url && (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.') && !/\s/.test(candidate)) links.push(url.href);
    else notes.push(line);
  }
  return { links: [...new Set(links)], notes };
}

function suggestionSchema(suggestionMessages: SuggestionMessages) {
  return z.object({
    title: text(suggestionMessages.title, suggestionLimits.title, oneLine),
    municipality: z.enum(municipalityNames as [string, ...string[]], { error: suggestionMessages.municipality.missing }),
    what_happened: text(suggestionMessages.what_happened, suggestionLimits.whatHappened),
    participants: text(suggestionMessages.participants, suggestionLimits.participants),
    sources: text(suggestionMessages.sources, suggestionLimits.sources)
      .refine((value) => sourceLinks(value).links.length > 0, { error: suggestionMessages.sources.missing, abort: true })
      .refine((value) => sourceLinks(value).links.length <= suggestionLimits.links, { error: suggestionMessages.sources.tooMany }),
    name: text(suggestionMessages.name, suggestionLimits.name, oneLine),
    email: emailField(suggestionMessages.email),
  });
}

export const suggestionInputSchema = suggestionSchema(suggestionMessages);
/** One schema per language, made the first time a form in that language arrives. */
const schemas = new WeakMap<Strings, typeof suggestionInputSchema>([[strings(), suggestionInputSchema]]);

export type SuggestionInput = z.output<typeof suggestionInputSchema>;
export type SuggestionField = keyof SuggestionInput;

/** The order fields appear on the form, which is the order the error summary lists them in. */
export const suggestionFields = fieldsOf(suggestionInputSchema);

export type SuggestionFieldError = FieldError<SuggestionField>;

export type SuggestionParseResult = ParseResult<SuggestionInput, SuggestionField>;

/** Parses a submitted form. Unknown fields are ignored; each field gets at most one message. */
export function parseSuggestionInput(raw: Record<string, unknown>, t: Strings = strings()): SuggestionParseResult {
  let schema = schemas.get(t);
  if (!schema) schemas.set(t, (schema = suggestionSchema(suggestionMessagesFor(t))));
  return parseForm(schema, raw);
}
