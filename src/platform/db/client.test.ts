// The pg pool on Vercel: attachDatabasePool asks the request's waitUntil to keep the instance alive after a query,
// so idle clients are closed before Vercel suspends it. Needs Postgres (TEST_DATABASE_URL); PGlite has no pool.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { databaseOptionsFromEnv, openDatabase } from './client.ts';

const requestContext = Symbol.for('@vercel/request-context');

// Like testDatabases(): the Postgres case exists only when TEST_DATABASE_URL is set.
if (process.env.TEST_DATABASE_URL) describe('the pg pool', () => {
  test('on Vercel, a query that releases its client asks waitUntil to keep the instance until idle clients are gone', async () => {
    const kept: Promise<unknown>[] = [];
    const global = globalThis as Record<symbol, unknown>;
    global[requestContext] = { get: () => ({ waitUntil: (p: Promise<unknown>) => kept.push(p) }) };
    Object.assign(process.env, { VERCEL_URL: 'samskabelse.vercel.app', VERCEL_REGION: 'fra1' });
    const db = await openDatabase({ connectionString: process.env.TEST_DATABASE_URL });
    try {
      await db.query('SELECT 1');
      assert.equal(kept.length, 1);
    } finally {
      await db.close();
      delete global[requestContext];
      delete process.env.VERCEL_URL;
      delete process.env.VERCEL_REGION;
    }
    // The promise settles after the pool's idle timeout (5 s) and a little.
    await kept[0];
  });
});

describe('databaseOptionsFromEnv', () => {
  test('uses PGlite locally without DATABASE_URL, and refuses to in production', () => {
    assert.deepEqual(databaseOptionsFromEnv({ DATA_DIR: '/tmp/x' }), { dataDir: '/tmp/x/pglite' });
    assert.throws(() => databaseOptionsFromEnv({ VERCEL_ENV: 'production' }), /DATABASE_URL/);
    assert.equal(databaseOptionsFromEnv({ VERCEL_ENV: 'production', DATABASE_URL: 'postgres://u@db.example/x' }).connectionString, 'postgres://u@db.example/x');
  });
});
