// The signing use cases, each one transaction: submit, confirm, approve, reject, withdraw, list, and the rate-limit counter.
import { decideRateLimit, type RateLimitDecision, type RateLimitRule } from '../domain/rate-limits.ts';
import type { SignatureInput } from '../domain/signature-input.ts';
import { applyTransition, type SignatureStatus, type SignatureTransition } from '../domain/signature-status.ts';
import { hashToken, isWellFormedToken, newToken, tokenExpiry, type TokenPurpose } from '../domain/tokens.ts';
import type { Db, Queryable } from './db/client.ts';
import { enqueueMail } from './mail/outbox.ts';
import { mailSettings } from './mail/settings.ts';
import { renderMail, signingLinks, type MailName, type MailProps } from './mail/templates.ts';

export interface UseCaseContext {
  now?: Date;
  /** The site URL for links in mails; defaults to SITE_URL. */
  site?: string;
}

export interface SignatureRow {
  id: string;
  organisation_name: string;
  organisation_type: SignatureInput['organisation_type'];
  cvr: string | null;
  municipality: string;
  website: string | null;
  contact_name: string;
  contact_title: string;
  email: string;
  statement: string | null;
  consent_public: boolean;
  status: SignatureStatus;
  created_at: Date;
  confirmed_at: Date | null;
  published_at: Date | null;
  withdrawn_at: Date | null;
  rejected_at: Date | null;
  reject_reason: string | null;
  reviewed_by: string | null;
}

/** What the public may see of a signatory: no contact person, no email, no CVR. */
export interface PublicSignatory {
  id: string;
  name: string;
  type: SignatureInput['organisation_type'];
  municipality: string;
  signed_at: Date;
  statement: string | null;
}

/**
 * The same answer whether or not a row was made, so the page never tells a stranger who has signed.
 * `created` and `signatureId` are for logs and tests only.
 */
export interface SubmitOutcome {
  kind: 'check-your-mail';
  created: boolean;
  signatureId?: string;
}

export type TokenFailure = 'unknown' | 'used' | 'expired' | 'not-allowed';
export type TokenOutcome = { ok: true; signatureId: string; organisationName: string } | { ok: false; reason: TokenFailure };
export type ReviewOutcome = { ok: true } | { ok: false; reason: 'unknown' | 'not-allowed' | 'reason-required' };

// Columns written from the form, in one place for the insert.
const inputColumns = ['organisation_name', 'organisation_type', 'cvr', 'municipality', 'website', 'contact_name', 'contact_title', 'email', 'statement', 'consent_public'] as const satisfies readonly (keyof SignatureInput)[];

const timestampFor: Record<SignatureStatus, string | undefined> = {
  pending: undefined,
  confirmed: 'confirmed_at',
  published: 'published_at',
  rejected: 'rejected_at',
  withdrawn: 'withdrawn_at',
};

const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const contextOf = (ctx: UseCaseContext) => ({ now: ctx.now ?? new Date(), site: ctx.site ?? mailSettings().siteUrl });

/** Creates the pending signature, its confirm and withdraw tokens and the confirm mail, or nothing if the organisation already has a live signature. */
export async function submitSignature(db: Db, input: SignatureInput, ctx: UseCaseContext = {}): Promise<SubmitOutcome> {
  const { now, site } = contextOf(ctx);
  return db.transaction(async (tx) => {
    const values = inputColumns.map((column) => input[column] ?? null);
    const placeholders = inputColumns.map((_, i) => `$${i + 1}`).join(', ');
    // The unique index on the live dedupe key decides: a double click or a second form loses quietly.
    const { rows } = await tx.query<SignatureRow>(
      `INSERT INTO signatures (${inputColumns.join(', ')}, created_at) VALUES (${placeholders}, $${inputColumns.length + 1})
       ON CONFLICT (dedupe_key) WHERE status NOT IN ('rejected', 'withdrawn') DO NOTHING
       RETURNING *`,
      [...values, now],
    );
    const signature = rows[0];
    if (!signature) return { kind: 'check-your-mail', created: false };
    await recordEvent(tx, signature.id, 'submit', null, 'pending', 'underskriver', now);
    const confirmToken = await issueToken(tx, signature.id, 'confirm', now);
    await queueSignatureMail(tx, 'signature-confirm', signature, { confirmUrl: signingLinks.confirm(site, confirmToken) }, now, site);
    return { kind: 'check-your-mail', created: true, signatureId: signature.id };
  });
}

/** Confirms the signature behind a confirm token; the token works once, within its lifetime. */
export async function confirmSignature(db: Db, token: string, ctx: UseCaseContext = {}): Promise<TokenOutcome> {
  const { now, site } = contextOf(ctx);
  return useToken(db, token, 'confirm', now, async (tx, signature) => {
    if (!(await moveSignature(tx, signature, 'confirm', 'underskriver', now))) return false;
    await queueSignatureMail(tx, 'signature-confirmed-awaiting-review', signature, {}, now, site);
    return true;
  });
}

