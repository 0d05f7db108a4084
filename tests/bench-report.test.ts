import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mergeSections } from '../scripts/bench/report.ts';

const block = (header: string, ...sections: string[]) => ['<!-- bench:start -->', '## Belastning', '', header, '', ...sections.flatMap((s) => [s, '']), '<!-- bench:end -->'].join('\n');

test('a run of some sections replaces just those, says when they were measured, and keeps the rest', () => {
  const existing = block('Fuld kørsel i går.', '### Underskrifter pr. sekund\n\n2.000/s', '### Byggetid\n\n1,35 ×', '### Sidevægt\n\n10 KB');
  const measured = block('Kørsel i dag.', '### Byggetid\n\n1,20 ×');
  const merged = mergeSections(existing, measured, '_Målt for sig i dag._');
  assert.equal(merged, block('Fuld kørsel i går.', '### Underskrifter pr. sekund\n\n2.000/s', '### Byggetid\n\n_Målt for sig i dag._\n\n1,20 ×', '### Sidevægt\n\n10 KB'));
});

test('a section the block did not have goes last', () => {
  const merged = mergeSections(block('Før.', '### Byggetid\n\n1,2 ×'), block('Nu.', '### Kold start\n\n200 ms'), '_Nu._');
  assert.equal(merged, block('Før.', '### Byggetid\n\n1,2 ×', '### Kold start\n\n_Nu._\n\n200 ms'));
});
