// Checks the member mails: the leave link in each, no name in a subject, and links from the route table.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { memberLinks, renderMemberMail, type MemberMailName as MailName, type MemberMailProps as MailProps } from './member-mails.ts';

const site = 'https://samskabelse.test';
const member = { site, name: 'Mette Jensen', leaveUrl: `${site}/bliv-medlem/udmeld/?token=LEAVE` };

const samples: { [N in MailName]: MailProps<N> } = {
  'member-confirm': { ...member, confirmUrl: `${site}/bliv-medlem/bekraeft/?token=CONFIRM` },
  'member-welcome': { ...member, newsletter: false },
  'member-already': member,
};

const render = <N extends MailName>(name: N, overrides: Partial<MailProps<N>> = {}) => renderMemberMail(name, { ...samples[name], ...overrides } as MailProps<N> & { site: string });

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
  assert.equal(memberLinks.confirm(site, 'a b', 'en'), `${site}/en/join/confirm/?token=a%20b`);
  assert.equal(memberLinks.leave(site, 'T', 'en'), `${site}/en/join/leave/?token=T`);
});

test('the English welcome mail links the English pages; the Danish one is unchanged', async () => {
  const { strings } = await import('../i18n/index.ts');
  const english = renderMemberMail('member-welcome', samples['member-welcome'], strings('en'));
  assert.ok(english.text.includes(`${site}/en/privacy/`));
  assert.ok(english.text.includes(`${site}/en/`));
  const danish = render('member-welcome');
  assert.ok(danish.text.includes(`${site}/privatlivspolitik/`));
  assert.doesNotMatch(danish.text, /\/en\//);
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
