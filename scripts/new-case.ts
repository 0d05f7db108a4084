// `npm run new:case`: writes a new case file that passes the content check, asking for each field (municipality,
// areas, principles … picked from lists), or taking them as flags for scripts. Run with --help for the flags.
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { renderCaseFile } from '../src/case-files/case-file.ts';
import { slugForTitle } from '../src/case-files/suggestion-draft.ts';
import { checkContent } from '../src/content-checks/check-content.ts';
import { closest, meantText } from '../src/content-checks/closest.ts';
import { readFrontmatter } from '../src/content-checks/frontmatter.ts';
import { loadProject } from '../src/content-checks/load-project.ts';
import { formatProblem } from '../src/content-checks/problem.ts';
import { caseLimits, contentFolders, isKnown, type CaseInput } from '../src/content-schemas.ts';
import { municipalityNames } from '../src/data/municipalities.ts';
import { actorTypes, areas, factFields, forms, initiators, kinds, participationLevels, scopes, statuses, unknown, type FactField } from '../src/data/vocabulary.ts';
import { strings } from '../src/i18n/index.ts';

const help = `Brug: npm run new:case [-- flag …]

Uden flag spørger scriptet om hvert felt. Med flag udfylder det dem, og med --yes spørger det slet ikke.
  --title "…"              casens titel (højst ${caseLimits.title} tegn)
  --summary "…"            resumé (højst ${caseLimits.summary} tegn)
  --municipality Aarhus    kommunen, uden "Kommune"
  --place "…"              sted i kommunen (valgfrit)
  --start 2019             startår, eller ukendt (aldrig et gæt)
  --end 2021               slutår, igangværende eller ukendt (valgfrit)
  --status s               ${statuses.join(', ')} eller ukendt (standard: ukendt)
  --scope s                ${scopes.join(', ')} eller ukendt (standard: ukendt)
  --participation p        ${participationLevels.join(', ')} eller ukendt (standard: ukendt)
  --areas a,b              ${areas.join(', ')}
  --kind k                 ${kinds.join(', ')}
  --form f                 ${forms.join(', ')} eller ukendt
  --initiators a,b         ${initiators.join(', ')}, eller ukendt
  --actor "Navn:type"      en aktør (gentag flaget for flere; ingen betyder ukendt); typer: ${actorTypes.join(', ')}
  --principles a,b         filnavne fra content/principles/ (valgfrit)
  --source "…"             en kilde (gentag flaget for flere): "Titel|Udgiver|Dato|https://…|felt,felt" med de felter,
                           kilden bakker op (${factFields.join(', ')}), eller kort "Titel|https://…", som så
                           bakker alle de udfyldte felter op og er mærket TJEK i filen
  --slug navn              filnavnet uden .mdx (standard: lavet af titlen)
  --published              skriv draft: false (standard er et udkast, der ikke vises på siden)
  --yes                    spørg ikke; mangler der noget, stopper scriptet med en besked
  --force                  overskriv en eksisterende fil`;

