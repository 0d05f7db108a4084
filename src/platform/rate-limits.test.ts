// Checks the pure rate-limit decision against burst and sustained windows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decideRateLimit, formLimits, mailCapFor, minutesToWait, rateLimitRules, rulesFor, type RateLimitRule } from './rate-limits.ts';

const now = new Date('2026-03-01T10:00:00Z');
const [burst, sustained] = rateLimitRules.signing;
const inSeconds = (s: number) => new Date(now.getTime() + s * 1000);

test('allows while every window is within its limit', () => {
  assert.deepEqual(decideRateLimit([{ rule: burst, count: 5, resetAt: inSeconds(30) }, { rule: sustained, count: 5, resetAt: inSeconds(3000) }], now), { allowed: true });
});

test('denies past the burst and says when to try again', () => {
  const decision = decideRateLimit([{ rule: burst, count: 6, resetAt: inSeconds(42) }, { rule: sustained, count: 6, resetAt: inSeconds(3000) }], now);
  assert.deepEqual(decision, { allowed: false, rule: 'signing-burst', retryAfterSeconds: 42 });
});

test('when both windows deny, the wait is the longer one', () => {
  const decision = decideRateLimit([{ rule: burst, count: 9, resetAt: inSeconds(10) }, { rule: sustained, count: 31, resetAt: inSeconds(1800) }], now);
  assert.deepEqual(decision, { allowed: false, rule: 'signing-sustained', retryAfterSeconds: 1800 });
});

test('never asks to wait less than a second', () => {
  const decision = decideRateLimit([{ rule: burst, count: 6, resetAt: inSeconds(0.2) }], now);
  assert.ok(!decision.allowed && decision.retryAfterSeconds === 1);
});

test('a form post is counted against its accepted or its rejected rules, never both', () => {
  for (const limits of Object.values(formLimits)) {
    assert.deepEqual(rulesFor(limits, true), limits.accepted);
    assert.deepEqual(rulesFor(limits, false), limits.rejected);
    const names = new Set([...limits.accepted, ...limits.rejected].map((r) => r.name));
    assert.equal(names.size, limits.accepted.length + limits.rejected.length, `${limits.action}: every window has its own name`);
  }
});

test('rejected posts have a more generous limit than accepted ones, window for window', () => {
  for (const limits of Object.values(formLimits)) {
    limits.accepted.forEach((rule, i) => {
      const rejected = limits.rejected[i]!;
      assert.equal(rejected.windowSeconds, rule.windowSeconds, `${rejected.name} has the same window as ${rule.name}`);
      assert.ok(rejected.limit >= 3 * rule.limit, `${rejected.name} (${rejected.limit}) is well above ${rule.name} (${rule.limit})`);
    });
  }
});

test('someone correcting a form ten times in a minute is not stopped, and a valid post after that still goes through', () => {
  const { signing } = formLimits;
  const at = (count: number, rules: readonly RateLimitRule[]) => rules.map((rule) => ({ rule, count, resetAt: inSeconds(rule.windowSeconds) }));
  assert.deepEqual(decideRateLimit(at(10, rulesFor(signing, false)), now), { allowed: true });
  assert.deepEqual(decideRateLimit(at(1, rulesFor(signing, true)), now), { allowed: true });
  assert.equal(decideRateLimit(at(21, rulesFor(signing, false)), now).allowed, false, 'a script hammering invalid posts is stopped');
});

test('the wait is told in whole minutes, at least one', () => {
  assert.equal(minutesToWait(1), 1);
  assert.equal(minutesToWait(60), 1);
  assert.equal(minutesToWait(61), 2);
  assert.equal(minutesToWait(3600), 60);
});

test('mail caps: a few of each mail a form can trigger, none on the others', () => {
  assert.equal(mailCapFor('signature-confirm'), 3);
  assert.equal(mailCapFor('admin-login'), 5);
  assert.equal(mailCapFor('member-confirm'), 3);
  assert.equal(mailCapFor('member-welcome'), null);
  assert.equal(mailCapFor('toString'), null, 'only the names in the table');
});
