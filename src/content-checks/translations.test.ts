// The English edition's report: untranslated Danish files, and English files older than their Danish source.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import { translationReport, translationText } from './translations.ts';
import type { GitHistory } from '../catalog/git-dates.ts';

function project(files: string[]): string {
  const root = mkdtempSync(join(tmpdir(), 'translations-'));
  for (const file of files) {
    mkdirSync(join(root, file, '..'), { recursive: true });
    writeFileSync(join(root, file), '---\n---\n');
  }
  return root;
}

/** A history where each file was last changed on the given day. */
const history = (root: string, days: Record<string, string>): GitHistory => ({
  added: () => undefined,
  updated: (file) => {
    const entry = Object.entries(days).find(([name]) => join(root, name) === file);
    return entry ? new Date(entry[1]) : undefined;
  },
});

it('reports a Danish file with no English counterpart as not translated', () => {
  const root = project(['content/cases/seest.mdx', 'content/cases/gentofte.mdx', 'content/en/cases/seest.mdx']);
  const report = translationReport(root, history(root, {}));
  assert.deepEqual(report.notTranslated, ['content/cases/gentofte.mdx']);
  assert.match(translationText(report), /ikke oversat: content\/cases\/gentofte\.mdx/);
});

it('reports an English file older than its Danish source as may be outdated, and not one that is newer', () => {
  const root = project(['content/cases/seest.mdx', 'content/en/cases/seest.mdx', 'content/pages/om.mdx', 'content/en/pages/om.mdx']);
  const report = translationReport(
    root,
    history(root, { 'content/cases/seest.mdx': '2026-11-30', 'content/en/cases/seest.mdx': '2026-11-01', 'content/pages/om.mdx': '2026-10-01', 'content/en/pages/om.mdx': '2026-11-01' }),
  );
  assert.deepEqual(report.mayBeOutdated, [{ english: 'content/en/cases/seest.mdx', danish: 'content/cases/seest.mdx' }]);
  assert.match(translationText(report), /måske forældet: content\/en\/cases\/seest\.mdx er ældre end content\/cases\/seest\.mdx/);
});

it('reports nothing as outdated when git has no dates (a shallow clone or new files)', () => {
  const root = project(['content/cases/seest.mdx', 'content/en/cases/seest.mdx']);
  assert.deepEqual(translationReport(root, history(root, {})).mayBeOutdated, []);
});
