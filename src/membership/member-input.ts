// The join-the-movement form: its zod schema, Danish messages that say what to do, and a parser that lists errors in form order.
import { z } from 'zod';
import { blankToUndefined } from '../platform/plain-text.ts';
import { municipalityNames } from '../data/municipalities.ts';
import { checkbox, emailField, fieldsOf, honeypotField, parseForm, type FieldError, type ParseResult } from '../platform/form-input.ts';
import { areas, organisationTypes } from '../data/vocabulary.ts';

export { honeypotField };

export const memberKinds = ['person', 'organisation'] as const;
export type MemberKind = (typeof memberKinds)[number];

export const nameMaxLength = 200;

export const memberMessages = {
  kind: { missing: 'Vælg, om du melder dig ind som person eller melder en organisation ind' },
  name: { missing: 'Skriv dit navn', tooLong: `Dit navn må højst være ${nameMaxLength} tegn` },
  email: { missing: 'Skriv din e-mailadresse', invalid: 'Skriv en e-mailadresse i det rigtige format, fx navn@eksempel.dk' },
  municipality: { missing: 'Vælg den kommune, du bor i, eller som organisationen hører til' },
  organisation_name: { missing: 'Skriv organisationens navn', tooLong: `Organisationens navn må højst være ${nameMaxLength} tegn` },
  organisation_type: { missing: 'Vælg hvilken slags organisation det er' },
  interests: { invalid: 'Vælg kun blandt de viste områder' },
  consent: { missing: 'Sæt kryds, hvis vi må gemme dine oplysninger. Ellers kan vi ikke gøre dig til medlem' },
} as const;

const requiredText = (m: { missing: string; tooLong: string }) =>
  z.preprocess(blankToUndefined, z.string({ error: m.missing }).max(nameMaxLength, { error: m.tooLong }));

/** A form sends a ticked box once per value (one string, or several); JSON sends a list. Empty means none. */
const list = (value: unknown) => {
  if (value === undefined || value === null || value === '') return [];
  const values = Array.isArray(value) ? value : [value];
  return [...new Set(values.map((v) => (typeof v === 'string' ? v.trim() : v)))];
};

export const memberInputSchema = z.object({
  kind: z.enum(memberKinds, { error: memberMessages.kind.missing }),
  name: requiredText(memberMessages.name),
  email: emailField(memberMessages.email),
  municipality: z.enum(municipalityNames, { error: memberMessages.municipality.missing }),
  organisation_name: requiredText(memberMessages.organisation_name).optional(),
  organisation_type: z.preprocess(blankToUndefined, z.enum(organisationTypes, { error: memberMessages.organisation_type.missing }).optional()),
  interests: z.preprocess(list, z.array(z.enum(areas, { error: memberMessages.interests.invalid }), { error: memberMessages.interests.invalid })),
  newsletter: z.preprocess(checkbox, z.boolean()),
  consent: z.preprocess(checkbox, z.literal(true, { error: memberMessages.consent.missing })),
});

type ParsedFields = z.output<typeof memberInputSchema>;

/** A valid join: a person has no organisation fields, an organisation has both. */
export type MemberInput = Omit<ParsedFields, 'kind' | 'organisation_name' | 'organisation_type'> &
  (
    | { kind: 'person'; organisation_name?: undefined; organisation_type?: undefined }
    | { kind: 'organisation'; organisation_name: string; organisation_type: (typeof organisationTypes)[number] }
  );

export type MemberField = keyof ParsedFields;

/** The order fields appear on the form, which is the order the error summary lists them in. */
export const memberFields = fieldsOf(memberInputSchema);

export type MemberFieldError = FieldError<MemberField>;

export type MemberParseResult = ParseResult<MemberInput, MemberField>;

/**
 * Parses a submitted join form. The organisation's fields count only when joining as an organisation: without
 * JavaScript a person sees them too, and what a person typed there is dropped. Unknown fields are ignored;
 * each field gets at most one message.
 */
export function parseMemberInput(raw: Record<string, unknown>): MemberParseResult {
  const isOrganisation = raw.kind === 'organisation';
  return parseForm(memberInputSchema, raw, {
    prepare: (fields) => (isOrganisation ? fields : { ...fields, organisation_name: undefined, organisation_type: undefined }),
    // "Required when joining as an organisation" spans two fields, so it is checked here rather than in the schema.
    crossFieldErrors: (fields) => {
      if (!isOrganisation) return [];
      const errors: MemberFieldError[] = [];
      if (blankToUndefined(fields.organisation_name) === undefined) errors.push({ field: 'organisation_name', message: memberMessages.organisation_name.missing });
      if (blankToUndefined(fields.organisation_type) === undefined) errors.push({ field: 'organisation_type', message: memberMessages.organisation_type.missing });
      return errors;
    },
    finish: ({ organisation_name, organisation_type, ...fields }): MemberInput =>
      fields.kind === 'organisation'
        ? { ...fields, kind: 'organisation', organisation_name: organisation_name!, organisation_type: organisation_type! }
        : { ...fields, kind: 'person' },
  });
}
