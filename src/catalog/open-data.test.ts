// The open data files: every field and source in JSON, and a CSV a spreadsheet opens safely.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { casesCsv, casesJson, csvHeader, type CaseRecord } from './open-data.ts';

const record = (overrides: Partial<CaseRecord> = {}): CaseRecord => ({
  slug: 'seest',
  url: 'https://example.org/cases/seest/',
  title: 'Genopbygningen af Seest',
  summary: 'Kort resumé.',
  municipality: 'Kolding',
  region: 'Region Syddanmark',
  place: 'Seest',
  period: { start: 2004, end: null },
  status: 'afsluttet',
  scope: 'lokal',
  participation: 'ukendt',
  areas: ['byudvikling'],
  kind: 'udviklingsprojekt',
  form: 'ukendt',
  initiators: 'ukendt',
  actors: [{ name: 'Kolding Kommune', type: 'kommune' }],
  principles: ['faelles-mission'],
  outcomes: null,
  lessons: [],
  challenges: [],
  lastVerified: '2026-11-30',
  sources: [{ title: 'Seest 10 år efter', url: 'https://www.brs.dk/', publisher: 'Beredskabsstyrelsen', date: '2014-11-03', backs: ['period', 'actors'] }],
  ...overrides,
});

/** A minimal RFC 4180 reader, to read back what the writer wrote. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(cell), (cell = '');
    else if (ch === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += ch;
  }
  return rows;
}

describe('cases.csv', () => {
  it('starts with a UTF-8 BOM, quotes every cell and ends each row with CRLF', () => {
    const csv = casesCsv([record()]);
    assert.ok(csv.startsWith('\uFEFF"slug","url","title"'));
    assert.ok(csv.endsWith('\r\n'));
    for (const line of csv.slice(1).trimEnd().split('\r\n')) assert.match(line, /^"(?:[^"]|"")*"(?:,"(?:[^"]|"")*")*$/);
  });

  it('reads back every field, with quotes, commas and line breaks in the text intact', () => {
    const tricky = 'Han sagde "ja", og så\nnæste linje';
    const [header, row] = parseCsv(casesCsv([record({ summary: tricky })]).slice(1));
    assert.deepEqual(header, csvHeader);
    const cell = (name: string) => row![header!.indexOf(name)];
    assert.equal(cell('summary'), tricky);
    assert.equal(cell('initiators'), 'ukendt');
    assert.equal(cell('actors'), 'Kolding Kommune (kommune)');
    assert.equal(cell('sources'), 'Seest 10 år efter | Beredskabsstyrelsen | 2014-11-03 | https://www.brs.dk/ | period, actors');
    assert.match(cell('licence')!, /^CC BY-SA 4\.0 https:\/\/creativecommons\.org\/licenses\/by-sa\/4\.0\//);
  });

  it('escapes a cell a spreadsheet would run as a formula', () => {
    const [header, row] = parseCsv(casesCsv([record({ title: '=HYPERLINK("http://evil")', summary: '+1', place: '@sum' })]).slice(1));
    assert.equal(row![header!.indexOf('title')], `'=HYPERLINK("http://evil")`);
    assert.equal(row![header!.indexOf('summary')], "'+1");
    assert.equal(row![header!.indexOf('place')], "'@sum");
  });
});

describe('cases.json', () => {
  it('holds the licence, the count and every case with its sources', () => {
    const data = JSON.parse(casesJson([record(), record({ slug: 'b' })], new Date('2026-12-01T00:00:00Z')));
    assert.equal(data.licence.name, 'CC BY-SA 4.0');
    assert.equal(data.count, 2);
    assert.equal(data.cases[0].sources[0].publisher, 'Beredskabsstyrelsen');
    assert.deepEqual(data.cases[0].sources[0].backs, ['period', 'actors']);
  });
});
