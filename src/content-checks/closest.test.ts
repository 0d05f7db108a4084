import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { closest, editDistance, meantText } from './closest.ts';

describe('closest', () => {
  it('counts a swap of two neighbouring letters as one edit', () => {
    assert.equal(editDistance('socail', 'social'), 1);
    assert.equal(editDistance('kolding', 'kolding'), 0);
    assert.equal(editDistance('', 'abc'), 3);
  });

  it('finds a value spelt with ae, oe and aa, or in the wrong case', () => {
    assert.deepEqual(closest('Hjoerring', ['Hjørring', 'Herning']), ['Hjørring']);
    assert.deepEqual(closest('aarhus', ['Aarhus', 'Århus']), ['Aarhus', 'Århus']);
  });

  it('suggests nothing for a word that is not near any value', () => {
    assert.deepEqual(closest('fodbold', ['social', 'sundhed', 'demokrati']), []);
    assert.equal(meantText([]), '');
    assert.equal(meantText(['a', 'b']), ' Mente du "a" eller "b"?');
  });
});
