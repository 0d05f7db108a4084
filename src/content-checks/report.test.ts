// The checker's outputs: a terminal line per problem, GitHub annotations with GitHub's escaping, and a Danish Markdown summary.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CheckResult } from './check-content.ts';
import { commentMarker, githubAnnotations, markdownSummary, pullRequestComment, textReport } from './report.ts';

const counts = { cases: 9, drafts: 1, principles: 11, pages: 4 };
const broken: CheckResult = {
  counts,
  warnings: [],
  readability: [],
  problems: [
    { file: 'content/cases/a.mdx', line: 4, field: ['municipality'], message: '"Kolding Kommune" er ikke en kommune, vi kender.' },
    { file: 'content/cases/a.mdx', line: 22, message: 'Tegnet < i "<600 kr." | *ikke* fed,\nny linje 100%' },
    { file: 'content/cases/b,c.mdx', line: 7, field: ['sources', 0, 'url'], message: 'Skriv https://.' },
  ],
};

describe('reports', () => {
  it('ends the terminal report with a count and what to do', () => {
    assert.equal(
      textReport(broken).split('\n').at(-2),
      'Fandt 3 problemer i 2 filer. Ret dem, og kør npm run check:content igen.',
    );
    assert.equal(textReport({ counts, problems: [], warnings: [], readability: [] }), 'Indholdet er i orden: 9 cases (heraf 1 udkast), 11 principper og 4 sider er tjekket.\n');
  });

  it('writes one GitHub annotation per problem, escaped as GitHub requires', () => {
    assert.deepEqual(githubAnnotations(broken).split('\n'), [
      '::error file=content/cases/a.mdx,line=4,title=Feltet "municipality"::"Kolding Kommune" er ikke en kommune, vi kender.',
      '::error file=content/cases/a.mdx,line=22,title=Indholdet::Tegnet < i "<600 kr." | *ikke* fed,%0Any linje 100%25',
      '::error file=content/cases/b%2Cc.mdx,line=7,title=Feltet "sources" → nr. 1 → "url"::Skriv https://.',
      '',
    ]);
  });

  it('summarises the problems per file in Danish Markdown, showing editor text as text', () => {
    assert.equal(
      markdownSummary(broken),
      [
        '## Tjek af indholdet',
        '',
        '❌ Fandt 3 problemer i 2 filer. Ret dem i filerne, og gem. Så kører tjekket igen af sig selv.',
        '',
        'På GitHub retter du en fil ved at åbne den og trykke på blyanten (✏️). Vejledningen står i CONTRIBUTING.md.',
        '',
        '### content/cases/a.mdx',
        '',
        '| Linje | Felt | Hvad er galt, og hvad skal der stå |',
        '| ---: | --- | --- |',
        '| 4 | "municipality" | "Kolding Kommune" er ikke en kommune, vi kender. |',
        '| 22 |  | Tegnet &lt; i "&lt;600 kr." \\| \\*ikke\\* fed, ny linje 100% |',
        '',
        '### content/cases/b,c.mdx',
        '',
        '| Linje | Felt | Hvad er galt, og hvad skal der stå |',
        '| ---: | --- | --- |',
        '| 7 | "sources" → nr. 1 → "url" | Skriv https://. |',
        '',
      ].join('\n'),
    );
    assert.equal(markdownSummary({ counts, problems: [], warnings: [], readability: [] }), '## Tjek af indholdet\n\n✅ Indholdet er i orden: 9 cases (heraf 1 udkast), 11 principper og 4 sider er tjekket.\n');
  });

  describe('readability warnings', () => {
    const warned: CheckResult = {
      counts,
      problems: [],
      warnings: [{ file: 'content/pages/manifest.mdx', line: 1, message: 'LIX er 47, og målet for denne slags side er højst 40.' }],
      readability: [
        { file: 'content/pages/manifest.mdx', lix: 47, goal: 40 },
        { file: 'content/cases/seest.mdx', lix: 38, goal: 45 },
      ],
    };

    it('prints a page over its LIX goal as a warning, and still says the content is in order', () => {
      assert.deepEqual(textReport(warned).trim().split('\n'), [
        'Advarsel: content/pages/manifest.mdx, linje 1: LIX er 47, og målet for denne slags side er højst 40.',
        'Indholdet er i orden: 9 cases (heraf 1 udkast), 11 principper og 4 sider er tjekket. 1 advarsel om læsbarhed (stopper ikke bygget).',
      ]);
    });

    it('annotates the warning as a GitHub warning, not an error', () => {
      assert.equal(githubAnnotations(warned), '::warning file=content/pages/manifest.mdx,line=1,title=Læsbarhed (LIX)::LIX er 47, og målet for denne slags side er højst 40.\n');
    });

    it('lists the warning and every page\'s LIX in the pull request summary', () => {
      const summary = markdownSummary(warned);
      assert.match(summary, /^✅ Indholdet er i orden/m);
      assert.match(summary, /⚠️ 1 side er over målet\. Det er en advarsel, ikke en fejl/);
      assert.match(summary, /\| content\/pages\/manifest\.mdx \| 47 ⚠️ \| 40 \|/);
      assert.match(summary, /\| content\/cases\/seest\.mdx \| 38 \| 45 \|/);
    });
  });

  it('stops the annotations at 10 and says in a notice how many more there are', () => {
    const many: CheckResult = { counts, warnings: [], readability: [], problems: Array.from({ length: 13 }, (_, i) => ({ file: 'content/cases/a.mdx', line: i + 1, message: `Problem ${i + 1}.` })) };
    const lines = githubAnnotations(many).trimEnd().split('\n');
    assert.equal(lines.filter((l) => l.startsWith('::error ')).length, 10);
    assert.equal(lines.at(-1), '::notice title=Flere problemer::3 problemer mere står i opsummeringen og i kommentaren på pull requesten.');
    assert.equal(githubAnnotations({ ...many, problems: many.problems.slice(0, 10) }).split('\n').filter(Boolean).length, 10);
  });

  it('starts the pull request comment with a hidden marker and then the summary', () => {
    const comment = pullRequestComment(broken);
    assert.ok(comment.startsWith(`${commentMarker}\n## Tjek af indholdet`));
    assert.match(commentMarker, /^<!--.*-->$/);
  });
});
