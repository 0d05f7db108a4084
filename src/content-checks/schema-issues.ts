// Turns the schema's issues into problems an editor can act on: the line, the field, the value they wrote,
// the schema's own Danish message about what is allowed, and a "Mente du …?" when the value looks misspelt.
import type { z } from 'astro/zod';
import { closest, meantText } from './closest.ts';
import type { FieldPath, Frontmatter } from './frontmatter.ts';
import { sentence, shown, type Problem } from './problem.ts';

type Issue = z.core.$ZodIssue & { input?: unknown };
type Def = { type: string; shape?: Record<string, Schema>; element?: Schema; innerType?: Schema; in?: Schema; out?: Schema; options?: Schema[] };
type Schema = { _zod: { def: Def } };

/** What a wrong value is not, per field, for "… er ikke en kommune, vi kender." */
const nouns: Record<string, string> = {
  municipality: 'en kommune, vi kender',
  principles: 'et princip i chartret',
  areas: 'et af områderne',
  kind: 'en af typerne',
  form: 'en af formerne',
  initiators: 'en af initiativtagerne',
  type: 'en af aktørtyperne',
};

const monthNames = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'];

export const issueMessages = {
  missing: (message: string) => `Feltet mangler. ${sentence(message)}`,
  notOne: (value: unknown, noun: string, message: string) => `${shown(value)} er ikke ${noun}. ${sentence(message)}`,
  municipalitySuffix: (value: string) => `${shown(value)} er ikke en kommune, vi kender. Skriv kommunens navn uden "Kommune".`,
  allowedList: (values: readonly string[]) => ` Du kan vælge mellem: ${values.map((v) => `"${v}"`).join(', ')}.`,
  quoteText: (key: string, raw: string) => ` Sæt anførselstegn om, fx ${key}: "${raw}".`,
  asList: (key: string, value: string) => ` Skriv fx ${key}: [${value}].`,
  tooLong: (length: number, max: number, message: string) => `Teksten er ${length} tegn. ${sentence(message)} Gør den ${length - max} tegn kortere.`,
  unknownField: (meant: string, names: readonly string[]) => `Det felt kender vi ikke.${meant} Felterne her er: ${names.map((n) => `"${n}"`).join(', ')}.`,
  slugField: 'Adressen kommer fra filnavnet, så feltet slug bruges ikke. Slet det, og omdøb filen, hvis adressen skal være en anden.',
  notUrl: (value: unknown, message: string) => `${shown(value)} er ikke en fuld webadresse. ${sentence(message)}`,
  cannotUse: (value: unknown, message: string) => `${shown(value)} kan ikke bruges her. ${sentence(message)}`,
  notADate: (raw: string, why: string) => `"${raw}" er ikke en rigtig dato: ${why}.`,
  noMonth: (month: number) => `der er ingen måned ${month}`,
  shortMonth: (month: number, year: number, days: number) => `${monthNames[month - 1]} ${year} har kun ${days} dage`,
  isADate: (raw: string) => `Her står en dato (${raw}), men feltet skal ikke have en dato.`,
  yearOnly: (year: number) => ` Mente du ${year}?`,
} as const;

function unwrap(schema: Schema | undefined): Schema | undefined {
  let current = schema;
  for (let i = 0; current && i < 10; i++) {
    const def = current._zod.def;
    if (def.innerType && ['optional', 'default', 'nullable', 'prefault', 'readonly', 'catch', 'nonoptional'].includes(def.type)) current = def.innerType;
    else if (def.type === 'pipe' && def.in) current = def.in._zod.def.type === 'transform' ? def.out : def.in;
    else break;
  }
  return current;
}

/** The schema that describes the value at `path`, walking objects and lists. */
export function schemaAt(schema: Schema, path: FieldPath): Schema | undefined {
  let current = unwrap(schema);
  for (const part of path) {
    // `ukendt` or a list/group: walk into the option that has the part.
    if (current?._zod.def.type === 'union') {
      const wanted = typeof part === 'number' ? 'array' : 'object';
      current = current._zod.def.options?.map(unwrap).find((o) => o?._zod.def.type === wanted) ?? current;
    }
    const def = current?._zod.def;
    if (def?.type === 'object' && typeof part === 'string') current = unwrap(def.shape?.[part]);
    else if (def?.type === 'array') current = unwrap(def.element);
    else return undefined;
  }
  return current;
}

/** The field names the schema allows at `path`, in the schema's order. */
export function fieldNamesAt(schema: Schema, path: FieldPath): string[] {
  const def = schemaAt(schema, path)?._zod.def;
  return def?.type === 'object' && def.shape ? Object.keys(def.shape) : [];
}

/** For a value js-yaml read as a date: whether the editor wrote a real date, and if not, why not. */
function dateAdvice(raw: string | undefined, value: Date): { text: string; year?: number } {
  const match = raw ? /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(raw) : null;
  if (!match || !raw) return { text: issueMessages.isADate(shown(value)) };
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12) return { text: issueMessages.notADate(raw, issueMessages.noMonth(month)), year };
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > days) return { text: issueMessages.notADate(raw, issueMessages.shortMonth(month, year, days)), year };
  return { text: issueMessages.isADate(raw), year };
}

