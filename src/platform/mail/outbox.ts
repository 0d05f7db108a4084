// The mail outbox: mails and newsletter-contact jobs are written in the same transaction as the change they report,
// then sent, retried with backoff and never sent twice; and an address can be forgotten everywhere in it.
import type { Db, Queryable } from '../db/client.ts';
import type { MailContent } from './mail-frame.ts';
import type { MailTransport, SendResult } from './transport.ts';

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
  /** The mail's name, e.g. signature-confirm: kept after sending, so the log says what went out. */
  name: string;
  to: string;
  content: MailContent;
  /** One key, one mail: enqueuing it again does nothing, and Resend gets it as Idempotency-Key. */
  idempotencyKey: string;
}

export type OutboxKind = 'mail' | 'contact-add' | 'contact-remove';

/** What a contact job needs beyond the row's recipient: where to record the new contact, or which one to remove. */
export interface ContactAddPayload {
  memberId: string;
  segmentId: string;
}
export interface ContactRemovePayload {
  contactId: string;
}

export interface OutboxRow {
  id: string;
  kind: OutboxKind;
  mail_name: string;
  /** Null for a contact removal (it needs only the contact id) and once the address has been forgotten. */
  recipient: string | null;
  subject: string | null;
  payload: ContactAddPayload | ContactRemovePayload | null;
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

// The columns a queued mail fills and their values, in one place for both ways of queuing.
const queuedColumns = 'mail_name, recipient, subject, html, text_body, idempotency_key, next_attempt_at, created_at';
export const queuedValues = (mail: QueuedMail, now: Date): unknown[] => [mail.name, mail.to, mail.content.subject, mail.content.html, mail.content.text, mail.idempotencyKey, now, now];

/** Adds a mail inside the caller's transaction. Returns false when a mail with the same key is already queued. */
export async function enqueueMail(tx: Queryable, mail: QueuedMail, now: Date): Promise<boolean> {
  const { rowCount } = await tx.query(
    `INSERT INTO mail_outbox (${queuedColumns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (idempotency_key) DO NOTHING`,
    queuedValues(mail, now),
  );
  return rowCount === 1;
}

/** Queues adding a confirmed member to the newsletter segment at Resend; one job per member, ever. */
export async function enqueueContactAdd(tx: Queryable, job: { email: string } & ContactAddPayload, now: Date): Promise<boolean> {
  const payload: ContactAddPayload = { memberId: job.memberId, segmentId: job.segmentId };
  return enqueueJob(tx, 'contact-add', job.email, payload, `contact-add:${job.memberId}`, now);
}

/** Queues deleting a newsletter contact at Resend by its id: no address is stored for it. */
export async function enqueueContactRemove(tx: Queryable, contactId: string, now: Date): Promise<boolean> {
  const payload: ContactRemovePayload = { contactId };
  return enqueueJob(tx, 'contact-remove', null, payload, `contact-remove:${contactId}`, now);
}

async function enqueueJob(tx: Queryable, kind: Exclude<OutboxKind, 'mail'>, recipient: string | null, payload: object, idempotencyKey: string, now: Date): Promise<boolean> {
  const { rowCount } = await tx.query(
    `INSERT INTO mail_outbox (kind, mail_name, recipient, payload, idempotency_key, next_attempt_at, created_at)
     VALUES ($1, $1, $2, $3::jsonb, $4, $5, $5)
     ON CONFLICT (idempotency_key) DO NOTHING`,
    [kind, recipient, JSON.stringify(payload), idempotencyKey, now],
  );
  return rowCount === 1;
}

/** Is something with this key in the outbox already (queued, sent or failed)? */
export async function isQueued(tx: Queryable, idempotencyKey: string): Promise<boolean> {
  const { rows } = await tx.query('SELECT 1 FROM mail_outbox WHERE idempotency_key = $1', [idempotencyKey]);
  return rows.length > 0;
}

/**
 * Forgets an email address everywhere in the outbox, inside the caller's transaction (leaving, a GDPR erase):
 * what was not sent yet is deleted (never to be sent), and sent rows keep only their name, status and times,
 * so the record that a mail went out stays while the address, subject and any error text about it go.
 */
export async function forgetRecipient(tx: Queryable, email: string): Promise<{ deleted: number; forgotten: number }> {
  const address = email.trim();
  if (!address) return { deleted: 0, forgotten: 0 };
  const deleted = await tx.query(`DELETE FROM mail_outbox WHERE lower(recipient) = lower($1) AND status <> 'sent'`, [address]);
  const forgotten = await tx.query(
    `UPDATE mail_outbox SET recipient = NULL, subject = NULL, html = NULL, text_body = NULL, last_error = NULL
     WHERE lower(recipient) = lower($1)`,
    [address],
  );
  return { deleted: deleted.rowCount, forgotten: forgotten.rowCount };
}

/**
 * The same insert as one part of a larger statement (a use case done in a single statement): it queues the mail
 * only when the SQL `condition` holds. Its values are {@link queuedValues}, as the parameters from `$first` on.
 * The text depends on nothing else, so a caller can build it once.
 */
export function enqueueMailStatement(first: number, condition: string): string {
  const placeholders = queuedColumns.split(', ').map((_, i) => `$${first + i}`);
  // A bare parameter in a SELECT list has no type to infer; the two times must be cast.
  placeholders[6] += '::timestamptz';
  placeholders[7] += '::timestamptz';
  return `INSERT INTO mail_outbox (${queuedColumns}) SELECT ${placeholders.join(', ')} WHERE ${condition}
       ON CONFLICT (idempotency_key) DO NOTHING`;
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
  const sent: { id: string; providerId: string | null }[] = [];
  for (const row of rows) {
    const result = await perform(transport, row);
    if (result.ok) {
      const contactId = row.kind === 'contact-add' ? result.providerId : undefined;
      if (contactId) {
        // A new contact's id goes on the member in the same transaction that marks the job done.
        await db.transaction(async (tx) => {
          await tx.query(
            `UPDATE mail_outbox SET status = 'sent', sent_at = $2, provider_id = $3, locked_until = NULL, last_error = NULL WHERE id = $1 AND status = 'sending'`,
            [row.id, now, contactId],
          );
          await recordContact(tx, row.payload as ContactAddPayload, contactId, now);
        });
      } else {
        sent.push({ id: row.id, providerId: result.providerId ?? null });
      }
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
  // One update for the batch rather than one per mail (a wave of signings sends mail as fast as it signs). Should
  // the process die before it, the rows are claimed again after the lease and Resend drops the repeat by its key.
  // The body holds live confirm and withdraw tokens; once delivered it is not kept.
  if (sent.length > 0) {
    await db.query(
      `UPDATE mail_outbox AS o SET status = 'sent', sent_at = $1, provider_id = s.provider_id, locked_until = NULL, last_error = NULL, html = NULL, text_body = NULL
       FROM unnest($2::uuid[], $3::text[]) AS s (id, provider_id)
       WHERE o.id = s.id AND o.status = 'sending'`,
      [now, sent.map((m) => m.id), sent.map((m) => m.providerId)],
    );
  }
  return report;
}

/** Does the row's job: sends the mail, or adds or removes the newsletter contact. */
function perform(transport: MailTransport, row: OutboxRow): Promise<SendResult> {
  const options = { idempotencyKey: row.idempotency_key };
  if (row.kind === 'contact-remove') return transport.removeContact((row.payload as ContactRemovePayload).contactId, options);
  // Unsent rows are deleted when their address is forgotten, so a due row without one is a bug, not a retry.
  if (!row.recipient) return Promise.resolve({ ok: false, error: 'no recipient', retryable: false });
  if (row.kind === 'contact-add') return transport.addContact({ email: row.recipient, segmentId: (row.payload as ContactAddPayload).segmentId }, options);
  return transport.send({ name: row.mail_name, to: row.recipient, subject: row.subject ?? '', html: row.html ?? '', text: row.text_body ?? '' }, options);
}

/**
 * Keeps the new contact's id on the member, so removing it later needs no address. If the member left while the
 * contact was being made, there is nobody to keep it for: it is removed again straight away.
 */
async function recordContact(tx: Queryable, job: ContactAddPayload, contactId: string, now: Date): Promise<void> {
  const { rowCount } = await tx.query('UPDATE members SET resend_contact_id = $2 WHERE id = $1', [job.memberId, contactId]);
  if (rowCount === 0) await enqueueContactRemove(tx, contactId, now);
}

export interface DrainOptions extends DeliverOptions {
  /** Stop starting new batches after this long (default 45 s, inside a function's time limit). */
  budgetMs?: number;
  clock?: () => Date;
}

/**
 * Delivers batch after batch until nothing is due, a batch meets a failure to retry (the provider is struggling, so
 * the rest waits for the next run), or the budget is spent. The cron calls this: one batch per run would send a
 * wave's confirmation mails 50 every five minutes.
 */
export async function drainOutbox(db: Db, transport: MailTransport, options: DrainOptions = {}): Promise<DeliveryReport & { batches: number }> {
  const policy = options.policy ?? deliveryPolicy;
  const clock = options.clock ?? (() => new Date());
  const began = performance.now();
  const total = { sent: 0, retrying: 0, failed: 0, batches: 0 };
  for (;;) {
    const report = await deliverDue(db, transport, clock(), options);
    total.sent += report.sent;
    total.retrying += report.retrying;
    total.failed += report.failed;
    total.batches++;
    const claimed = report.sent + report.retrying + report.failed;
    if (claimed < policy.batchSize || report.retrying > 0 || performance.now() - began >= (options.budgetMs ?? 45_000)) return total;
  }
}
