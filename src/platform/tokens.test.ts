// Checks the link tokens: unguessable, URL-safe, stored only as a per-purpose hash, compared in constant time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hashToken, isWellFormedToken, newToken, sameSecret, tokenExpiry } from './tokens.ts';

test('a token carries 256 random bits in base64url', () => {
  const token = newToken();
  assert.match(token, /^[A-Za-z0-9_-]{43}$/);
  assert.equal(Buffer.from(token, 'base64url').length, 32);
  assert.ok(isWellFormedToken(token));
});

test('no two tokens are the same', () => {
  const tokens = new Set(Array.from({ length: 1000 }, newToken));
  assert.equal(tokens.size, 1000);
});

test('the hash is a hex sha256 and differs per purpose', () => {
  const token = newToken();
  assert.match(hashToken('confirm', token), /^[0-9a-f]{64}$/);
  assert.equal(hashToken('confirm', token), hashToken('confirm', token));
  assert.notEqual(hashToken('confirm', token), hashToken('withdraw', token));
});

test('a confirm token expires seven days after it was issued', () => {
  const issued = new Date('2026-01-01T12:00:00Z');
  assert.equal(tokenExpiry('confirm', issued).toISOString(), '2026-01-08T12:00:00.000Z');
});

test('malformed tokens are turned away before any lookup', () => {
  for (const bad of [undefined, '', 'abc', `${newToken()}x`, 'a'.repeat(42) + '!']) assert.equal(isWellFormedToken(bad), false);
});

test('sameSecret tells equal from unequal secrets of any length', () => {
  assert.equal(sameSecret('s3cret', 's3cret'), true);
  assert.equal(sameSecret('s3cret', 's3creT'), false);
  assert.equal(sameSecret('s3cret', 's3cret-longer'), false);
});
