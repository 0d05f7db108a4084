// The process-wide resources functions share: one database, migrated once per process, and one mail transport.
import { openDatabase, type Db } from './db/client.ts';
import { migrate } from './db/migrate.ts';
import { deliverDue } from './mail/outbox.ts';
import { transportFromEnv, type MailTransport } from './mail/transport.ts';

let opening: Promise<Db> | undefined;
let transport: MailTransport | undefined;
let delivering: Promise<void> | undefined;

/** The database, opened and migrated on first use; a failed open is retried on the next call. */
export function database(): Promise<Db> {
  if (!opening) {
    opening = (async () => {
      const db = await openDatabase();
      await migrate(db);
      return db;
    })();
    opening.catch(() => {
      opening = undefined;
    });
  }
  return opening;
}

export function mailTransport(): MailTransport {
  transport ??= transportFromEnv();
  return transport;
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

/** Closes the database (tests and the local server's shutdown). */
export async function closeRuntime(): Promise<void> {
  await delivering;
  const db = await opening?.catch(() => undefined);
  opening = undefined;
  await db?.close();
}
