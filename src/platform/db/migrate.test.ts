// Checks the database layer on every engine: migrations run once even when started twice at once, and both engines answer alike.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lineAt, migrate, MigrationError, migrationNames, schemaStatus } from './migrate.ts';
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
      // Each file is its own transaction under the lock, so the two may take turns: compare as a set, not in order.
      assert.deepEqual(results.flat().sort(), await migrationNames(), 'each file applied by exactly one of the two');
    });

    test('a broken migration fails with its file and line, and leaves the schema as the files before it left it', async () => {
      const dir = await mkdtemp(join(tmpdir(), 'samskabelse-migrations-'));
      try {
        await writeFile(join(dir, '001_good.sql'), 'CREATE TABLE good_one (id int);\n');
        await writeFile(join(dir, '002_broken.sql'), '-- adds two tables\nCREATE TABLE half_done (id int);\n\nCREATE TABEL never (id int);\n');
        const error = await migrate(db, dir).then(
          () => assert.fail('the broken migration was applied'),
          (e: unknown) => e,
        );
        assert.ok(error instanceof MigrationError, String(error));
        assert.equal(error.file, join(dir, '002_broken.sql'));
        assert.equal(error.line, 4);
        assert.match(error.message, /002_broken\.sql, linje 4: .*TABEL/);
        const tables = async (name: string) => (await db.query(`SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = $1`, [name])).rowCount;
        assert.equal(await tables('good_one'), 1, 'the migration before it stays applied');
        assert.equal(await tables('half_done'), 0, 'nothing of the broken file is left');
        const status = await schemaStatus(db, dir);
        assert.deepEqual([status.expected, status.pending], ['002_broken.sql', ['002_broken.sql']], 'the database is behind by the broken file');
      } finally {
        await db.exec('DROP TABLE IF EXISTS good_one, half_done');
        await db.query(`DELETE FROM schema_migrations WHERE name IN ('001_good.sql', '002_broken.sql')`);
        await rm(dir, { recursive: true, force: true });
      }
    });

    test('the schema version is the newest applied migration, and nothing is pending once all have run', async () => {
      const names = await migrationNames();
      assert.deepEqual(await schemaStatus(db), { version: names.at(-1), expected: names.at(-1), pending: [] });
      await db.query('DELETE FROM schema_migrations WHERE name = $1', [names.at(-1)]);
      assert.deepEqual((await schemaStatus(db)).pending, [names.at(-1)]);
      await db.query('INSERT INTO schema_migrations (name) VALUES ($1)', [names.at(-1)]);
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

describe('lineAt', () => {
  test('counts lines up to a 1-based character position, æ, ø and å as one character each', () => {
    const sql = '-- æøå\nSELECT 1;\nSELEC 2;';
    assert.equal(lineAt(sql, 1), 1);
    assert.equal(lineAt(sql, sql.indexOf('SELECT') + 1), 2);
    assert.equal(lineAt(sql, sql.indexOf('SELEC ') + 1), 3);
  });
});

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
