// Reads a content file's frontmatter exactly as Astro does (js-yaml), finds the line of every field, and turns
// YAML's parse errors into advice an editor can follow.
import yaml from 'js-yaml';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { Problem } from './problem.ts';

export type FieldPath = readonly (string | number)[];

export interface Frontmatter {
  data: Record<string, unknown>;
  /** The file line where a field's key (or list item) stands; for a missing field, its nearest parent's line. */
  lineOf(path: FieldPath): number;
  /** The field's value exactly as written in the file, when it is a single value. */
  rawOf(path: FieldPath): string | undefined;
  /** The file line where the text after the frontmatter starts. */
  bodyLine: number;
}

export const frontmatterMessages = {
  missingStart: 'Filen skal begynde med en linje med tre bindestreger (---), så felterne (title, summary og de andre), og så en linje med --- igen. Se eksemplet i CONTRIBUTING.md.',
  missingEnd: 'Der mangler en linje med tre bindestreger (---) efter felterne. Den skiller felterne fra teksten.',
  notFields: 'Øverst i filen skal der stå felter som navn: værdi, fx title: Min case.',
  colon: (key: string, value: string) => `Teksten indeholder et kolon (:). Sæt anførselstegn om hele teksten, fx ${key}: "${value}".`,
  innerQuotes: (key: string, suggestion: string) => `Teksten indeholder selv anførselstegn. Brug den anden slags anførselstegn udenom, fx ${key}: ${suggestion}.`,
  startChar: (key: string, char: string, value: string) => `En tekst må ikke begynde med ${char}. Sæt anførselstegn om hele teksten, fx ${key}: "${value}".`,
  indentation: 'Linjen er rykket forkert ind. Felter på samme niveau skal begynde lige under hinanden, og et felt inde i et andet skal rykkes to mellemrum ind.',
  tab: 'Linjen er rykket ind med tabulator. Brug mellemrum i stedet.',
  duplicate: (key: string) => `Feltet "${key}" står to gange. Slet det ene.`,
  unclosedQuote: 'Der mangler et anførselstegn til sidst i teksten. En tekst, der begynder med et anførselstegn, skal også slutte med et.',
  flow: 'Listen i [ ] er ikke skrevet rigtigt. Skil elementerne ad med komma, og slut med ], fx [ligevaerd, tidlig-dialog].',
  listDash: (rest: string) => `Der mangler et mellemrum efter bindestregen. Skriv "- ${rest}".`,
  noColon: 'Linjen kan ikke læses. Skriv hvert felt som navn: værdi, med kolon og mellemrum efter feltets navn.',
  unknown: (reason: string) => `Felterne kan ikke læses (YAML siger: ${reason}). Tjek linjen for kolon, anførselstegn og indrykning.`,
  hashComment: (key: string, value: string) =>
    `Alt efter " #" bliver læst som en kommentar og forsvinder fra teksten. Sæt anførselstegn om hele teksten, fx ${key}: "${value}".`,
} as const;

/** Astro's own rule (see @astrojs/internal-helpers/frontmatter): `---` first, then fields, then `---`. */
function split(text: string): { yamlText: string; firstLine: number; bodyLine: number } | { problem: string; line: number } {
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  const first = lines.findIndex((line) => line.trim() !== '');
  if (first < 0 || lines[first]!.trimEnd() !== '---') return { problem: frontmatterMessages.missingStart, line: 1 };
  const end = lines.findIndex((line, i) => i > first && line.trimEnd() === '---');
  if (end < 0) return { problem: frontmatterMessages.missingEnd, line: lines.length };
  return { yamlText: lines.slice(first + 1, end).join('\n') + '\n', firstLine: first + 2, bodyLine: end + 2 };
}

