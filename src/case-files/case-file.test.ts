// The generator's files pass the content check, and text from strangers comes out as text, never as markup or code.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mdxToMdast } from 'satteri';
import { checkContent } from '../content-checks/check-content.ts';
import { formatProblem } from '../content-checks/problem.ts';
import { testProject } from '../../tests/support/test-project.ts';
import type { CaseInput } from '../content-schemas.ts';
import { caseSections, escapeMdx, renderCaseFile } from './case-file.ts';
import { candidatePaths, draftFromSuggestion, slugForTitle, summaryFrom, type SuggestionForDraft } from './suggestion-draft.ts';

function caseInput(overrides: Partial<CaseInput> = {}): CaseInput {
  return {
    title: 'Borgerbudget i Gellerup',
    summary: 'Beboerne fordelte selv en pulje penge.',
    municipality: 'Aarhus',
    period: { start: 2019, end: 'igangværende' },
    status: 'igangværende',
    scope: 'lokal',
    participation: 'samarbejde',
    areas: ['demokrati', 'byudvikling'],
    kind: 'udviklingsprojekt',
    form: 'transformerende',
    initiators: ['medarbejdere'],
    actors: [{ name: 'Aarhus Kommune', type: 'kommune' }, { name: 'Beboerne', type: 'borgere' }],
    principles: ['ligevaerd', 'demokratisk-deltagelse'],
    outcomes: [{ text: 'Beboerne valgte selv projekterne.', evidence: 'omtalt' }],
    lessons: ['Start småt.'],
    lastVerified: new Date('2026-11-30'),
    sources: [
      {
        title: 'Aarhus Kommune',
        url: 'https://aarhus.dk/',
        publisher: 'Aarhus Kommune',
        date: '2019-05',
        backs: ['period', 'status', 'scope', 'participation', 'form', 'initiators', 'actors', 'outcomes'],
      },
    ],
    draft: false,
    ...overrides,
  };
}

function suggestion(overrides: Partial<SuggestionForDraft> = {}): SuggestionForDraft {
  return {
    id: '6f1c7a52-0000-4000-8000-000000000001',
    title: 'Fælles have i Vollsmose',
    municipality: 'Odense',
    what_happened: 'Beboere og kommunen anlagde en have sammen.',
    participants: 'Odense Kommune, boligforeningen og beboerne.',
    sources: 'https://www.odense.dk/have\nEn artikel i Fyens Stiftstidende',
    created_at: new Date('2026-03-02T10:00:00Z'),
    ...overrides,
  };
}

/** What the content check says about one generated file, added to the real content. */
function checked(name: string, text: string): string[] {
  return checkContent(testProject({ cases: { [name]: text } })).problems.map(formatProblem);
}

