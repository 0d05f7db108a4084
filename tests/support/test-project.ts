// Test support: a valid case file to break one field at a time, and an in-memory project around the real principles
// and pages. The real cases are editors' work in progress, so each is replaced by a valid made-up case at the same
// address (pages link to them), and the checker's tests don't depend on what editors write.
import { posix } from 'node:path';
import { resolve } from 'node:path';
import type { ContentProject, SourceFile } from '../../src/content-checks/check-content.ts';
import { loadProject } from '../../src/content-checks/load-project.ts';

const root = resolve(import.meta.dirname, '../..');

/** Frontmatter values as YAML text, in the order written; `undefined` leaves a field out. */
export type CaseFields = Record<string, string | undefined>;

export const validFields: CaseFields = {
  title: 'En prøvecase',
  summary: 'Et kort resumé.',
  municipality: 'Kolding',
  period: '\n  start: 2010',
  areas: '[demokrati]',
  kind: 'udviklingsprojekt',
  form: 'transformerende',
  initiators: '[politikere]',
  actors: '\n  - name: Kolding Kommune\n    type: kommune',
  principles: '[ligevaerd]',
  sources:
    '\n  - title: Kolding Kommune\n    url: https://www.kolding.dk/\n    publisher: Kolding Kommune\n    date: 2010-05' +
    '\n    backs: [period, status, scope, participation, form, initiators, actors]',
  status: 'afsluttet',
  scope: 'kommunal',
  participation: 'samarbejde',
  lastVerified: '2026-11-30',
};

export const validBody = '## Kort fortalt\n\nDet skete i Kolding.\n';

/** A case file: line 1 is `---`, then one line per field (line 2 is title, 3 summary, 4 municipality, …, 21 status, …, 25 the first added field). */
export function caseText(overrides: CaseFields = {}, body = validBody): string {
  const fields = { ...validFields, ...overrides };
  const yaml = Object.entries(fields)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([key, value]) => `${key}: ${value}`)
    .join('\n');
  return `---\n${yaml}\n---\n\n${body}`;
}

export interface TestProjectOptions {
  /** Case files by name, beside the real ones. */
  cases?: Record<string, string>;
  /** Extra files by path with their size in bytes (images). */
  files?: Record<string, number>;
  strayFiles?: string[];
  /** English case files by name (content/en/cases/); the real English files are left out, like the real cases. */
  englishCases?: Record<string, string>;
}

const real = loadProject(root);

/** A made-up published case at each real case's address, for links to point at. */
const standIns: SourceFile[] = real.files.cases.map((c) => ({ path: c.path, text: caseText({ title: `Stand-in ${posix.basename(c.path)}` }) }));

/** The real principles, pages and public files, stand-ins for the real cases, and the given cases. */
export function testProject(options: TestProjectOptions = {}): ContentProject {
  const added: SourceFile[] = Object.entries(options.cases ?? {}).map(([name, text]) => ({ path: `content/cases/${name}`, text }));
  const cases = [...standIns.filter((c) => !added.some((a) => a.path === c.path)), ...added];
  const files = options.files ?? {};
  return {
    ...real,
    files: { ...real.files, cases },
    englishFiles: { cases: Object.entries(options.englishCases ?? {}).map(([name, text]) => ({ path: `content/en/cases/${name}`, text })), principles: [], pages: [] },
    strayFiles: options.strayFiles ?? [],
    sizeOf: (path) => files[path] ?? real.sizeOf(path),
    filesIn: (folder) => [...Object.keys(files).filter((f) => posix.dirname(f) === folder), ...real.filesIn(folder)],
  };
}
