// Checks the CVR number rules: shape, modulus-11 check digit and the ways people type the number.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { completeCvr as validCvr, isValidCvr, normaliseCvr } from './cvr.ts';

test('accepts a CVR number whose weighted digit sum is divisible by 11', () => {
  const cvr = validCvr('2925042');
  assert.ok(cvr);
  assert.equal(isValidCvr(cvr), true);
  assert.equal(isValidCvr('24256790'), true, 'a real company number');
});

test('rejects a CVR number whose check digit is wrong', () => {
  const cvr = validCvr('2925042')!;
  const wrong = cvr.slice(0, 7) + ((Number(cvr[7]) + 1) % 10);
  assert.equal(isValidCvr(wrong), false);
});

test('rejects two swapped neighbouring digits', () => {
  assert.equal(isValidCvr('42256790'), false);
});

test('accepts the number written with spaces, dashes or a DK prefix', () => {
  assert.equal(isValidCvr('24 25 67 90'), true);
  assert.equal(isValidCvr('DK-24256790'), true);
  assert.equal(normaliseCvr(' dk 2425 6790 '), '24256790');
});

test('rejects anything that is not eight digits starting with 1 to 9', () => {
  for (const input of ['2425679', '242567901', '2425679a', '', '00000000', '01234567']) {
    assert.equal(isValidCvr(input), false, input);
  }
});
