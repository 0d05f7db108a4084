// The mail outbox: mails and newsletter-contact jobs are written in the same transaction as the change they report,
// then sent, retried with backoff and never sent twice; and an address can be forgotten everywhere in it.
import type { Db, Queryable } from '../db/client.ts';
import type { MailContent } from './mail-frame.ts';
import { randomUUID } from 'node:crypto';
import { mailCapFor, mailCapHours } from '../rate-limits.ts';
import { maxBatchSize, type BatchResult, type MailTransport, type OutgoingMail, type SendResult } from './transport.ts';

export const deliveryPolicy = {
  /** Mails in one batch call to Resend (its most), and contact jobs claimed in one run. */
  batchSize: maxBatchSize,
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
  status: 'pending' | 'sending' | 'sent' | 'failed' | 'suppressed';
  /** The batch the mail was claimed into: its id is the batch's Idempotency-Key, kept for every retry. */
  batch_id: string | null;
  attempts: number;
  next_attempt_at: Date;
  last_error: string | null;
  provider_id: string | null;
  sent_at: Date | null;
}

// The columns a queued mail fills and their values, in one place for both ways of queuing; the last value is the
// mail's per-recipient cap (null for none), which the insert checks against the outbox.
const queuedColumns = 'mail_name, recipient, subject, html, text_body, idempotency_key, next_attempt_at, created_at';
export const queuedValues = (mail: QueuedMail, now: Date): unknown[] => [
  mail.name,
  mail.to,
  mail.content.subject,
  mail.content.html,
  mail.content.text,
  mail.idempotencyKey,
  now,
  now,
  mailCapFor(mail.name),
];

/**
 * The SQL condition "this recipient has had fewer than the cap of mails of this name lately", on the parameters of
 * {@link queuedValues} from `$first` on; a mail without a cap skips the count.
 */
function underCapSql(first: number): string {
  const [name, recipient, createdAt, cap] = [first, first + 1, first + 7, first + 8].map((i) => `$${i}`);
  return `(${cap}::int IS NULL OR (SELECT count(*) FROM mail_outbox AS capped
      WHERE lower(capped.recipient) = lower(${recipient}::text) AND capped.mail_name = ${name}::text
        AND capped.created_at > ${createdAt}::timestamptz - make_interval(hours => ${mailCapHours})) < ${cap}::int)`;
}

/**
 * Adds a mail inside the caller's transaction. Returns false when a mail with the same key is already queued, or
 * when the recipient has had as many mails of this name as its cap allows in a day (see mailCapsPerDay).
 */
