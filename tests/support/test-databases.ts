// Test support: yields every database engine to test against (PGlite always, Postgres when TEST_DATABASE_URL is set), migrated and empty.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase, type Db, type Queryable } from '../../src/platform/db/client.ts';
import { migrate, migrationNames, migrationsDir } from '../../src/platform/db/migrate.ts';

export interface TestDatabase {
  name: 'pglite' | 'postgres';
  /** A migrated database of its own; its close() also removes what the test made (the schema on Postgres). */
  open(): Promise<Db>;
}

export function testDatabases(env: NodeJS.ProcessEnv = process.env): TestDatabase[] {
  const all: TestDatabase[] = [{ name: 'pglite', open: openTestPGlite }];
  const url = env.TEST_DATABASE_URL;
  if (url) all.push({ name: 'postgres', open: () => openTestSchema(url) });
  return all;
}

/** Empties every table the app writes to, between tests that count rows. */
export async function emptyTables(db: Db): Promise<void> {
  await db.exec('TRUNCATE signatures, signature_tokens, signature_events, signature_affirmations, charter_adoptions, mail_outbox, rate_limit_buckets, members, member_tokens, admin_login_tokens, admin_sessions, audit_log, case_suggestions, mail_batches, mail_suppressions, resend_webhook_events, consultation_rounds, charter_proposals, charter_proposal_tokens, charter_proposal_supports, charter_support_tokens CASCADE');
}

// initdb takes seconds; a migrated data folder dumped once (per set of migrations) and loaded takes half a second.
const templateDir = join(process.env.DATA_DIR ?? '.data', 'test-templates');

async function migrationsFingerprint(): Promise<string> {
  const hash = createHash('sha256');
  for (const name of await migrationNames()) hash.update(name).update(await readFile(join(migrationsDir, name)));
  return hash.digest('hex').slice(0, 16);
}

async function openTestPGlite(): Promise<Db> {
  const file = join(templateDir, `pglite-${await migrationsFingerprint()}.tgz`);
  const template = await readFile(file).catch(() => undefined);
  if (template) return openDatabase({ dataDir: 'memory', loadDataDir: new Blob([template]) });
  const db = await openDatabase({ dataDir: 'memory' });
  await migrate(db);
  await saveTemplate(db, file);
  return db;
}

async function saveTemplate(db: Db, file: string): Promise<void> {
  if (!db.dumpDataDir) return;
  const dump = await db.dumpDataDir();
  await mkdir(templateDir, { recursive: true });
  // Parallel test files may race to write it: each writes its own file, and rename is atomic.
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  await writeFile(temporary, new Uint8Array(await dump.arrayBuffer()));
  await rename(temporary, file);
}

async function openTestSchema(url: string): Promise<Db> {
  return (await openMigratedSchema(url)).db;
}

/**
 * A migrated schema of its own on the Postgres at `url` (tests and benchmarks): its name, for a server pointed at it
 * (DATABASE_SCHEMA), and a Db whose close() also drops the schema.
 */
export async function openMigratedSchema(url: string, options: { prefix?: string; maxConnections?: number } = {}): Promise<{ db: Db; schema: string }> {
  const schema = `${options.prefix ?? 't'}_${randomBytes(6).toString('hex')}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE SCHEMA ${schema}`);
  const db = await openDatabase({ connectionString: url, searchPath: schema, maxConnections: options.maxConnections ?? 25 });
  await migrate(db);
  return {
    schema,
    db: {
      ...db,
      async close() {
        await db.close();
        await admin(`DROP SCHEMA ${schema} CASCADE`);
      },
    },
  };
}

/** Every table and column (text, json and array columns) in which `needle` occurs, case ignored: proof that erased data is gone. */
export async function placesHolding(db: Queryable, needle: string): Promise<string[]> {
  const { rows: columns } = await db.query<{ table_name: string; column_name: string }>(
    `SELECT c.table_name, c.column_name FROM information_schema.columns c
     JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
     WHERE c.table_schema = current_schema() AND (c.data_type IN ('text', 'character varying', 'json', 'jsonb', 'ARRAY'))`,
  );
  const found: string[] = [];
  for (const { table_name, column_name } of columns) {
    const { rows } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "${table_name}" WHERE strpos(lower("${column_name}"::text), lower($1)) > 0`,
      [needle],
    );
    if (rows[0]!.n > 0) found.push(`${table_name}.${column_name}`);
  }
  return found;
}