/** Withdraws the signature behind a withdraw token: it leaves the public list at once. */
export async function withdrawSignature(db: Db, token: string, ctx: UseCaseContext = {}): Promise<TokenOutcome> {
  const { now, site } = contextOf(ctx);
  return useToken(db, token, 'withdraw', now, async (tx, signature) => {
    if (!(await moveSignature(tx, signature, 'withdraw', 'underskriver', now))) return false;
    await queueSignatureMail(tx, 'signature-withdrawn', signature, {}, now, site);
    return true;
  });
}

/** Publishes a confirmed signature and sends the approval mail with the badge. */
export async function approveSignature(db: Db, id: string, actor: string, ctx: UseCaseContext = {}): Promise<ReviewOutcome> {
  const { now, site } = contextOf(ctx);
  return review(db, id, async (tx, signature) => {
    if (!(await moveSignature(tx, signature, 'approve', actor, now, { reviewed_by: actor }))) return false;
    await queueSignatureMail(tx, 'signature-approved', signature, { signatureId: signature.id, listedPublicly: signature.consent_public }, now, site);
    return true;
  });
}

/** Rejects a confirmed signature with a reason the organisation is told. */
export async function rejectSignature(db: Db, id: string, reason: string, actor: string, ctx: UseCaseContext = {}): Promise<ReviewOutcome> {
  const { now, site } = contextOf(ctx);
  const cleanReason = reason.trim();
  if (!cleanReason) return { ok: false, reason: 'reason-required' };
  return review(db, id, async (tx, signature) => {
    if (!(await moveSignature(tx, signature, 'reject', actor, now, { reviewed_by: actor, reject_reason: cleanReason }, cleanReason))) return false;
    await queueSignatureMail(tx, 'signature-rejected', signature, { reason: cleanReason }, now, site);
    return true;
  });
}

/** Every signature for the review page, newest first, optionally of one status. */
export async function listSignatures(db: Db, status?: SignatureStatus): Promise<SignatureRow[]> {
  const { rows } = status
    ? await db.query<SignatureRow>('SELECT * FROM signatures WHERE status = $1 ORDER BY created_at DESC, id', [status])
    : await db.query<SignatureRow>('SELECT * FROM signatures ORDER BY created_at DESC, id');
  return rows;
}

/** The public wall: published signatures whose organisation agreed to be shown, oldest first. */
export async function publishedSignatories(db: Db, only?: { id: string }): Promise<PublicSignatory[]> {
  // id is compared as text, so a malformed id from a URL finds nothing instead of failing the cast.
  const { rows } = await db.query<PublicSignatory>(
    `SELECT id, organisation_name AS name, organisation_type AS type, municipality, confirmed_at AS signed_at, statement
     FROM signatures
     WHERE status = 'published' AND consent_public AND ($1::text IS NULL OR id::text = $1)
     ORDER BY confirmed_at, id`,
    [only?.id ?? null],
  );
  return rows;
}

/** Counts this request in every rule's window (an upsert per rule) and decides whether it may pass. */
export async function checkRateLimit(db: Db, key: string, rules: readonly RateLimitRule[], now: Date = new Date()): Promise<RateLimitDecision> {
  const counts = await db.transaction(async (tx) => {
    const result = [];
    for (const rule of rules) {
      const { rows } = await tx.query<{ count: number; reset_at: Date }>(
        `INSERT INTO rate_limit_buckets AS b (key, window_name, count, reset_at) VALUES ($1, $2, 1, $3)
         ON CONFLICT (key, window_name) DO UPDATE SET
           count = CASE WHEN b.reset_at <= $4 THEN 1 ELSE b.count + 1 END,
           reset_at = CASE WHEN b.reset_at <= $4 THEN EXCLUDED.reset_at ELSE b.reset_at END
         RETURNING count, reset_at`,
        [key, rule.name, new Date(now.getTime() + rule.windowSeconds * 1000), now],
      );
      result.push({ rule, count: rows[0]!.count, resetAt: rows[0]!.reset_at });
    }
    return result;
  });
  return decideRateLimit(counts, now);
}

/** Removes windows that ended a day ago or more; run it from the same cron as the outbox. */
export async function pruneRateLimits(db: Db, now: Date = new Date()): Promise<number> {
  const { rowCount } = await db.query('DELETE FROM rate_limit_buckets WHERE reset_at < $1', [new Date(now.getTime() - 24 * 60 * 60 * 1000)]);
  return rowCount;
}

// ——— the steps the use cases share ———

