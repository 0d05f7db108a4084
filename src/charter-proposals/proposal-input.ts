// The proposal form on each principle: a comment, or a new wording with a reason, from a named person. Its zod schema,
// messages (from src/i18n/) that say what to do, and the parser that lists errors in form order. Pure.
import { z } from 'zod';
import { blankToUndefined } from '../platform/plain-text.ts';
import { checkbox, emailField, fieldsOf, honeypotField, parseForm, type FieldError, type ParseResult } from '../platform/form-input.ts';
import { strings, type Strings } from '../i18n/index.ts';

export { honeypotField };

export const proposalKinds = ['wording', 'comment'] as const;
export type ProposalKind = (typeof proposalKinds)[number];

export const proposalLimits = { wording: 200, reason: 3000, name: 200, organisation: 200 } as const;

/** A principle's file name, as in content/principles/<slug>.mdx. */
export const principleSlugShape = /^[a-z0-9][a-z0-9-]{0,79}$/;

/** The field messages in one language, with the limits filled in. */
export function proposalMessagesFor(t: Strings = strings()) {
  const m = t.charterProposals.fieldErrors;
  const l = proposalLimits;
  return {
    principle: m.principle,
    kind: m.kind,
    wording: { missing: m.wording.missing, tooLong: m.wording.tooLong(l.wording), unchanged: m.wording.unchanged },
    reason: { missing: m.reason.missing, tooLong: m.reason.tooLong(l.reason) },
    name: { missing: m.name.missing, tooLong: m.name.tooLong(l.name) },
    organisation: { tooLong: m.organisation.tooLong(l.organisation) },
    email: m.email,
  };
}

type ProposalMessages = ReturnType<typeof proposalMessagesFor>;

const text = (m: { missing: string; tooLong: string }, max: number) => z.preprocess(blankToUndefined, z.string({ error: m.missing }).max(max, { error: m.tooLong }));

function proposalSchema(m: ProposalMessages) {
  return z.object({
    principle: z.preprocess(blankToUndefined, z.string({ error: m.principle.missing }).regex(principleSlugShape, { error: m.principle.missing })),
    kind: z.enum(proposalKinds, { error: m.kind.missing }),
    wording: z.preprocess(blankToUndefined, z.string().max(proposalLimits.wording, { error: m.wording.tooLong }).optional()),
    reason: text(m.reason, proposalLimits.reason),
    name: text(m.name, proposalLimits.name),
    organisation: z.preprocess(blankToUndefined, z.string().max(proposalLimits.organisation, { error: m.organisation.tooLong }).optional()),
    email: emailField(m.email),
    consent_public: z.preprocess(checkbox, z.boolean()),
  });
}

const schemas = new WeakMap<Strings, { schema: ReturnType<typeof proposalSchema>; messages: ProposalMessages }>();
function schemaFor(t: Strings) {
  let entry = schemas.get(t);
  if (!entry) {
    const messages = proposalMessagesFor(t);
    schemas.set(t, (entry = { schema: proposalSchema(messages), messages }));
  }
  return entry;
}

type ParsedFields = z.output<ReturnType<typeof proposalSchema>>;

/** A valid proposal: a new wording comes with its reason; a comment has no wording. */
export type ProposalInput = Omit<ParsedFields, 'kind' | 'wording'> & ({ kind: 'wording'; wording: string } | { kind: 'comment'; wording?: undefined });

export type ProposalField = keyof ParsedFields;
export type ProposalFieldError = FieldError<ProposalField>;

/** The order fields appear on the form, which is the order the error summary lists them in. */
export const proposalFields = fieldsOf(proposalSchema(proposalMessagesFor()));

/** `currentWording` is the principle's wording now: a "new" wording that is the same text is no proposal. */
export function parseProposalInput(raw: Record<string, unknown>, t: Strings = strings(), currentWording?: string): ParseResult<ProposalInput, ProposalField> {
  const { schema, messages } = schemaFor(t);
  const isWording = raw.kind === 'wording';
  return parseForm(schema, raw, {
    // Without JavaScript the wording field is there for a comment too; what was typed in it then is dropped.
    prepare: (fields) => (isWording ? fields : { ...fields, wording: undefined }),
    crossFieldErrors: (fields) => {
      if (!isWording) return [];
      const wording = blankToUndefined(fields.wording);
      if (wording === undefined) return [{ field: 'wording', message: messages.wording.missing }];
      if (typeof wording === 'string' && currentWording !== undefined && normalise(wording) === normalise(currentWording)) return [{ field: 'wording', message: messages.wording.unchanged }];
      return [];
    },
    finish: ({ wording, ...fields }): ProposalInput => (fields.kind === 'wording' ? { ...fields, kind: 'wording', wording: wording! } : { ...fields, kind: 'comment' }),
  });
}

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The address a support request names, or the message for its field. */
export function parseSupportRequest(raw: Record<string, unknown>, t: Strings = strings()): ParseResult<{ proposal: string; email: string }, 'proposal' | 'email'> {
  const m = t.charterProposals.fieldErrors;
  const schema = z.object({
    proposal: z.preprocess(blankToUndefined, z.uuid({ error: m.proposal.missing })),
    email: emailField(m.email),
  });
  return parseForm(schema, raw);
}
