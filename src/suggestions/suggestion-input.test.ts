// The suggest-a-case form's rules: what is required, the limits, the sources, and messages that say what to do.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseSuggestionInput, sourceLinks } from './suggestion-input.ts';

function form(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: '  Fælles have\ni Vollsmose ',
    municipality: 'Odense',
    what_happened: 'Beboere og kommunen anlagde en have.',
    participants: 'Kommunen og beboerne.',
    sources: 'www.odense.dk/have',
    name: 'Karen',
    email: 'Karen@Example.org',
    ...overrides,
  };
}

describe('parseSuggestionInput', () => {
  it('accepts a complete suggestion, tidying the title and the e-mail', () => {
    const parsed = parseSuggestionInput(form());
    assert.ok(parsed.ok);
    assert.equal(parsed.value.title, 'Fælles have i Vollsmose');
    assert.equal(parsed.value.email, 'karen@example.org');
    assert.equal(parsed.suspectedBot, false);
  });

  it('lists every missing field in form order with what to do', () => {
    const parsed = parseSuggestionInput({});
    assert.ok(!parsed.ok);
    assert.deepEqual(parsed.errors, [
      { field: 'title', message: 'Skriv en titel på casen' },
      { field: 'municipality', message: 'Vælg den kommune, casen foregik i' },
      { field: 'what_happened', message: 'Fortæl, hvad der skete' },
      { field: 'participants', message: 'Skriv, hvem der var med' },
      { field: 'sources', message: 'Skriv mindst ét link til en kilde, fx en artikel eller kommunens hjemmeside, der fortæller om casen' },
      { field: 'name', message: 'Skriv dit navn' },
      { field: 'email', message: 'Skriv din e-mailadresse' },
    ]);
  });

  it('refuses texts over their limits, sources without a link, and a malformed e-mail', () => {
    const parsed = parseSuggestionInput(form({ what_happened: 'x'.repeat(3001), sources: 'Bogen om Vollsmose', email: 'karen@', municipality: 'Odense Kommune' }));
    assert.ok(!parsed.ok);
    assert.deepEqual(parsed.errors, [
      { field: 'municipality', message: 'Vælg den kommune, casen foregik i' },
      { field: 'what_happened', message: 'Beskrivelsen må højst være 3.000 tegn. Gør den lidt kortere' },
      { field: 'sources', message: 'Skriv mindst ét link til en kilde, fx en artikel eller kommunens hjemmeside, der fortæller om casen' },
      { field: 'email', message: 'Skriv en e-mailadresse i det rigtige format, fx navn@eksempel.dk' },
    ]);
  });

  it('drops control characters, so a field of only NUL is missing and NUL never reaches the database', () => {
    const missing = parseSuggestionInput(form({ what_happened: '\u0000', participants: '\u0000 \u0007' }));
    assert.ok(!missing.ok);
    assert.deepEqual(missing.errors, [
      { field: 'what_happened', message: 'Fortæl, hvad der skete' },
      { field: 'participants', message: 'Skriv, hvem der var med' },
    ]);
    const cleaned = parseSuggestionInput(form({ what_happened: 'Have\u0000n blev\r\nanlagt.' }));
    assert.ok(cleaned.ok);
    assert.equal(cleaned.value.what_happened, 'Haven blev\r\nanlagt.');
  });

  it('marks a filled-in honeypot field as a bot', () => {
    const parsed = parseSuggestionInput(form({ website_url2: 'http://spam.example' }));
    assert.ok(parsed.ok && parsed.suspectedBot);
  });
});

describe('sourceLinks', () => {
  it('finds the addresses, adds https:// where it is missing, and keeps the other lines as notes', () => {
    assert.deepEqual(sourceLinks('https://a.dk/x\n\nwww.b.dk/y\nAvisen, 3. maj\nhttps://a.dk/x\njavascript:alert(1)\nhttps://kolding'), {
      links: ['https://a.dk/x', 'https://www.b.dk/y'],
      notes: ['Avisen, 3. maj', 'javascript:alert(1)', 'https://kolding'],
    });
  });
});
