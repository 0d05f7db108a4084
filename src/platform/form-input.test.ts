// Checks the shared form parser: one message per field in form order, cross-field rules, and the honeypot.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { emailField, honeypotField, parseForm } from './form-input.ts';

const schema = z.object({
  name: z.string({ error: 'Skriv dit navn' }).min(2, { error: 'Navnet er for kort' }),
  email: emailField({ missing: 'Skriv din e-mail', invalid: 'Tjek e-mailen' }),
  age: z.coerce.number({ error: 'Skriv en alder' }).int({ error: 'Skriv en hel alder' }),
});

test('lists one error per field, in the order of the form, whatever order zod found them in', () => {
  const result = parseForm(schema, { age: 'x', email: 'nope' });
  assert.deepEqual(result, {
    ok: false,
    errors: [
      { field: 'name', message: 'Skriv dit navn' },
      { field: 'email', message: 'Tjek e-mailen' },
      { field: 'age', message: 'Skriv en alder' },
    ],
  });
});

test('a cross-field rule adds its error at its field, and comes before the schema’s own message for that field', () => {
  const result = parseForm(schema, { name: 'Al', email: 'a@b.dk', age: '3' }, { crossFieldErrors: () => [{ field: 'age', message: 'For ung til at melde en forening ind' }] });
  assert.deepEqual(result, { ok: false, errors: [{ field: 'age', message: 'For ung til at melde en forening ind' }] });
});

test('gives the parsed value, lower-cases the e-mail, and marks a filled honeypot as a bot', () => {
  assert.deepEqual(parseForm(schema, { name: 'Anna', email: 'Anna@Eksempel.DK', age: '40' }), { ok: true, value: { name: 'Anna', email: 'anna@eksempel.dk', age: 40 }, suspectedBot: false });
  const bot = parseForm(schema, { name: 'Anna', email: 'a@b.dk', age: '40', [honeypotField]: 'http://spam' });
  assert.equal(bot.ok && bot.suspectedBot, true);
});

test('prepare and finish shape what the schema sees and what the use case gets', () => {
  const result = parseForm(schema, { name: 'Anna', email: 'a@b.dk' }, { prepare: (raw) => ({ ...raw, age: '7' }), finish: (data) => `${data.name}:${data.age}` });
  assert.deepEqual(result, { ok: true, value: 'Anna:7', suspectedBot: false });
});
