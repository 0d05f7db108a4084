// Checks the secretariat's login mail.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderAdminMail } from './admin-mails.ts';

const site = 'https://samskabelse.test';
const render = (_name: 'admin-login') => renderAdminMail('admin-login', { site, loginUrl: `${site}/admin/login/link/?token=LOGIN`, minutes: 15 });

test('the admin login mail carries its one-time link and says how long it works', () => {
  const mail = render('admin-login');
  assert.ok(mail.text.includes(`${site}/admin/login/link/?token=LOGIN`));
  assert.match(mail.text, /én gang og i 15 minutter/);
});
