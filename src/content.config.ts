// The content collections: where Astro finds cases, principles and pages. Their shapes live in src/content-schemas.ts.
import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
import { caseSchema, contentFolders, pageSchema, principleSchema } from './content-schemas.ts';

const cases = defineCollection({
  loader: glob({ pattern: '*.mdx', base: `./${contentFolders.cases}` }),
  schema: ({ image }) => caseSchema({ image, principle: () => reference('principles') }),
});

const principles = defineCollection({
  loader: glob({ pattern: '*.mdx', base: `./${contentFolders.principles}` }),
  schema: principleSchema,
});

const pages = defineCollection({
  loader: glob({ pattern: '*.mdx', base: `./${contentFolders.pages}` }),
  schema: pageSchema,
});

export const collections = { cases, principles, pages };