export async function enqueueMail(tx: Queryable, mail: QueuedMail, now: Date): Promise<boolean> {
  const { rowCount } = await tx.query(enqueueMailStatement(1, 'true'), queuedValues(mail, now));
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
 * A mail to someone else can name an address in its text (the mail to an organisation's existing contact names the
 * new signer). This matches the address there as a whole address, case ignored, not as part of a longer one.
 */
export function mentionPattern(email: string): string {
  const escaped = email.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return `(^|[^[:alnum:]._%+-])${escaped}($|[^[:alnum:]._%+-]|\\.($|[^[:alnum:]-]))`;
}

/** The SQL condition "this row is to someone else but names the address in its text"; `param` holds mentionPattern(). */
export const mentionsSql = (param: string, recipientParam: string) =>
  `(recipient IS NULL OR lower(recipient) <> lower(${recipientParam})) AND (text_body ~* ${param} OR subject ~* ${param})`;

/**
 * Forgets an address where it is named in mail to someone else (a GDPR erase): such a mail not sent yet is deleted,
 * and one kept as a log loses its texts. Sent mail keeps no body anyway.
 */
export async function forgetMentions(tx: Queryable, email: string): Promise<{ deleted: number; forgotten: number }> {
  const address = email.trim();
  if (!address) return { deleted: 0, forgotten: 0 };
  const params = [mentionPattern(address), address];
  const deleted = await tx.query(`DELETE FROM mail_outbox WHERE status NOT IN ('sent', 'failed') AND ${mentionsSql('$1', '$2')}`, params);
  const forgotten = await tx.query(`UPDATE mail_outbox SET subject = NULL, html = NULL, text_body = NULL, last_error = NULL WHERE ${mentionsSql('$1', '$2')}`, params);
  return { deleted: deleted.rowCount, forgotten: forgotten.rowCount };
}

/**
 * The same insert as one part of a larger statement (a use case done in a single statement): it queues the mail
 * only when the SQL `condition` holds and the recipient is under the mail's cap. Its values are {@link queuedValues},
 * as the parameters from `$first` on. The text depends on nothing else, so a caller can build it once.
 */
export function enqueueMailStatement(first: number, condition: string): string {
  const placeholders = queuedColumns.split(', ').map((_, i) => `$${first + i}`);
  // A bare parameter in a SELECT list has no type to infer: each is cast to its column's type.
  const types = ['text', 'text', 'text', 'text', 'text', 'text', 'timestamptz', 'timestamptz'];
  const values = placeholders.map((p, i) => `${p}::${types[i]}`);
  return `INSERT INTO mail_outbox (${queuedColumns}) SELECT ${values.join(', ')} WHERE (${condition}) AND ${underCapSql(first)}
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
  /** Mails not sent because their address is suppressed (a hard bounce or a complaint). */
  suppressed: number;
}

export interface DeliverOptions {
  policy?: DeliveryPolicy;
  random?: () => number;
}

const noDelivery = (): DeliveryReport => ({ sent: 0, retrying: 0, failed: 0, suppressed: 0 });

/** The Idempotency-Key of a batch at Resend: the same for every attempt, so a repeat sends nothing twice. */
export const batchKey = (batchId: string) => `batch:${batchId}`;

/**
 * Sends what is due: one batch of mail (a batch to retry first, else up to `batchSize` new mails) and the newsletter
 * contact jobs. Rows are claimed in short transactions (FOR UPDATE SKIP LOCKED, so two runs take different rows)
 * and sent outside them; a claim that outlives its lease is taken again, with the same key and the same mails.
 */
export async function deliverDue(db: Db, transport: MailTransport, now: Date = new Date(), options: DeliverOptions = {}): Promise<DeliveryReport> {
  const policy = options.policy ?? deliveryPolicy;
  const report = noDelivery();
  report.suppressed = await skipSuppressed(db);
  const batch = await claimBatch(db, now, policy);
  if (batch) add(report, await sendBatch(db, transport, batch, now, policy, options));
  add(report, await deliverJobs(db, transport, now, policy, options));
  return report;
}

function add(total: DeliveryReport, part: DeliveryReport): void {
  total.sent += part.sent;
  total.retrying += part.retrying;
  total.failed += part.failed;
  total.suppressed += part.suppressed;
}

/** Marks queued mail to a suppressed address as such, never to be sent; its body with live links goes. */
async function skipSuppressed(db: Db): Promise<number> {
  const { rowCount } = await db.query(
    `UPDATE mail_outbox AS o SET status = 'suppressed', last_error = 'suppressed: ' || s.reason, html = NULL, text_body = NULL, locked_until = NULL
     FROM mail_suppressions AS s
     WHERE o.kind = 'mail' AND o.status = 'pending' AND o.batch_id IS NULL AND lower(o.recipient) = s.address`,
  );
  return rowCount;
}

interface ClaimedBatch {
  id: string;
  attempts: number;
  rows: OutboxRow[];
}

/**
 * A batch to send: one whose last attempt failed or whose lease ran out (with exactly the mails it had), else a new
 * one of the oldest due mails. Its id goes on each row before anything is sent, so every retry repeats it.
 */
async function claimBatch(db: Db, now: Date, policy: DeliveryPolicy): Promise<ClaimedBatch | undefined> {
  const leaseEnd = new Date(now.getTime() + policy.leaseSeconds * 1000);
  return db.transaction(async (tx) => {
    const { rows: again } = await tx.query<{ id: string; attempts: number }>(
      `UPDATE mail_batches SET status = 'sending', attempts = attempts + 1, locked_until = $2
       WHERE id = (
         SELECT id FROM mail_batches
         WHERE (status = 'pending' AND next_attempt_at <= $1) OR (status = 'sending' AND locked_until <= $1)
         ORDER BY next_attempt_at LIMIT 1
         FOR UPDATE SKIP LOCKED
       )
       RETURNING id, attempts`,
      [now, leaseEnd],
    );
    if (again[0]) {
      const { rows } = await tx.query<OutboxRow>(
        `UPDATE mail_outbox SET status = 'sending', attempts = attempts + 1, locked_until = $2
         WHERE batch_id = $1 AND status IN ('pending', 'sending') RETURNING *`,
        [again[0].id, leaseEnd],
      );
      // Every mail of it was forgotten (GDPR) since: nothing is left to send.
      if (rows.length === 0) {
        await tx.query(`UPDATE mail_batches SET status = 'done', locked_until = NULL WHERE id = $1`, [again[0].id]);
        return undefined;
      }
      return { id: again[0].id, attempts: again[0].attempts, rows: rows.sort(byId) };
    }
    const id = randomUUID();
    const { rows } = await tx.query<OutboxRow>(
      `UPDATE mail_outbox SET status = 'sending', attempts = attempts + 1, locked_until = $2, batch_id = $4
       WHERE id IN (
         SELECT id FROM mail_outbox AS o
         WHERE kind = 'mail' AND status = 'pending' AND batch_id IS NULL AND next_attempt_at <= $1
           AND NOT EXISTS (SELECT 1 FROM mail_suppressions s WHERE s.address = lower(o.recipient))
         ORDER BY next_attempt_at
         LIMIT $3
         FOR UPDATE SKIP LOCKED
       )
       RETURNING *`,
      [now, leaseEnd, policy.batchSize, id],
    );
    if (rows.length === 0) return undefined;
    await tx.query(`INSERT INTO mail_batches (id, status, attempts, next_attempt_at, locked_until, created_at) VALUES ($1, 'sending', 1, $2, $3, $2)`, [id, now, leaseEnd]);
    return { id, attempts: 1, rows: rows.sort(byId) };
  });
}

/** A batch's mails in one fixed order, so a retry sends the same body. */
const byId = (a: OutboxRow, b: OutboxRow) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

const outgoing = (row: OutboxRow): OutgoingMail => ({ name: row.mail_name, to: row.recipient ?? '', subject: row.subject ?? '', html: row.html ?? '', text: row.text_body ?? '', ref: row.id });

/** Sends one batch and records the answer: each mail sent or refused on its own, or the whole batch to retry. */
async function sendBatch(db: Db, transport: MailTransport, batch: ClaimedBatch, now: Date, policy: DeliveryPolicy, options: DeliverOptions): Promise<DeliveryReport> {
  const report = noDelivery();
  const result = transport.sendBatch
    ? await transport.sendBatch(batch.rows.map(outgoing), { idempotencyKey: batchKey(batch.id) })
    : await oneByOne(transport, batch.rows);
  if (result.ok) {
    const sent: { id: string; providerId: string | null }[] = [];
    for (const [i, row] of batch.rows.entries()) {
      const mail = result.mails[i];
      if (mail?.ok) sent.push({ id: row.id, providerId: mail.providerId ?? null });
      else {
        // Refused on its own (an invalid address, say): it fails, and the others in the batch went.
        await finish(db, row.id, 'failed', now, mail?.error ?? 'no answer for this mail');
        report.failed++;
      }
    }
    await markSent(db, sent, now);
    report.sent += sent.length;
    await db.query(`UPDATE mail_batches SET status = 'done', locked_until = NULL, last_error = NULL WHERE id = $1`, [batch.id]);
    return report;
  }
  const error = result.error.slice(0, 1000);
  if (result.bodyChanged) {
    // Resend keeps a key only for a batch it accepted, and holds this one with other mails: an attempt whose answer
    // was lost went out, and a mail of it was forgotten (GDPR) since. The mails left were sent then.
    await markSent(db, batch.rows.map((row) => ({ id: row.id, providerId: null })), now);
    await db.query(`UPDATE mail_batches SET status = 'done', locked_until = NULL, last_error = $2 WHERE id = $1`, [batch.id, error]);
    report.sent += batch.rows.length;
    return report;
  }
  const giveUp = !result.retryable || batch.attempts >= policy.maxAttempts;
  // A 429 says nothing about the mails, only that we came too soon: wait as told, and it costs no attempt.
  const delay = result.notYet ? Math.max(1, Math.ceil(result.retryAfterSeconds ?? 1)) : retryDelaySeconds(batch.attempts, options.random, result.retryAfterSeconds, policy);
  const next = new Date(now.getTime() + delay * 1000);
  const refund = result.notYet ? 1 : 0;
  await db.transaction(async (tx) => {
    await tx.query(
      `UPDATE mail_batches SET status = $2, next_attempt_at = $3, last_error = $4, locked_until = NULL, attempts = attempts - $5 WHERE id = $1`,
      [batch.id, giveUp ? 'done' : 'pending', next, error, refund],
    );
    await tx.query(
      `UPDATE mail_outbox SET status = $2, next_attempt_at = $3, last_error = $4, locked_until = NULL, attempts = attempts - $5 WHERE batch_id = $1 AND status = 'sending'`,
      [batch.id, giveUp ? 'failed' : 'pending', next, error, refund],
    );
  });
  if (giveUp) report.failed += batch.rows.length;
  else report.retrying += batch.rows.length;
  return report;
}

/** A transport that cannot batch sends each mail under its own key, and the batch counts as accepted. */
async function oneByOne(transport: MailTransport, rows: readonly OutboxRow[]): Promise<BatchResult> {
  const mails = [];
  for (const row of rows) {
    const result = await transport.send(outgoing(row), { idempotencyKey: row.idempotency_key });
    if (!result.ok && result.retryable) return result;
    mails.push(result.ok ? result : { ok: false as const, error: result.error });
  }
  return { ok: true, mails };
}

/**
 * One update for many sent rows rather than one per mail. Should the process die before it, the batch is claimed
 * again after the lease and Resend answers the repeat from its key. The body holds live confirm and withdraw tokens;
 * once delivered it is not kept.
 */
async function markSent(db: Db, sent: readonly { id: string; providerId: string | null }[], now: Date): Promise<void> {
  if (sent.length === 0) return;
  await db.query(
    `UPDATE mail_outbox AS o SET status = 'sent', sent_at = $1, provider_id = s.provider_id, locked_until = NULL, last_error = NULL, html = NULL, text_body = NULL
     FROM unnest($2::uuid[], $3::text[]) AS s (id, provider_id)
     WHERE o.id = s.id AND o.status = 'sending'`,
    [now, sent.map((m) => m.id), sent.map((m) => m.providerId)],
  );
}

async function finish(db: Db, id: string, status: 'failed', now: Date, error: string): Promise<void> {
  await db.query(`UPDATE mail_outbox SET status = $2, next_attempt_at = $3, last_error = $4, locked_until = NULL WHERE id = $1 AND status = 'sending'`, [id, status, now, error.slice(0, 1000)]);
}

/** The newsletter contact jobs, one call each (Resend has no batch for them), with the mails' backoff. */
async function deliverJobs(db: Db, transport: MailTransport, now: Date, policy: DeliveryPolicy, options: DeliverOptions): Promise<DeliveryReport> {
  const report = noDelivery();
  const { rows } = await db.query<OutboxRow>(
    `UPDATE mail_outbox SET status = 'sending', attempts = attempts + 1, locked_until = $2
     WHERE id IN (
       SELECT id FROM mail_outbox
       WHERE kind <> 'mail' AND ((status = 'pending' AND next_attempt_at <= $1) OR (status = 'sending' AND locked_until <= $1))
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
  await markSent(db, sent, now);
  return report;
}

/** Does a contact job's work: adds or removes the newsletter contact. */
function perform(transport: MailTransport, row: OutboxRow): Promise<SendResult> {
  const options = { idempotencyKey: row.idempotency_key };
  if (row.kind === 'contact-remove') return transport.removeContact((row.payload as ContactRemovePayload).contactId, options);
  // Unsent rows are deleted when their address is forgotten, so a due row without one is a bug, not a retry.
  if (!row.recipient) return Promise.resolve({ ok: false, error: 'no recipient', retryable: false });
  return transport.addContact({ email: row.recipient, segmentId: (row.payload as ContactAddPayload).segmentId }, options);
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
 * wave's confirmation mails 100 every five minutes.
 */
export async function drainOutbox(db: Db, transport: MailTransport, options: DrainOptions = {}): Promise<DeliveryReport & { batches: number }> {
  const clock = options.clock ?? (() => new Date());
  const began = performance.now();
  const total = { ...noDelivery(), batches: 0 };
  for (;;) {
    const report = await deliverDue(db, transport, clock(), options);
    add(total, report);
    total.batches++;
    const claimed = report.sent + report.retrying + report.failed;
    if (claimed === 0 || report.retrying > 0 || performance.now() - began >= (options.budgetMs ?? 45_000)) return total;
  }
}
