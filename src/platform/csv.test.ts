// Checks the CSV cells both CSVs are written with (signatories and the admin's members): quoted, formula-safe, BOM.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { csvBom, csvCell, csvLine } from './csv.ts';
import { signatoriesCsv } from '../signing/signatories-csv.ts';
import { membersCsv } from '../admin/views/member-list.ts';
import type { MemberRecord } from '../membership/member-filter.ts';

/** A small RFC 4180 reader: splits on `separator` outside quotes, as a spreadsheet with that separator would. */
function readCsv(text: string, separator = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === separator) row.push(cell), (cell = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += c;
  }
  if (cell || row.length) row.push(cell), rows.push(row);
  return rows;
}

test('quotes every text cell, so neither a comma nor a semicolon splits it', () => {
  assert.equal(csvCell('Fælles, Grøn; Forening'), '"Fælles, Grøn; Forening"');
  assert.equal(csvCell('Sagde "ja"'), '"Sagde ""ja"""');
  assert.equal(csvCell('to\r\nlinjer'), '"to\r\nlinjer"');
  assert.deepEqual(readCsv(csvLine(['tekst;=1+2', 'b'])), [['tekst;=1+2', 'b']]);
  // Danish Excel splits on ;, which here stands only inside quotes: the line is not cut into a formula cell.
  assert.deepEqual(readCsv(csvLine(['tekst;=1+2']), ';'), [['tekst;=1+2']]);
});

test('defuses a formula start in any cell, also after spaces', () => {
  for (const start of ['=', '+', '-', '@', '\t', '\r', '  =']) {
    const cell = csvCell(`${start}HYPERLINK("http://x")`);
    assert.match(cell, /^"'/, JSON.stringify(start));
  }
  assert.equal(csvCell('Almindelig tekst'), '"Almindelig tekst"');
  assert.equal(csvCell(null), '');
  assert.equal(csvCell(true), 'true');
  assert.equal(csvCell(new Date('2026-01-02T03:04:05Z')), '"2026-01-02T03:04:05.000Z"');
});

test('the signatories CSV starts with a BOM and reads back cell for cell', () => {
  const csv = signatoriesCsv([
    { id: 'a1', name: 'Grøn, Fælles; Forening', type: 'forening', municipality: 'Ærø', signed_at: new Date('2026-01-02T00:00:00Z'), statement: 'tekst;=1+2' },
  ]);
  assert.ok(csv.startsWith(csvBom));
  const rows = readCsv(csv.slice(1));
  assert.deepEqual(rows[0], ['id', 'name', 'type', 'municipality', 'signed_at', 'statement']);
  assert.deepEqual(rows[1], ['a1', 'Grøn, Fælles; Forening', 'forening', 'Ærø', '2026-01-02T00:00:00.000Z', 'tekst;=1+2']);
  // Read with Danish Excel's ; no cell of the row starts a formula: every ; is inside quotes.
  const danish = readCsv(csv.slice(1), ';');
  assert.equal(danish[1]!.length, 1);
  assert.ok(!danish[1]!.some((cell) => cell.startsWith('=')));
});

test('the members CSV is written the same way', () => {
  const member = {
    id: 'm1',
    kind: 'person',
    name: '=cmd|calc',
    email: 'a@example.dk',
    municipality: 'Århus; Syd',
    organisation_name: null,
    organisation_type: null,
    interests: ['social', 'demokrati'],
    newsletter: true,
    status: 'confirmed',
    created_at: new Date('2026-01-02T00:00:00Z'),
    confirmed_at: null,
  } as unknown as MemberRecord;
  const csv = membersCsv([member]);
  assert.ok(csv.startsWith(csvBom));
  const [, row] = readCsv(csv.slice(1));
  assert.equal(row![2], "'=cmd|calc");
  assert.equal(row![4], 'Århus; Syd');
  assert.equal(row![7], 'social; demokrati');
  assert.ok(csv.split('\r\n')[1]!.startsWith('"m1","person","\'=cmd|calc"'));
});
