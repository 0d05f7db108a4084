// The admin's charter page lists every version and offers the button that announces the newest only while the newest
// has not been announced, with how many signatories will get a mail.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderCharterVersions } from './charter-version-list.ts';
import { renderCharterProposalList } from './charter-proposal-list.ts';

const view = { email: 'admin@example.dk', csrfToken: 'csrf-token', current: '/admin/chartret/' };
const version1 = { version: 1, adopted: '2017', summary: 'Den første version.' };
const version2 = { version: 2, adopted: '30. november 2026', summary: 'Princip 1 siger nu <b>ligeværdige</b>.' };

test('while the newest version has not been announced, a form with the CSRF token posts it, and says how many get a mail', () => {
  const html = renderCharterVersions(view, { versions: [version2, { ...version1 }], toAnnounce: { version: 2, recipients: 3 } });
  assert.match(html, /<form method="post" action="\/admin\/chartret\/">/);
  assert.match(html, /name="csrf" value="csrf-token"/);
  assert.match(html, /name="action" value="adopt-version"/);
  assert.match(html, /name="version" value="2"/);
  assert.match(html, /Vedtag version 2 og send mail til underskriverne/);
  assert.match(html, /3 underskrivere får en mail om version 2/);
  assert.match(html, /2 \(gældende\)/);
  assert.match(html, /Ikke sendt/);
  assert.match(html, /Ingen \(den første version\)/);
  assert.match(html, /&lt;b&gt;ligeværdige&lt;\/b&gt;/);
  assert.match(renderCharterVersions(view, { versions: [version2, version1], toAnnounce: { version: 2, recipients: 1 } }), /1 underskriver får en mail/);
});

test('once the newest version is announced there is no button, and the table says when it was sent', () => {
  const html = renderCharterVersions(view, { versions: [{ ...version2, announcedAt: new Date('2026-11-30T18:10:00Z') }, version1] });
  assert.doesNotMatch(html, /<form/);
  assert.doesNotMatch(html, /Vedtag version/);
  assert.match(html, /Sendt 30\. nov\. 2026/);
  assert.match(html, /Der er ingen ny version at sende/);
});

test('with only version 1 there is nothing to announce', () => {
  const html = renderCharterVersions(view, { versions: [version1] });
  assert.doesNotMatch(html, /<form/);
  assert.match(html, /1 \(gældende\)/);
});

test('the proposals page carries the versions section when it is given one', () => {
  const state = { status: 'confirmed' as const, proposals: [], published: [] };
  const withButton = renderCharterProposalList(view, { ...state, adoption: { versions: [version2, version1], toAnnounce: { version: 2, recipients: 2 } } });
  assert.match(withButton, /id="versioner"/);
  assert.match(withButton, /value="adopt-version"/);
  assert.doesNotMatch(renderCharterProposalList(view, { ...state, adoption: { versions: [{ ...version2, announcedAt: new Date() }, version1] } }), /value="adopt-version"/);
});
