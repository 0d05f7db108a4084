// The wall's charter-version note and mark, and the re-affirm link page, rendered from a few rows without a database.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { strings } from '../i18n/index.ts';
import { renderWall } from './signatory-wall.ts';
import { renderAffirmDone, renderAffirmFailure, renderAffirmForm } from './charter-affirm-page.ts';
import type { WallCounts, WallPage } from './wall-queries.ts';
import type { PublicSignatory } from './signatures.ts';

const row = (name: string, charter_version: number, affirmed_version: number): PublicSignatory => ({
  id: `00000000-0000-4000-8000-00000000000${charter_version}${affirmed_version}`.slice(0, 36),
  name,
  type: 'forening',
  municipality: 'Aarhus',
  signed_at: new Date('2026-05-01T09:00:00Z'),
  statement: null,
  charter_version,
  affirmed_version,
});
const counts: WallCounts = { total: 3, byType: { forening: 3 }, byMunicipality: new Map([['Aarhus', 3]]), kommunes: new Set() };
const page: WallPage = { signatories: [row('Gammel Forening', 1, 1), row('Tro Forening', 1, 2), row('Ny Forening', 2, 2)], total: 3 };

const itemOf = (html: string, name: string) => html.match(new RegExp(`<li><strong>${name}</strong>.*?</li>`))![0];

describe('the wall and the charter versions', () => {
  test('names the version each signatory signed', () => {
    const html = renderWall(page, counts, {}, strings(), 2);
    assert.match(itemOf(html, 'Gammel Forening'), /chartrets version 1/);
    assert.match(itemOf(html, 'Ny Forening'), /chartrets version 2/);
  });

  test('marks a signatory of an older version who has affirmed the current one, and no one else', () => {
    const html = renderWall(page, counts, {}, strings(), 2);
    assert.match(itemOf(html, 'Tro Forening'), /<span class="affirmed-mark"><span aria-hidden="true">✓<\/span> står bag version 2<\/span>/);
    assert.doesNotMatch(itemOf(html, 'Gammel Forening'), /affirmed-mark/);
    assert.doesNotMatch(itemOf(html, 'Ny Forening'), /affirmed-mark/);
    assert.match(html, /Chartret er nu i version 2\..*<a href="\/charter\/aendringer\/">Se, hvad der er ændret<\/a>/);
  });

  test('says nothing about versions beyond the version signed while there is only version 1', () => {
    const html = renderWall({ signatories: [row('Gammel Forening', 1, 1)], total: 1 }, counts, {}, strings(), 1);
    assert.doesNotMatch(html, /Chartret er nu i version/);
    assert.doesNotMatch(html, /affirmed-mark/);
  });
});

describe('the re-affirm link page', () => {
  test('asks with one button that posts the token, naming the version', () => {
    const html = renderAffirmForm('abc"<', 2, strings());
    assert.match(html, /<form method="post" action="\/underskriv\/ny-version\/">/);
    assert.match(html, /value="abc&quot;&lt;"/);
    assert.match(html, /står bag version 2 af Charter for samskabelse/);
    assert.match(renderAffirmForm('t', 2, strings('en')), /action="\/en\/sign\/new-version\/"/);
  });

  test('thanks the organisation by its escaped name, and explains a used link', () => {
    assert.match(renderAffirmDone('<Foreningen>', 2, strings()), /&lt;Foreningen&gt; står nu på listen/);
    assert.match(renderAffirmFailure('used', strings()), /role="alert".*allerede brugt, så jeres bekræftelse er noteret/);
  });
});
