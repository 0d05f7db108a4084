// Sends one mail or one newsletter-contact change: through Resend when RESEND_API_KEY is set, else into .data/outbox/ as files.
import { randomUUID } from 'node:crypto';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Resend } from 'resend';
import { mailSettings } from './settings.ts';

export interface OutgoingMail {
  /** The mail's name, e.g. "signature-confirm": a tag at Resend, part of the file name on disk. */
  name: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  /** The outbox row the mail comes from: a tag at Resend, so its webhook events and the stand-in can name the row. */
  ref?: string;
}

export type SendResult =
  | { ok: true; providerId?: string }
  | { ok: false; error: string; retryable: boolean; retryAfterSeconds?: number };

/** A newsletter contact to create at Resend and put in a segment (what Resend used to call an audience). */
export interface NewsletterContact {
  email: string;
  segmentId: string;
}

/** Resend's most mails in one batch call. */
export const maxBatchSize = 100;

/** One mail's fate in an accepted batch: sent, or refused on its own (permissive validation) while the rest went. */
export type BatchMailResult = { ok: true; providerId?: string } | { ok: false; error: string };

/**
 * A batch call's answer. Accepted: one result per mail, in order. Not accepted: nothing was sent (or the answer was
 * lost), and the batch is retried as a whole under the same key; `bodyChanged` says Resend holds this key with other
 * mails (409 invalid_idempotent_request): it accepted an earlier attempt, so the mails went out then.
 */
export type BatchResult =
  | { ok: true; mails: BatchMailResult[] }
  | { ok: false; error: string; retryable: boolean; retryAfterSeconds?: number; /** Too soon (429) or still running: wait, at no cost of an attempt. */ notYet?: boolean; bodyChanged?: boolean };

export interface MailTransport {
  readonly name: string;
  send(mail: OutgoingMail, options: { idempotencyKey: string }): Promise<SendResult>;
  /** Up to {@link maxBatchSize} mails in one call and under one key; a transport without it sends mail one by one. */
  sendBatch?(mails: readonly OutgoingMail[], options: { idempotencyKey: string }): Promise<BatchResult>;
  /** Creates the contact in the segment; `providerId` is the contact's id, which is all a later removal needs. */
  addContact(contact: NewsletterContact, options: { idempotencyKey: string }): Promise<SendResult>;
  /** Deletes the contact; one that is already gone counts as done. */
  removeContact(contactId: string, options: { idempotencyKey: string }): Promise<SendResult>;
}

/** Resend answers these when the mail itself is wrong; sending it again cannot help. */
const permanentStatuses = new Set([400, 422]);

export interface ResendTransportOptions {
  apiKey: string;
  from: string;
  /** Point the SDK elsewhere, e.g. a local recording server in tests. Defaults to RESEND_BASE_URL or Resend's API. */
  baseUrl?: string;
  /** Give up on one call after this long (default 10 s); the mail is retried later with the same idempotency key. */
  timeoutMs?: number;
  /** At most this many calls a second from this process (Resend allows a team 2 by default); unset or 0: no limit. */
  maxPerSecond?: number;
}

const wait = (ms: number) => new Promise<void>((resume) => setTimeout(resume, ms));

/** Spaces calls evenly, `perSecond` at most: each call waits for its own slot. */
export function pacer(perSecond: number | undefined, clock: () => number = () => performance.now(), sleep: (ms: number) => Promise<void> = wait): () => Promise<void> {
  if (!perSecond || perSecond <= 0) return async () => {};
  const gapMs = 1000 / perSecond;
  let next = -Infinity;
  return async () => {
    const now = clock();
    const slot = Math.max(now, next);
    next = slot + gapMs;
    if (slot > now) await sleep(slot - now);
  };
}

/** RESEND_MAX_PER_SECOND: the team's rate at Resend (2 unless Resend raised it); 0 for no limit (a local stand-in). */
export function resendRateFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const value = env.RESEND_MAX_PER_SECOND;
  return value === undefined || value.trim() === '' || !Number.isFinite(Number(value)) ? 2 : Number(value);
}

type ResendFailure = { statusCode: number | null; name: string; message: string };