async function issueToken(tx: Queryable, signatureId: string, purpose: TokenPurpose, now: Date): Promise<string> {
  const token = newToken();
  await tx.query('INSERT INTO signature_tokens (token_hash, purpose, signature_id, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)', [
    hashToken(purpose, token),
    purpose,
    signatureId,
    now,
    tokenExpiry(purpose, now),
  ]);
  return token;
}

async function recordEvent(tx: Queryable, signatureId: string, transition: string, from: SignatureStatus | null, to: SignatureStatus, actor: string, now: Date, detail?: string) {
  await tx.query('INSERT INTO signature_events (signature_id, transition, from_status, to_status, actor, detail, at) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
    signatureId,
    transition,
    from,
    to,
    actor,
    detail ?? null,
    now,
  ]);
}

type ExtraColumns = Partial<Record<'reviewed_by' | 'reject_reason', string>>;

/** Applies a named transition if the state machine allows it from the signature's current status, and records who did it. */
async function moveSignature(tx: Queryable, signature: SignatureRow, transition: SignatureTransition, actor: string, now: Date, extra: ExtraColumns = {}, detail?: string): Promise<boolean> {
  const to = applyTransition(signature.status, transition);
  if (!to) return false;
  const sets = ['status = $3'];
  const params: unknown[] = [signature.id, signature.status, to];
  const stamp = timestampFor[to];
  if (stamp) sets.push(`${stamp} = $${params.push(now)}`);
  for (const [column, value] of Object.entries(extra)) sets.push(`${column} = $${params.push(value)}`);
  const { rowCount } = await tx.query(`UPDATE signatures SET ${sets.join(', ')} WHERE id = $1 AND status = $2`, params);
  if (rowCount !== 1) return false;
  await recordEvent(tx, signature.id, transition, signature.status, to, actor, now, detail);
  signature.status = to;
  return true;
}

type PropsBeyondBase<N extends MailName> = Omit<MailProps<N>, 'site' | 'organisationName' | 'contactName' | 'withdrawUrl'>;

/** Renders a named mail to the signature's contact and queues it; mails about a live signature carry a fresh withdraw link. */
async function queueSignatureMail<N extends MailName>(tx: Queryable, name: N, signature: SignatureRow, props: PropsBeyondBase<N>, now: Date, site: string) {
  const live = signature.status === 'pending' || signature.status === 'confirmed' || signature.status === 'published';
  const withdrawUrl = live ? signingLinks.withdraw(site, await issueToken(tx, signature.id, 'withdraw', now)) : undefined;
  const content = renderMail(name, { site, organisationName: signature.organisation_name, contactName: signature.contact_name, withdrawUrl, ...props } as unknown as MailProps<N>);
  await enqueueMail(tx, { name, to: signature.email, content, idempotencyKey: `${name}:${signature.id}` }, now);
}

/** Finds and locks a token of this purpose with its signature, checks it, and runs the step; the token is spent only if the step succeeds. */
async function useToken(db: Db, token: string, purpose: TokenPurpose, now: Date, step: (tx: Queryable, signature: SignatureRow) => Promise<boolean>): Promise<TokenOutcome> {
  if (!isWellFormedToken(token)) return { ok: false, reason: 'unknown' };
  const hash = hashToken(purpose, token);
  return db.transaction(async (tx): Promise<TokenOutcome> => {
    const { rows } = await tx.query<SignatureRow & { used_at: Date | null; expires_at: Date }>(
      `SELECT s.*, t.used_at, t.expires_at
       FROM signature_tokens t JOIN signatures s ON s.id = t.signature_id
       WHERE t.token_hash = $1 AND t.purpose = $2
       FOR UPDATE OF t, s`,
      [hash, purpose],
    );
    const found = rows[0];
    if (!found) return { ok: false, reason: 'unknown' };
    if (found.used_at) return { ok: false, reason: 'used' };
    if (found.expires_at.getTime() <= now.getTime()) return { ok: false, reason: 'expired' };
    const { used_at: _used, expires_at: _expires, ...signature } = found;
    if (!(await step(tx, signature))) return { ok: false, reason: 'not-allowed' };
    await tx.query('UPDATE signature_tokens SET used_at = $2 WHERE token_hash = $1', [hash, now]);
    return { ok: true, signatureId: signature.id, organisationName: signature.organisation_name };
  });
}

async function review(db: Db, id: string, step: (tx: Queryable, signature: SignatureRow) => Promise<boolean>): Promise<ReviewOutcome> {
  if (!uuidShape.test(id)) return { ok: false, reason: 'unknown' };
  return db.transaction(async (tx): Promise<ReviewOutcome> => {
    const { rows } = await tx.query<SignatureRow>('SELECT * FROM signatures WHERE id = $1 FOR UPDATE', [id]);
    const signature = rows[0];
    if (!signature) return { ok: false, reason: 'unknown' };
    return (await step(tx, signature)) ? { ok: true } : { ok: false, reason: 'not-allowed' };
  });
}
