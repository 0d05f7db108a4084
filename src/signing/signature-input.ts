// The sign-the-charter form: its zod schema, messages (from src/i18n/) that say what to do, and a parser that lists errors in form order.
import { z } from 'zod';
import { municipalityNames, municipalityNamesInDanishOrder } from '../data/municipalities.ts';
import { hasCvrShape, isValidCvr, normaliseCvr } from './cvr.ts';
import { blankToUndefined } from '../platform/plain-text.ts';
import { checkbox, emailField, fieldsOf, honeypotField, parseForm, type FieldError as FormFieldError, type ParseResult } from '../platform/form-input.ts';
import { organisationTypes, type OrganisationType } from '../data/vocabulary.ts';
import { strings, type Strings } from '../i18n/index.ts';

export { organisationTypes, type OrganisationType };

/** Types that may sign without a CVR number: a citizens' group often has none. */
export const typesWithoutCvr: readonly OrganisationType[] = ['borgergruppe'];

export const wholeCountry = 'Hele landet';
export const signingAreas = [...municipalityNames, wholeCountry] as const;
/** The signing form's choices: "Hele landet" first (the hint points to it), then the municipalities in Danish order. */
export const signingAreasInOrder: readonly string[] = [wholeCountry, ...municipalityNamesInDanishOrder];

export { honeypotField };

export const statementMaxLength = 500;

/** Names, titles and the like are at most this long. */
const maxTextLength = 200;

/** The field messages in one language (src/i18n/), with this form's limits filled in. */
export function signatureMessages(t: Strings = strings()) {
  const m = t.fieldErrors.signing;
  const limited = (f: { missing: string; tooLong: (max: number) => string }) => ({ missing: f.missing, tooLong: f.tooLong(maxTextLength) });
  return {
    ...m,
    organisation_name: limited(m.organisation_name),
    contact_name: limited(m.contact_name),
    contact_title: limited(m.contact_title),
    statement: { tooLong: m.statement.tooLong(statementMaxLength) },
  };
}

/** The Danish messages. */
export const messages = signatureMessages();
type SignatureMessages = typeof messages;

const requiredText = (m: { missing: string; tooLong: string }) =>
  z.preprocess(blankToUndefined, z.string({ error: m.missing }).max(maxTextLength, { error: m.tooLong }));

/** "www.x.dk" is how people write addresses, so it gets https:// in front. */
const withScheme = (value: unknown) => {
  const text = blankToUndefined(value);
  return typeof text === 'string' && !/^[a-z][a-z0-9+.-]*:/i.test(text) ? `https://${text}` : text;
};

const isWebAddress = (value: string) => {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.') && value.length <= 300;
  } catch {
    return false;
  }
};


function signatureSchema(messages: SignatureMessages) {
  return z.object({
    organisation_name: requiredText(messages.organisation_name),
    organisation_type: z.enum(organisationTypes, { error: messages.organisation_type.missing }),
    cvr: z.preprocess(
      (value) => (typeof value === 'string' ? blankToUndefined(normaliseCvr(value)) : value),
      z
        .string({ error: messages.cvr.shape })
        .refine(hasCvrShape, { error: messages.cvr.shape, abort: true })
        .refine(isValidCvr, { error: messages.cvr.checkDigit })
        .optional(),
    ),
    municipality: z.enum(signingAreas, { error: messages.municipality.missing }),
    website: z.preprocess(withScheme, z.string({ error: messages.website.invalid }).refine(isWebAddress, { error: messages.website.invalid }).optional()),
    contact_name: requiredText(messages.contact_name),
    contact_title: requiredText(messages.contact_title),
    email: emailField(messages.email),
    statement: z.preprocess(blankToUndefined, z.string().max(statementMaxLength, { error: messages.statement.tooLong }).optional()),
    consent_public: z.preprocess(checkbox, z.boolean()),
  });
}

export const signatureInputSchema = signatureSchema(messages);
/** One schema per language, made the first time a form in that language arrives. */
const schemas = new WeakMap<Strings, { schema: typeof signatureInputSchema; messages: SignatureMessages }>([[strings(), { schema: signatureInputSchema, messages }]]);
function schemaFor(t: Strings) {
  let entry = schemas.get(t);
  if (!entry) {
    const m = signatureMessages(t);
    schemas.set(t, (entry = { schema: signatureSchema(m), messages: m }));
  }
  return entry;
}

export type SignatureInput = z.output<typeof signatureInputSchema>;
export type SignatureField = keyof SignatureInput;

/** The order fields appear on the form, which is the order the error summary lists them in. */
export const signatureFields = fieldsOf(signatureInputSchema);

export type FieldError = FormFieldError<SignatureField>;

export type SignatureParseResult = ParseResult<SignatureInput, SignatureField>;

/** "A CVR number unless you're a citizens' group" spans two fields. */
function crossFieldErrors(raw: Record<string, unknown>, messages: SignatureMessages): FieldError[] {
  const type = raw.organisation_type;
  const cvr = typeof raw.cvr === 'string' ? blankToUndefined(normaliseCvr(raw.cvr)) : raw.cvr;
  const needsCvr = !typesWithoutCvr.includes(type as OrganisationType);
  return needsCvr && cvr === undefined ? [{ field: 'cvr', message: messages.cvr.missing }] : [];
}

/** Parses a submitted form. Unknown fields are ignored; each field gets at most one message. */
export function parseSignatureInput(raw: Record<string, unknown>, t: Strings = strings()): SignatureParseResult {
  const { schema, messages } = schemaFor(t);
  return parseForm(schema, raw, { crossFieldErrors: (fields) => crossFieldErrors(fields, messages) });
}