/** Resend's error as a failed result: permanent for a bad request, else worth retrying (after Retry-After, if given). */
function failure(error: ResendFailure, headers: Record<string, string> | null | undefined): SendResult & { ok: false } {
  const retryAfter = Number(headers?.['retry-after']);
  return {
    ok: false,
    error: `${error.statusCode ?? 'no response'} ${error.name}: ${error.message}`,
    retryable: !permanentStatuses.has(error.statusCode ?? 0),
    ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfterSeconds: retryAfter } : {}),
  };
}

/** The tags a mail carries at Resend: its name, and its outbox row when it has one. */
function tagsOf(mail: OutgoingMail): { name: string; value: string }[] {
  return [{ name: 'mail', value: mail.name }, ...(mail.ref ? [{ name: 'outbox', value: mail.ref }] : [])];
}

/**
 * Sends under 90 % of the allowed rate: the pacer's slots are exact, but timers fire late and requests travel, so two
 * calls 500 ms apart here can arrive 499 ms apart at Resend, and a sliding window of one second would answer 429.
 */
export const rateMargin = 0.9;

export function createResendTransport(options: ResendTransportOptions): MailTransport {
  const resend = new Resend(options.apiKey, options.baseUrl ? { baseUrl: options.baseUrl } : undefined);
  const slot = pacer(options.maxPerSecond ? options.maxPerSecond * rateMargin : undefined);
  return {
    name: 'resend',
    async send(mail, { idempotencyKey }) {
      // Sending faster than Resend allows only earns 429s and waits; keep to the rate instead.
      await slot();
      // The SDK never throws: a 4xx, a 5xx and a refused connection all come back as { error }.
      const { data, error, headers } = await resend.emails.send(
        { from: options.from, to: [mail.to], subject: mail.subject, html: mail.html, text: mail.text, tags: tagsOf(mail) },
        // Without a time limit, one call that never gets an answer would hold up every mail after it.
        { idempotencyKey, signal: AbortSignal.timeout(options.timeoutMs ?? 10_000) },
      );
      if (error) return failure(error, headers);
      return { ok: true, providerId: data?.id };
    },
    async sendBatch(mails, { idempotencyKey }) {
      await slot();
      // Permissive: Resend sends the valid mails and lists the invalid ones, so one bad address holds back no other.
      const { data, error, headers } = await resend.batch.send(
        mails.map((mail) => ({ from: options.from, to: [mail.to], subject: mail.subject, html: mail.html, text: mail.text, tags: tagsOf(mail) })),
        { idempotencyKey, batchValidation: 'permissive', signal: AbortSignal.timeout(options.timeoutMs ?? 10_000) },
      );
      if (error) {
        const failed = failure(error, headers);
        if (error.statusCode === 429) return { ...failed, notYet: true };
        // 409: this key was accepted with other mails (invalid_idempotent_request), or its first call is still
        // running (concurrent_idempotent_requests), which a short wait settles.
        if (error.statusCode === 409) return error.name === 'concurrent_idempotent_requests' ? { ...failed, retryable: true, notYet: true, retryAfterSeconds: 1 } : { ...failed, retryable: true, bodyChanged: true };
        return failed;
      }
      return { ok: true, mails: batchOutcome(mails.length, data?.data ?? [], data?.errors ?? []) };
    },
    async addContact({ email, segmentId }) {
      const created = await resend.contacts.create({ email, segments: [{ id: segmentId }] });
      if (!created.error) return { ok: true, providerId: created.data?.id };
      // 409: the address is a contact already (an earlier attempt whose answer was lost, or another list):
      // find its id and put it in the segment, so a retry ends where a first success would have.
      if (created.error.statusCode !== 409) return failure(created.error, created.headers);
      const found = await resend.contacts.get({ email });
      if (found.error) return failure(found.error, found.headers);
      const added = await resend.contacts.segments.add({ contactId: found.data.id, segmentId });
      if (added.error && added.error.statusCode !== 409) return failure(added.error, added.headers);
      return { ok: true, providerId: found.data.id };
    },
    async removeContact(contactId) {
      const { error, headers } = await resend.contacts.remove(contactId);
      if (!error || error.statusCode === 404) return { ok: true };
      return failure(error, headers);
    },
  };
}

