// The content collections and their schemas: the one place where a case, a principle and a page are defined.
// Every message is Danish and says what is allowed, because editors read them, not programmers.
import { defineCollection, reference, type SchemaContext } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { municipalityNames } from './data/municipalities.ts';
import { actorTypes, areas, forms, initiators, kinds } from './data/vocabulary.ts';

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

export const caseSchema = ({ image }: SchemaContext) =>
  z
    .object({
      title: text('en titel', 120),
      summary: text('et resumé', 300),
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
      ),
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
          ),
          { error: 'Skriv aktørerne som en liste med name: og type:.' },
        )
        .min(1, { error: 'Angiv mindst én aktør.' }),
      principles: z
        .array(reference('principles'), { error: 'Skriv principperne som en liste af principnavne, fx [ligevaerd, tidlig-dialog].' })
        .min(1, { error: 'Angiv mindst ét princip fra chartret, som casen viser.' }),
      sources: z
        .array(
          z.object(
            { title: text('kildens titel'), url: url('Kildens url') },
            { error: 'Hver kilde skal have title: og url:.' },
          ),
          { error: 'Skriv kilderne som en liste med title: og url:.' },
        )
        .min(1, { error: 'Angiv mindst én kilde med title: og url:.' }),
      image: z
        .object({ src: image(), alt: text('en alternativ tekst (alt) til billedet', 250) }, {
          error: 'Et billede skal have src: (stien til filen) og alt: (en beskrivelse af billedet).',
        })
        .optional(),
    })
    .strict()
    .refine((c) => typeof c.period.end !== 'number' || c.period.end >= c.period.start, {
      error: 'Slutår kan ikke ligge før startår.',
      path: ['period', 'end'],
    });

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

const cases = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './content/cases' }),
  schema: caseSchema,
});

const principles = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './content/principles' }),
  schema: principleSchema,
});

const pages = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './content/pages' }),
  schema: pageSchema,
});

export const collections = { cases, principles, pages };
