// Applies the numbered db/migrations/*.sql files once each, in order, recorded in schema_migrations.
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { Db } from './client.ts';

export const migrationsDir = fileURLToPath(new URL('../../../db/migrations/', import.meta.url));

const migrationFile = /^\d+_[\w-]+\.sql$/;

export async function migrationNames(dir = migrationsDir): Promise<string[]> {
  return (await readdir(dir)).filter((name) => migrationFile.test(name)).sort();
}

/**
 * Runs the pending migrations in one transaction and returns their names.
 * A transaction-scoped advisory lock (per schema) makes a second process wait, then find nothing left to do.
 */
export async function migrate(db: Db, dir = migrationsDir): Promise<string[]> {
  const names = await migrationNames(dir);
  const scripts = await Promise.all(names.map(async (name) => ({ name, sql: await readFile(join(dir, name), 'utf8') })));
  return db.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('samskabelse:migrate:' || current_schema()))`);
    await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      name text PRIMARY KEY,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const applied = new Set((await tx.query<{ name: string }>('SELECT name FROM schema_migrations')).rows.map((r) => r.name));
    const pending = scripts.filter((s) => !applied.has(s.name));
    for (const script of pending) {
      await tx.exec(script.sql);
      await tx.query('INSERT INTO schema_migrations (name) VALUES ($1)', [script.name]);
    }
    return pending.map((s) => s.name);
  });
}

// `node src/platform/db/migrate.ts` migrates the database the environment points at (DATABASE_URL, else PGlite in .data/).
if (import.meta.main) {
  const { openDatabase } = await import('./client.ts');
  const db = await openDatabase();
  try {
    const applied = await migrate(db);
    console.log(applied.length ? `Kørte migreringer: ${applied.join(', ')}` : 'Databasen er allerede opdateret.');
  } finally {
    await db.close();
  }
}
