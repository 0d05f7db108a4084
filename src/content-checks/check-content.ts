// The editors' content check: every case, principle and page against its schema, its MDX text, its links and
// images, and the rules that span files (unique addresses and titles). Pure: the files come in as text.
import { posix } from 'node:path';
import { z } from 'astro/zod';
import { caseSchema, contentFolders, pageSchema, principleSchema } from '../content-schemas.ts';
import { areas, forms, initiators, kinds, participationLevels, scopes, statuses } from '../data/vocabulary.ts';
import { facets, routes, slugify } from '../routes.ts';
import { meantText } from './closest.ts';
import { readFrontmatter, type Frontmatter } from './frontmatter.ts';
import { imageProblem, linkProblem, type ImageFiles, type SiteMap } from './links.ts';
import { bodyMessages, readBody, type BodyFacts } from './mdx-body.ts';
import { sortProblems, type Problem } from './problem.ts';
import { problemsFromIssues, unrealDate } from './schema-issues.ts';
import { lix, lixGoal, lixMessages } from './lix.ts';
import { charterVersionProblems } from './charter-versions.ts';

export type Collection = keyof typeof contentFolders;

export interface SourceFile {
  /** Relative to the project root, with forward slashes: content/cases/seest.mdx. */
  path: string;
  text: string;
}

export interface ContentProject extends ImageFiles {
  files: Record<Collection, SourceFile[]>;
  /**
   * The English edition's files (content/en/…), checked against the same schemas with the same Danish messages. Their
   * links and readability are not checked: the English pages link /en/ addresses, and LIX is a Danish measure.
   */
  englishFiles?: Record<Collection, SourceFile[]>;
  /** Other files directly in a collection's folder (a stray .md, say). */
  strayFiles: string[];
  /** Files in public/, as site paths: /og.png. */
  publicPaths: string[];
  /** First URL segments that a page file may not take, because the site already uses them (kort, cases, api, …). */
  reservedPageSlugs: string[];
  /** The charter's versions, content/charter/versions/<n>.yaml; a project without them is not checked for them. */
  charterVersions?: SourceFile[];
}

export interface Readability {
  file: string;
  lix: number;
  goal: number;
}

export interface CheckResult {
  problems: Problem[];
  /** Things to look at that don't stop the build: a page's LIX over its goal. */
  warnings: Problem[];
  /** The LIX of every page with text, against its goal. */
  readability: Readability[];
  counts: { cases: number; drafts: number; principles: number; pages: number };
}

export const checkMessages = {
  fileName: (name: string, meant: string) =>
    `Filnavnet "${name}" kan ikke bruges som adresse. Brug kun små bogstaver a-z, tal og bindestreger, og skriv æ, ø og å som ae, oe og aa.${meant}`,
  strayFile: (name: string) => `Kun .mdx-filer bliver til sider. Omdøb "${name}" til "${name.replace(/\.[^.]+$/, '')}.mdx", eller flyt filen ud af mappen.`,
  sameAddress: (url: string, other: string) => `Adressen ${url} bruges også af ${other}. To filer kan ikke have samme adresse; giv den ene fil et andet navn.`,
  reserved: (url: string) => `Adressen ${url} bruges allerede af sitet selv. Giv filen et andet navn.`,
  sameTitle: (title: string, other: string) => `Titlen "${title}" bruges også af ${other}. Giv casen en titel, der skiller sig ud, eller tjek, om casen allerede findes.`,
  sameNumber: (number: number, other: string) => `Princip nummer ${number} findes også i ${other}. Hvert princip skal have sit eget nummer.`,
  imageSource: 'Skriv src: som stien til billedfilen, fx ./billeder/seest.jpg.',
  emptySection: (heading: string) => `Afsnittet "${heading}" er tomt. Skriv noget i det, eller slet overskriften.`,
  noText: 'Casen har ingen tekst under felterne. Skriv casen under den sidste linje med ---.',
} as const;

const fileNamePattern = /^[a-z0-9]+(?:-[a-z0-9]+)*\.mdx$/;

/** The site path a content file becomes. */
function routeFor(collection: Collection, id: string): string {
  if (collection === 'cases') return routes.case(id);
  if (collection === 'principles') return routes.principle(id);
  return `/${id}/`;
}

const idOf = (path: string) => posix.basename(path, posix.extname(path));

/** The case schema as the checker uses it: principles must be files in content/principles, images any path (checked on disk after). */
function checkerCaseSchema(principleIds: readonly string[]) {
  return caseSchema({
    image: () => z.string({ error: checkMessages.imageSource }),
    principle: (error) => (principleIds.length > 0 ? z.enum(principleIds as [string, ...string[]], { error }) : z.never({ error })),
  });
}

