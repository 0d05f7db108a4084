// Retention: what the cron deletes once it has served its purpose. Unconfirmed sign-ups and joins go after 30 days.
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

export interface RetentionReport {
  unconfirmedSignatures: number;
  unconfirmedMembers: number;
  rejectedContactsErased: number;
  outboxRowsDeleted: number;
  adminLoginsDeleted: number;
  suggestionsDeleted: number;
}

const day = 24 * 60 * 60 * 1000;

export async function applyRetention(db: Db, now: Date = new Date()): Promise<RetentionReport> {
  const before = (days: number) => new Date(now.getTime() - days * day);
  return db.transaction(async (tx) => {
    const signatures = await tx.query(`DELETE FROM signatures WHERE status = 'pending' AND created_at < $1`, [before(retentionPolicy.unconfirmedDays)]);
    const members = await tx.query(`DELETE FROM members WHERE status = 'pending' AND created_at < $1`, [before(retentionPolicy.unconfirmedDays)]);
    const rejected = await tx.query(
      `UPDATE signatures SET contact_name = NULL, contact_title = NULL, email = NULL, contact_erased_at = $2
       WHERE status = 'rejected' AND contact_erased_at IS NULL AND rejected_at < $1`,
      [before(retentionPolicy.rejectedContactDays), now],
    );
    const outbox = await tx.query(`DELETE FROM mail_outbox WHERE status IN ('sent', 'failed') AND created_at < $1`, [before(retentionPolicy.outboxLogDays)]);
    const suggestions = await tx.query('DELETE FROM case_suggestions WHERE created_at < $1', [before(retentionPolicy.suggestionDays)]);
    const logins = await tx.query('DELETE FROM admin_login_tokens WHERE expires_at < $1', [before(1)]);
    await tx.query('DELETE FROM admin_sessions WHERE expires_at < $1', [before(retentionPolicy.outboxLogDays)]);
    return {
      unconfirmedSignatures: signatures.rowCount,
      unconfirmedMembers: members.rowCount,
      rejectedContactsErased: rejected.rowCount,
      outboxRowsDeleted: outbox.rowCount,
      adminLoginsDeleted: logins.rowCount,
      suggestionsDeleted: suggestions.rowCount,
    };
  });
}
