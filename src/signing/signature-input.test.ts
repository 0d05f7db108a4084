// Checks the sign form's parsing: valid input, Danish messages per field, form order, CVR rules, website and checkbox handling.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { honeypotField, messages, parseSignatureInput, signatureFields } from './signature-input.ts';

/** A form as a browser would post it, with overrides. */
function formFields(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    organisation_name: '  Aarhus Borgerforening ',
    organisation_type: 'forening',
    cvr: '24 25 67 90',
    municipality: 'Aarhus',
    website: '',
    contact_name: 'Mette Jensen',
    contact_title: 'Formand',
    email: ' Mette@Example.DK ',
    statement: '',
    consent_public: 'on',
    [honeypotField]: '',
    ...overrides,
  };
}

function errorsOf(raw: Record<string, unknown>) {
  const result = parseSignatureInput(raw);
  assert.equal(result.ok, false, 'expected the form to be refused');
  return result.ok ? [] : result.errors;
}

test('a complete form parses into clean values', () => {
  const result = parseSignatureInput(formFields());
  assert.ok(result.ok);
  assert.deepEqual(result.value, {
    organisation_name: 'Aarhus Borgerforening',
    organisation_type: 'forening',
    cvr: '24256790',
    municipality: 'Aarhus',
    website: undefined,
    contact_name: 'Mette Jensen',
    contact_title: 'Formand',
    email: 'mette@example.dk',
    statement: undefined,
    consent_public: true,
  });
  assert.equal(result.suspectedBot, false);
});

test('an empty form names every required field in Danish, in form order', () => {
  const errors = errorsOf({});
  assert.deepEqual(errors, [
    { field: 'organisation_name', message: 'Skriv organisationens navn' },
    { field: 'organisation_type', message: messages.organisation_type.missing },
    { field: 'cvr', message: 'Skriv et CVR-nummer med 8 cifre' },
    { field: 'municipality', message: messages.municipality.missing },
    { field: 'contact_name', message: 'Skriv dit navn' },
    { field: 'contact_title', message: messages.contact_title.missing },
    { field: 'email', message: 'Skriv din e-mailadresse' },
  ]);
});

test('a CVR number with a wrong check digit gets its own message', () => {
  assert.deepEqual(errorsOf(formFields({ cvr: '24256791' })), [{ field: 'cvr', message: messages.cvr.checkDigit }]);
});

test('a CVR number of the wrong length is asked for again with an example', () => {
  assert.deepEqual(errorsOf(formFields({ cvr: '1234' })), [{ field: 'cvr', message: 'Skriv et CVR-nummer med 8 cifre, fx 12345678' }]);
});

test('a citizens\' group may sign without a CVR number, other types may not', () => {
  const group = parseSignatureInput(formFields({ organisation_type: 'borgergruppe', cvr: '' }));
  assert.ok(group.ok);
  assert.equal(group.value.cvr, undefined);
  assert.deepEqual(errorsOf(formFields({ organisation_type: 'kommune', cvr: ' ' })), [{ field: 'cvr', message: messages.cvr.missing }]);
});

test('a municipality outside the list is refused, Hele landet is accepted', () => {
  assert.deepEqual(errorsOf(formFields({ municipality: 'Gotham' })), [{ field: 'municipality', message: messages.municipality.missing }]);
  assert.ok(parseSignatureInput(formFields({ municipality: 'Hele landet' })).ok);
  assert.ok(parseSignatureInput(formFields({ municipality: 'Høje-Taastrup' })).ok);
});

test('an unknown organisation type is refused', () => {
  assert.deepEqual(errorsOf(formFields({ organisation_type: 'firma' })), [{ field: 'organisation_type', message: messages.organisation_type.missing }]);
});

test('a website written as www.x.dk gets https:// in front', () => {
  const result = parseSignatureInput(formFields({ website: 'www.borgerforening.dk' }));
  assert.ok(result.ok);
  assert.equal(result.value.website, 'https://www.borgerforening.dk');
});

test('a website that is not a web address is refused', () => {
  for (const website of ['ikke en adresse', 'javascript:alert(1)', 'localhost']) {
    assert.deepEqual(errorsOf(formFields({ website })), [{ field: 'website', message: messages.website.invalid }], website);
  }
});

test('a malformed email is asked for in the right format', () => {
  assert.deepEqual(errorsOf(formFields({ email: 'mette(at)example.dk' })), [{ field: 'email', message: 'Skriv en e-mailadresse i det rigtige format, fx navn@eksempel.dk' }]);
});

test('a statement may be 500 characters but not 501', () => {
  assert.ok(parseSignatureInput(formFields({ statement: 'x'.repeat(500) })).ok);
  assert.deepEqual(errorsOf(formFields({ statement: 'x'.repeat(501) })), [{ field: 'statement', message: messages.statement.tooLong }]);
});

test('the public-consent checkbox is true for "on", "true" and true, and false when left out', () => {
  for (const on of ['on', 'true', true]) {
    const result = parseSignatureInput(formFields({ consent_public: on }));
    assert.ok(result.ok && result.value.consent_public === true, String(on));
  }
  const { consent_public: _, ...without } = formFields();
  const result = parseSignatureInput(without);
  assert.ok(result.ok && result.value.consent_public === false);
});

test('unknown fields are ignored and never reach the value', () => {
  const result = parseSignatureInput(formFields({ status: 'published', is_admin: 'yes' }));
  assert.ok(result.ok);
  assert.deepEqual(Object.keys(result.value).sort(), [...signatureFields].sort());
});

test('a filled-in honeypot marks the submission as a suspected bot', () => {
  const result = parseSignatureInput(formFields({ [honeypotField]: 'http://spam.example' }));
  assert.ok(result.ok && result.suspectedBot);
});

test('every message is Danish advice that tells the user what to do', () => {
  const all = Object.values(messages).flatMap((m) => Object.values(m) as string[]);
  for (const message of all) assert.match(message, /^(Skriv|Vælg|Tjek|Organisationens|Dit|Din|Jeres)\b/, message);
});
