// Checks the signing mails: Danish subjects, links to the right pages, escaped HTML, a text version and the badge snippet.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { badgeSnippet, renderSigningMail, signingMails, type SigningMailName as MailName, type SigningMailProps as MailProps } from './signing-mails.ts';

const site = 'https://samskabelse.test';
const base = { site, organisationName: 'Aarhus Borgerforening', contactName: 'Mette Jensen' };
const withdrawUrl = `${site}/underskriv/traek-tilbage/?token=WITHDRAW`;

/** Sample props for every mail, so a new mail cannot be added without a test of its content. */
const samples: { [N in MailName]: MailProps<N> } = {
  'signature-confirm': { ...base, withdrawUrl, confirmUrl: `${site}/underskriv/bekraeft/?token=CONFIRM` },
  'signature-confirmed-awaiting-review': { ...base, withdrawUrl },
  'signature-approved': { ...base, withdrawUrl, signatureId: '3f1c2a9e-0000-4000-8000-000000000001', listedPublicly: true },
  'signature-rejected': { ...base, reason: 'Vi kan ikke finde organisationen.' },
  'signature-withdrawn': base,
  'signature-other-contact': { ...base, otherContact: 'Jens Nyt', otherEmail: 'jens@example.dk' },
};

const render = <N extends MailName>(name: N, overrides: Partial<MailProps<N>> = {}) => renderSigningMail(name, { ...samples[name], ...overrides } as MailProps<N> & { site: string });

test('every signing mail has a Danish subject, an HTML and a text version, and greets the contact', () => {
  for (const name of Object.keys(signingMails) as MailName[]) {
    const mail = render(name);
    assert.ok(mail.subject.length > 10, name);
    assert.match(mail.html, /^<!doctype html><html lang="da">/, name);
    assert.match(mail.text, /^Hej Mette Jensen\n/, name);
    assert.doesNotMatch(mail.text, /<p|&amp;/, `${name}: the text version is plain`);
  }
});

test('every mail about a live signature carries the withdraw link in both versions', () => {
  for (const name of ['signature-confirm', 'signature-confirmed-awaiting-review', 'signature-approved'] as const) {
    const mail = render(name);
    assert.ok(mail.text.includes(withdrawUrl), name);
    assert.ok(mail.html.includes(`href="${withdrawUrl}"`), name);
  }
});

test('the confirm mail links to the confirm page and says how long the link works', () => {
  const mail = render('signature-confirm');
  assert.ok(mail.text.includes(`${site}/underskriv/bekraeft/?token=CONFIRM`));
  assert.match(mail.text, /7 dage/);
});

test('names from the form are escaped in HTML and kept as written in text', () => {
  const mail = render('signature-confirm', { organisationName: '<script>alert("x")</script> & Co' });
  assert.ok(!mail.html.includes('<script>'));
  assert.ok(mail.html.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co'));
  assert.ok(mail.text.includes('<script>alert("x")</script> & Co'));
});

test('a line break in a name never reaches the subject', () => {
  assert.doesNotMatch(render('signature-approved', { organisationName: 'Evil\r\nBcc: x@y.z' }).subject, /[\r\n]/);
});

test('the approval mail holds the badge snippet, as code in HTML and ready to paste in text', () => {
  const id = samples['signature-approved'].signatureId;
  const snippet = `<a href="${site}/underskrivere/"><img src="${site}/api/badge?id=${id}" alt="Vi har underskrevet Charter for samskabelse"></a>`;
  assert.equal(badgeSnippet(site, id), snippet);
  const mail = render('signature-approved');
  assert.ok(mail.text.includes(snippet));
  assert.ok(mail.html.includes(`<code>${snippet.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;')}</code>`));
});

test('an organisation that chose not to be listed is told its name is not shown', () => {
  assert.match(render('signature-approved', { listedPublicly: false }).text, /ikke at stå på den offentlige liste/);
});

test('a listed organisation is sent to its own page for the other sizes; an unlisted one, which has no page, is not', () => {
  const id = samples['signature-approved'].signatureId;
  assert.ok(render('signature-approved').text.includes(`${site}/underskrivere/${id}/`));
  assert.ok(!render('signature-approved', { listedPublicly: false }).text.includes(`/underskrivere/${id}/`));
  assert.ok(badgeSnippet(site, id, undefined, 'large').includes(`/api/badge?id=${id}&amp;size=large"`));
});

test('the rejection mail gives the reason', () => {
  assert.match(render('signature-rejected').text, /Begrundelse: Vi kan ikke finde organisationen\./);
});

test('the existing contact is told who else signed for the organisation, and what to do if it is wrong', () => {
  const mail = render('signature-other-contact');
  assert.match(mail.subject, /Aarhus Borgerforening/);
  assert.match(mail.text, /Jens Nyt \(jens@example\.dk\) har skrevet under/);
  assert.match(mail.text, /svar på denne mail/);
});

test('the English approval mail sends the organisation to the English wall; the Danish one to the Danish wall', async () => {
  const { strings } = await import('../i18n/index.ts');
  const english = renderSigningMail('signature-approved', samples['signature-approved'], strings('en'));
  assert.ok(english.text.includes(`${site}/en/signatories/`), english.text);
  assert.ok(render('signature-approved').text.includes(`${site}/underskrivere/`));
  assert.doesNotMatch(render('signature-approved').text, /\/en\//);
});