const { values: flags } = parseArgs({
  options: {
    title: { type: 'string' },
    summary: { type: 'string' },
    municipality: { type: 'string' },
    place: { type: 'string' },
    start: { type: 'string' },
    end: { type: 'string' },
    status: { type: 'string' },
    scope: { type: 'string' },
    participation: { type: 'string' },
    areas: { type: 'string' },
    kind: { type: 'string' },
    form: { type: 'string' },
    initiators: { type: 'string' },
    actor: { type: 'string', multiple: true },
    principles: { type: 'string' },
    source: { type: 'string', multiple: true },
    slug: { type: 'string' },
    published: { type: 'boolean', default: false },
    yes: { type: 'boolean', short: 'y', default: false },
    force: { type: 'boolean', default: false },
    root: { type: 'string', default: resolve(import.meta.dirname, '..') },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (flags.help) {
  console.log(help);
  process.exit(0);
}

const root = resolve(flags.root);
const t = strings();
const project = loadProject(root);
const principles = project.files.principles
  .map((file) => {
    const read = readFrontmatter(file.path, file.text);
    const data = read.ok ? read.frontmatter.data : {};
    return { id: file.path.replace(/^.*\/|\.mdx$/g, ''), number: Number(data.number), title: String(data.title ?? '') };
  })
  .sort((a, b) => a.number - b.number);

/** A wrong answer: the message says what is allowed. */
class Invalid extends Error {}

// ——— reading and checking answers ———

const text = (label: string, max?: number) => (answer: string) => {
  const value = answer.trim();
  if (!value) throw new Invalid(`Skriv ${label}.`);
  if (max && value.length > max) throw new Invalid(`${label[0]!.toUpperCase()}${label.slice(1)} må højst være ${max} tegn; det er ${value.length}.`);
  return value;
};

function year(label: string) {
  return (answer: string) => {
    const value = Number(answer.trim());
    if (!/^\d{4}$/.test(answer.trim()) || value < 1900 || value > 2100) throw new Invalid(`${label} skal være et årstal med fire cifre, fx 2015.`);
    return value;
  };
}

/** One value from a list, by its number in the list or its name (with "Mente du …?"). */
function pickOne<T extends string>(list: readonly T[], label: string) {
  return (answer: string): T => {
    const value = answer.trim();
    const byNumber = /^\d+$/.test(value) ? list[Number(value) - 1] : undefined;
    const found = byNumber ?? list.find((item) => item.toLowerCase() === value.toLowerCase());
    if (found) return found;
    throw new Invalid(`"${value}" er ikke ${label}.${meantText(closest(value, list))} Skriv et nummer fra listen eller navnet.`);
  };
}

function pickMany<T extends string>(list: readonly T[], label: string) {
  const one = pickOne(list, label);
  return (answer: string): T[] => {
    const parts = answer.split(/[,\s]+/).filter(Boolean);
    if (parts.length === 0) throw new Invalid(`Vælg mindst én: skriv numre eller navne adskilt af komma.`);
    return [...new Set(parts.map(one))];
  };
}

function actor(answer: string): Exclude<CaseInput['actors'], string>[number] {
  const at = answer.lastIndexOf(':');
  if (at < 1) throw new Invalid(`Skriv en aktør som "Navn:type", fx "Aarhus Kommune:kommune".`);
  return { name: text('aktørens navn')(answer.slice(0, at)), type: pickOne(actorTypes, 'en af aktørtyperne')(answer.slice(at + 1)) };
}

type Source = Omit<CaseInput['sources'][number], 'backs'> & { backs?: FactField[] };

/** "Titel|Udgiver|Dato|https://…|felt,felt", or the short "Titel|https://…" (backs filled in later, marked TJEK). */
function source(answer: string): Source {
  const parts = answer.split('|').map((p) => p.trim());
  if (parts.length === 2 && parts[0]) {
    const address = url(parts[1]!);
    return { title: text('kildens titel')(parts[0]), url: address, publisher: new URL(address).hostname.replace(/^www\./, ''), date: unknown };
  }
  if (parts.length !== 5) throw new Invalid(`Skriv en kilde som "Titel|Udgiver|Dato|https://…|felt,felt" eller kort "Titel|https://…".`);
  const [title, publisher, date, address, backs] = parts as [string, string, string, string, string];
  if (!/^(?:\d{4}(?:-\d{2}(?:-\d{2})?)?|ukendt)$/.test(date)) throw new Invalid(`Skriv kildens dato som ÅÅÅÅ-MM-DD, ÅÅÅÅ-MM, ÅÅÅÅ eller ukendt.`);
  const fields = backs.split(/[,\s]+/).filter(Boolean).map(pickOne(factFields, 'et felt i faktaboksen'));
  return { title: text('kildens titel')(title), publisher: text('udgiveren')(publisher), date, url: url(address), backs: fields };
}

const orUnknown = <T>(parse: (answer: string) => T) => (answer: string): T | typeof unknown => (answer.trim().toLowerCase() === unknown ? unknown : parse(answer));

function url(answer: string): string {
  const value = answer.trim();
  try {
    const parsed = new URL(value);
    if ((parsed.protocol === 'https:' || parsed.protocol === 'http:') && parsed.hostname.includes('.')) return value;
  } catch {
    // falls through to the advice
  }
  throw new Invalid(`"${value}" er ikke en fuld webadresse. Skriv den med https:// foran, fx https://www.kolding.dk/.`);
}

const end = (answer: string) =>
  answer.trim() === '' ? undefined : answer.trim().toLowerCase() === 'igangværende' ? ('igangværende' as const) : orUnknown(year('Slutår'))(answer);

function slug(answer: string): string {
  const value = answer.trim().replace(/\.mdx$/, '');
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value)) throw new Invalid('Filnavnet må kun have små bogstaver a-z, tal og bindestreger, fx borgerbudget-aarhus.');
  if (!flags.force && existsSync(join(root, contentFolders.cases, `${value}.mdx`))) throw new Invalid(`Der findes allerede en case med filnavnet ${value}.mdx. Vælg et andet.`);
  return value;
}

// ——— asking ———

const lines = createInterface({ input: process.stdin, terminal: false })[Symbol.asyncIterator]();

async function ask<T>(question: string, parse: (answer: string) => T, options: { flag?: string; fallback?: string; list?: string } = {}): Promise<T> {
  if (options.flag !== undefined) return parse(options.flag);
  if (flags.yes) {
    if (options.fallback !== undefined) return parse(options.fallback);
    throw new Invalid(`Der mangler et svar på: ${question} Giv det som flag (se npm run new:case -- --help), eller kør uden --yes.`);
  }
  if (options.list) process.stdout.write(`${options.list}\n`);
  for (;;) {
    process.stdout.write(`${question}${options.fallback ? ` [${options.fallback}]` : ''} `);
    const next = await lines.next();
    if (next.done) throw new Invalid('Afbrudt: der kom ikke flere svar.');
    const answer = next.value.trim() === '' && options.fallback !== undefined ? options.fallback : next.value;
    try {
      return parse(answer);
    } catch (error) {
      if (!(error instanceof Invalid)) throw error;
      process.stdout.write(`${error.message}\n`);
    }
  }
}

/** Repeats a question until an empty answer (or takes the repeated flag). */
async function askRepeated<T>(question: string, parse: (answer: string) => T, given: string[] | undefined, minimum = 1): Promise<T[]> {
  if (given?.length || flags.yes) {
    const items = (given ?? []).map(parse);
    if (items.length < minimum) throw new Invalid(`Der mangler et svar på: ${question} Giv det som flag (se npm run new:case -- --help).`);
    return items;
  }
  const items: T[] = [];
  for (;;) {
    const more = items.length >= minimum ? ' (tom linje for at slutte)' : '';
    const item = await ask(`${question}${more}`, (answer) => (answer.trim() === '' && items.length >= minimum ? undefined : parse(answer)));
    if (item === undefined) return items;
    items.push(item);
  }
}

const numbered = (items: readonly string[], columns = 1) => {
  const cells = items.map((item, i) => `${String(i + 1).padStart(3)}) ${item}`);
  if (columns === 1) return cells.join('\n');
  const width = Math.max(...cells.map((c) => c.length)) + 2;
  const rows: string[] = [];
  for (let i = 0; i < cells.length; i += columns) rows.push(cells.slice(i, i + columns).map((c) => c.padEnd(width)).join('').trimEnd());
  return rows.join('\n');
};
const labelled = <T extends string>(list: readonly T[], labels: Record<T, string>) => numbered(list.map((v) => `${v} (${labels[v]})`));

async function main(): Promise<void> {
  if (!flags.yes) console.log('Ny case. Svar på spørgsmålene; du kan rette alt bagefter i filen.\n');
  const title = await ask('Titel:', text('en titel', caseLimits.title), { flag: flags.title });
  const summary = await ask(`Resumé (1-3 sætninger, højst ${caseLimits.summary} tegn):`, text('et resumé', caseLimits.summary), { flag: flags.summary });
  const municipality = await ask('Kommune (nummer eller navn):', pickOne(municipalityNames, 'en kommune, vi kender'), {
    flag: flags.municipality,
    list: numbered(municipalityNames, 4),
  });
  const place = await ask('Sted i kommunen (valgfrit):', (a) => a.trim() || undefined, { flag: flags.place, fallback: '' });
  const start = await ask('Startår (eller ukendt):', orUnknown(year('Startår')), { flag: flags.start });
  const periodEnd = await ask('Slutår, "igangværende" eller "ukendt" (valgfrit):', end, { flag: flags.end, fallback: '' });
  const status = await ask('Status:', orUnknown(pickOne(statuses, 'en af statusserne')), { flag: flags.status, fallback: unknown, list: labelled(statuses, t.labels.statuses) });
  const scope = await ask('Rækkevidde:', orUnknown(pickOne(scopes, 'en af rækkevidderne')), { flag: flags.scope, fallback: unknown, list: labelled(scopes, t.labels.scopes) });
  const participation = await ask('Deltagelse:', orUnknown(pickOne(participationLevels, 'et af trinene')), {
    flag: flags.participation,
    fallback: unknown,
    list: labelled(participationLevels, t.labels.participation),
  });
  const chosenAreas = await ask('Områder (numre eller navne, adskilt af komma):', pickMany(areas, 'et af områderne'), { flag: flags.areas, list: labelled(areas, t.labels.areas) });
  const kind = await ask('Type:', pickOne(kinds, 'en af typerne'), { flag: flags.kind, list: labelled(kinds, t.labels.kinds) });
  const form = await ask('Form (eller ukendt):', orUnknown(pickOne(forms, 'en af formerne')), { flag: flags.form, list: labelled(forms, t.labels.forms) });
  const chosenInitiators = await ask('Hvem tog initiativet (eller ukendt):', orUnknown(pickMany(initiators, 'en af initiativtagerne')), {
    flag: flags.initiators,
    list: labelled(initiators, t.labels.initiators),
  });
  if (!flags.yes && !flags.actor?.length) console.log(`Aktørtyper: ${actorTypes.join(', ')}`);
  const actors = await askRepeated('Aktør som "Navn:type" (ingen betyder ukendt):', actor, flags.actor, 0);
  const principleIds = principles.map((p) => p.id);
  const chosenPrinciples = await ask('Principper, kilderne viser (numre eller filnavne, valgfrit):', (a) => (a.trim() === '' ? [] : pickMany(principleIds, 'et princip i chartret')(a)), {
    flag: flags.principles,
    fallback: '',
    list: numbered(principles.map((p) => `${p.id} (${p.number}. ${p.title})`)),
  });
  const sources = await askRepeated('Kilde som "Titel|Udgiver|Dato|https://…|felt,felt" eller "Titel|https://…":', source, flags.source);
  const fileSlug = await ask('Filnavn (uden .mdx):', slug, { flag: flags.slug, fallback: slugForTitle(title) });

  const facts = {
    period: { start, ...(periodEnd !== undefined ? { end: periodEnd } : {}) },
    status,
    scope,
    participation,
    form,
    initiators: chosenInitiators,
    actors: actors.length > 0 ? actors : unknown,
  } as const;
  // A short source backs every fact the editor gave; the file marks it TJEK so they strike what it doesn't say.
  const given = factFields.filter((f) => isKnown(f, facts));
  const data: CaseInput = {
    title,
    summary,
    municipality,
    ...(place ? { place } : {}),
    ...facts,
    areas: chosenAreas,
    kind,
    principles: chosenPrinciples,
    lastVerified: new Date(new Date().toISOString().slice(0, 10)),
    sources: sources.map((s) => ({ ...s, backs: s.backs ?? given })),
    draft: !flags.published,
  };
  const path = `${contentFolders.cases}/${fileSlug}.mdx`;
  const content = renderCaseFile(data, { unchecked: sources.some((s) => !s.backs) ? ['sources'] : [] });
  writeFileSync(join(root, path), content);

  const problems = checkContent(loadProject(root)).problems.filter((p) => p.file === path);
  console.log(`\nSkrev ${path}.`);
  if (problems.length > 0) {
    console.log('Tjekket fandt noget, der skal rettes i filen:');
    for (const problem of problems) console.log(formatProblem(problem));
    process.exitCode = 1;
  } else if (data.draft) {
    console.log('Casen er et udkast (draft: true) og vises ikke på siden. Skriv teksten under hver overskrift, og ret draft til false, når casen er klar.');
  }
  console.log('Tjek indholdet med: npm run check:content');
}

try {
  await main();
} catch (error) {
  if (!(error instanceof Invalid)) throw error;
  console.error(error.message);
  process.exitCode = 2;
} finally {
  process.stdin.destroy();
}
