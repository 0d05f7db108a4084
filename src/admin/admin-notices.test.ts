// The admin's notices come from a fixed set of keys: the address can pick one, never write one.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { adminNoticeFrom, adminNoticeKeys, adminNoticeSubjectId, adminNoticeText, withNotice } from './admin-notices.ts';
import { notice } from './views/admin-frame.ts';
import { strings } from '../i18n/index.ts';

const params = (query: string) => new URLSearchParams(query);
const t = strings();

test('a known key gives its own text, in the i18n strings', () => {
  assert.equal(adminNoticeText(adminNoticeFrom(params('besked=godkendt'))), t.linkpages.adminNotices.approved);
  assert.equal(adminNoticeText(adminNoticeFrom(params('besked=ophaevet'))), t.linkpages.adminNotices.lifted);
  for (const key of adminNoticeKeys) assert.ok(adminNoticeText(key)?.length, key);
});

test('any other text in the address shows nothing at all', () => {
  for (const query of ['besked=<script>alert(1)</script>', 'besked=Ring+til+0000+0000+og+opgiv+din+kode', 'besked=', '', 'besked=GODKENDT', 'besked=godkendt%00', 'besked=toString', 'besked=__proto__']) {
    assert.equal(adminNoticeFrom(params(query)), undefined, query);
    assert.equal(adminNoticeText(adminNoticeFrom(params(query))), undefined, query);
    assert.equal(notice(adminNoticeText(adminNoticeFrom(params(query)))), '', query);
  }
});

test('the subject comes from the page, not the address: a name found by id is put in, and escaped when shown', () => {
  assert.equal(adminNoticeText('godkendt', 'Foreningen <b>Fri</b>'), t.admin.queue.approved('Foreningen <b>Fri</b>'));
  assert.match(notice(adminNoticeText('godkendt', 'Foreningen <b>Fri</b>')), /Foreningen &lt;b&gt;Fri&lt;\/b&gt;/);
  assert.equal(adminNoticeText('pull-request', 'https://github.com/o/r/pull/1'), t.admin.web.pullRequestOpened('https://github.com/o/r/pull/1'));
});

test('only a well-formed id is looked up', () => {
  const id = '0b9c3f7e-1d2a-4c5b-8e6f-7a8b9c0d1e2f';
  assert.equal(adminNoticeSubjectId(params(`id=${id}`)), id);
  for (const bad of ['id=%00', 'id=1 OR 1=1', '']) assert.equal(adminNoticeSubjectId(params(bad)), undefined, bad);
});

test('the address after an action carries the key and the id, after any query already there', () => {
  assert.equal(withNotice('/admin/underskrifter/', 'godkendt', 'abc'), '/admin/underskrifter/?besked=godkendt&id=abc');
  assert.equal(withNotice('/admin/forslag/?status=rejected', 'forslag-afvist'), '/admin/forslag/?status=rejected&besked=forslag-afvist');
});

test('every key has a text of its own, and the charter page speaks only from keys (a typed message in the address shows nothing)', () => {
  for (const key of adminNoticeKeys) assert.ok(adminNoticeText(key)?.trim(), key);
  assert.equal(adminNoticeText(adminNoticeFrom(params(`besked=${encodeURIComponent(t.charterProposals.admin.messages.published)}`))), undefined);
  assert.equal(adminNoticeText(adminNoticeFrom(params('besked=forslag-offentliggjort'))), t.charterProposals.admin.messages.published);
  assert.equal(adminNoticeText(adminNoticeFrom(params('besked=hoering-aabnet'))), t.charterProposals.admin.rounds.openedPlain);
});
