// Every string a function renders comes from src/i18n/, so the English edition can mirror da.ts key for key.
// This test reads the string literals of every .ts file under src/ and api/ and fails on Danish UI text outside src/i18n/.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import ts from 'typescript';

const root = join(import.meta.dirname, '..');

/**
 * Folders whose text is not UI that a function renders, and so is not translated. Astro pages (.astro) keep their
 * own page text and are not read at all; neither are tests.
 */
const notUiText: Record<string, string> = {
  'src/i18n/': 'the strings themselves',
  'src/content-checks/': 'speaks to editors about their content files, in Danish like the content',
  'src/case-files/': 'writes and reads the Danish case files editors own',
  'src/data/': 'Danish data: municipality and place names',
  'src/pages/': 'Astro routes keep their own page text, like the .astro files beside them',
  'src/dev-server/': 'the local stand-in for Vercel speaks to developers; the visitor pages it serves come from src/i18n/',
  'src/site-icons/': 'the icon writer behind scripts/make-icons.ts; its errors speak to a developer at build time',
};

/** Single files with Danish text that is not UI text, each with the reason. Keep this list short. */
const allowedFiles: Record<string, string> = {
  'src/content-schemas.ts': 'schema messages to editors about their content files',
  'src/routes.ts': 'slugify spells æ, ø and å the Danish way in URLs',
  'src/platform/db/migrate.ts': 'what the migration CLI prints to an operator',
  'src/platform/mail/transport.ts': 'what the local mail transport logs to an operator',
  'src/platform/github/pull-request.ts': 'an operator-facing error when GitHub has no free file name',
  // Another engineer is rewriting these files now (issue 12, form input and signing store); their messages move to
  // src/i18n/ when that work lands, and then these lines go.
  'src/signing/review.ts': 'pending move: review messages',
};

/** Function words that are Danish and not English; one of them in a literal with a space makes it a sentence. */
const danishWords = new Set(
  'og ikke til med kan skal har vi du jer jeres som af er det den fra hvis eller dig din dit dine vores denne ingen alle tak hej vil må når så'.split(' '),
);

/** Danish UI words that are a whole label on their own (a table heading, a button). */
const danishLabels = new Set(
  'Fejl: Alle Vis Nulstil Kommune Ja Nej Venter Afvist Godkendt Godkend Afvis Medlemmer Underskrifter Caseforslag Persondata Hjemmeside Kilder Dato Navn Titel Emne Hvem Handling Detaljer Tidspunkt Interesse Nyhedsbrev Ingen Udtalelse Kontaktperson Modtaget Administration Afvist'.split(' '),
);

export function looksDanish(text: string): boolean {
  if (/[æøåÆØÅ]/.test(text)) return true;
  if (danishLabels.has(text.trim()) || text.startsWith('Fejl:')) return true;
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  return text.includes(' ') && words.some((w) => danishWords.has(w));
}

/**
 * A declaration whose leading comment holds this marker is text for editors or operators, not for visitors (the pull
 * request an editor finishes, a build-time error). Use it for a whole function or constant, and say why beside it.
 */
export const notUiMarker = '@not-ui-text';

/** The literal text pieces of a file: string literals and the fixed parts of template literals, never comments. */
export function literalsOf(source: string, fileName = 'file.ts'): { line: number; text: string }[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const found: { line: number; text: string }[] = [];
  const visit = (node: ts.Node) => {
    // An import path is code, not text.
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return;
    const comments = ts.getLeadingCommentRanges(source, node.getFullStart()) ?? [];
    if (comments.some((c) => source.slice(c.pos, c.end).includes(notUiMarker))) return;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) {
      found.push({ line: file.getLineAndCharacterOfPosition(node.getStart()).line + 1, text: node.text });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

function tsFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts'))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)));
}

describe('UI strings', () => {
  it('tells a Danish sentence or label from code and English', () => {
    assert.ok(looksDanish('Linket er udløbet.'));
    assert.ok(looksDanish('Du er ikke længere medlem'));
    assert.ok(looksDanish('Nulstil'));
    assert.ok(!looksDanish('application/json; charset=utf-8'));
    assert.ok(looksDanish('Fejl: Underskriv chartret'));
    assert.ok(looksDanish('Underskrivere af chartret'));
    assert.ok(!looksDanish('The function did not return a Response'));
    assert.ok(!looksDanish('kommune'));
  });

  it('reads string and template literals, not comments, imports or a declaration marked as not UI text', () => {
    const found = literalsOf("import x from './grøn.ts';\n// Tak for det\nconst a = `Hej ${x}, du er med`;\n// @not-ui-text: to editors\nconst b = 'Til redaktøren';\n");
    assert.deepEqual(found.map((f) => f.text), ['Hej ', ', du er med']);
  });

  it('finds no Danish UI text outside src/i18n/ in src/ and api/', () => {
    const files = [...tsFiles('src'), ...tsFiles('api')].filter(
      (file) => !Object.keys(notUiText).some((dir) => file.startsWith(dir)) && !(file in allowedFiles),
    );
    const hits = files.flatMap((file) =>
      literalsOf(readFileSync(join(root, file), 'utf8'), file)
        .filter((literal) => looksDanish(literal.text))
        .map((literal) => `${file}:${literal.line}: ${JSON.stringify(literal.text.slice(0, 80))}`),
    );
    assert.deepEqual(hits, [], `Danish text outside src/i18n/; move it to src/i18n/da.ts:\n${hits.join('\n')}`);
  });
});