/** For a date an editor wrote as YYYY-MM-DD: why it is no real day (YAML would quietly roll it over), or nothing. */
export function unrealDate(raw: string | undefined): string | undefined {
  const match = raw ? /^["']?(\d{4})-(\d{1,2})-(\d{1,2})["']?$/.exec(raw.trim()) : null;
  if (!match || !raw) return undefined;
  const advice = dateAdvice(raw.replace(/["']/g, ''), new Date(NaN));
  return advice.text.startsWith('"') ? `${advice.text} Skriv en dato, der findes, som ÅÅÅÅ-MM-DD.` : undefined;
}

const lastKey = (path: FieldPath) => [...path].reverse().find((p): p is string => typeof p === 'string') ?? '';

function messageFor(issue: Issue, fm: Frontmatter, schema: Schema): string {
  const path = issue.path as FieldPath;
  const key = lastKey(path);
  const input = issue.input;
  switch (issue.code) {
    case 'invalid_type': {
      if (input === undefined) return issueMessages.missing(issue.message);
      if (input instanceof Date) {
        const advice = dateAdvice(fm.rawOf(path), input);
        const year = issue.expected === 'number' && advice.year !== undefined ? issueMessages.yearOnly(advice.year) : '';
        return `${advice.text} ${sentence(issue.message)}${year}`;
      }
      if (issue.expected === 'string' && (typeof input === 'number' || typeof input === 'boolean')) {
        return `${sentence(issue.message)}${issueMessages.quoteText(key, fm.rawOf(path) ?? String(input))}`;
      }
      if (issue.expected === 'array' && typeof input === 'string') {
        const element = schemaAt(schema, [...path, 0])?._zod.def.type;
        return `${sentence(issue.message)}${element === 'enum' || element === 'string' ? issueMessages.asList(key, input) : ''}`;
      }
      return sentence(issue.message);
    }
    case 'invalid_value': {
      if (input === undefined) return issueMessages.missing(issue.message);
      const values = issue.values.filter((v): v is string => typeof v === 'string');
      if (typeof input === 'string' && key === 'municipality') {
        const bare = input.replace(/s?\s+kommune$/i, '').trim();
        if (bare !== input.trim()) {
          const exact = values.find((v) => v.toLowerCase() === bare.toLowerCase() || v.toLowerCase() === input.replace(/\s+kommune$/i, '').trim().toLowerCase());
          return issueMessages.municipalitySuffix(input) + meantText(exact ? [exact] : closest(bare, values));
        }
      }
      const suggestions = typeof input === 'string' ? closest(input, values) : [];
      const listed = suggestions.length === 0 && values.length <= 20 && !values.every((v) => issue.message.includes(`"${v}"`)) ? issueMessages.allowedList(values) : '';
      return issueMessages.notOne(input, nouns[key] ?? 'en af de tilladte værdier', issue.message) + meantText(suggestions) + listed;
    }
    case 'too_big':
      if (issue.origin === 'string' && typeof input === 'string') return issueMessages.tooLong(input.length, Number(issue.maximum), issue.message);
      return sentence(issue.message);
    case 'invalid_format': {
      if (issue.format !== 'url') return sentence(issue.message);
      const looksLikeHost = typeof input === 'string' && /^[\w.-]+\.[a-z]{2,}(?:[/?#]\S*)?$/i.test(input);
      return issueMessages.notUrl(input, issue.message) + (looksLikeHost ? meantText([`https://${input}`]) : '');
    }
    case 'invalid_union': {
      if (input instanceof Date) {
        const advice = dateAdvice(fm.rawOf(path), input);
        return `${advice.text} ${sentence(issue.message)}${advice.year !== undefined ? issueMessages.yearOnly(advice.year) : ''}`;
      }
      // `ukendt` or a list, written as one word: show it as a list.
      const asArray = issue.errors.flat().find((inner) => inner.code === 'invalid_type' && inner.expected === 'array' && inner.path.length === 0);
      if (asArray && typeof input === 'string') return `${sentence(asArray.message)}${issueMessages.asList(key, input)}`;
      const options = issue.errors.flat().flatMap((inner) => (inner.code === 'invalid_value' ? inner.values.filter((v): v is string => typeof v === 'string') : []));
      return issueMessages.cannotUse(input, issue.message) + (typeof input === 'string' ? meantText(closest(input, options)) : '');
    }
    default:
      return sentence(issue.message);
  }
}

/**
 * For `ukendt`-or-a-list fields: when the editor wrote a list (or group), the issues inside it, with their full
 * path, so a misspelt initiator points at its own line rather than at "ukendt or a list".
 */
function innerIssues(issue: Issue): Issue[] | undefined {
  if (issue.code !== 'invalid_union') return undefined;
  const deeper = issue.errors.filter((branch) => branch.some((inner) => inner.path.length > 0 || !['invalid_type', 'invalid_value'].includes(inner.code)));
  if (deeper.length !== 1) return undefined;
  return deeper[0]!.map((inner) => ({ ...inner, path: [...issue.path, ...inner.path] }) as Issue);
}

/** One problem per issue, at the line of the field (or of its nearest parent when the field is missing). */
export function problemsFromIssues(file: string, issues: readonly Issue[], fm: Frontmatter, schema: Schema): Problem[] {
  const problems: Problem[] = [];
  for (const issue of issues) {
    const inner = innerIssues(issue);
    if (inner) {
      problems.push(...problemsFromIssues(file, inner, fm, schema));
      continue;
    }
    const path = issue.path as FieldPath;
    if (issue.code === 'unrecognized_keys') {
      const names = fieldNamesAt(schema, path);
      for (const key of issue.keys) {
        const message = key === 'slug' ? issueMessages.slugField : issueMessages.unknownField(meantText(closest(key, names)), names);
        problems.push({ file, line: fm.lineOf([...path, key]), field: [...path, key], message });
      }
      continue;
    }
    problems.push({ file, line: fm.lineOf(path), field: path, message: messageFor(issue, fm, schema) });
  }
  return problems;
}
