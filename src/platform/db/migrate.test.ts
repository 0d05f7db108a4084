// Checks the database layer on every engine: migrations run once even when started twice at once, and both engines answer alike.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { migrate, migrationNames } from './migrate.ts';
import { testDatabases } from '../../../tests/support/test-databases.ts';
import { openDatabase, type Db } from './client.ts';

for (const engine of testDatabases()) {
  describe(`database on ${engine.name}`, () => {
    let db: Db;
    before(async () => {
      db = await engine.open();
    });
    after(() => db.close());

    test('every migration is recorded once and a second run applies nothing', async () => {
      const { rows } = await db.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name');
      assert.deepEqual(rows.map((r) => r.name), await migrationNames());
      assert.deepEqual(await migrate(db), []);
    });

    test('two migrations started at the same moment both succeed and apply nothing twice', async () => {
      const { rows: tables } = await db.query<{ name: string }>(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()`);
      await db.exec(`DROP TABLE ${tables.map((t) => `"${t.name}"`).join(', ')} CASCADE`);
      const results = await Promise.all([migrate(db), migrate(db)]);
      assert.deepEqual(results.flat(), await migrationNames(), 'each file applied by exactly one of the two');
    });

    test('counts and integers come back as numbers', async () => {
      const { rows } = await db.query<{ n: number; big: number }>('SELECT count(*) AS n, 42::int8 AS big FROM signatures');
      assert.deepEqual(rows[0], { n: 0, big: 42 });
    });

    test('a status outside the state machine is refused by the table itself', async () => {
      await assert.rejects(
        db.query(`INSERT INTO signatures (organisation_name, organisation_type, municipality, contact_name, contact_title, email, status)
                  VALUES ('X', 'forening', 'Aarhus', 'A', 'B', 'a@b.dk', 'approved')`),
        (error: { code?: string }) => error.code === '23514',
      );
    });

    test('a transaction that throws leaves nothing behind', async () => {
      await assert.rejects(
        db.transaction(async (tx) => {
          await tx.query(`INSERT INTO rate_limit_buckets (key, window_name, count, reset_at) VALUES ('rollback', 'w', 1, now())`);
          throw new Error('stop');
        }),
        /stop/,
      );
      const { rowCount } = await db.query(`SELECT 1 FROM rate_limit_buckets WHERE key = 'rollback'`);
      assert.equal(rowCount, 0);
    });
  });
}

describe('opening a PGlite folder', () => {
  test('the same folder opened twice in one process is one instance', async () => {
    const { mkdtemp, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = await mkdtemp(join(tmpdir(), 'samskabelse-'));
    const first = await openDatabase({ dataDir: join(dir, 'pglite') });
    const second = await openDatabase({ dataDir: join(dir, 'pglite') });
    assert.equal(first, second);
    await first.close();
    await rm(dir, { recursive: true, force: true });
  });
});
