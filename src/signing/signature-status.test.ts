// Checks the signature state machine: which moves exist, and which statuses are final or hold a place.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyTransition, canTransition, finalStatuses, liveStatuses } from './signature-status.ts';

test('a signature goes pending → confirmed → published', () => {
  assert.equal(applyTransition('pending', 'confirm'), 'confirmed');
  assert.equal(applyTransition('confirmed', 'approve'), 'published');
});

test('only a confirmed signature can be approved or rejected', () => {
  assert.equal(canTransition('pending', 'published'), false);
  assert.equal(canTransition('pending', 'rejected'), false);
  assert.equal(canTransition('confirmed', 'rejected'), true);
  assert.equal(applyTransition('published', 'reject'), undefined);
});

test('any status that is not final can be withdrawn', () => {
  for (const status of ['pending', 'confirmed', 'published'] as const) assert.equal(canTransition(status, 'withdrawn'), true);
  for (const status of ['rejected', 'withdrawn'] as const) assert.equal(canTransition(status, 'withdrawn'), false);
});

test('rejected and withdrawn are final, and the rest hold the organisation\'s place (as the SQL unique index assumes)', () => {
  assert.deepEqual([...finalStatuses].sort(), ['rejected', 'withdrawn']);
  assert.deepEqual([...liveStatuses].sort(), ['confirmed', 'pending', 'published']);
});
