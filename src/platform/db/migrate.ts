// Applies the numbered db/migrations/*.sql files once each, in order, each in its own transaction, recorded in
// schema_migrations; and tells how far a database is behind the files (the schema version).
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join, relative } from 'node:path';
import type { Db, Queryable } from './client.ts';

export const migrationsDir = fileURLToPath(new URL('../../../db/migrations/', import.meta.url));
const projectRoot = fileURLToPath(new URL('../../../', import.meta.url));

const migrationFile = /^\d+_[\w-]+\.sql$/;

export async function migrationNames(dir = migrationsDir): Promise<string[]> {
  return (await readdir(dir)).filter((name) => migrationFile.test(name)).sort();
}

/** A migration that Postgres refused: the file, the line the error points at (when Postgres gives a position), and why. */
export class MigrationError extends Error {
  readonly file: string;
  readonly line: number | undefined;
  constructor(file: string, line: number | undefined, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`${file}${line === undefined ? '' : `, linje ${line}`}: ${reason}`, { cause });
    this.name = 'MigrationError';
    this.file = file;
    this.line = line;
  }
}

/** The 1-based line of a 1-based character position in `sql`, as Postgres counts it (characters, not bytes). */
export function lineAt(sql: string, position: number): number {
  const before = [...sql].slice(0, Math.max(0, position - 1)).join('');
  return before.split('\n').length;
}

function positionOf(error: unknown): number | undefined {
  const position = typeof error === 'object' && error !== null && 'position' in error ? Number(error.position) : NaN;
  return Number.isInteger(position) && position > 0 ? position : undefined;
}

/** db/migrations/005_x.sql for a project file, the whole path for any other. */
function shownPath(file: string): string {
  const path = relative(projectRoot, file);
  return path.startsWith('..') ? file : path;
}

const lockSql = `SELECT pg_advisory_xact_lock(hashtext('samskabelse:migrate:' || current_schema()))`;
const tableSql = `CREATE TABLE IF NOT EXISTS schema_migrations (
  name text PRIMARY KEY,
  applied_at timestamptz NOT NULL DEFAULT now()
)`;

/**
 * Runs the pending migrations and returns their names. Each file runs in its own transaction with its row in
 * schema_migrations, so a broken file throws a MigrationError (file and line) and leaves the schema as the files
 * before it left it. A transaction-scoped advisory lock (per schema) makes a second process wait, then skip what the
 * first applied.
 */
export async function migrate(db: Db, dir = migrationsDir): Promise<string[]> {
  const names = await migrationNames(dir);
  const scripts = await Promise.all(names.map(async (name) => ({ name, sql: await readFile(join(dir, name), 'utf8') })));
  const applied: string[] = [];
  for (const script of scripts) {
    const ran = await db.transaction(async (tx) => {
      await tx.query(lockSql);
      await tx.exec(tableSql);
      const { rowCount } = await tx.query('SELECT 1 FROM schema_migrations WHERE name = $1', [script.name]);
      if (rowCount > 0) return false;
      try {
        await tx.exec(script.sql);
      } catch (error) {
        const position = positionOf(error);
        throw new MigrationError(shownPath(join(dir, script.name)), position === undefined ? undefined : lineAt(script.sql, position), error);
      }
      await tx.query('INSERT INTO schema_migrations (name) VALUES ($1)', [script.name]);
      return true;
    });
    if (ran) applied.push(script.name);
  }
  return applied;
}

export interface SchemaStatus {
  /** The newest migration applied to the database: its schema version (undefined for an empty database). */
  version: string | undefined;
  /** The newest migration file this code ships with. */
  expected: string | undefined;
  /** Files this code ships with that the database has not applied: non-empty means the database is behind. */
  pending: string[];
}

/** Compares schema_migrations with the migration files; a database without the table has applied nothing. */
export async function schemaStatus(db: Queryable, dir = migrationsDir): Promise<SchemaStatus> {
  const names = await migrationNames(dir);
  let applied: string[] = [];
  try {
    applied = (await db.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name')).rows.map((row) => row.name);
  } catch (error) {
    // 42P01: undefined_table, a database no migration has touched yet.
    if ((error as { code?: string }).code !== '42P01') throw error;
  }
  const done = new Set(applied);
  return { version: applied.at(-1), expected: names.at(-1), pending: names.filter((name) => !done.has(name)) };
}
