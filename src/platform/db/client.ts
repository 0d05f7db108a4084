// One small database interface with two engines behind it: PGlite for local work and tests, a pg Pool for DATABASE_URL.
import { createHash } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { attachDatabasePool } from '@vercel/functions';
import pg from 'pg';
import { isProductionRuntime } from '../production-settings.ts';

export interface QueryResult<T> {
  rows: T[];
  /** Rows returned or affected, the same on both engines. */
  rowCount: number;
}

/** What both a database and an open transaction can do. */
export interface QueryOptions {
  /**
   * pg only: keep the statement prepared on each connection, so Postgres parses and plans it once rather than on
   * every call (this halves the database's work for a signing). Only for fixed SQL on the hot path that names its
   * columns: a prepared `SELECT *` fails once a migration adds a column.
   */
  prepare?: boolean;
}

export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[], options?: QueryOptions): Promise<QueryResult<T>>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export type Tx = Queryable;

export interface Db extends Queryable {
  readonly engine: 'pglite' | 'pg';
  /** Runs fn inside BEGIN … COMMIT; any throw rolls back and is rethrown. */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** PGlite only: the data folder as a tarball, to open copies from (fast test databases). */
  dumpDataDir?(): Promise<Blob>;
}

export interface OpenDatabaseOptions {
  /** A postgres:// URL. When set, pg is used and the PGlite options are ignored. */
  connectionString?: string;
  /** pg only: the schema every pooled connection starts in (tests use one schema per file). */
  searchPath?: string;
  /** pg only: pool size. */
  maxConnections?: number;
  /** PGlite only: a folder, or 'memory' for a database that lives as long as the process. */
  dataDir?: string;
  /** PGlite only: start from a dumped data folder (`dumpDataDir()`) instead of running initdb. */
  loadDataDir?: Blob;
}

/**
 * DATABASE_URL (and DATABASE_SCHEMA, an existing schema to work in) when set, else PGlite in
 * `${DATA_DIR ?? '.data'}/pglite`; production never falls back to PGlite (its disk is read-only and forgets).
 */
export function databaseOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): OpenDatabaseOptions {
  if (env.DATABASE_URL) return { connectionString: env.DATABASE_URL, ...(env.DATABASE_SCHEMA ? { searchPath: env.DATABASE_SCHEMA } : {}) };
  if (isProductionRuntime(env)) throw new Error('DATABASE_URL is not set in production; refusing to fall back to PGlite');
  return { dataDir: join(env.DATA_DIR ?? '.data', 'pglite') };
}

// PGlite holds a whole Postgres in memory (up to about 1 GB), so a process opens each folder once.
const openPGlites = new Map<string, Promise<Db>>();

export async function openDatabase(options: OpenDatabaseOptions = databaseOptionsFromEnv()): Promise<Db> {
  if (options.connectionString) return openPool(options);
  const dataDir = options.dataDir ?? 'memory';
  if (dataDir === 'memory') return openPGlite(undefined, options.loadDataDir);
  const key = resolve(dataDir);
  let db = openPGlites.get(key);
  if (!db) {
    db = openPGlite(key, options.loadDataDir, () => openPGlites.delete(key));
    openPGlites.set(key, db);
    db.catch(() => openPGlites.delete(key));
  }
  return db;
}

// PGlite is 16 MB that production never uses (it runs on DATABASE_URL), so it is loaded only when a process opens it.
// The name is a variable on purpose: Vercel's bundler follows a literal import() and would put PGlite in every function.
const pgliteModule = '@electric-sql/pglite';

async function openPGlite(dataDir: string | undefined, loadDataDir: Blob | undefined, onClose?: () => void): Promise<Db> {
  const { PGlite } = (await import(pgliteModule)) as typeof import('@electric-sql/pglite');
  if (dataDir) await mkdir(dataDir, { recursive: true });
  const lite = await PGlite.create(dataDir, loadDataDir ? { loadDataDir } : {});
  const wrap = (target: { query: PGlite['query']; exec: PGlite['exec'] }): Queryable => ({
    async query<T>(sql: string, params: readonly unknown[] = []) {
      const result = await target.query<T>(sql, [...params]);
      // PGlite reports 0 affected rows for a SELECT, so take whichever count is larger.
      return { rows: result.rows, rowCount: Math.max(result.affectedRows ?? 0, result.rows.length) };
    },
    async exec(sql: string) {
      await target.exec(sql);
    },
  });
  return {
    engine: 'pglite',
    ...wrap(lite),
    transaction: (fn) => lite.transaction((tx) => fn(wrap(tx))),
    dumpDataDir: () => lite.dumpDataDir('gzip'),
    async close() {
      onClose?.();
      if (!lite.closed) await lite.close();
    },
  };
}

/** int8 comes back as text from pg but as a number from PGlite; make pg agree (BigInt past 2^53, as PGlite does). */
const int8 = (text: string) => {
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : BigInt(text);
};
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.INT8 && format !== 'binary' ? int8 : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

// A prepared statement is named after its text, so the same SQL gets the same name on every connection.
const statementNames = new Map<string, string>();
function statementName(sql: string): string {
  let name = statementNames.get(sql);
  if (!name) {
    name = `s${createHash('sha256').update(sql).digest('hex').slice(0, 20)}`;
    statementNames.set(sql, name);
  }
  return name;
}

function openPool(options: OpenDatabaseOptions): Db {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.maxConnections ?? 10,
    // With the database away, a request waits at most this long for a connection and then gets a 503, not a hang.
    connectionTimeoutMillis: 5000,
    // Vercel suggests a short idle timeout: an instance may be suspended with idle clients, whose connections the
    // database or Neon's pooler then closes.
    idleTimeoutMillis: 5000,
    types,
    ...(options.searchPath ? { options: `-c search_path=${options.searchPath}` } : {}),
  });
  // An idle client can lose its connection; without a listener that would crash the process.
  pool.on('error', (error) => console.error('Postgres pool error:', error.message));
  // On Vercel, keeps the instance alive until idle clients are released before it is suspended; elsewhere a no-op.
  attachDatabasePool(pool);
  const wrap = (target: pg.Pool | pg.PoolClient): Queryable => ({
    async query<T>(sql: string, params: readonly unknown[] = [], queryOptions: QueryOptions = {}) {
      const values = [...params];
      const result = await (queryOptions.prepare ? target.query({ name: statementName(sql), text: sql, values }) : target.query(sql, values));
      return { rows: result.rows as T[], rowCount: result.rowCount ?? result.rows.length };
    },
    async exec(sql: string) {
      await target.query(sql);
    },
  });
  return {
    engine: 'pg',
    ...wrap(pool),
    async transaction(fn) {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
        throw error;
      } finally {
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}
