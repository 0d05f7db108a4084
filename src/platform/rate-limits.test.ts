// Checks the pure rate-limit decision against burst and sustained windows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decideRateLimit, rateLimitRules } from './rate-limits.ts';

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
