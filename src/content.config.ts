// The content collections: where Astro finds cases, principles and pages, in Danish and in English. Their shapes live in src/content-schemas.ts.
import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { caseSchema, contentFolders, englishFolders, pageSchema, principleSchema } from './content-schemas.ts';

// One schema for every case. (Astro calls a schema *function* once per file, which builds and compiles the whole zod
// schema 2,000 times for 2,000 cases.) So image.src stays the path the editor wrote; the check makes sure the file
// exists, and the case page turns it into an optimised image (src/catalog/case-images.ts).
const cases = defineCollection({
  loader: glob({ pattern: '*.mdx', base: `./${contentFolders.cases}` }),
  schema: caseSchema({ image: () => z.string(), principle: () => reference('principles') }),
});

const principles = defineCollection({
  loader: glob({ pattern: '*.mdx', base: `./${contentFolders.principles}` }),
  schema: principleSchema,
});

const pages = defineCollection({
  loader: glob({ pattern: '*.mdx', base: `./${contentFolders.pages}` }),
  schema: pageSchema,
});

// The English edition (content/en/): the same schemas. An English case names its principles by the Danish file names,
// which every English principle shares, so a case can be translated before its principles are.
const casesEn = defineCollection({
  loader: glob({ pattern: '*.mdx', base: `./${englishFolders.cases}` }),
  schema: caseSchema({ image: () => z.string(), principle: () => reference('principles') }),
});

const principlesEn = defineCollection({
  loader: glob({ pattern: '*.mdx', base: `./${englishFolders.principles}` }),
  schema: principleSchema,
});

const pagesEn = defineCollection({
  loader: glob({ pattern: '*.mdx', base: `./${englishFolders.pages}` }),
  schema: pageSchema,
});

export const collections = { cases, principles, pages, casesEn, principlesEn, pagesEn };
