// Retention: what the cron deletes once it has served its purpose. Each feature prunes its own rows (a Pruner);
// this file holds the policy, runs the pruners in one transaction, and prunes the platform's own outbox log.
import type { Tx } from './db/client.ts';
import type { Db } from './db/client.ts';

export const retentionPolicy = {
  /** An unconfirmed signature or membership is deleted this long after it was made. */
  unconfirmedDays: 30,
  /** A rejected signature loses its contact person this long after the rejection mail. */
  rejectedContactDays: 30,
  /** A case suggestion (with the suggester's name and email) is kept this long, handled or not. */
  suggestionDays: 365,
  /** Delivered or abandoned outbox rows are kept this long as a delivery log. */
  outboxLogDays: 30,
} as const;

/** Counts of what one pruner deleted or erased, by a name the cron's report shows. */
export type RetentionReport = Record<string, number>;

/** `before(days)` is the moment that many days before now. */
export type Pruner = (tx: Tx, before: (days: number) => Date, now: Date) => Promise<RetentionReport>;

const day = 24 * 60 * 60 * 1000;

/** Runs every pruner in one transaction, so a failure leaves nothing half-pruned, and merges their reports. */
export async function applyRetention(db: Db, pruners: readonly Pruner[], now: Date = new Date()): Promise<RetentionReport> {
  const before = (days: number) => new Date(now.getTime() - days * day);
  return db.transaction(async (tx) => {
    const report: RetentionReport = {};
    for (const prune of pruners) Object.assign(report, await prune(tx, before, now));
    return report;
  });
}

/** Delivered or abandoned mail is kept as a log for a while, then deleted. */
export const pruneOutbox: Pruner = async (tx, before) => {
  const outbox = await tx.query(`DELETE FROM mail_outbox WHERE status IN ('sent', 'failed', 'suppressed') AND created_at < $1`, [before(retentionPolicy.outboxLogDays)]);
  return { outboxRowsDeleted: outbox.rowCount };
};