type Node = { type: string; value?: string; children?: Node[] };
const textOf = (node: Node): string => (node.type === 'text' || node.type === 'inlineCode' ? (node.value ?? '') : (node.children ?? []).map(textOf).join(node.type === 'root' ? '\n' : ''));
const flat = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('renderCaseFile', () => {
  it('writes a finished case that passes the content check, with a comment over every field', () => {
    const sections = Object.fromEntries(caseSections.map((s) => [s.key, `Tekst om ${s.heading.toLowerCase()}.`]));
    const file = renderCaseFile(caseInput(), { sections });
    assert.deepEqual(checked('borgerbudget.mdx', file), []);
    for (const field of ['title', 'summary', 'municipality', 'place', 'period', 'status', 'scope', 'participation', 'areas', 'kind', 'form', 'initiators', 'actors', 'principles', 'outcomes', 'lessons', 'challenges', 'lastVerified', 'sources', 'image', 'draft']) {
      assert.match(file, new RegExp(`^# .+\\n#? ?${field}:`, 'm'), `${field} has a comment line above it`);
    }
  });

  it('leaves a hint in each empty section, which the check accepts only in a draft', () => {
    const file = renderCaseFile(caseInput({ draft: true }));
    assert.match(file, /## Hvem var med\n\n\{\/\* Skriv her: Hvem deltog/);
    assert.deepEqual(checked('udkast.mdx', file), []);
    const finished = checked('udkast.mdx', renderCaseFile(caseInput()));
    assert.equal(finished.length, 6, 'a finished case must have text, in every section');
    assert.match(finished[0]!, /Casen har ingen tekst under felterne/);
  });

  it('quotes titles with colons, quotes and line breaks so YAML reads them back exactly', () => {
    const title = 'Sag: "Borgernes" have #1\nmed linjeskift';
    const file = renderCaseFile(caseInput({ title, draft: true }));
    assert.match(file, /^title: "Sag: \\"Borgernes\\" have #1 med linjeskift"$/m);
    assert.deepEqual(checked('udkast.mdx', file), []);
  });
});

describe('escapeMdx', () => {
  const nasty = [
    'Huslejen var under <600 kr. og {mere}.',
    'import x from "y"',
    'export const a = 1',
    '# Ikke en overskrift',
    '- ikke en liste',
    '1. heller ikke',
    '<script>alert(1)</script> <b>fed</b> *kursiv* _også_ `kode`',
    'Et link [her](javascript:alert(1)) og ![billede](https://evil.example/x.png)',
    'Adresser: https://kolding og www.dr.dk & 50 % \\ slut, https://x.dk/\\<y> mail@x.dk',
  ].join('\n\n');

  it('shows every character of the text as text', () => {
    const tree = mdxToMdast(escapeMdx(nasty)) as unknown as Node;
    assert.equal(flat(textOf(tree)), flat(nasty));
    const kinds = new Set<string>();
    const links: string[] = [];
    const walk = (node: Node & { url?: string }) => {
      kinds.add(node.type);
      if (node.url) links.push(node.url);
      node.children?.forEach(walk);
    };
    walk(tree);
    assert.deepEqual([...kinds].sort(), ['inlineCode', 'paragraph', 'root', 'text'], 'addresses are shown as code, nothing becomes markup or a link');
    assert.deepEqual(links, []);
  });
});

describe('drafts from suggestions', () => {
  it('makes a draft that passes the content check, marked for the editor to check', () => {
    const draft = draftFromSuggestion(suggestion());
    assert.equal(draft.slug, 'faelles-have-i-vollsmose');
    assert.deepEqual(checked(`${draft.slug}.mdx`, draft.content), []);
    assert.match(draft.content, /^draft: true$/m);
    assert.match(draft.content, /^municipality: Odense$/m);
    // Every fact is ukendt until an editor has read the sources; no source backs anything yet.
    assert.match(draft.content, /^ {2}start: ukendt$/m);
    for (const field of ['status', 'scope', 'participation', 'form', 'initiators', 'actors']) assert.match(draft.content, new RegExp(`^${field}: ukendt$`, 'm'));
    assert.match(draft.content, /^ {4}backs: \[\]$/m);
    assert.match(draft.content, /^lastVerified: 2026-03-02$/m);
    assert.match(draft.content, /# Kommunen.*\n.*\n# Sted/, 'the municipality comes from the suggester and is not marked');
    assert.match(draft.content, /# Områder.*TJEK: udfyldt automatisk/);
    assert.match(draft.content, /url: "https:\/\/www\.odense\.dk\/have"/);
    assert.match(draft.content, /Forslagsstilleren skrev også om kilderne: En artikel i Fyens Stiftstidende/);
    assert.match(draft.content, /## Kort fortalt\n\nBeboere og kommunen anlagde en have sammen\./);
  });

  it('passes the check whatever the suggester typed', () => {
    const draft = draftFromSuggestion(
      suggestion({
        title: 'Import: <b>{x}</b> */ "citat"',
        what_happened: 'under <600 kr. {\nimport a from "b"\n*/} ``` http://a..b www.x..dk https://x.dk/<y> mail@x.dk',
        participants: '<Komponent /> {1+1}',
        sources: 'www.kolding.dk/side\n{ikke et link} */ <x> http://a..b https://x.dk/<y>',
      }),
    );
    assert.deepEqual(checked(`${draft.slug}.mdx`, draft.content), []);
  });

  it('cuts a long title to a short file name and a long story to a summary within the limit', () => {
    assert.equal(slugForTitle('Et meget langt forslag om en fælles indsats for børn og unge i hele kommunen og omegn'), 'et-meget-langt-forslag-om-en-faelles-indsats-for-boern-og');
    assert.equal(slugForTitle('!!!'), 'forslag');
    const summary = summaryFrom('ord '.repeat(200));
    assert.ok(summary.length <= 300 && summary.endsWith('ord…'), summary);
    assert.deepEqual(candidatePaths('have', 3), ['content/cases/have.mdx', 'content/cases/have-2.mdx', 'content/cases/have-3.mdx']);
  });
});