interface Checked {
  collection: Collection;
  file: SourceFile;
  id: string;
  frontmatter?: Frontmatter;
  body?: BodyFacts;
  valid: boolean;
}

export function checkContent(project: ContentProject): CheckResult {
  const problems: Problem[] = [];
  const principleIds = project.files.principles.map((f) => idOf(f.path)).filter((id) => fileNamePattern.test(`${id}.mdx`));
  const schemas = { cases: checkerCaseSchema(principleIds), principles: principleSchema, pages: pageSchema };
  const checked: Checked[] = [];

  for (const name of project.strayFiles) problems.push({ file: name, line: 1, message: checkMessages.strayFile(posix.basename(name)) });

  /** One file on its own: its name, frontmatter, schema, dates and MDX text. */
  const checkFile = (collection: Collection, file: SourceFile): Checked => {
    const name = posix.basename(file.path);
    if (!fileNamePattern.test(name)) {
      const better = `${slugify(idOf(file.path))}.mdx`;
      problems.push({ file: file.path, line: 1, message: checkMessages.fileName(name, better !== '.mdx' ? meantText([better]) : '') });
    }
    const entry: Checked = { collection, file, id: idOf(file.path), valid: false };
    const read = readFrontmatter(file.path, file.text);
    problems.push(...read.problems);
    if (read.ok) {
      entry.frontmatter = read.frontmatter;
      const schema = schemas[collection];
      const parsed = schema.safeParse(read.frontmatter.data, { reportInput: true });
      if (parsed.success) entry.valid = true;
      else problems.push(...problemsFromIssues(file.path, parsed.error.issues, read.frontmatter, schema as never));
      if (collection === 'cases') problems.push(...dateProblems(file.path, read.frontmatter));
    }
    const body = readBody(file.path, file.text);
    problems.push(...body.problems);
    if (body.ok) entry.body = body.facts;
    return entry;
  };

  for (const collection of Object.keys(contentFolders) as Collection[]) {
    for (const file of project.files[collection]) checked.push(checkFile(collection, file));
  }
  // The English edition: the same schemas (an English case names its principles by the Danish file names).
  for (const collection of Object.keys(contentFolders) as Collection[]) {
    for (const file of project.englishFiles?.[collection] ?? []) checkFile(collection, file);
  }

  const isDraft = (c: Checked) => c.collection === 'cases' && c.frontmatter?.data.draft === true;
  const published = checked.filter((c) => !isDraft(c));
  problems.push(...crossFileProblems(checked, project.reservedPageSlugs));
  const principleFiles = checked.filter((c) => c.collection === 'principles' && c.valid && c.frontmatter).map((c) => ({ path: c.file.path, id: c.id, frontmatter: c.frontmatter! }));
  problems.push(...charterVersionProblems(project.charterVersions ?? [], principleFiles));

  const site = siteMap(checked, isDraft, project.publicPaths);
  for (const entry of checked) {
    const { file, body, frontmatter } = entry;
    for (const link of body?.links ?? []) {
      const message = linkProblem(link.url, link.text, file.path, site);
      if (message) problems.push({ file: file.path, line: link.line, message });
    }
    for (const image of body?.images ?? []) {
      const message = imageProblem(image.src, image.alt, file.path, project);
      if (message) problems.push({ file: file.path, line: image.line, message });
    }
    for (const imported of body?.imports ?? []) {
      if (project.sizeOf(posix.normalize(posix.join(posix.dirname(file.path), imported.source))) === undefined) {
        problems.push({ file: file.path, line: imported.line, message: bodyMessages.missingImport(imported.source) });
      }
    }
    const importedNames = new Set(body?.imports.flatMap((i) => i.names));
    for (const component of body?.components ?? []) {
      if (!importedNames.has(component.name)) problems.push({ file: file.path, line: component.line, message: bodyMessages.component(component.name) });
    }
    const image = frontmatter?.data.image as { src?: unknown } | undefined;
    if (entry.collection === 'cases' && typeof image?.src === 'string') {
      const message = imageProblem(image.src, null, file.path, project);
      if (message) problems.push({ file: file.path, line: frontmatter!.lineOf(['image', 'src']), field: ['image', 'src'], message });
    }
    if (entry.collection === 'cases' && body && frontmatter && !isDraft(entry)) {
      if (!body.hasText) problems.push({ file: file.path, line: frontmatter.bodyLine, message: checkMessages.noText });
      for (const section of body.emptySections) problems.push({ file: file.path, line: section.line, message: checkMessages.emptySection(section.heading) });
    }
  }

  const readability: Readability[] = [];
  for (const entry of checked) {
    const value = entry.body ? lix(entry.body.prose) : undefined;
    if (value !== undefined) readability.push({ file: entry.file.path, lix: value, goal: lixGoal(entry.collection, entry.id) });
  }
  const warnings = readability.filter((r) => r.lix > r.goal).map((r) => ({ file: r.file, line: 1, message: lixMessages.overGoal(r.lix, r.goal) }));

  const cases = checked.filter((c) => c.collection === 'cases');
  return {
    problems: sortProblems(problems),
    warnings: sortProblems(warnings),
    readability,
    counts: {
      cases: cases.length,
      drafts: cases.length - published.filter((c) => c.collection === 'cases').length,
      principles: project.files.principles.length,
      pages: project.files.pages.length,
    },
  };
}

