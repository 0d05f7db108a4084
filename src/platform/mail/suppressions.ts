// Addresses no mail goes to: those that bounced hard or complained (reported by Resend's webhook). The outbox skips
// them; the secretariat can list them and lift one. Kept lower-cased, as the admin must be able to read them.
import type { Queryable } from '../db/client.ts';
import type { Pruner } from '../retention.ts';

export const suppressionReasons = ['bounce', 'complaint'] as const;
export type SuppressionReason = (typeof suppressionReasons)[number];

export interface Suppression {
  address: string;
  reason: SuppressionReason;
  detail: string | null;
  created_at: Date;
}

export const suppressionKey = (address: string) => address.trim().toLowerCase();

/** Suppresses the address; one suppressed already keeps its first reason. Returns true when it is new. */
export async function suppressAddress(q: Queryable, entry: { address: string; reason: SuppressionReason; detail?: string; providerEmailId?: string }, now: Date): Promise<boolean> {
  const address = suppressionKey(entry.address);
  if (!address) return false;
  const { rowCount } = await q.query(
    `INSERT INTO mail_suppressions (address, reason, detail, provider_email_id, created_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (address) DO NOTHING`,
    [address, entry.reason, entry.detail?.slice(0, 500) ?? null, entry.providerEmailId ?? null, now],
  );
  return rowCount === 1;
}

export async function listSuppressions(db: Queryable): Promise<Suppression[]> {
  const { rows } = await db.query<Suppression>('SELECT address, reason, detail, created_at FROM mail_suppressions ORDER BY created_at DESC, address');
  return rows;
}

export async function findSuppression(db: Queryable, address: string): Promise<Suppression | undefined> {
  const { rows } = await db.query<Suppression>('SELECT address, reason, detail, created_at FROM mail_suppressions WHERE address = $1', [suppressionKey(address)]);
  return rows[0];
}

/** Lifts a suppression, so mail goes to the address again (mail skipped meanwhile stays unsent). */
export async function liftSuppression(q: Queryable, address: string): Promise<Suppression | undefined> {
  const { rows } = await q.query<Suppression>('DELETE FROM mail_suppressions WHERE address = $1 RETURNING address, reason, detail, created_at', [suppressionKey(address)]);
  return rows[0];
}

/** Records a webhook delivery by its svix-id; false when it was handled before (Svix delivers at least once). */
export async function firstDelivery(q: Queryable, svixId: string, eventType: string, now: Date): Promise<boolean> {
  const { rowCount } = await q.query(
    'INSERT INTO resend_webhook_events (svix_id, event_type, received_at) VALUES ($1, $2, $3) ON CONFLICT (svix_id) DO NOTHING',
    [svixId, eventType.slice(0, 100), now],
  );
  return rowCount === 1;
}

/** How long a svix-id is remembered (Svix retries for about a day and a half) and a finished batch kept. */
export const webhookEventDays = 7;

/** The cron's share for mail: old webhook ids and finished batches (the rows keep their batch id as a log). */
export const pruneMailBookkeeping: Pruner = async (tx, before) => {
  const events = await tx.query('DELETE FROM resend_webhook_events WHERE received_at < $1', [before(webhookEventDays)]);
  const batches = await tx.query(`DELETE FROM mail_batches WHERE status = 'done' AND created_at < $1`, [before(webhookEventDays)]);
  return { webhookEventsDeleted: events.rowCount, mailBatchesDeleted: batches.rowCount };
};

