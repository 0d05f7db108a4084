// The shapes of a case, a principle and a page: the one place they are defined. Astro's content collections
// (src/content.config.ts) and the editors' checker (src/content-checks/) both build on these schemas.
// Every message is Danish and says what is allowed, because editors read them, not programmers.
import { z } from 'astro/zod';
import { municipalityNames } from './data/municipalities.ts';
import {
  actorTypes,
  areas,
  evidenceLevels,
  factFields,
  forms,
  initiators,
  kinds,
  participationLevels,
  scopes,
  statuses,
  unknown,
  type FactField,
} from './data/vocabulary.ts';

/** Where each collection's files live, relative to the project root. */
export const contentFolders = { cases: 'content/cases', principles: 'content/principles', pages: 'content/pages' } as const;

/** Where the adopted versions of the charter live: one YAML file per version, `<n>.yaml`. */
export const charterVersionsFolder = 'content/charter/versions';

/** The English edition mirrors content/: the same file name is the same case, principle or page. */
export const englishFolders = { cases: 'content/en/cases', principles: 'content/en/principles', pages: 'content/en/pages' } as const;

const list = (values: readonly string[]) => values.map((v) => `"${v}"`).join(', ');

const oneOf = <const T extends readonly [string, ...string[]]>(values: T, field: string) =>
  z.enum(values, { error: `${field} skal være én af: ${list(values)}.` });

const text = (field: string, max?: number) => {
  const base = z
    .string({ error: `Skriv ${field} som tekst.` })
    .trim()
    .min(1, { error: `Skriv ${field}; feltet må ikke være tomt.` });
  return max ? base.max(max, { error: `${field} må højst være ${max} tegn.` }) : base;
};

const url = (field: string) =>
  z.url({ protocol: /^https?$/, error: `${field} skal være en fuld webadresse, der begynder med https:// eller http://.` });

const year = (field: string) =>
  z
    .number({ error: `${field} skal være et årstal med fire cifre, fx 2015.` })
    .int({ error: `${field} skal være et helt årstal, fx 2015.` })
    .min(1900, { error: `${field} skal være et årstal efter 1900.` })
    .max(2100, { error: `${field} skal være et årstal før 2100.` });

export const caseLimits = { title: 120, summary: 300, alt: 250, outcome: 300, sentence: 300 } as const;

const oneOfOrUnknown = <const T extends readonly [string, ...string[]]>(values: T, field: string) =>
  z.enum([...values, unknown], {
    error: `${field} skal være én af: ${list(values)}, eller "${unknown}", hvis ingen kilde siger det.`,
  });

/** A list, or the single word `ukendt` when no source says. */
const listOrUnknown = <T extends z.ZodType>(known: T, field: string) =>
  z.union([z.literal(unknown), known], { error: `Skriv ${field} som en liste, eller skriv ${field}: ${unknown}.` });

const sentences = (field: string, noun: string) =>
  z
    .array(text(`en sætning i ${field}`, caseLimits.sentence), { error: `Skriv ${noun} som en liste af korte sætninger, hver på sin egen linje med - foran.` })
    .optional();

const isoDay = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day written YYYY-MM-DD (quoted or not: YAML reads an unquoted one as a date). */
const day = (field: string, error: string) =>
  z.preprocess(
    (value) => {
      if (typeof value !== 'string') return value;
      const match = isoDay.exec(value.trim());
      if (!match) return value;
      const date = new Date(`${match[0]}T00:00:00Z`);
      return date.toISOString().slice(0, 10) === match[0] ? date : value;
    },
    z.date({ error }).refine((d) => !Number.isNaN(d.getTime()), { error: `${field}: ${error}` }),
  );

/** A source's date as the source gives it: "2018-05-03", "2018-05", "2018" or "ukendt". Kept as text. */
const sourceDate = z.preprocess(
  (value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : typeof value === 'number' ? String(value) : value),
  z
    .string({ error: `Skriv kildens dato i anførselstegn som "ÅÅÅÅ-MM-DD", "ÅÅÅÅ-MM" eller "ÅÅÅÅ", eller skriv "${unknown}".` })
    .regex(/^(?:\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?|ukendt)$/, {
      error: `Kildens dato skal skrives "ÅÅÅÅ-MM-DD", "ÅÅÅÅ-MM" eller "ÅÅÅÅ", fx "2018-05-03", eller "${unknown}".`,
    }),
);

