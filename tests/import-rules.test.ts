// Reads the imports of every .ts and .astro file under src/ and api/ and checks the house rules for which folder may
// import which (docs/architecture.md, "Mapperne og reglerne"). A rule broken here is a design question, not a lint nit.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, test } from 'node:test';

const root = join(import.meta.dirname, '..');

export interface ImportEdge {
  /** The imported file, relative to the project root (e.g. src/platform/db/client.ts), or the bare package name. */
  target: string;
  /** `import type …`: erased at run time, so it carries no dependency on a store. */
  typeOnly: boolean;
}

export type ImportGraph = Map<string, ImportEdge[]>;

/** Files that reach the database themselves: they run SQL (`.query(`, `.transaction(`) or open it. */
export type Stores = Set<string>;

const importPattern = /(?:^|\n)\s*(import|export)\s+(type\s+)?(?:[\s\S]*?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

/** The imports of one file's source text. */
export function importsOf(file: string, source: string): ImportEdge[] {
  const code = file.endsWith('.astro') ? (/^---\n([\s\S]*?)\n---/.exec(source)?.[1] ?? '') : source;
  const edges: ImportEdge[] = [];
  for (const match of code.matchAll(importPattern)) {
    const specifier = match[3] ?? match[4]!;
    const typeOnly = Boolean(match[2]);
    const target = specifier.startsWith('.') ? normalize(join(dirname(file), specifier)) : specifier;
    edges.push({ target, typeOnly });
  }
  return edges;
}

function walk(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return walk(path);
    return /\.(ts|astro)$/.test(entry.name) ? [path] : [];
  });
}