const keyValue = /^(\s*)(?:-\s+)?([^\s:#'"][^:]*?):(?:\s+(.*?))?\s*$/;

/** Which plain-language advice fits a js-yaml error, judged from its reason and the line it points at. */
function adviceFor(reason: string, lines: string[], index: number): { message: string; index: number } {
  const line = lines[index] ?? '';
  const kv = keyValue.exec(line);
  const key = kv?.[2] ?? 'title';
  const value = kv?.[3] ?? '';
  const lastLineWith = (test: (l: string) => boolean) => {
    for (let i = Math.min(index, lines.length - 1); i >= 0; i--) if (test(lines[i]!)) return i;
    return index;
  };
  if (reason.startsWith('tab characters')) return { message: frontmatterMessages.tab, index };
  if (reason.startsWith('duplicated mapping key')) return { message: frontmatterMessages.duplicate(key), index };
  if (reason.startsWith('unidentified alias')) return { message: frontmatterMessages.startChar(key, '*', value), index };
  if (/within a (double|single) quoted scalar/.test(reason)) {
    const quote = reason.includes('double') ? '"' : "'";
    const opened = lastLineWith((l) => (l.split(quote).length - 1) % 2 === 1);
    return { message: frontmatterMessages.unclosedQuote, index: opened };
  }
  if (/flow collection/.test(reason)) return { message: frontmatterMessages.flow, index: lastLineWith((l) => l.includes('[') && !l.includes(']')) };
  if (reason.startsWith('can not read a block mapping entry') || reason.startsWith('end of the stream or a document separator')) {
    const dash = lastLineWith((l) => /^\s*-[^\s-]/.test(l));
    if (/^\s*-[^\s-]/.test(lines[dash] ?? '')) return { message: frontmatterMessages.listDash(lines[dash]!.trim().slice(1)), index: dash };
    const noColon = lastLineWith((l) => l.trim() !== '' && !l.includes(':') && !l.trim().startsWith('#') && !l.trim().startsWith('-'));
    return { message: frontmatterMessages.noColon, index: noColon };
  }
  if (reason.startsWith('bad indentation of a mapping entry') && kv) {
    const first = value.charAt(0);
    if ((first === '"' || first === "'") && value.length > 1) {
      const inner = value.endsWith(first) ? value.slice(1, -1) : value.slice(1);
      if (inner.includes(first)) {
        const other = first === '"' ? "'" : '"';
        return { message: frontmatterMessages.innerQuotes(key, inner.includes(other) ? `"${inner.replaceAll('"', '\\"')}"` : `${other}${inner}${other}`), index };
      }
    }
    if (first === '@' || first === '`') return { message: frontmatterMessages.startChar(key, first, value), index };
    if (value.includes(': ')) return { message: frontmatterMessages.colon(key, value.replaceAll('"', '\\"')), index };
  }
  if (reason.startsWith('bad indentation')) return { message: frontmatterMessages.indentation, index };
  return { message: frontmatterMessages.unknown(reason), index };
}

/** Lines such as `title: Sag #1 om byggeri`, where YAML silently cuts the text at " #". */
function hashComments(lines: string[], firstLine: number, file: string): Problem[] {
  const problems: Problem[] = [];
  lines.forEach((line, i) => {
    const kv = keyValue.exec(line);
    if (!kv?.[3] || /^["'[{|>]/.test(kv[3])) return;
    if (/\s#\S/.test(kv[3])) problems.push({ file, line: firstLine + i, field: [kv[2]!], message: frontmatterMessages.hashComment(kv[2]!, kv[3]) });
  });
  return problems;
}

export type FrontmatterResult = { ok: true; frontmatter: Frontmatter; problems: Problem[] } | { ok: false; problems: Problem[] };

export function readFrontmatter(file: string, text: string): FrontmatterResult {
  const parts = split(text);
  if ('problem' in parts) return { ok: false, problems: [{ file, line: parts.line, message: parts.problem }] };
  const lines = parts.yamlText.split('\n');
  let data: unknown;
  try {
    data = yaml.load(parts.yamlText);
  } catch (error) {
    const e = error as { reason?: string; mark?: { line: number } };
    const advice = adviceFor(e.reason ?? String(error), lines, e.mark?.line ?? 0);
    return { ok: false, problems: [{ file, line: parts.firstLine + advice.index, message: advice.message }] };
  }
  if (data === undefined || data === null) data = {};
  if (typeof data !== 'object' || Array.isArray(data)) return { ok: false, problems: [{ file, line: parts.firstLine, message: frontmatterMessages.notFields }] };

  // Positions need a second, slower parser; only a file with a problem asks for them, so it runs then, once.
  let positions: { doc: ReturnType<typeof parseDocument>; lineCounter: LineCounter } | undefined;
  const parsed = () => {
    if (!positions) {
      const lineCounter = new LineCounter();
      positions = { doc: parseDocument(parts.yamlText, { lineCounter, uniqueKeys: false }), lineCounter };
    }
    return positions;
  };
  const lineAt = (offset: number) => parts.firstLine + parsed().lineCounter.linePos(offset).line - 1;

  /** The nodes along a path: each entry is the key (or item) node and its value, as far as the path exists. */
  const walk = (path: FieldPath) => {
    const found: { at: number; value: Node | null }[] = [];
    let current: unknown = parsed().doc.contents;
    for (const part of path) {
      if (isMap(current)) {
        const pair = current.items.find((p) => isScalar(p.key) && p.key.value === part);
        if (!pair || !isScalar(pair.key) || !pair.key.range) break;
        found.push({ at: pair.key.range[0], value: pair.value as Node | null });
        current = pair.value;
      } else if (isSeq(current) && typeof part === 'number') {
        const item = current.items[part] as Node | undefined;
        if (!item?.range) break;
        found.push({ at: item.range[0], value: item });
        current = item;
      } else {
        break;
      }
    }
    return found;
  };

  const frontmatter: Frontmatter = {
    data: data as Record<string, unknown>,
    bodyLine: parts.bodyLine,
    lineOf(path) {
      const found = walk(path);
      return found.length > 0 ? lineAt(found.at(-1)!.at) : parts.firstLine - 1;
    },
    rawOf(path) {
      const found = walk(path);
      if (found.length !== path.length) return undefined;
      const node = found.at(-1)!.value;
      if (!isScalar(node) || !node.range) return undefined;
      return parts.yamlText.slice(node.range[0], node.range[1]).trim();
    },
  };
  return { ok: true, frontmatter, problems: hashComments(lines, parts.firstLine, file) };
}
