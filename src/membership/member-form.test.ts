// Checks the join page's HTML: the member count in plain Danish, values kept after a failed submit, and errors tied to their fields.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderJoinForm, renderJoinPage, renderMemberCount } from './member-form.ts';

const text = (html: string) => html.replace(/<[^>]+>/g, '');

test('the count names members, people and organisations with the right singular or plural', () => {
  assert.equal(text(renderMemberCount({ people: 9, organisations: 3 })), 'Bevægelsen har 12 medlemmer: 9 personer og 3 organisationer.');
  assert.equal(text(renderMemberCount({ people: 1, organisations: 0 })), 'Bevægelsen har 1 medlem: 1 person og 0 organisationer.');
  assert.equal(text(renderMemberCount({ people: 1200, organisations: 1 })), 'Bevægelsen har 1.201 medlemmer: 1.200 personer og 1 organisation.');
  assert.match(text(renderMemberCount({ people: 0, organisations: 0 })), /Bliv en af de første/);
});

test('without a count the page shows no number at all', () => {
  assert.equal(renderMemberCount(undefined), '');
  assert.doesNotMatch(renderJoinPage(), /antal-medlemmer/);
  assert.match(renderJoinPage({ count: { people: 2, organisations: 1 } }), /id="antal-medlemmer"/);
});

test('a failed submit keeps what was typed and ticked, with every interest', () => {
  const html = renderJoinForm({
    values: { kind: 'organisation', name: 'Søren "Ø" <Sørensen>', municipality: 'Hjørring', interests: ['social', 'demokrati'], newsletter: 'on', organisation_type: 'forening' },
  });
  assert.match(html, /id="kind-organisation" name="kind" value="organisation" checked/);
  assert.match(html, /value="Søren &quot;Ø&quot; &lt;Sørensen&gt;"/);
  assert.match(html, /<option selected>Hjørring<\/option>/);
  assert.match(html, /id="interests-social" name="interests" value="social" checked/);
  assert.match(html, /id="interests-demokrati" name="interests" value="demokrati" checked/);
  assert.doesNotMatch(html, /id="interests-sundhed" name="interests" value="sundhed" checked/);
  assert.match(html, /id="newsletter" name="newsletter" value="on" checked/);
  assert.doesNotMatch(html, /id="consent" name="consent" value="on" checked/);
  assert.match(html, /id="organisation_type-forening" name="organisation_type" value="forening" checked/);
});

test('the newsletter and consent boxes start unticked, and the consent line links to the privacy page', () => {
  const html = renderJoinForm();
  assert.match(html, /<input type="checkbox" id="newsletter" name="newsletter" value="on" aria-describedby="newsletter-hint">/);
  assert.match(html, /<input type="checkbox" id="consent" name="consent" value="on" aria-describedby="consent-hint">/);
  assert.match(html, /<p class="field-hint" id="consent-hint">[^<]*<a href="\/privatlivspolitik\/">/);
});

test('each error is in the summary, linked to its field, and at the field with aria-invalid', () => {
  const html = renderJoinForm({ errors: [{ field: 'email', message: 'Skriv din e-mailadresse' }, { field: 'consent', message: 'Sæt kryds' }] });
  assert.match(html, /<div class="error-summary"[^>]*><h2[^>]*>Der er et problem<\/h2><ul><li><a href="#email">Skriv din e-mailadresse<\/a><\/li><li><a href="#consent">Sæt kryds<\/a><\/li><\/ul><\/div>/);
  assert.match(html, /id="email" name="email" value="" aria-describedby="email-hint email-error" aria-invalid="true"/);
  assert.match(html, /id="consent" name="consent" value="on" aria-describedby="consent-error consent-hint" aria-invalid="true"/);
});