/** Dates YAML would quietly roll over (2026-02-30 becomes 2 March): lastVerified and each source's date. */
function dateProblems(file: string, fm: Frontmatter): Problem[] {
  const sources = Array.isArray(fm.data.sources) ? fm.data.sources : [];
  const paths: (string | number)[][] = [['lastVerified'], ...sources.map((_, i) => ['sources', i, 'date'])];
  return paths.flatMap((path) => {
    const message = unrealDate(fm.rawOf(path));
    return message ? [{ file, line: fm.lineOf(path), field: path, message }] : [];
  });
}

/** Two files with one address, two cases with one title, two principles with one number, a page on a taken address. */
function crossFileProblems(checked: readonly Checked[], reservedPageSlugs: readonly string[]): Problem[] {
  const problems: Problem[] = [];
  const byAddress = new Map<string, string>();
  const byTitle = new Map<string, string>();
  const byNumber = new Map<number, string>();
  // The case library's filter segments (/cases/kommune/…) are taken.
  const reservedCaseSlugs = new Set<string>(Object.values(facets));
  for (const { collection, file, id, frontmatter } of checked) {
    const url = routeFor(collection, id.toLowerCase());
    const other = byAddress.get(url);
    if (other) problems.push({ file: file.path, line: 1, message: checkMessages.sameAddress(url, other) });
    else byAddress.set(url, file.path);
    if ((collection === 'cases' && reservedCaseSlugs.has(id)) || (collection === 'pages' && reservedPageSlugs.includes(id))) {
      problems.push({ file: file.path, line: 1, message: checkMessages.reserved(url) });
    }
    const data = frontmatter?.data ?? {};
    if (collection === 'cases' && typeof data.title === 'string') {
      const key = data.title.trim().toLowerCase();
      const first = byTitle.get(key);
      if (first) problems.push({ file: file.path, line: frontmatter!.lineOf(['title']), field: ['title'], message: checkMessages.sameTitle(data.title.trim(), first) });
      else byTitle.set(key, file.path);
    }
    if (collection === 'principles' && typeof data.number === 'number') {
      const first = byNumber.get(data.number);
      if (first) problems.push({ file: file.path, line: frontmatter!.lineOf(['number']), field: ['number'], message: checkMessages.sameNumber(data.number, first) });
      else byNumber.set(data.number, file.path);
    }
  }
  return problems;
}

/** Every path the built site will answer, from the route table and the content, and the draft cases' paths. */
function siteMap(checked: readonly Checked[], isDraft: (c: Checked) => boolean, publicPaths: readonly string[]): SiteMap {
  const paths = new Set<string>(publicPaths);
  for (const value of Object.values(routes)) if (typeof value === 'string') paths.add(value);
  const drafts = new Set<string>();
  const municipalities = new Set<string>();
  for (const entry of checked) {
    const url = routeFor(entry.collection, entry.id);
    if (isDraft(entry)) drafts.add(url);
    else paths.add(url);
    const municipality = entry.frontmatter?.data.municipality;
    if (entry.collection === 'cases' && !isDraft(entry) && typeof municipality === 'string') municipalities.add(slugify(municipality));
  }
  for (const value of municipalities) paths.add(routes.casesBy('municipality', value));
  for (const value of areas) paths.add(routes.casesBy('area', value));
  for (const value of kinds) paths.add(routes.casesBy('kind', value));
  for (const value of forms) paths.add(routes.casesBy('form', value));
  for (const value of initiators) paths.add(routes.casesBy('initiator', value));
  for (const value of statuses) paths.add(routes.casesBy('status', slugify(value)));
  for (const value of scopes) paths.add(routes.casesBy('scope', value));
  for (const value of participationLevels) paths.add(routes.casesBy('participation', slugify(value)));
  for (const entry of checked) if (entry.collection === 'principles') paths.add(routes.casesBy('principle', entry.id));
  const byFile = new Map(checked.map((c) => [c.file.path, routeFor(c.collection, c.id)]));
  return { paths, drafts, routeOfFile: (file) => byFile.get(file) };
}
