// The join-the-movement form: its zod schema, Danish messages that say what to do, and a parser that lists errors in form order.
import { z } from 'zod';
import { blankToUndefined } from '../platform/plain-text.ts';
import { municipalityNames } from '../data/municipalities.ts';
import { areas } from '../data/vocabulary.ts';
import { honeypotField, organisationTypes } from '../signing/signature-input.ts';

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

const checkbox = (value: unknown) => value === true || value === 'on' || value === 'true';

/** A form sends a ticked box once per value (one string, or several); JSON sends a list. Empty means none. */
const list = (value: unknown) => {
  if (value === undefined || value === null || value === '') return [];
  const values = Array.isArray(value) ? value : [value];
  return [...new Set(values.map((v) => (typeof v === 'string' ? v.trim() : v)))];
};

export const memberInputSchema = z.object({
  kind: z.enum(memberKinds, { error: memberMessages.kind.missing }),
  name: requiredText(memberMessages.name),
  email: z.preprocess(
    (value) => (typeof value === 'string' ? blankToUndefined(value.toLowerCase()) : value),
    z.email({ error: (issue) => (issue.input === undefined ? memberMessages.email.missing : memberMessages.email.invalid) }).max(254, { error: memberMessages.email.invalid }),
  ),
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
export const memberFields = Object.keys(memberInputSchema.shape) as MemberField[];

export interface MemberFieldError {
  field: MemberField;
  message: string;
}

export type MemberParseResult =
  | { ok: true; value: MemberInput; suspectedBot: boolean }
  | { ok: false; errors: MemberFieldError[] };

/**
 * Parses a submitted join form. The organisation's fields count only when joining as an organisation: without
 * JavaScript a person sees them too, and what a person typed there is dropped. Unknown fields are ignored;
 * each field gets at most one message.
 */
export function parseMemberInput(raw: Record<string, unknown>): MemberParseResult {
  const isOrganisation = raw.kind === 'organisation';
  const parsed = memberInputSchema.safeParse(isOrganisation ? raw : { ...raw, organisation_name: undefined, organisation_type: undefined });
  const errors: MemberFieldError[] = parsed.success ? [] : parsed.error.issues.map((issue) => ({ field: issue.path[0] as MemberField, message: issue.message }));
  // "Required when joining as an organisation" spans two fields, so it is checked here rather than in the schema.
  if (isOrganisation) {
    if (blankToUndefined(raw.organisation_name) === undefined) errors.push({ field: 'organisation_name', message: memberMessages.organisation_name.missing });
    if (blankToUndefined(raw.organisation_type) === undefined) errors.push({ field: 'organisation_type', message: memberMessages.organisation_type.missing });
  }
  const firstPerField = memberFields
    .map((field) => errors.find((e) => e.field === field))
    .filter((e): e is MemberFieldError => e !== undefined);
  if (firstPerField.length > 0 || !parsed.success) return { ok: false, errors: firstPerField };

  const { organisation_name, organisation_type, ...fields } = parsed.data;
  const value: MemberInput =
    fields.kind === 'organisation'
      ? { ...fields, kind: 'organisation', organisation_name: organisation_name!, organisation_type: organisation_type! }
      : { ...fields, kind: 'person' };
  return { ok: true, value, suspectedBot: blankToUndefined(raw[honeypotField]) !== undefined };
}
