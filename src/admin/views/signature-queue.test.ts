// Checks that the review queue shows the secretariat each conflict: both contacts and whether the mail domain fits the website.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderSignatureQueue } from './signature-queue.ts';
import type { SignatureRow } from '../../signing/signatures.ts';

const row = (overrides: Partial<SignatureRow>): SignatureRow =>
  ({ id: 'x', organisation_name: 'Grøn <b>Forening</b>', organisation_type: 'forening', status: 'published', created_at: new Date(), ...overrides }) as SignatureRow;

test('lists each conflict with both contacts and the domain hint, escaped', () => {
  const view = { email: 'admin@example.dk', csrfToken: 'csrf', current: '/admin/underskrifter/' };
  const html = renderSignatureQueue(view, {
    status: 'confirmed',
    signatures: [],
    conflicts: [
      { holder: row({ contact_name: 'Mette', email: 'mette@groen.dk' }), waiting: row({ status: 'pending', contact_name: 'Sigurd', email: 'sigurd@gmail.example' }), domainMatchesWebsite: false },
    ],
  });
  assert.match(html, /Konflikter \(1\)/);
  assert.match(html, /Nuværende kontaktperson: Mette \(mette@groen\.dk\)/);
  assert.match(html, /Ny kontaktperson: Sigurd \(sigurd@gmail\.example\)/);
  assert.match(html, /passer ikke til hjemmesiden/);
  assert.doesNotMatch(html, /<b>Forening/);
});

test('shows no conflict section when there are none', () => {
  const html = renderSignatureQueue({ email: 'a@b.dk', csrfToken: 'c', current: '/' }, { status: 'confirmed', signatures: [] });
  assert.doesNotMatch(html, /Konflikter/);
});