/**
 * Resend's answer to a permissive batch, one result per mail: `errors` name the refused mails by index, and `data`
 * holds the ids of the sent ones in order.
 */
export function batchOutcome(count: number, sent: readonly { id: string }[], errors: readonly { index: number; message: string }[]): BatchMailResult[] {
  const refused = new Map(errors.map((e) => [e.index, e.message]));
  let next = 0;
  return Array.from({ length: count }, (_, index): BatchMailResult => {
    const message = refused.get(index);
    if (message !== undefined) return { ok: false, error: `422 validation_error: ${message}` };
    return { ok: true, providerId: sent[next++]?.id };
  });
}

export interface FileTransportOptions {
  dir: string;
  from: string;
  log?: (line: string) => void;
  clock?: () => Date;
}

/**
 * For local work: each mail becomes <time>-<id>-<name>.html and .txt, each contact change <time>-<id>-contact-*.json,
 * and action links are printed. The id (the outbox row, else a fresh UUID) makes every name unique: two mails in the
 * same millisecond both stay. The time only sorts the folder. Mail holds addresses, so files are 0600 in a 0700 folder.
 */
export function createFileTransport(options: FileTransportOptions): MailTransport {
  const log = options.log ?? ((line: string) => console.log(line));
  const clock = options.clock ?? (() => new Date());
  const fileBase = async (name: string, id: string = randomUUID()) => {
    await mkdir(options.dir, { recursive: true, mode: 0o700 });
    // mkdir's mode is masked by the umask and leaves an existing folder alone: set it outright.
    await chmod(options.dir, 0o700);
    const safeId = id.replace(/[^A-Za-z0-9-]/g, '_');
    return join(options.dir, `${clock().toISOString().replace(/[:.]/g, '-')}-${safeId}-${name}`);
  };
  const write = (path: string, text: string) => writeFile(path, text, { mode: 0o600 });
  return {
    name: 'file',
    async send(mail, { idempotencyKey }) {
      const base = await fileBase(mail.name, mail.ref);
      const header = `Fra: ${options.from}\nTil: ${mail.to}\nEmne: ${mail.subject}\nIdempotency-Key: ${idempotencyKey}\n\n`;
      await write(`${base}.html`, mail.html);
      await write(`${base}.txt`, header + mail.text);
      log(`Mail "${mail.name}" til ${mail.to}: ${base}.html`);
      for (const link of mail.text.match(/https?:\/\/\S+\/(?:underskriv\/(?:bekraeft|traek-tilbage)|bliv-medlem\/(?:bekraeft|udmeld)|en\/(?:sign\/(?:confirm|withdraw)|join\/(?:confirm|leave)))\/\?token=\S+/g) ?? []) log(`  ${link}`);
      return { ok: true };
    },
    async addContact(contact, { idempotencyKey }) {
      const contactId = `fil-${randomUUID()}`;
      const base = await fileBase('contact-add');
      await write(`${base}.json`, JSON.stringify({ ...contact, contactId, idempotencyKey }, null, 2));
      log(`Nyhedsbrev: ${contact.email} tilføjet som kontakt ${contactId}: ${base}.json`);
      return { ok: true, providerId: contactId };
    },
    async removeContact(contactId, { idempotencyKey }) {
      const base = await fileBase('contact-remove');
      await write(`${base}.json`, JSON.stringify({ contactId, idempotencyKey }, null, 2));
      log(`Nyhedsbrev: kontakt ${contactId} fjernet: ${base}.json`);
      return { ok: true };
    },
  };
}

/** Resend when RESEND_API_KEY is set (at most RESEND_MAX_PER_SECOND calls a second), else files under `${DATA_DIR ?? '.data'}/outbox`. */
export function transportFromEnv(env: NodeJS.ProcessEnv = process.env): MailTransport {
  const { from } = mailSettings(env);
  if (env.RESEND_API_KEY) {
    return createResendTransport({ apiKey: env.RESEND_API_KEY, from, baseUrl: env.RESEND_BASE_URL || undefined, maxPerSecond: resendRateFromEnv(env) });
  }
  return createFileTransport({ dir: join(env.DATA_DIR ?? '.data', 'outbox'), from });
}
