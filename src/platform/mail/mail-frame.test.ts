// Checks the shared mail frame: Danish HTML with escaped text, a plain text version, a clean subject and the sign-off.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mailRenderer } from './mail-frame.ts';

const site = 'https://samskabelse.test';
const render = mailRenderer({
  hello: (p: { site: string; name: string }) => ({
    subject: `Hej ${p.name}`,
    blocks: [{ heading: 'Overskrift' }, { paragraph: `Til ${p.name}` }, { button: { href: `${p.site}/?a=1&b=2`, label: 'Åbn' } }, { code: '<a href="x">' }],
  }),
});

test('renders Danish HTML with every block escaped, and a plain text version with the link written out', () => {
  const mail = render('hello', { site, name: '<script>alert("x")</script> & Co' });
  assert.match(mail.html, /^<!doctype html><html lang="da">/);
  assert.ok(!mail.html.includes('<script>'));
  assert.ok(mail.html.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co'));
  assert.ok(mail.html.includes(`href="${site}/?a=1&amp;b=2"`));
  assert.ok(mail.html.includes('<code>&lt;a href=&quot;x&quot;&gt;</code>'));
  assert.ok(mail.text.includes('<script>alert("x")</script> & Co'));
  assert.ok(mail.text.includes(`Åbn:\n${site}/?a=1&b=2`));
  assert.ok(mail.text.includes('OVERSKRIFT'));
});

test('signs off with the movement and the site, in both versions', () => {
  const mail = render('hello', { site, name: 'Mette' });
  assert.ok(mail.text.endsWith(`Venlig hilsen\nSamskabelsesbevægelsen\n${site}\n`));
  assert.ok(mail.html.includes(`Venlig hilsen<br>Samskabelsesbevægelsen<br>${site}`));
});

test('a line break in a name never reaches the subject', () => {
  assert.equal(render('hello', { site, name: 'Evil\r\nBcc: x@y.z' }).subject, 'Hej Evil Bcc: x@y.z');
});
