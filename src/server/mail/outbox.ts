// The mail outbox: mails are written in the same transaction as the change they report, then sent, retried and never sent twice.
import type { Db, Queryable } from '../db/client.ts';
import type { MailContent, MailName } from './templates.ts';
import type { MailTransport } from './transport.ts';

export const deliveryPolicy = {
  batchSize: 50,
  maxAttempts: 10,
  baseDelaySeconds: 60,
  maxDelaySeconds: 6 * 60 * 60,
  /** A claimed mail not finished within this is assumed lost with its process and claimed again. */
  leaseSeconds: 5 * 60,
};

export type DeliveryPolicy = typeof deliveryPolicy;

export interface QueuedMail {
  name: MailName;
  to: string;
  content: MailContent;
  /** One key, one mail: enqueuing it again does nothing, and Resend gets it as Idempotency-Key. */
  idempotencyKey: string;
}

export interface OutboxRow {
  id: string;
  mail_name: string;
  recipient: string;
  subject: string;
  html: string | null;
  text_body: string | null;
  idempotency_key: string;
  status: 'pending' | 'sending' | 'sent' | 'failed';
  attempts: number;
  next_attempt_at: Date;
  last_error: string | null;
  provider_id: string | null;
  sent_at: Date | null;
}

/** Adds a mail inside the caller's transaction. Returns false when a mail with the same key is already queued. */
export async function enqueueMail(tx: Queryable, mail: QueuedMail, now: Date): Promise<boolean> {
  const { rowCount } = await tx.query(
    `INSERT INTO mail_outbox (mail_name, recipient, subject, html, text_body, idempotency_key, next_attempt_at, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $7)
     ON CONFLICT (idempotency_key) DO NOTHING`,
    [mail.name, mail.to, mail.content.subject, mail.content.html, mail.content.text, mail.idempotencyKey, now],
  );
  return rowCount === 1;
}

/** Exponential backoff with jitter (half fixed, half random), capped; a server's Retry-After is a floor. */
export function retryDelaySeconds(attempt: number, random: () => number = Math.random, retryAfterSeconds = 0, policy: DeliveryPolicy = deliveryPolicy): number {
  const ceiling = Math.min(policy.maxDelaySeconds, policy.baseDelaySeconds * 2 ** Math.max(0, attempt - 1));
  const jittered = Math.round(ceiling / 2 + (random() * ceiling) / 2);
  return Math.max(jittered, Math.ceil(retryAfterSeconds));
}

export interface DeliveryReport {
  sent: number;
  retrying: number;
  failed: number;
}

export interface DeliverOptions {
  policy?: DeliveryPolicy;
  random?: () => number;
}

/**
 * Sends the mails that are due. Rows are claimed in a short transaction (FOR UPDATE SKIP LOCKED, so two cron runs
 * take different rows) and sent outside it; a claim that outlives its lease is taken again with the same key.
 */
export async function deliverDue(db: Db, transport: MailTransport, now: Date = new Date(), options: DeliverOptions = {}): Promise<DeliveryReport> {
  const policy = options.policy ?? deliveryPolicy;
  const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0 };
  const { rows } = await db.query<OutboxRow>(
    `UPDATE mail_outbox SET status = 'sending', attempts = attempts + 1, locked_until = $2
     WHERE id IN (
       SELECT id FROM mail_outbox
       WHERE (status = 'pending' AND next_attempt_at <= $1) OR (status = 'sending' AND locked_until <= $1)
       ORDER BY next_attempt_at
       LIMIT $3
       FOR UPDATE SKIP LOCKED
     )
     RETURNING *`,
    [now, new Date(now.getTime() + policy.leaseSeconds * 1000), policy.batchSize],
  );
  for (const row of rows) {
    const result = await transport.send(
      { name: row.mail_name, to: row.recipient, subject: row.subject, html: row.html ?? '', text: row.text_body ?? '' },
      { idempotencyKey: row.idempotency_key },
    );
    if (result.ok) {
      // The body holds live confirm and withdraw tokens; once delivered it is not kept.
      await db.query(
        `UPDATE mail_outbox SET status = 'sent', sent_at = $2, provider_id = $3, locked_until = NULL, last_error = NULL, html = NULL, text_body = NULL
         WHERE id = $1 AND status = 'sending'`,
        [row.id, now, result.providerId ?? null],
      );
      report.sent++;
      continue;
    }
    const giveUp = !result.retryable || row.attempts >= policy.maxAttempts;
    const delay = retryDelaySeconds(row.attempts, options.random, result.retryAfterSeconds, policy);
    await db.query(
      `UPDATE mail_outbox SET status = $2, next_attempt_at = $3, last_error = $4, locked_until = NULL
       WHERE id = $1 AND status = 'sending'`,
      [row.id, giveUp ? 'failed' : 'pending', new Date(now.getTime() + delay * 1000), result.error.slice(0, 1000)],
    );
    if (giveUp) report.failed++;
    else report.retrying++;
  }
  return report;
}
