import assert from 'node:assert/strict';
import { test } from 'node:test';
import { blankToUndefined, withoutControlCharacters } from './plain-text.ts';

test('removes NUL, bell, escape and DEL but keeps tabs, line breaks and every letter', () => {
  assert.equal(withoutControlCharacters('Aar\u0000hus\u0007 \u001b[31mBorger\u007fforening'), 'Aarhus [31mBorgerforening');
  assert.equal(withoutControlCharacters('Linje 1\r\nLinje 2\tslut'), 'Linje 1\r\nLinje 2\tslut');
  assert.equal(withoutControlCharacters('Ærø Å 💥'), 'Ærø Å 💥');
});

test('a form value made of nothing but space and control characters counts as not given', () => {
  assert.equal(blankToUndefined(' \u0000\t\n '), undefined);
  assert.equal(blankToUndefined('  Grøn\u0000 myldretid '), 'Grøn myldretid');
  assert.deepEqual(blankToUndefined(['a']), ['a'], 'non-strings are left for the schema to refuse');
});
