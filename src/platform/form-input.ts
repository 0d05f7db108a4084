// The skeleton every form parser shares: zod issues become one Danish message per field, listed in form order
// (the order of the error summary), rules that span fields add their own, and the hidden honeypot field marks a bot.
import { z } from 'zod';
import { blankToUndefined } from './plain-text.ts';

/** A field people can't see; a bot that fills it in gets a polite success and nothing stored. */
export const honeypotField = 'website_url2';

/** A ticked box arrives as "on" from a form and as true from JSON. */
export const checkbox = (value: unknown) => value === true || value === 'on' || value === 'true';

/** A required e-mail address, lower-cased, with one message for a missing and one for a malformed address. */
export const emailField = (m: { missing: string; invalid: string }) =>
  z.preprocess(
    (value) => (typeof value === 'string' ? blankToUndefined(value.toLowerCase()) : value),
    z.email({ error: (issue) => (issue.input === undefined ? m.missing : m.invalid) }).max(254, { error: m.invalid }),
  );

export interface FieldError<F extends string = string> {
  field: F;
  message: string;
}

export type ParseResult<T, F extends string> = { ok: true; value: T; suspectedBot: boolean } | { ok: false; errors: FieldError<F>[] };

export interface ParseFormOptions<S extends z.ZodObject, T, F extends string> {
  /** Errors from rules that span fields: zod skips object refinements once a field failed, and people want every error at once. */
  crossFieldErrors?: (raw: Record<string, unknown>) => FieldError<F>[];
  /** What the schema sees, when some fields count only in some cases (e.g. an organisation's fields for a person). */
  prepare?: (raw: Record<string, unknown>) => Record<string, unknown>;
  /** Turns the schema's output into the value the use case takes. */
  finish?: (data: z.output<S>) => T;
}

/** The schema's fields in the order they appear on the form. */
export function fieldsOf<S extends z.ZodObject>(schema: S): (keyof z.output<S> & string)[] {
  return Object.keys(schema.shape) as (keyof z.output<S> & string)[];
}

/** Parses a submitted form. Unknown fields are ignored; each field gets at most one message, in form order. */
export function parseForm<S extends z.ZodObject, T = z.output<S>, F extends string = keyof z.output<S> & string>(
  schema: S,
  raw: Record<string, unknown>,
  options: ParseFormOptions<S, T, F> = {},
): ParseResult<T, F> {
  const parsed = schema.safeParse(options.prepare ? options.prepare(raw) : raw);
  const errors: FieldError<F>[] = [...(options.crossFieldErrors?.(raw) ?? [])];
  if (!parsed.success) for (const issue of parsed.error.issues) errors.push({ field: issue.path[0] as F, message: issue.message });
  const firstPerField = (fieldsOf(schema) as string[])
    .map((field) => errors.find((e) => e.field === field))
    .filter((e): e is FieldError<F> => e !== undefined);
  if (firstPerField.length > 0 || !parsed.success) return { ok: false, errors: firstPerField };
  const value = options.finish ? options.finish(parsed.data) : (parsed.data as T);
  return { ok: true, value, suspectedBot: blankToUndefined(raw[honeypotField]) !== undefined };
}
