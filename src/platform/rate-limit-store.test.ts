// Checks the stored rate-limit windows on every database engine: burst, sustained, per key, and parallel requests.
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Db } from './db/client.ts';
import { emptyTables, testDatabases } from '../../tests/support/test-databases.ts';
import { rateLimitRules } from './rate-limits.ts';
import { checkRateLimit, pruneRateLimits } from './rate-limit-store.ts';

const start = new Date('2026-05-01T09:00:00Z');
const later = (hours: number) => new Date(start.getTime() + hours * 60 * 60 * 1000);

for (const engine of testDatabases()) {
  describe(`rate limits on ${engine.name}`, () => {
    let db: Db;
    before(async () => {
      db = await engine.open();
    });
    after(() => db.close());
    beforeEach(() => emptyTables(db));

    test('the rate limit denies after the burst and says how long to wait', async () => {
      const key = 'signing:203.0.113.7';
      for (let i = 0; i < 5; i++) assert.deepEqual(await checkRateLimit(db, key, rateLimitRules.signing, new Date(start.getTime() + i * 1000)), { allowed: true });
      assert.deepEqual(await checkRateLimit(db, key, rateLimitRules.signing, new Date(start.getTime() + 10_000)), { allowed: false, rule: 'signing-burst', retryAfterSeconds: 50 });
      assert.deepEqual(await checkRateLimit(db, 'signing:198.51.100.1', rateLimitRules.signing, start), { allowed: true }, 'another address is not affected');
      assert.deepEqual(await checkRateLimit(db, key, rateLimitRules.signing, new Date(start.getTime() + 61_000)), { allowed: true }, 'a new minute starts over');
    });

    test('the sustained limit holds across minutes', async () => {
      const key = 'signing:203.0.113.8';
      const decisions = [];
      for (let minute = 0; minute < 8; minute++) {
        for (let i = 0; i < 4; i++) decisions.push(await checkRateLimit(db, key, rateLimitRules.signing, later(minute / 60)));
      }
      assert.equal(decisions.filter((d) => d.allowed).length, 30);
      assert.deepEqual(decisions.at(-1), { allowed: false, rule: 'signing-sustained', retryAfterSeconds: 3600 - 7 * 60 });
    });

    test('parallel requests are all counted', async () => {
      const decisions = await Promise.all(Array.from({ length: 12 }, () => checkRateLimit(db, 'signing:burst', rateLimitRules.signing, start)));
      assert.equal(decisions.filter((d) => d.allowed).length, 5);
    });

    test('pruning removes only windows that ended more than a day ago', async () => {
      await checkRateLimit(db, 'signing:old', rateLimitRules.signing, start);
      await checkRateLimit(db, 'signing:new', rateLimitRules.signing, later(47));
      assert.equal(await pruneRateLimits(db, later(48)), 2, 'both windows of the old key');
      const { rows } = await db.query<{ key: string }>('SELECT DISTINCT key FROM rate_limit_buckets');
      assert.deepEqual(rows.map((r) => r.key), ['signing:new']);
    });
  });
}
