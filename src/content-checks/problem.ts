// What the checker reports: a problem in one file, at one line, maybe in one field, said in plain Danish.

export interface Problem {
  /** Relative to the project root, with forward slashes: content/cases/seest.mdx. */
  file: string;
  /** 1-based line in the file. */
  line: number;
  /** The field's path in the frontmatter, e.g. ["sources", 2, "url"]; absent for problems in the text. */
  field?: readonly (string | number)[];
  /** What is wrong and what to write instead. */
  message: string;
}

/** `"sources" → nr. 3 → "url"`: a field path as an editor counts, from one. */
export function fieldLabel(path: readonly (string | number)[]): string {
  return path.map((part) => (typeof part === 'number' ? `nr. ${part + 1}` : `"${part}"`)).join(' → ');
}

/** `content/cases/seest.mdx, linje 7, feltet "municipality": …`: the one line every output format starts from. */
export function formatProblem(problem: Problem): string {
  const where = problem.field && problem.field.length > 0 ? `, feltet ${fieldLabel(problem.field)}` : '';
  return `${problem.file}, linje ${problem.line}${where}: ${problem.message}`;
}

/** Problems in file order, then line order, as an editor reads them. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}

/** Capitalises the first letter: schema messages may start with "et resumé …". */
export function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A value as the editor wrote it: text in quotes, numbers and the rest as they are. */
export function shown(value: unknown): string {
  if (typeof value === 'string') return `"${value}"`;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'en ugyldig dato' : value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return 'en liste';
  if (value === null) return 'ingenting';
  if (typeof value === 'object') return 'en gruppe af felter';
  return String(value);
}