export function projectGraph(): { graph: ImportGraph; stores: Stores } {
  const graph: ImportGraph = new Map();
  const stores: Stores = new Set(storeRoots);
  for (const file of [...walk('src'), ...walk('api')]) {
    const source = readFileSync(join(root, file), 'utf8');
    graph.set(file, importsOf(file, source));
    if (!isTest(file) && /\.(query|transaction)\(/.test(source)) stores.add(file);
  }
  return { graph, stores };
}

const features = ['signing', 'membership', 'suggestions', 'charter-proposals', 'admin'] as const;
type Feature = (typeof features)[number];

const featureOf = (file: string): Feature | undefined => features.find((f) => file.startsWith(`src/${f}/`));
const isTest = (file: string) => file.endsWith('.test.ts');

/**
 * The named entry points through which one feature may use another. Admin is the secretariat's desk: it shows and
 * acts on what the other features own, always through their own use cases and row types.
 */
export const allowedCrossings: Record<Feature, readonly string[]> = {
  admin: [
    'src/signing/review.ts', // approve and reject, the one path for web, API and command line
    'src/signing/signatures.ts', // the signature rows it lists, and erasing a contact person
    'src/signing/signature-status.ts', // status names for the queue's tabs
    'src/signing/cvr.ts', // looking up personal data by CVR number
    'src/signing/signature-input.ts', // organisation type labels in the personal-data view
    'src/membership/member-filter.ts', // the member directory's filter and columns
    'src/membership/members.ts', // member rows and forgetting a member
    'src/suggestions/suggestions.ts', // the suggestion rows and opening their pull requests
    'src/charter-proposals/moderation.ts', // publish, reject, merge, answer, and the consultation rounds
    'src/charter-proposals/proposal-pull-request.ts', // an accepted wording becomes a pull request
    'src/charter-proposals/proposals.ts', // the proposal rows in a GDPR export, and erasing an author
    'src/signing/charter-adoption.ts', // the charter's versions, and announcing the newest to the signatories
  ],
  signing: [],
  membership: [],
  suggestions: [],
  'charter-proposals': [],
};

/** Files that must stay pure: no database driver, no file system. */
const pureFiles = [
  /^src\/[a-z-]+\/[a-z-]+-input\.ts$/,
  /^src\/platform\/form-input\.ts$/,
  /^src\/signing\/signature-status\.ts$/,
  /^src\/signing\/cvr\.ts$/,
  /^src\/platform\/tokens\.ts$/,
  /^src\/platform\/rate-limits\.ts$/,
  /^src\/platform\/plain-text\.ts$/,
];
const impure = new Set(['pg', '@electric-sql/pglite', 'node:fs', 'node:fs/promises', 'fs', 'fs/promises']);

/** Views render HTML from data they are given: the admin views, the forms, the wall and the link pages. */
const isView = (file: string) => /^src\/admin\/views\//.test(file) || /^src\/[a-z-]+\/[a-z-]+-form\.ts$/.test(file) || file === 'src/signing/signatory-wall.ts' || file === 'src/signing/wall-map.ts' || file === 'src/signing/signatory-page.ts' || file === 'src/platform/html/token-pages.ts';

/** The modules that reach the database; whatever imports them (not just their types) is a store too. */
const storeRoots = new Set(['src/platform/db/client.ts', 'src/platform/runtime.ts']);

function reachesStore(graph: ImportGraph, stores: Stores, file: string, seen = new Set<string>()): string | undefined {
  if (stores.has(file)) return file;
  if (seen.has(file)) return undefined;
  seen.add(file);
  for (const edge of graph.get(file) ?? []) {
    if (edge.typeOnly) continue;
    const found = reachesStore(graph, stores, edge.target, seen);
    if (found) return `${edge.target}${found === edge.target ? '' : ` → … ${found}`}`;
  }
  return undefined;
}

/** Every broken rule, as a sentence naming the file and the import. */
export function brokenRules(graph: ImportGraph, stores: Stores = new Set(storeRoots)): string[] {
  const problems: string[] = [];
  for (const [file, edges] of graph) {
    if (isTest(file)) continue;
    const feature = featureOf(file);
    for (const { target } of edges) {
      const targetFeature = featureOf(target);
      if (feature && targetFeature && targetFeature !== feature && !allowedCrossings[feature].includes(target)) {
        problems.push(`${file} imports ${target}: a feature uses another only through the entry points listed in allowedCrossings`);
      }
      if (file.startsWith('src/platform/') && targetFeature) problems.push(`${file} imports ${target}: platform/ imports no feature`);
      if (target.startsWith('src/dev-server/') && !file.startsWith('src/dev-server/')) problems.push(`${file} imports ${target}: only scripts/ and tests import dev-server/`);
      if (pureFiles.some((p) => p.test(file)) && impure.has(target)) problems.push(`${file} imports ${target}: a pure file imports neither a database driver nor the file system`);
      if (/^src\/(components|layouts|pages)\//.test(file) && (target.startsWith('src/platform/') || target === 'src/platform')) problems.push(`${file} imports ${target}: Astro pages and components use no server code`);
    }
    if (isView(file)) {
      const store = reachesStore(graph, stores, file);
      if (store) problems.push(`${file} imports ${store}: a view imports types and pure functions, never a store`);
    }
  }
  return problems;
}

describe('import rules', () => {
  const { graph, stores } = projectGraph();

  test('reads the imports of every file under src/ and api/', () => {
    assert.ok(graph.size > 150, `read only ${graph.size} files`);
    assert.ok(stores.has('src/signing/signatures.ts') && !stores.has('src/signing/signature-form.ts'), 'the signing use cases are a store, the form is not');
    assert.deepEqual(graph.get('api/signatures.ts')?.some((e) => e.target === 'src/signing/signatures.ts'), true);
  });

  test('the project keeps every rule', () => {
    assert.deepEqual(brokenRules(graph, stores), []);
  });

  test('a view that imports the database client breaks the rule', () => {
    const broken = new Map(graph);
    broken.set('src/admin/views/audit-page.ts', [...(graph.get('src/admin/views/audit-page.ts') ?? []), { target: 'src/platform/db/client.ts', typeOnly: false }]);
    assert.deepEqual(brokenRules(broken, stores), ['src/admin/views/audit-page.ts imports src/platform/db/client.ts: a view imports types and pure functions, never a store']);
  });

  test('a view may import a store’s types, but not the store itself through another module', () => {
    const typed = new Map(graph);
    typed.set('src/signing/signature-form.ts', [{ target: 'src/signing/signatures.ts', typeOnly: true }]);
    assert.deepEqual(brokenRules(typed, stores), []);
    typed.set('src/signing/signature-form.ts', [{ target: 'src/signing/signatures.ts', typeOnly: false }]);
    assert.match(brokenRules(typed, stores).join('\n'), /signature-form\.ts imports src\/signing\/signatures\.ts: a view/);
  });

  test('platform importing a feature, a feature importing another, a pure file reading the disk and api/ using the dev server all break rules', () => {
    const broken: ImportGraph = new Map([
      ['src/platform/http/x.ts', [{ target: 'src/signing/signatures.ts', typeOnly: true }]],
      ['src/membership/y.ts', [{ target: 'src/signing/review.ts', typeOnly: false }]],
      ['src/signing/cvr.ts', [{ target: 'node:fs', typeOnly: false }]],
      ['api/z.ts', [{ target: 'src/dev-server/local-server.ts', typeOnly: false }]],
    ]);
    assert.equal(brokenRules(broken).length, 4);
  });

  test('the parser sees type-only, re-exported and dynamic imports, and the frontmatter of .astro files', () => {
    const edges = importsOf('src/a/b.ts', "import type { X } from './x.ts';\nexport { y } from '../y.ts';\nconst z = await import('./z.ts');\nimport pg from 'pg';");
    assert.deepEqual(edges, [
      { target: 'src/a/x.ts', typeOnly: true },
      { target: 'src/y.ts', typeOnly: false },
      { target: 'src/a/z.ts', typeOnly: false },
      { target: 'pg', typeOnly: false },
    ]);
    assert.deepEqual(importsOf('src/pages/p.astro', "---\nimport C from '../components/C.astro';\n---\n<p>import x from 'nope'</p>"), [{ target: 'src/components/C.astro', typeOnly: false }]);
  });
});
