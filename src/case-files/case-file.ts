// Writes a case file (frontmatter with a short Danish comment on every field, and the usual sections): the one
// generator behind `npm run new:case` and the drafts that suggestions from the website become.
import { caseLimits, type CaseInput } from '../content-schemas.ts';
import { factFields, unknown } from '../data/vocabulary.ts';

export const caseSections = [
  { key: 'story', heading: 'Kort fortalt', hint: 'Hvad skete der? Fortæl det kort og konkret, med årstal og steder.' },
  { key: 'actors', heading: 'Hvem var med', hint: 'Hvem deltog, og hvad bidrog hver part med? Skriv det, vi ikke ved, som det er.' },
  { key: 'how', heading: 'Hvad blev samskabt, og hvordan', hint: 'Hvordan arbejdede parterne sammen? Hvem bestemte hvad?' },
  { key: 'results', heading: 'Hvad kom der ud af det', hint: 'Hvad blev resultatet, og hvordan ved vi det? Henvis til kilderne.' },
  { key: 'lessons', heading: 'Det kan andre lære', hint: 'Hvad kan andre kommuner, foreninger og borgere tage med sig?' },
] as const;

export type SectionKey = (typeof caseSections)[number]['key'];
type Field = keyof CaseInput;

export interface CaseFileText {
  /** MDX for each section; a section without text gets a hint for the editor instead (an MDX comment). */
  sections?: Partial<Record<SectionKey, string>>;
  /** A note to the editor at the top of the text, as an MDX comment (not shown on the site). */
  note?: string;
  /** Fields whose values are placeholders the editor must check; their comment says so. */
  unchecked?: readonly Field[];
}

const unknownNote = `Skriv ${unknown}, hvis ingen kilde siger det.`;

const comments: Record<Field, string> = {
  title: `Casens titel: kort og konkret, højst ${caseLimits.title} tegn.`,
  summary: `Resumé på 1-3 sætninger, højst ${caseLimits.summary} tegn. Det står øverst på siden og i listen over cases.`,
  municipality: 'Kommunen, casen foregik i, stavet som kommunen selv gør, uden "Kommune", fx Kolding eller Høje-Taastrup.',
  place: 'Sted i kommunen (valgfrit, kun hvis en kilde siger det), fx en bydel, en landsby eller en skole.',
  period: `Hvornår: start er årstallet, det begyndte; end er slutåret, igangværende eller ${unknown} (kan udelades). Aldrig et gæt: skriv start: ${unknown}, hvis ingen kilde siger det.`,
  status: `Status: planlagt, igangværende, afsluttet eller stoppet. ${unknownNote}`,
  scope: `Rækkevidde: lokal, kommunal, regional eller national. ${unknownNote}`,
  participation: `Deltagelse (fra at informere til at overdrage magt): informere, høre, involvere, samarbejde eller overdrage. ${unknownNote}`,
  areas: 'Områder (ét eller flere): social, sundhed, uddannelse, beskaeftigelse-og-integration, miljoe-og-klima, byudvikling, kultur-og-fritid, demokrati.',
  kind: 'Type: service-og-myndighed, udviklingsprojekt eller politikudvikling.',
  form: `Form: beskrivende, intermedierende eller transformerende (se CONTRIBUTING.md). ${unknownNote}`,
  initiators: `Hvem tog initiativet: en liste med borgere-foreninger-virksomheder, politikere og/eller medarbejdere, eller ${unknown}.`,
  actors: `Aktørerne, hver med name (navn) og type: kommune, region, stat, forening, virksomhed, uddannelse, forskning, borgergruppe, borgere eller andet. Eller ${unknown}.`,
  principles: 'De principper fra chartret, kilderne viser, at casen bygger på: filnavne fra content/principles/ uden .mdx, eller [].',
  outcomes: 'Resultater (valgfrit): hver med text (en kort sætning) og evidence: evalueret, dokumenteret, omtalt eller ikke-dokumenteret.',
  lessons: 'Det kan andre lære (valgfrit): korte sætninger, som kilderne bærer.',
  challenges: 'Udfordringer (valgfrit): korte sætninger, som kilderne bærer.',
  lastVerified: 'Datoen, kilderne sidst blev læst: ÅÅÅÅ-MM-DD.',
  sources: `Kilderne, hver med title, url, publisher (udgiver), date ("ÅÅÅÅ-MM-DD", "ÅÅÅÅ-MM", "ÅÅÅÅ" eller "${unknown}") og backs: de felter, kilden bakker op (${factFields.join(', ')}). Hvert felt i faktaboksen skal stå i backs på en kilde eller være ${unknown}.`,
  image: 'Billede (valgfrit): læg filen i content/cases/billeder/ (højst 2 MB), og beskriv i alt, hvad billedet viser.',
  draft: 'Udkast: true betyder, at casen ikke vises på siden. Skriv false, når casen er færdig og tjekket.',
};

const uncheckedNote = 'TJEK: udfyldt automatisk, ret til den rigtige værdi.';

