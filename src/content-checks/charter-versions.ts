// The charter's versions for editors: each content/charter/versions/<n>.yaml against its schema, numbered 1, 2, 3 …,
// and the newest one word for word the principles in content/principles/, so that a principle is only ever changed
// together with a new version (the old versions are its history on the site).
import { posix } from 'node:path';
import { charterVersionSchema } from '../content-schemas.ts';
import { readFrontmatter, type Frontmatter } from './frontmatter.ts';
import type { Problem } from './problem.ts';
import { problemsFromIssues } from './schema-issues.ts';

export interface PrincipleFile {
  path: string;
  id: string;
  frontmatter: Frontmatter;
}

export const charterVersionCheckMessages = {
  fileName: (name: string) => `Filen "${name}" er ikke en version. En version hedder sit nummer, fx 2.yaml.`,
  wrongNumber: (file: number, version: unknown) => `Filen hedder ${file}.yaml, men siger version: ${String(version)}. Navn og nummer skal være det samme.`,
  gap: (missing: number) => `Versionerne skal have numrene 1, 2, 3 … uden huller, men version ${missing} mangler.`,
  differs: (field: string, version: number) =>
    `Feltet "${field}" er ikke det samme som i den gældende version af chartret (content/charter/versions/${version}.yaml). ` +
    `Et princip ændres ved at vedtage en ny version: kopiér ${version}.yaml til ${version + 1}.yaml, skriv den nye tekst dér og her, og ret version, adopted og summary.`,
  missingInVersion: (id: string, version: number) =>
    `Princippet "${id}" står ikke i den gældende version af chartret (content/charter/versions/${version}.yaml). Et nyt princip kommer med i en ny version, ${version + 1}.yaml.`,
  noPrincipleFile: (slug: string) => `Princippet "${slug}" findes ikke i content/principles/. Den gældende version skal have præcis de principper, der er i mappen.`,
} as const;

const versionName = /^(\d+)\.yaml$/;

/** Problems in the version files and between the newest version and the principle files. */
export function charterVersionProblems(files: readonly { path: string; text: string }[], principles: readonly PrincipleFile[]): Problem[] {
  if (files.length === 0) return [];
  const problems: Problem[] = [];
  const versions: { number: number; path: string; data: ReturnType<typeof charterVersionSchema.parse>; frontmatter: Frontmatter }[] = [];
  for (const file of files) {
    const name = posix.basename(file.path);
    const match = versionName.exec(name);
    if (!match) {
      problems.push({ file: file.path, line: 1, message: charterVersionCheckMessages.fileName(name) });
      continue;
    }
    // The frontmatter reader gives lines and Danish advice for YAML; a version file is that YAML without the dashes.
    const read = readFrontmatter(file.path, `---\n${file.text}\n---\n`);
    const shift = (problem: Problem): Problem => ({ ...problem, line: Math.max(1, problem.line - 1) });
    if (!read.ok) {
      problems.push(...read.problems.map(shift));
      continue;
    }
    const parsed = charterVersionSchema.safeParse(read.frontmatter.data, { reportInput: true });
    if (!parsed.success) {
      problems.push(...problemsFromIssues(file.path, parsed.error.issues, read.frontmatter, charterVersionSchema as never).map(shift));
      continue;
    }
    const number = Number(match[1]);
    if (parsed.data.version !== number) {
      problems.push({ file: file.path, line: read.frontmatter.lineOf(['version']) - 1, field: ['version'], message: charterVersionCheckMessages.wrongNumber(number, parsed.data.version) });
      continue;
    }
    versions.push({ number, path: file.path, data: parsed.data, frontmatter: read.frontmatter });
  }
  if (problems.length > 0) return problems;
  versions.sort((a, b) => a.number - b.number);
  const gap = versions.findIndex((v, i) => v.number !== i + 1);
  if (gap >= 0) return [{ file: versions[gap]!.path, line: 1, message: charterVersionCheckMessages.gap(gap + 1) }];
  const newest = versions.at(-1)!;
  for (const principle of principles) {
    const index = newest.data.principles.findIndex((p) => p.slug === principle.id);
    const adopted = newest.data.principles[index];
    if (!adopted) {
      problems.push({ file: principle.path, line: 1, message: charterVersionCheckMessages.missingInVersion(principle.id, newest.number) });
      continue;
    }
    const data = principle.frontmatter.data;
    for (const [field, value] of [['number', adopted.number], ['title', adopted.title], ['summary', adopted.wording]] as const) {
      if (data[field] !== value) problems.push({ file: principle.path, line: principle.frontmatter.lineOf([field]), field: [field], message: charterVersionCheckMessages.differs(field, newest.number) });
    }
  }
  newest.data.principles.forEach((p, index) => {
    if (!principles.some((principle) => principle.id === p.slug)) {
      problems.push({ file: newest.path, line: newest.frontmatter.lineOf(['principles', index, 'slug']) - 1, field: ['principles', index, 'slug'], message: charterVersionCheckMessages.noPrincipleFile(p.slug) });
    }
  });
  return problems;
}
