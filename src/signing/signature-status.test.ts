// Checks the signature state machine: which moves exist, and which statuses are final or hold a place.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyTransition, canTransition, finalStatuses, isLive, liveSignatureSql, liveStatuses, placeHoldingStatuses, signatureStatuses } from './signature-status.ts';
import { testDatabases } from '../../tests/support/test-databases.ts';

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

test('rejected and withdrawn are final, and only confirmed and published hold the organisation\'s place (as the SQL unique index assumes)', () => {
  assert.deepEqual([...finalStatuses].sort(), ['rejected', 'withdrawn']);
  assert.deepEqual([...liveStatuses].sort(), ['confirmed', 'pending', 'published']);
  assert.deepEqual([...placeHoldingStatuses].sort(), ['confirmed', 'published']);
});

test('the SQL predicate for a place-holding signature names exactly those statuses', () => {
  assert.equal(liveSignatureSql, "status IN ('confirmed', 'published')");
  for (const status of signatureStatuses) assert.equal(isLive(status), !finalStatuses.includes(status), status);
});

for (const engine of testDatabases()) {
  test(`the migrated partial unique index on ${engine.name} holds a place for exactly the place-holding statuses`, async () => {
    const db = await engine.open();
    try {
      const { rows } = await db.query<{ indexdef: string }>(`SELECT indexdef FROM pg_indexes WHERE indexname = 'signatures_one_live_per_organisation' AND schemaname = current_schema()`);
      assert.equal(rows.length, 1, 'the index exists');
      const predicate = rows[0]!.indexdef.split(' WHERE ')[1] ?? '';
      const named = [...predicate.matchAll(/'([a-z]+)'/g)].map((m) => m[1]);
      assert.match(predicate, /= ANY|\bIN\b/, `the index covers the statuses it names: ${predicate}`);
      assert.doesNotMatch(predicate, /<> ALL|NOT IN/);
      assert.deepEqual(named.sort(), [...placeHoldingStatuses].sort(), 'the index holds the place for exactly the place-holding statuses');
    } finally {
      await db.close();
    }
  });
}
