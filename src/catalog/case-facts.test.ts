// Which sources back a fact, and what "Hvor meget ved vi?" says is missing.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { knowledgeOf, sourcesBacking, type CaseFacts, type FactSource } from './case-facts.ts';

const source = (backs: string[], title = 'Kilde'): FactSource => ({ title, url: 'https://example.org/', publisher: 'Udgiver', date: '2020', backs });

const aCase = (overrides: Partial<CaseFacts> = {}): CaseFacts => ({
  period: { start: 2016, end: 2019 },
  status: 'afsluttet',
  scope: 'ukendt',
  participation: 'samarbejde',
  form: 'ukendt',
  initiators: ['politikere'],
  actors: 'ukendt',
  sources: [source(['period', 'status']), source(['participation', 'initiators'])],
  ...overrides,
});

describe('the facts box', () => {
  it('finds every source that backs a fact, numbered as the list of sources shows them', () => {
    const sources = [source(['period'], 'A'), source(['status'], 'B'), source(['period', 'actors'], 'C')];
    assert.deepEqual(sourcesBacking('period', sources).map((s) => [s.number, s.source.title]), [[1, 'A'], [3, 'C']]);
    assert.deepEqual(sourcesBacking('scope', sources), []);
  });
});

describe('how much we know', () => {
  it('names the facts that are ukendt', () => {
    const k = knowledgeOf(aCase());
    assert.deepEqual(k.missing, ['scope', 'form', 'actors']);
    assert.equal(k.known.length, 4);
    assert.equal(k.total, 7);
    assert.equal(k.sourceCount, 2);
  });

  it('counts a period as unknown only when no year is given', () => {
    assert.ok(knowledgeOf(aCase({ period: { start: 'ukendt' } })).missing.includes('period'));
    assert.ok(!knowledgeOf(aCase({ period: { start: 'ukendt', end: 2019 } })).missing.includes('period'));
  });

  it('knows whether there are outcomes', () => {
    assert.equal(knowledgeOf(aCase()).hasOutcomes, false);
    assert.equal(knowledgeOf(aCase({ outcomes: [{ text: 'x', evidence: 'omtalt' }] })).hasOutcomes, true);
    assert.equal(knowledgeOf(aCase({ outcomes: 'ukendt' })).hasOutcomes, false);
  });
});
