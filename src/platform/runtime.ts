// The process-wide resources functions share: one database (whose schema is checked once, never migrated here), one
// mail transport, the outbox kick, and work that goes on after the answer.
import { waitUntil } from '@vercel/functions';
import { databaseOptionsFromEnv, openDatabase, type Db } from './db/client.ts';
import { migrate, schemaStatus, type SchemaStatus } from './db/migrate.ts';
import { Unavailable } from './http/unavailable.ts';
import { deliverDue } from './mail/outbox.ts';
import { transportFromEnv, type MailTransport } from './mail/transport.ts';

let opening: Promise<Db> | undefined;
let schemaReady = false;
let checkingSchema: Promise<void> | undefined;
let transport: MailTransport | undefined;
let delivering: Promise<void> | undefined;

/** The database, opened on first use; a failed open is retried on the next call. */
function openShared(): Promise<Db> {
  if (!opening) {
    opening = openDatabase();
    opening.catch(() => {
      opening = undefined;
    });
  }
  return opening;
}

/**
 * The database, once its schema is known to hold every migration this code ships with. The request path never runs
 * DDL: a database that is behind (a deploy whose `npm run migrate` did not run) makes each request throw Unavailable,
 * answered as 503, and is checked again on the next request until it has caught up.
 */
export async function database(): Promise<Db> {
  const db = await openShared();
  if (schemaReady) return db;
  checkingSchema ??= (async () => {
    const status = await schemaStatus(db);
    if (status.pending.length > 0) {
      console.error(
        `[schema] The database is behind this deployment: ${status.pending.join(', ')} not applied (database at ${status.version ?? 'no migrations'}). ` +
          'Answering 503 until `npm run migrate` has run against it (see the deploy steps in README.md).',
      );
      throw new Unavailable(`database schema behind: ${status.pending.join(', ')} pending`);
    }
    schemaReady = true;
  })().finally(() => {
    checkingSchema = undefined;
  });
  await checkingSchema;
  return db;
}

/**
 * Local only (`npm start`, `npm run dev`, the secretariat CLI, benchmarks): migrates the database the environment
 * points at before the first request, so `npm install && npm start` needs no setup. Deployments migrate in the build.
 */
export async function migrateLocalDatabase(): Promise<string[]> {
  const applied = await migrate(await openShared());
  schemaReady = true;
  return applied;
}

export interface HealthReport {
  database: 'pg' | 'pglite';
  mail: string;
  /** undefined when the database could not be reached. */
  schema: SchemaStatus | undefined;
}

/** What /api/health tells: which engines run and how far the schema is; never a URL, key or secret. */
export async function healthReport(): Promise<HealthReport> {
  const database = databaseOptionsFromEnv().connectionString ? 'pg' : 'pglite';
  let schema: SchemaStatus | undefined;
  try {
    schema = await schemaStatus(await openShared());
  } catch (error) {
    console.error('[health] database unreachable:', error instanceof Error ? error.message : error);
  }
  return { database, mail: mailTransport().name, schema };
}

export function mailTransport(): MailTransport {
  transport ??= transportFromEnv();
  return transport;
}

/**
 * Work that goes on after the answer, such as the outbox kick. On Vercel, waitUntil keeps the instance alive until
 * it settles (otherwise it may be frozen the moment the response is sent); locally there is no request context, and
 * the work simply runs on. The work must handle its own errors.
 */
export function afterResponse(work: Promise<unknown>): void {
  waitUntil(work);
}

let again = false;

/**
 * Starts delivering queued mail now, so a confirmation arrives in seconds rather than at the next cron run.
 * One run at a time per process; a kick during a run asks for one more run after it, so a mail queued meanwhile
 * is not left for the cron. Whatever fails here stays in the outbox for the cron to retry.
 */
export function kickOutbox(): Promise<void> {
  if (delivering) {
    again = true;
    return delivering;
  }
  delivering = (async () => {
    try {
      do {
        again = false;
        await deliverDue(await database(), mailTransport());
      } while (again);
    } catch (error) {
      console.error('outbox: delivery run failed', error);
    } finally {
      delivering = undefined;
    }
  })();
  return delivering;
}

/** Closes the database and forgets the transport, so the next use reads the environment again (tests, local shutdown). */
export async function closeRuntime(): Promise<void> {
  await delivering;
  const db = await opening?.catch(() => undefined);
  opening = undefined;
  schemaReady = false;
  transport = undefined;
  await db?.close();
}
