// The shapes of a case, a principle and a page: the one place they are defined. Astro's content collections
// (src/content.config.ts) and the editors' checker (src/content-checks/) both build on these schemas.
// Every message is Danish and says what is allowed, because editors read them, not programmers.
import { z } from 'astro/zod';
import { municipalityNames } from './data/municipalities.ts';
import { actorTypes, areas, forms, initiators, kinds } from './data/vocabulary.ts';

/** Where each collection's files live, relative to the project root. */
export const contentFolders = { cases: 'content/cases', principles: 'content/principles', pages: 'content/pages' } as const;

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

export const caseLimits = { title: 120, summary: 300, alt: 250 } as const;

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
          start: year('Startår'),
          end: z
            .union([year('Slutår'), z.literal('igangværende')], {
              error: 'Slutår skal være et årstal, fx 2018, eller ordet "igangværende".',
            })
            .optional(),
          approximate: z.boolean({ error: 'approximate skal være true eller false.' }).default(false),
        },
        { error: 'Skriv perioden som start: (årstal) og evt. end: (årstal eller "igangværende").' },
      ).strict(),
      areas: z
        .array(oneOf(areas, 'Område'), { error: `Skriv områder som en liste. Tilladt: ${list(areas)}.` })
        .min(1, { error: `Angiv mindst ét område. Tilladt: ${list(areas)}.` }),
      kind: oneOf(kinds, 'Type'),
      form: oneOf(forms, 'Form'),
      initiators: z
        .array(oneOf(initiators, 'Initiativtager'), {
          error: `Skriv initiativtagere som en liste. Tilladt: ${list(initiators)}.`,
        })
        .min(1, { error: `Angiv mindst én initiativtager. Tilladt: ${list(initiators)}.` }),
      actors: z
        .array(
          z.object(
            { name: text('aktørens navn'), type: oneOf(actorTypes, 'Aktørtype') },
            { error: 'Hver aktør skal have name: og type:.' },
          ).strict(),
          { error: 'Skriv aktørerne som en liste med name: og type:.' },
        )
        .min(1, { error: 'Angiv mindst én aktør.' }),
      principles: z
        .array(principle(principleMessage), { error: 'Skriv principperne som en liste af principnavne, fx [ligevaerd, tidlig-dialog].' })
        .min(1, { error: 'Angiv mindst ét princip fra chartret, som casen viser.' }),
      sources: z
        .array(
          z.object(
            { title: text('kildens titel'), url: url('Kildens url') },
            { error: 'Hver kilde skal have title: og url:.' },
          ).strict(),
          { error: 'Skriv kilderne som en liste med title: og url:.' },
        )
        .min(1, { error: 'Angiv mindst én kilde med title: og url:.' }),
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
    .refine((c) => typeof c.period.end !== 'number' || c.period.end >= c.period.start, {
      error: 'Slutår kan ikke ligge før startår.',
      path: ['period', 'end'],
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