/** A YAML string that survives any text: JSON's quoting is valid YAML. Line breaks and control characters become spaces. */
export function yamlString(text: string): string {
  return JSON.stringify(text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').trim());
}

/** A value that needs no quotes in YAML: a vocabulary word, a municipality, a year. */
const plain = (text: string) => (/^[\p{L}\d][\p{L}\d -]*$/u.test(text) && !/^(true|false|null|yes|no|on|off)$/i.test(text) ? text : yamlString(text));

/** Bare addresses and e-mails: GFM would turn them into links after escaping, and Sätteri lets such a link swallow a following `\<`. */
const linkLike = /\S*(?:https?:\/\/|www\.|@)\S*/gi;

function escapeProse(text: string): string {
  return text
    .replace(/[\\`*_{}[\]<>&~|!]/g, '\\$&')
    .replace(/^([#+=-])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2')
    .replace(/^(import|export)\b/, (word) => `&#${word.charCodeAt(0)};${word.slice(1)}`);
}

/**
 * Editor text as MDX that shows exactly that text: markup characters, `{`, `<` and line-initial `import`/`export`
 * are escaped, and addresses are shown as code, so a suggestion can neither break the build nor inject markup or links.
 */
export function escapeMdx(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((raw) => {
      const line = raw.trim();
      let out = '';
      let at = 0;
      for (const match of line.matchAll(linkLike)) {
        out += escapeProse(line.slice(at, match.index)) + '`' + match[0].replaceAll('`', '%60') + '`';
        at = match.index + match[0].length;
      }
      // The line-start rules apply only to the line's start, so escape the rest as a continuation.
      const rest = line.slice(at);
      return out === '' ? escapeProse(rest) : out + escapeProse(rest).replace(/^\\([#+=-])/, '$1');
    })
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function comment(field: Field, unchecked: readonly Field[]): string {
  return `# ${comments[field]}${unchecked.includes(field) ? ` ${uncheckedNote}` : ''}`;
}

/** A YAML day for lastVerified: a Date or text as given. */
const day = (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value));

const sentenceList = (lines: string[], key: 'lessons' | 'challenges', values: readonly string[] | undefined) => {
  if (values && values.length > 0) lines.push(`${key}:`, ...values.map((v) => `  - ${yamlString(v)}`));
  else lines.push(`# ${key}:`, '#   - "En kort sætning."');
};

function frontmatter(data: CaseInput, unchecked: readonly Field[]): string[] {
  const c = (field: Field) => comment(field, unchecked);
  const lines = [c('title'), `title: ${yamlString(data.title)}`, c('summary'), `summary: ${yamlString(data.summary)}`];
  lines.push(c('municipality'), `municipality: ${plain(data.municipality)}`);
  lines.push(c('place'), data.place ? `place: ${yamlString(data.place)}` : '# place: "Navnet på stedet"');
  lines.push(c('period'), 'period:', `  start: ${plain(String(data.period.start))}`);
  lines.push(data.period.end === undefined ? '  # end: igangværende' : `  end: ${plain(String(data.period.end))}`);
  lines.push(c('status'), `status: ${plain(data.status)}`, c('scope'), `scope: ${data.scope}`, c('participation'), `participation: ${plain(data.participation)}`);
  lines.push(c('areas'), `areas: [${data.areas.join(', ')}]`);
  lines.push(c('kind'), `kind: ${data.kind}`, c('form'), `form: ${data.form}`);
  lines.push(c('initiators'), data.initiators === unknown ? `initiators: ${unknown}` : `initiators: [${data.initiators.join(', ')}]`);
  lines.push(c('actors'));
  if (data.actors === unknown) lines.push(`actors: ${unknown}`);
  else lines.push('actors:', ...data.actors.flatMap((a) => [`  - name: ${yamlString(a.name)}`, `    type: ${a.type}`]));
  lines.push(c('principles'), `principles: [${data.principles.join(', ')}]`);
  lines.push(c('outcomes'));
  if (Array.isArray(data.outcomes) && data.outcomes.length > 0) {
    lines.push('outcomes:', ...data.outcomes.flatMap((o) => [`  - text: ${yamlString(o.text)}`, `    evidence: ${o.evidence}`]));
  } else if (data.outcomes === unknown) lines.push(`outcomes: ${unknown}`);
  else lines.push('# outcomes:', '#   - text: "Kort sætning om et resultat."', '#     evidence: omtalt');
  lines.push(c('lessons'));
  sentenceList(lines, 'lessons', data.lessons);
  lines.push(c('challenges'));
  sentenceList(lines, 'challenges', data.challenges);
  lines.push(c('lastVerified'), `lastVerified: ${day(data.lastVerified)}`);
  lines.push(c('sources'), data.sources.length === 0 ? 'sources: []' : 'sources:');
  for (const s of data.sources) {
    lines.push(`  - title: ${yamlString(s.title)}`, `    url: ${yamlString(s.url)}`, `    publisher: ${yamlString(s.publisher)}`);
    lines.push(`    date: ${yamlString(String(s.date))}`, `    backs: [${s.backs.join(', ')}]`);
  }
  lines.push(c('image'));
  if (data.image) lines.push('image:', `  src: ${yamlString(data.image.src)}`, `  alt: ${yamlString(data.image.alt)}`);
  else lines.push('# image:', '#   src: ./billeder/filnavn.jpg', '#   alt: "Hvad billedet viser"');
  lines.push(c('draft'), `draft: ${data.draft ? 'true' : 'false'}`);
  return lines;
}

/** The whole file: frontmatter, an optional note to the editor, and the five sections. */
export function renderCaseFile(data: CaseInput, text: CaseFileText = {}): string {
  const body: string[] = [];
  // Inside an MDX comment, a brace or */ would end it early.
  if (text.note) body.push(`{/* ${text.note.replace(/[{}]/g, '').replaceAll('*/', '* /').replace(/\s+/g, ' ')} */}`, '');
  for (const section of caseSections) {
    const given = text.sections?.[section.key]?.trim();
    body.push(`## ${section.heading}`, '', given || `{/* Skriv her: ${section.hint} */}`, '');
  }
  return ['---', ...frontmatter(data, text.unchecked ?? []), '---', '', ...body].join('\n');
}
