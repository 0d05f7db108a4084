// The join-the-movement form: its zod schema, messages (from src/i18n/) that say what to do, and a parser that lists errors in form order.
import { z } from 'zod';
import { blankToUndefined } from '../platform/plain-text.ts';
import { municipalityNames } from '../data/municipalities.ts';
import { checkbox, emailField, fieldsOf, honeypotField, parseForm, type FieldError, type ParseResult } from '../platform/form-input.ts';
import { areas, organisationTypes } from '../data/vocabulary.ts';
import { strings, type Strings } from '../i18n/index.ts';

export { honeypotField };

export const memberKinds = ['person', 'organisation'] as const;
export type MemberKind = (typeof memberKinds)[number];

export const nameMaxLength = 200;

/** The field messages in one language (src/i18n/), with this form's limits filled in. */
export function memberMessagesFor(t: Strings = strings()) {
  const m = t.fieldErrors.membership;
  return {
    ...m,
    name: { missing: m.name.missing, tooLong: m.name.tooLong(nameMaxLength) },
    organisation_name: { missing: m.organisation_name.missing, tooLong: m.organisation_name.tooLong(nameMaxLength) },
  };
}

/** The Danish messages. */
export const memberMessages = memberMessagesFor();
type MemberMessages = typeof memberMessages;

const requiredText = (m: { missing: string; tooLong: string }) =>
  z.preprocess(blankToUndefined, z.string({ error: m.missing }).max(nameMaxLength, { error: m.tooLong }));

/** A form sends a ticked box once per value (one string, or several); JSON sends a list. Empty means none. */
const list = (value: unknown) => {
  if (value === undefined || value === null || value === '') return [];
  const values = Array.isArray(value) ? value : [value];
  return [...new Set(values.map((v) => (typeof v === 'string' ? v.trim() : v)))];
};

function memberSchema(memberMessages: MemberMessages) {
  return z.object({
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
}

export const memberInputSchema = memberSchema(memberMessages);
/** One schema per language, made the first time a form in that language arrives. */
const schemas = new WeakMap<Strings, { schema: typeof memberInputSchema; messages: MemberMessages }>([[strings(), { schema: memberInputSchema, messages: memberMessages }]]);
function schemaFor(t: Strings) {
  let entry = schemas.get(t);
  if (!entry) {
    const m = memberMessagesFor(t);
    schemas.set(t, (entry = { schema: memberSchema(m), messages: m }));
  }
  return entry;
}

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
export function parseMemberInput(raw: Record<string, unknown>, t: Strings = strings()): MemberParseResult {
  const isOrganisation = raw.kind === 'organisation';
  const { schema, messages: memberMessages } = schemaFor(t);
  return parseForm(schema, raw, {
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
