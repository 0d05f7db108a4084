// CONTRIBUTING.md tells editors the truth: its example passes the check, it names every field and allowed value,
// and the messages it quotes are the ones the check gives.
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { z } from 'astro/zod';
import { checkContent } from '../src/content-checks/check-content.ts';
import { formatProblem } from '../src/content-checks/problem.ts';
import { fieldNamesAt } from '../src/content-checks/schema-issues.ts';
import { caseText, testProject } from './support/test-project.ts';
import { caseSchema } from '../src/content-schemas.ts';
import { actorTypes, areas, forms, initiators, kinds } from '../src/data/vocabulary.ts';

const root = resolve(import.meta.dirname, '..');
const guide = await readFile(join(root, 'CONTRIBUTING.md'), 'utf8');
const messagesFor = (file: string, text: string) => checkContent(testProject({ cases: { [file]: text } })).problems.map(formatProblem);

describe('CONTRIBUTING.md', () => {
  it('has a filled example that passes the content check', () => {
    const example = /```mdx\n([\s\S]*?)```/.exec(guide)?.[1];
    assert.ok(example, 'an mdx example');
    assert.deepEqual(messagesFor('seest.mdx', example), []);
  });

  it('explains every field of a case and every allowed value', async () => {
    const schema = caseSchema({ image: () => z.string(), principle: () => z.string() });
    const principles = (await readdir(join(root, 'content/principles'))).map((f) => f.replace(/\.mdx$/, ''));
    for (const word of [...fieldNamesAt(schema as never, []), ...areas, ...kinds, ...forms, ...initiators, ...actorTypes, ...principles]) {
      assert.ok(guide.includes(`\`${word}\``), `CONTRIBUTING.md mentions \`${word}\``);
    }
  });

  it('quotes the messages the check really gives', () => {
    const quoted = [...guide.matchAll(/^> `(content\/cases\/seest\.mdx, linje \d+[^`]*)`$/gm)].map((m) => m[1]!.replace(/^[^:]+: /, ''));
    assert.equal(quoted.length, 3);
    const actual = [
      messagesFor('seest.mdx', caseText({ municipality: 'Kolding Kommune' })),
      messagesFor('seest.mdx', caseText({ title: 'Seest: genopbygningen' })),
      messagesFor('seest.mdx', caseText({}, '## Kort fortalt\n\nUnder <600 kr. om måneden.\n')),
    ].map((found) => found[0]!.replace(/^[^:]+: /, ''));
    assert.deepEqual(quoted, actual);
  });
});
