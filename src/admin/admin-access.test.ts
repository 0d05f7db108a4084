// The admin's access rules: the address list, the signed session cookie and the CSRF token.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  csrfTokenFor,
  isAdminEmail,
  isValidCsrfToken,
  newSessionSecret,
  parseAdminEmails,
  readCookie,
  sessionCookieHeader,
  signSessionCookie,
  verifySessionCookie,
} from './admin-access.ts';

const key = 'k'.repeat(32);
const now = new Date('2026-11-24T10:00:00Z');
const inAnHour = new Date(now.getTime() + 3600_000);

describe('the admin address list', () => {
  test('accepts commas, semicolons and spaces, and ignores case', () => {
    const list = parseAdminEmails(' Sekretariat@Eksempel.dk; anna@eksempel.dk,  bo@eksempel.dk ');
    assert.ok(isAdminEmail('sekretariat@eksempel.dk', list));
    assert.ok(isAdminEmail('  ANNA@eksempel.dk', list));
    assert.ok(!isAdminEmail('eve@eksempel.dk', list));
  });

  test('an unset list lets nobody in', () => {
    assert.equal(parseAdminEmails(undefined).size, 0);
    assert.equal(parseAdminEmails('not-an-address').size, 0);
  });
});

describe('the session cookie', () => {
  test('gives back the secret it was signed with while it is valid', () => {
    const { secret } = newSessionSecret();
    assert.equal(verifySessionCookie(signSessionCookie(secret, inAnHour, key), key, now), secret);
  });

  test('is refused after it expires', () => {
    const { secret } = newSessionSecret();
    assert.equal(verifySessionCookie(signSessionCookie(secret, inAnHour, key), key, new Date(inAnHour.getTime() + 1000)), undefined);
  });

  test('is refused when its expiry is pushed forward by hand', () => {
    const { secret } = newSessionSecret();
    const [s, expires, mac] = signSessionCookie(secret, inAnHour, key).split('.');
    assert.equal(verifySessionCookie(`${s}.${Number(expires) + 86400}.${mac}`, key, now), undefined);
  });

  test('is refused under another server key', () => {
    const { secret } = newSessionSecret();
    assert.equal(verifySessionCookie(signSessionCookie(secret, inAnHour, key), 'x'.repeat(32), now), undefined);
  });

  test('is refused when it is not in the expected shape', () => {
    for (const bad of ['', 'abc', 'a.b.c', `${'a'.repeat(43)}.1.${'b'.repeat(10)}`]) assert.equal(verifySessionCookie(bad, key, now), undefined);
  });

  test('is sent HttpOnly, Secure and SameSite=Strict, for the admin only', () => {
    const header = sessionCookieHeader('v', inAnHour);
    for (const part of ['HttpOnly', 'Secure', 'SameSite=Strict', 'Path=/admin']) assert.ok(header.includes(part), part);
  });

  test('is read from a Cookie header among others', () => {
    assert.equal(readCookie('a=1; samskabelse_admin=xyz; b=2', 'samskabelse_admin'), 'xyz');
    assert.equal(readCookie(null, 'samskabelse_admin'), undefined);
  });
});

describe('the CSRF token', () => {
  test('matches only its own session', () => {
    const one = newSessionSecret().secret;
    const two = newSessionSecret().secret;
    assert.ok(isValidCsrfToken(csrfTokenFor(one, key), one, key));
    assert.ok(!isValidCsrfToken(csrfTokenFor(two, key), one, key));
    assert.ok(!isValidCsrfToken(undefined, one, key));
    assert.ok(!isValidCsrfToken('', one, key));
  });
});