export type FactValues = { [F in FactField]?: unknown } & { period: { start: unknown; end?: unknown } };

/** Whether a facts-box field says something (and so needs a source), or is `ukendt`/left out. */
export function isKnown(field: FactField, c: FactValues): boolean {
  if (field === 'period') return c.period.start !== unknown || (c.period.end !== undefined && c.period.end !== unknown);
  const value = c[field];
  if (value === undefined || value === unknown) return false;
  return !Array.isArray(value) || value.length > 0;
}

/** The facts a case states that no listed source backs. */
export function unbackedFacts(c: FactValues, backed: ReadonlySet<string>): FactField[] {
  return factFields.filter((field) => isKnown(field, c) && !backed.has(field));
}

const unknownFix: Partial<Record<FactField, string>> = {
  period: `start: ${unknown} under period (og slet end)`,
  outcomes: `outcomes: ${unknown} (eller slet outcomes)`,
};

export const factsMessages = {
  unbacked: (field: FactField) =>
    `Ingen kilde bakker feltet "${field}" op. Skriv ${field} i backs på den kilde, der siger det, fx backs: [${field}]. ` +
    `Siger ingen kilde det, så skriv ${unknownFix[field] ?? `${field}: ${unknown}`}; siden viser det som »Ikke oplyst«.`,
} as const;

export const principleMessage = 'Skriv principperne som filnavne fra mappen content/principles/ uden .mdx, fx [ligevaerd, tidlig-dialog].';

/**
 * The two parts that differ between Astro and the checker: Astro turns `principle` into a reference into the principles
 * collection and keeps the image path as written (src/catalog/case-images.ts imports it); the checker checks both
 * against the files on disk.
 */
export interface CaseSchemaParts<Image extends z.ZodType, Principle extends z.ZodType> {
  image: () => Image;
  principle: (error: string) => Principle;
}

