import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isoDay, longDate } from './dates.ts';

test('dates are the day in Danish time, long in Danish and ISO for <time>', () => {
  // 23:30 UTC on 31 December is already New Year's Day in Copenhagen.
  const date = new Date('2025-12-31T23:30:00Z');
  assert.equal(isoDay(date), '2026-01-01');
  assert.equal(longDate(date, 'da-DK'), '1. januar 2026');
  assert.equal(longDate(new Date('2026-11-24T12:00:00Z'), 'da-DK'), '24. november 2026');
});
