// Checks the join form's parsing: person and organisation, a Danish message per field in form order, interests and checkboxes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { honeypotField, memberFields, memberMessages, parseMemberInput } from './member-input.ts';

/** A person's form as a browser would post it, with overrides. */
function personForm(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    kind: 'person',
    name: '  Søren Sørensen ',
    email: ' Soeren@Example.DK ',
    municipality: 'Hjørring',
    organisation_name: '',
    interests: ['sundhed', 'demokrati'],
    consent: 'on',
    [honeypotField]: '',
    ...overrides,
  };
}

function organisationForm(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return personForm({ kind: 'organisation', organisation_name: ' Grønne Naboer ', organisation_type: 'borgergruppe', ...overrides });
}

function errorsOf(raw: Record<string, unknown>) {
  const result = parseMemberInput(raw);
  assert.equal(result.ok, false, 'expected the form to be refused');
  return result.ok ? [] : result.errors;
}

const messageFor = (raw: Record<string, unknown>, field: string) => errorsOf(raw).find((e) => e.field === field)?.message;

test('a person parses into clean values without organisation fields', () => {
  const result = parseMemberInput(personForm());
  assert.ok(result.ok);
  assert.deepEqual(result.value, {
    kind: 'person',
    name: 'Søren Sørensen',
    email: 'soeren@example.dk',
    municipality: 'Hjørring',
    interests: ['sundhed', 'demokrati'],
    newsletter: false,
    consent: true,
  });
  assert.equal(result.suspectedBot, false);
});

test('an organisation parses with its name and type', () => {
  const result = parseMemberInput(organisationForm({ newsletter: 'on' }));
  assert.ok(result.ok);
  assert.equal(result.value.kind, 'organisation');
  assert.equal(result.value.organisation_name, 'Grønne Naboer');
  assert.equal(result.value.organisation_type, 'borgergruppe');
  assert.equal(result.value.newsletter, true);
});

test('an empty form names every required field in Danish, in form order', () => {
  assert.deepEqual(errorsOf({}), [
    { field: 'kind', message: 'Vælg, om du melder dig ind som person eller melder en organisation ind' },
    { field: 'name', message: 'Skriv dit navn' },
    { field: 'email', message: 'Skriv din e-mailadresse' },
    { field: 'municipality', message: 'Vælg den kommune, du bor i, eller som organisationen hører til' },
    { field: 'consent', message: 'Sæt kryds, hvis vi må gemme dine oplysninger. Ellers kan vi ikke gøre dig til medlem' },
  ]);
});

test('the error summary follows the order of the fields on the form', () => {
  assert.deepEqual(memberFields, ['kind', 'name', 'email', 'municipality', 'organisation_name', 'organisation_type', 'interests', 'newsletter', 'consent']);
  const fields = errorsOf({ kind: 'organisation', interests: 'ukendt' }).map((e) => e.field);
  assert.deepEqual(fields, ['name', 'email', 'municipality', 'organisation_name', 'organisation_type', 'interests', 'consent']);
});

test('an organisation must give its name and its type', () => {
  assert.equal(messageFor(organisationForm({ organisation_name: '   ' }), 'organisation_name'), 'Skriv organisationens navn');
  assert.equal(messageFor(organisationForm({ organisation_type: '' }), 'organisation_type'), 'Vælg hvilken slags organisation det er');
  assert.equal(messageFor(organisationForm({ organisation_type: 'sekt' }), 'organisation_type'), memberMessages.organisation_type.missing);
  assert.equal(messageFor(organisationForm({ organisation_name: 'x'.repeat(201) }), 'organisation_name'), 'Organisationens navn må højst være 200 tegn');
});

test('a person may leave the organisation fields, and whatever is typed there is dropped', () => {
  const result = parseMemberInput(personForm({ organisation_name: 'x'.repeat(500), organisation_type: 'sekt' }));
  assert.ok(result.ok);
  assert.equal(result.value.organisation_name, undefined);
  assert.equal(result.value.organisation_type, undefined);
});

test('a kind other than person or organisation is refused', () => {
  assert.equal(messageFor(personForm({ kind: 'robot' }), 'kind'), memberMessages.kind.missing);
});

test('a name longer than 200 characters is refused', () => {
  assert.equal(messageFor(personForm({ name: 'x'.repeat(201) }), 'name'), 'Dit navn må højst være 200 tegn');
});

test('an email address without the right shape gets an example', () => {
  for (const email of ['soeren', 'soeren@', '@example.dk', 'soeren@example', `${'x'.repeat(250)}@example.dk`]) {
    assert.equal(messageFor(personForm({ email }), 'email'), 'Skriv en e-mailadresse i det rigtige format, fx navn@eksempel.dk', email);
  }
});

test('the municipality must be one of the 98, and the whole country is not one of them', () => {
  for (const municipality of ['', 'Hele landet', 'Atlantis', 'hjørring']) {
    assert.equal(messageFor(personForm({ municipality }), 'municipality'), memberMessages.municipality.missing, municipality);
  }
});

test('interests come from the case library areas, as one value, several or none', () => {
  const one = parseMemberInput(personForm({ interests: 'byudvikling' }));
  assert.ok(one.ok);
  assert.deepEqual(one.value.interests, ['byudvikling']);
  const none = parseMemberInput(personForm({ interests: undefined }));
  assert.ok(none.ok);
  assert.deepEqual(none.value.interests, []);
  const twice = parseMemberInput(personForm({ interests: ['social', 'social'] }));
  assert.ok(twice.ok);
  assert.deepEqual(twice.value.interests, ['social']);
  assert.equal(messageFor(personForm({ interests: ['social', 'astrologi'] }), 'interests'), 'Vælg kun blandt de viste områder');
  assert.equal(messageFor(personForm({ interests: 42 }), 'interests'), 'Vælg kun blandt de viste områder');
});

test('consent must be given, and the newsletter box is no by default', () => {
  for (const consent of [undefined, '', 'off', false]) {
    assert.equal(messageFor(personForm({ consent }), 'consent'), memberMessages.consent.missing, String(consent));
  }
  const json = parseMemberInput(personForm({ consent: true, newsletter: true }));
  assert.ok(json.ok);
  assert.equal(json.value.newsletter, true);
  const unticked = parseMemberInput(personForm({ newsletter: undefined }));
  assert.ok(unticked.ok);
  assert.equal(unticked.value.newsletter, false);
});

test('a filled-in honeypot parses but is marked as a likely bot', () => {
  const result = parseMemberInput(personForm({ [honeypotField]: 'http://spam.example' }));
  assert.ok(result.ok);
  assert.equal(result.suspectedBot, true);
});