export const caseSchema = <Image extends z.ZodType, Principle extends z.ZodType>({ image, principle }: CaseSchemaParts<Image, Principle>) =>
  z
    .object({
      title: text('en titel', caseLimits.title),
      summary: text('et resumé', caseLimits.summary),
      municipality: z.enum(municipalityNames as [string, ...string[]], {
        error: 'Kommunen skal være en af de 98 danske kommuner, stavet som på kommunens eget navn, fx "Kolding" eller "Aarhus".',
      }),
      place: text('et sted').optional(),
      period: z.object(
        {
          start: z.union([year('Startår'), z.literal(unknown)], {
            error: `Startår skal være et årstal med fire cifre, fx 2015, eller ordet "${unknown}", hvis ingen kilde siger det.`,
          }),
          end: z
            .union([year('Slutår'), z.literal('igangværende'), z.literal(unknown)], {
              error: `Slutår skal være et årstal, fx 2018, ordet "igangværende" eller ordet "${unknown}".`,
            })
            .optional(),
        },
        { error: `Skriv perioden som start: (årstal eller ${unknown}) og evt. end: (årstal, igangværende eller ${unknown}).` },
      ).strict(),
      status: oneOfOrUnknown(statuses, 'Status'),
      scope: oneOfOrUnknown(scopes, 'Rækkevidde (scope)'),
      participation: oneOfOrUnknown(participationLevels, 'Deltagelse (participation)'),
      areas: z
        .array(oneOf(areas, 'Område'), { error: `Skriv områder som en liste. Tilladt: ${list(areas)}.` })
        .min(1, { error: `Angiv mindst ét område. Tilladt: ${list(areas)}.` }),
      kind: oneOf(kinds, 'Type'),
      form: oneOfOrUnknown(forms, 'Form'),
      initiators: listOrUnknown(
        z
          .array(oneOf(initiators, 'Initiativtager'), {
            error: `Skriv initiativtagere som en liste, eller skriv ${unknown}. Tilladt i listen: ${list(initiators)}.`,
          })
          .min(1, { error: `Angiv mindst én initiativtager, eller skriv initiators: ${unknown}. Tilladt: ${list(initiators)}.` }),
        'initiators',
      ),
      actors: listOrUnknown(
        z
          .array(
            z.object(
              { name: text('aktørens navn'), type: oneOf(actorTypes, 'Aktørtype') },
              { error: 'Hver aktør skal have name: og type:.' },
            ).strict(),
            { error: `Skriv aktørerne som en liste med name: og type:, eller skriv actors: ${unknown}.` },
          )
          .min(1, { error: `Angiv mindst én aktør, eller skriv actors: ${unknown}.` }),
        'actors',
      ),
      // Only the principles the sources show, so a thinly sourced case may name none: principles: [].
      principles: z.array(principle(principleMessage), {
        error: 'Skriv principperne som en liste af principnavne, fx [ligevaerd, tidlig-dialog], eller [] hvis kilderne ikke viser nogen.',
      }),
      outcomes: listOrUnknown(
        z.array(
          z.object(
            { text: text('resultatet', caseLimits.outcome), evidence: oneOf(evidenceLevels, 'Evidens (evidence)') },
            { error: 'Hvert resultat skal have text: (en kort sætning) og evidence: (hvor godt det er vist).' },
          ).strict(),
          { error: `Skriv resultaterne som en liste med text: og evidence:, eller skriv outcomes: ${unknown}.` },
        ),
        'outcomes',
      ).optional(),
      lessons: sentences('lessons', 'læringer'),
      challenges: sentences('challenges', 'udfordringer'),
      lastVerified: day('lastVerified', 'Skriv datoen, kilderne sidst blev læst, som ÅÅÅÅ-MM-DD, fx 2026-11-30.'),
      sources: z
        .array(
          z.object(
            {
              title: text('kildens titel'),
              url: url('Kildens url'),
              publisher: text('hvem der har udgivet kilden (publisher)'),
              date: sourceDate,
              backs: z.array(oneOf(factFields, 'backs'), {
                error: `Skriv backs som en liste over de felter, kilden bakker op, fx backs: [period, actors]. Tilladt: ${list(factFields)}. Skriv backs: [], hvis kilden ikke bakker nogen af dem op.`,
              }),
            },
            { error: 'Hver kilde skal have title:, url:, publisher:, date: og backs:.' },
          ).strict(),
          { error: 'Skriv kilderne som en liste med title:, url:, publisher:, date: og backs:.' },
        ),
      // No minimum: a case nobody has found sources for says sources: [], and the facts rule then holds every fact to ukendt.
      image: z
        .object({ src: image(), alt: text('en alternativ tekst (alt) til billedet', caseLimits.alt) }, {
          error: 'Et billede skal have src: (stien til filen) og alt: (en beskrivelse af billedet).',
        })
        .strict()
        .optional(),
      // A draft is checked like any case but never built into the public site (see src/catalog/cases.ts).
      draft: z.boolean({ error: 'draft skal være true (udkast, vises ikke) eller false (udgivet).' }).default(false),
    })
    .strict()
    .refine((c) => typeof c.period.end !== 'number' || typeof c.period.start !== 'number' || c.period.end >= c.period.start, {
      error: 'Slutår kan ikke ligge før startår.',
      path: ['period', 'end'],
    })
    .superRefine((c, context) => {
      // Until the sources themselves are right, their own messages say what to fix.
      if (!Array.isArray(c.sources) || c.sources.some((s) => !Array.isArray(s?.backs))) return;
      const backed = new Set(c.sources.flatMap((s) => s.backs));
      for (const field of unbackedFacts(c, backed)) {
        context.addIssue({ code: 'custom', path: [field], message: factsMessages.unbacked(field), input: c[field] });
      }
    });

/** A case as an editor writes it, with plain strings for the image path and the principles. */
export type CaseInput = z.input<ReturnType<typeof caseSchema<z.ZodString, z.ZodString>>>;

