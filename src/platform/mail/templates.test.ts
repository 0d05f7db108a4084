// Checks the named mails: Danish subjects, links to the right pages, escaped HTML, a text version and the badge snippet.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { badgeSnippet, mails, memberLinks, renderMail, type MailName, type MailProps } from './templates.ts';

const site = 'https://samskabelse.test';
const base = { site, organisationName: 'Aarhus Borgerforening', contactName: 'Mette Jensen' };
const withdrawUrl = `${site}/underskriv/traek-tilbage/?token=WITHDRAW`;
const member = { site, name: 'Mette Jensen', leaveUrl: `${site}/bliv-medlem/udmeld/?token=LEAVE` };

/** Sample props for every mail, so a new mail cannot be added without a test of its content. */
const samples: { [N in MailName]: MailProps<N> } = {
  'signature-confirm': { ...base, withdrawUrl, confirmUrl: `${site}/underskriv/bekraeft/?token=CONFIRM` },
  'signature-confirmed-awaiting-review': { ...base, withdrawUrl },
  'signature-approved': { ...base, withdrawUrl, signatureId: '3f1c2a9e-0000-4000-8000-000000000001', listedPublicly: true },
  'signature-rejected': { ...base, reason: 'Vi kan ikke finde organisationen.' },
  'signature-withdrawn': base,
  'admin-login': { site, loginUrl: `${site}/admin/login/link/?token=LOGIN`, minutes: 15 },
  'member-confirm': { ...member, confirmUrl: `${site}/bliv-medlem/bekraeft/?token=CONFIRM` },
  'member-welcome': { ...member, newsletter: false },
  'member-already': member,
  'case-suggestion-received': { site, name: 'Mette Jensen', title: 'Fælles <b>have</b> i Vollsmose' },
};

const render = <N extends MailName>(name: N, overrides: Partial<MailProps<N>> = {}) => renderMail(name, { ...samples[name], ...overrides });

test('every mail has a Danish subject, an HTML and a text version, and greets the contact', () => {
  for (const name of Object.keys(mails) as MailName[]) {
    const mail = render(name);
    assert.ok(mail.subject.length > 10, name);
    assert.match(mail.html, /^<!doctype html><html lang="da">/, name);
    if (name.startsWith('signature-')) assert.match(mail.text, /^Hej Mette Jensen\n/, name);
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

test('the rejection mail gives the reason', () => {
  assert.match(render('signature-rejected').text, /Begrundelse: Vi kan ikke finde organisationen\./);
});

test('the admin login mail carries its one-time link and says how long it works', () => {
  const mail = render('admin-login');
  assert.ok(mail.text.includes(`${site}/admin/login/link/?token=LOGIN`));
  assert.match(mail.text, /én gang og i 15 minutter/);
});

test('every member mail carries the leave link in both versions, and no name in its subject', () => {
  for (const name of ['member-confirm', 'member-welcome', 'member-already'] as const) {
    const mail = render(name, { organisationName: 'Grønne Naboer' });
    assert.ok(mail.text.includes(member.leaveUrl), name);
    assert.ok(mail.html.includes(`href="${member.leaveUrl}"`), name);
    assert.doesNotMatch(mail.subject, /Mette|Grønne/, name);
  }
});

test('the member links point to the join pages in the route table', () => {
  assert.equal(memberLinks.confirm(site, 'a b'), `${site}/bliv-medlem/bekraeft/?token=a%20b`);
  assert.equal(memberLinks.leave(site, 'T'), `${site}/bliv-medlem/udmeld/?token=T`);
});

test('the member confirm mail links to the confirm page and names the organisation that joins', () => {
  const person = render('member-confirm');
  assert.ok(person.text.includes(`${site}/bliv-medlem/bekraeft/?token=CONFIRM`));
  assert.match(person.text, /7 dage/);
  assert.match(person.text, /Tak, fordi du vil være medlem af Samskabelsesbevægelsen\./);
  assert.match(render('member-confirm', { organisationName: 'Grønne Naboer' }).text, /Tak, fordi du vil melde Grønne Naboer ind i Samskabelsesbevægelsen\./);
});

test('the welcome mail says whether the member asked for the newsletter', () => {
  assert.match(render('member-welcome', { newsletter: true }).text, /Du har sagt ja til vores nyhedsbrev\./);
  assert.match(render('member-welcome', { newsletter: false }).text, /Du har ikke bedt om vores nyhedsbrev/);
  assert.match(render('member-welcome', { organisationName: 'Grønne Naboer' }).text, /Nu er Grønne Naboer medlem af Samskabelsesbevægelsen\./);
});

test('the suggestion receipt names the suggested case, escaped, and promises nothing public about the suggester', () => {
  const mail = render('case-suggestion-received');
  assert.equal(mail.subject, 'Tak for dit forslag til en case');
  assert.match(mail.text, /foreslået casen »Fælles <b>have<\/b> i Vollsmose«/);
  assert.match(mail.html, /»Fælles &lt;b&gt;have&lt;\/b&gt; i Vollsmose«/);
  assert.match(mail.text, /Dit navn og din e-mail bliver ikke vist offentligt\./);
  assert.ok(mail.text.includes(`${site}/cases/`));
});
