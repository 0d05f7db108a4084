// The sign-the-charter form: its zod schema, Danish messages that say what to do, and a parser that lists errors in form order.
import { z } from 'zod';
import { municipalityNames } from '../data/municipalities.ts';
import { hasCvrShape, isValidCvr, normaliseCvr } from './cvr.ts';
import { blankToUndefined } from '../platform/plain-text.ts';
import { checkbox, emailField, fieldsOf, honeypotField, parseForm, type FieldError as FormFieldError, type ParseResult } from '../platform/form-input.ts';
import { organisationTypes, type OrganisationType } from '../data/vocabulary.ts';

export { organisationTypes, type OrganisationType };

/** Types that may sign without a CVR number: a citizens' group often has none. */
export const typesWithoutCvr: readonly OrganisationType[] = ['borgergruppe'];

export const wholeCountry = 'Hele landet';
export const signingAreas = [...municipalityNames, wholeCountry] as const;

export { honeypotField };

export const statementMaxLength = 500;

export const messages = {
  organisation_name: { missing: 'Skriv organisationens navn', tooLong: 'Organisationens navn må højst være 200 tegn' },
  organisation_type: { missing: 'Vælg hvilken slags organisation I er' },
  cvr: {
    missing: 'Skriv et CVR-nummer med 8 cifre',
    shape: 'Skriv et CVR-nummer med 8 cifre, fx 12345678',
    checkDigit: 'Tjek CVR-nummeret. Det er ikke et gyldigt CVR-nummer, så der kan være byttet om på to cifre',
  },
  municipality: { missing: 'Vælg jeres kommune, eller vælg Hele landet' },
  website: { invalid: 'Skriv en webadresse som www.eksempel.dk, eller lad feltet stå tomt' },
  contact_name: { missing: 'Skriv dit navn', tooLong: 'Dit navn må højst være 200 tegn' },
  contact_title: { missing: 'Skriv din titel eller rolle i organisationen', tooLong: 'Din titel må højst være 200 tegn' },
  email: { missing: 'Skriv din e-mailadresse', invalid: 'Skriv en e-mailadresse i det rigtige format, fx navn@eksempel.dk' },
  statement: { tooLong: `Jeres udtalelse må højst være ${statementMaxLength} tegn. Gør den lidt kortere` },
} as const;

const requiredText = (m: { missing: string; tooLong: string }) =>
  z.preprocess(blankToUndefined, z.string({ error: m.missing }).max(200, { error: m.tooLong }));

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


export const signatureInputSchema = z.object({
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

export type SignatureInput = z.output<typeof signatureInputSchema>;
export type SignatureField = keyof SignatureInput;

/** The order fields appear on the form, which is the order the error summary lists them in. */
export const signatureFields = fieldsOf(signatureInputSchema);

export type FieldError = FormFieldError<SignatureField>;

export type SignatureParseResult = ParseResult<SignatureInput, SignatureField>;

/** "A CVR number unless you're a citizens' group" spans two fields. */
function crossFieldErrors(raw: Record<string, unknown>): FieldError[] {
  const type = raw.organisation_type;
  const cvr = typeof raw.cvr === 'string' ? blankToUndefined(normaliseCvr(raw.cvr)) : raw.cvr;
  const needsCvr = !typesWithoutCvr.includes(type as OrganisationType);
  return needsCvr && cvr === undefined ? [{ field: 'cvr', message: messages.cvr.missing }] : [];
}

/** Parses a submitted form. Unknown fields are ignored; each field gets at most one message. */
export function parseSignatureInput(raw: Record<string, unknown>): SignatureParseResult {
  return parseForm(signatureInputSchema, raw, { crossFieldErrors });
}