export const principleSchema = z
  .object({
    number: z.number({ error: 'number skal være principets nummer, fx 3.' }).int().min(1),
    title: text('en kort titel', 60),
    summary: text('et resumé på én linje', 200),
  })
  .strict();

export const pageSchema = z
  .object({
    title: text('en titel', 120),
    description: text('en beskrivelse', 200),
  })
  .strict();

/** Whether "YYYY-MM-DD" names a day that exists (not 2026-02-30 or 2026-13-01). */
function isCalendarDay(value: string): boolean {
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** The day or year a version of the charter was adopted: "2017-03-02", or only "2017" when the sources give only the year. */
const adoptedDate = z.preprocess(
  (value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : typeof value === 'number' ? String(value) : value),
  z
    .string({ error: 'Skriv datoen, versionen blev vedtaget, som "ÅÅÅÅ-MM-DD", fx "2017-03-02", eller kun årstallet, fx 2017, hvis dagen ikke kendes.' })
    .regex(/^\d{4}(?:-\d{2}-\d{2})?$/, {
      error: 'adopted skal skrives "ÅÅÅÅ-MM-DD", fx "2017-03-02", eller som et årstal, fx 2017.',
    })
    .refine((value) => !/^\d{4}-\d{2}-\d{2}$/.test(value) || isCalendarDay(value), {
      error: 'adopted er ikke en dag, der findes i kalenderen. Skriv den som "ÅÅÅÅ-MM-DD", fx "2017-03-02".',
    }),
);

const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * One adopted version of the charter (content/charter/versions/<n>.yaml): its number, when it was adopted, what
 * changed, and the wording of every principle as adopted. The wording is the principle's `summary`: title and summary
 * are the charter's text, and the body of the principle's page explains it.
 */
export const charterVersionSchema = z
  .object({
    version: z.number({ error: 'version skal være versionens nummer, fx 2.' }).int({ error: 'version skal være et helt tal, fx 2.' }).min(1, { error: 'version starter ved 1.' }),
    adopted: adoptedDate,
    summary: text('hvad der blev ændret i denne version (summary)', 1000),
    principles: z
      .array(
        z
          .object(
            {
              slug: z
                .string({ error: 'slug skal være principets filnavn fra content/principles/ uden .mdx, fx ligevaerd.' })
                .regex(slugPattern, { error: 'slug skal være principets filnavn fra content/principles/ uden .mdx, fx ligevaerd.' }),
              number: z.number({ error: 'number skal være principets nummer, fx 3.' }).int({ error: 'number skal være et helt tal, fx 3.' }).min(1, { error: 'number starter ved 1.' }),
              title: text('principets titel', 60),
              wording: text('principets ordlyd (wording), som den blev vedtaget', 200),
            },
            { error: 'Hvert princip skal have slug:, number:, title: og wording:.' },
          )
          .strict(),
        { error: 'Skriv principperne som en liste med slug:, number:, title: og wording:.' },
      )
      .min(1, { error: 'En version skal have mindst ét princip.' }),
  })
  .strict()
  .superRefine((version, context) => {
    const seen = new Set<string>();
    version.principles.forEach((p, index) => {
      if (seen.has(p.slug)) context.addIssue({ code: 'custom', path: ['principles', index, 'slug'], message: `Princippet ${p.slug} står to gange i versionen.`, input: p.slug });
      seen.add(p.slug);
    });
  });

/** What the loader (src/charter/charter-versions.ts) says about the folder of versions, beyond the schema's own messages. */
export const charterVersionMessages = {
  notYaml: (reason: string) => `Filen er ikke gyldig YAML: ${reason}`,
  wrongNumber: (file: number, version: number) => `Filen hedder ${file}.yaml, men siger version: ${version}. Navn og nummer skal være det samme.`,
  empty: 'Mappen har ingen versioner. Version 1 skal ligge i 1.yaml.',
  gap: (missing: number) => `Versionerne skal have numrene 1, 2, 3 … uden huller, men version ${missing} mangler.`,
} as const;

export type CharterVersion = z.output<typeof charterVersionSchema>;
export type CharterVersionPrinciple = CharterVersion['principles'][number];
