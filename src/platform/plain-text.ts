// Cleans text typed or pasted into a form: control characters (NUL and the like) are invisible, and PostgreSQL cannot store NUL at all.

// C0 controls and DEL, except tab, line feed and carriage return, which are how text is laid out.
const controlCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** The text without invisible control characters; tabs and line breaks stay. */
export function withoutControlCharacters(text: string): string {
  return text.replace(controlCharacters, '');
}

/**
 * A form value as the domain sees it: strings lose control characters and surrounding space, and an empty string means
 * "not given" (undefined). Anything that is not a string passes through for the schema to reject.
 */
export function blankToUndefined(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const trimmed = withoutControlCharacters(value).trim();
  return trimmed === '' ? undefined : trimmed;
}
