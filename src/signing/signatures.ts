// The signing use cases, each one transaction: submit, confirm, approve, reject, withdraw, list, and the rate-limit counter.
import { randomUUID } from 'node:crypto';
import type { SignatureInput } from './signature-input.ts';
import { applyTransition, isLive, pendingSignatureSql, placeHoldingStatuses, type SignatureStatus, type SignatureTransition } from './signature-status.ts';
import { withoutControlCharacters } from '../platform/plain-text.ts';
import { hashToken, newToken, tokenExpiry, type TokenFailure, type TokenPurpose } from '../platform/tokens.ts';
import type { Db, Queryable } from '../platform/db/client.ts';
import { issueLinkToken, signatureTokens, useLinkToken } from '../platform/link-tokens.ts';
import { enqueueMail, enqueueMailStatement, queuedValues, type QueuedMail } from '../platform/mail/outbox.ts';
import { currentCharter } from '../charter/charter-versions.ts';
import { mailSettings } from '../platform/mail/settings.ts';
import { renderSigningMail, signingLinks, type SigningMailName as MailName, type SigningMailProps as MailProps } from './signing-mails.ts';
import { retentionPolicy, type Pruner } from '../platform/retention.ts';
import { recordAuditRow } from '../platform/audit-log.ts';
import { languageOf, strings, type Language } from '../i18n/index.ts';

export interface UseCaseContext {
  now?: Date;
  /** The site URL for links in mails; defaults to SITE_URL. */
  site?: string;
  /** The language the person used on the site; their mails go in it. Danish when left out. */
  language?: Language;
  /** The charter version being signed; the current one (content/charter/versions) when left out. */
  charterVersion?: number;
}

export interface SignatureRow {
  id: string;
  organisation_name: string;
  organisation_type: SignatureInput['organisation_type'];
  cvr: string | null;
  municipality: string;
  website: string | null;
  /** Null once the contact person has been erased (withdrawal or a GDPR request). */
  contact_name: string | null;
  contact_title: string | null;
  email: string | null;
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
  contact_erased_at: Date | null;
  /** The language the contact person signed in ('da' or 'en'), for every mail about the signature. */
  language: string;
  /** The organisation as the unique index sees it (CVR, else name and municipality). */
  dedupe_key: string;
  /** The version of the charter the organisation signed (content/charter/versions/<n>.yaml). */
  charter_version: number;
  /** The newest version it has stood behind since: the one it signed, or a newer one it re-affirmed. */
  affirmed_version: number;
}

/** What the public may see of a signatory: no contact person, no email, no CVR. */
export interface PublicSignatory {
  id: string;
  name: string;
  type: SignatureInput['organisation_type'];
  municipality: string;
  signed_at: Date;
  statement: string | null;
  /** The charter version signed, and the newest one affirmed since (the wall marks who stands behind the current one). */
  charter_version: number;
  affirmed_version: number;
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

export type { TokenFailure };
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

// The submit statement's text is the same for every signing, so it is built once; its parameters, in this order:
// the id, the form's columns, now, the confirm token's hash and expiry, the withdraw token's, the charter version
// signed, and the mail's values.
const submitSql = (() => {
  const n = inputColumns.length + 1;
  const [now, confirmHash, confirmExpiry, withdrawHash, withdrawExpiry] = [n + 2, n + 3, n + 4, n + 5, n + 6].map((i) => `$${i}`);
  const version = `$${n + 7}::int`;
  // A pending signature holds no place, so this runs the same whether or not the organisation has signed. Only the
  // same organisation from the same address while one is pending (a double click, a second form) loses quietly, and
  // then the statements below it find no row in `signature` and write nothing either.
  return `WITH signature AS (
       INSERT INTO signatures (id, ${inputColumns.join(', ')}, language, created_at, charter_version, affirmed_version)
       VALUES ($1, ${inputColumns.map((_, i) => `$${i + 2}`).join(', ')}, $${n + 1}, ${now}, ${version}, ${version})
       ON CONFLICT (dedupe_key, lower(email)) WHERE ${pendingSignatureSql} DO NOTHING
       RETURNING id
     ), event AS (
       INSERT INTO signature_events (signature_id, transition, from_status, to_status, actor, at)
       SELECT id, 'submit', NULL, 'pending', 'underskriver', ${now} FROM signature
     ), tokens AS (
       INSERT INTO signature_tokens (token_hash, purpose, signature_id, created_at, expires_at)
       SELECT t.hash, t.purpose, signature.id, ${now}, t.expires_at
       FROM signature, (VALUES (${confirmHash}, 'confirm', ${confirmExpiry}::timestamptz), (${withdrawHash}, 'withdraw', ${withdrawExpiry}::timestamptz)) AS t (hash, purpose, expires_at)
     ), mail AS (
       ${enqueueMailStatement(n + 8, 'EXISTS (SELECT 1 FROM signature)')}
     )
     SELECT id FROM signature`;
})();

/**
 * Creates the pending signature, its event, its confirm and withdraw tokens and the confirm mail, or nothing if the
 * organisation already has a live signature. It is one statement, so one transaction and one round trip: this is
 * the path a wave of signers takes (see docs/benchmarks.md), and the tokens, the id and the mail are all known beforehand.
 */
export async function submitSignature(db: Db, input: SignatureInput, ctx: UseCaseContext = {}): Promise<SubmitOutcome> {
  const { now, site } = contextOf(ctx);
  const id = randomUUID();
  const confirmToken = newToken();
  const withdrawToken = newToken();
  const pending = { id, organisation_name: input.organisation_name, contact_name: input.contact_name, email: input.email };
  const language = ctx.language ?? 'da';
  const mail = signatureMail('signature-confirm', { ...pending, language }, { confirmUrl: signingLinks.confirm(site, confirmToken, language) }, withdrawToken, site);
  const params = [
    id,
    ...inputColumns.map((column) => input[column] ?? null),
    language,
    now,
    hashToken('confirm', confirmToken),
    tokenExpiry('confirm', now),
    hashToken('withdraw', withdrawToken),
    tokenExpiry('withdraw', now),
    ctx.charterVersion ?? (await currentCharter()).version,
    ...queuedValues(mail, now),
  ];
  const { rows } = await db.query<{ id: string }>(submitSql, params, { prepare: true });
  return rows[0] ? { kind: 'check-your-mail', created: true, signatureId: rows[0].id } : { kind: 'check-your-mail', created: false };
}

/**
 * Confirms the signature behind a confirm token; the token works once, within its lifetime. The first confirmed
 * signature of an organisation goes to review. A later one, while the first holds the place, stays pending with its
 * address confirmed: the secretariat sees it as a conflict, the existing contact is told, and the signer gets the same
 * answer and the same mail as anyone else, so a confirm link never reveals whether the organisation had signed.
 */
export async function confirmSignature(db: Db, token: string, ctx: UseCaseContext = {}): Promise<TokenOutcome> {
  const { now, site } = contextOf(ctx);
  const attempt = () =>
    useToken(db, token, 'confirm', now, async (tx, signature) => {
      const holder = await placeHolder(tx, signature);
      if (holder) {
        if (signature.status !== 'pending') return false;
        await tx.query('UPDATE signatures SET confirmed_at = $2 WHERE id = $1', [signature.id, now]);
        await recordEvent(tx, signature.id, 'confirm', 'pending', 'pending', 'underskriver', now, `conflict:${holder.id}`);
        await queueSignatureMail(tx, 'signature-confirmed-awaiting-review', signature, {}, now, site);
        if (holder.email) {
          const mail = signatureMail('signature-other-contact', { ...holder, email: holder.email }, { otherContact: signature.contact_name ?? '', otherEmail: signature.email ?? '' }, undefined, site);
          await enqueueMail(tx, { ...mail, idempotencyKey: `signature-other-contact:${signature.id}` }, now);
        }
        return true;
      }
      if (!(await moveSignature(tx, signature, 'confirm', 'underskriver', now))) return false;
      await queueSignatureMail(tx, 'signature-confirmed-awaiting-review', signature, {}, now, site);
      return true;
    });
  try {
    return await attempt();
  } catch (error) {
    // Two signers of one organisation confirmed at the same moment: the unique index let one through; the other,
    // tried again, now finds the holder and becomes a conflict.
    if ((error as { code?: string }).code === '23505') return attempt();
    throw error;
  }
}

/** The signature that holds the organisation's place, if another one does. */
async function placeHolder(tx: Queryable, signature: SignatureRow): Promise<SignatureRow | undefined> {
  const { rows } = await tx.query<SignatureRow>(
    `SELECT * FROM signatures WHERE dedupe_key = $1 AND id <> $2 AND status = ANY($3::text[]) LIMIT 1`,
    [signature.dedupe_key, signature.id, placeHoldingStatuses],
  );
  return rows[0];
}

export interface SignatureConflict {
  /** The signature waiting with a confirmed address, and the one that holds the place. */
  waiting: SignatureRow;
  holder: SignatureRow;
  /** Whether the waiting contact's mail domain is the holder's (or its own) website's domain: a hint, not proof. */
  domainMatchesWebsite: boolean;
}

/** The part of a host name that matters for "same organisation": without www. and lowercased. */
export function domainOf(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const host = value.includes('@') ? value.split('@').pop()! : value.replace(/^[a-z]+:\/\//i, '').split(/[/?#:]/)[0]!;
  return host.toLowerCase().replace(/^www\./, '') || undefined;
}

/** Organisations signed for by more than one contact: a confirmed signer waiting behind the one holding the place. */
export async function signatureConflicts(db: Queryable): Promise<SignatureConflict[]> {
  const { rows } = await db.query<{ waiting: SignatureRow; holder: SignatureRow }>(
    `SELECT to_jsonb(w) AS waiting, to_jsonb(h) AS holder
     FROM signatures w JOIN signatures h ON h.dedupe_key = w.dedupe_key AND h.status = ANY($1::text[])
     WHERE w.status = 'pending' AND w.confirmed_at IS NOT NULL
     ORDER BY w.confirmed_at DESC`,
    [placeHoldingStatuses],
  );
  return rows.map(({ waiting, holder }) => {
    const mailDomain = domainOf(waiting.email);
    const sites = [domainOf(holder.website), domainOf(waiting.website)].filter(Boolean);
    return { waiting, holder, domainMatchesWebsite: Boolean(mailDomain && sites.some((site) => mailDomain === site || mailDomain.endsWith(`.${site}`))) };
  });
}

/** Withdraws the signature behind a withdraw token: it leaves the public list at once. */
export async function withdrawSignature(db: Db, token: string, ctx: UseCaseContext = {}): Promise<TokenOutcome> {
  const { now, site } = contextOf(ctx);
  return useToken(db, token, 'withdraw', now, async (tx, signature) => {
    if (!(await moveSignature(tx, signature, 'withdraw', 'underskriver', now))) return false;
    await queueSignatureMail(tx, 'signature-withdrawn', signature, {}, now, site);
    // The goodbye mail is queued with its recipient; after that the signature keeps no contact person.
    await eraseSignatureContact(tx, signature.id, now);
    return true;
  });
}

/** Publishes a confirmed signature and sends the approval mail with the badge; the audit row is written in the same transaction. */
export async function approveSignature(db: Db, id: string, actor: string, ctx: UseCaseContext = {}): Promise<ReviewOutcome> {
  const { now, site } = contextOf(ctx);
  return review(db, id, async (tx, signature) => {
    if (!(await moveSignature(tx, signature, 'approve', actor, now, { reviewed_by: actor }))) return false;
    await recordAuditRow(tx, { actor, action: 'approve', subject: `${signature.organisation_name} (${signature.id})` }, now);
    await queueSignatureMail(tx, 'signature-approved', signature, { signatureId: signature.id, listedPublicly: signature.consent_public }, now, site);
    return true;
  });
}

/** Rejects a confirmed signature with a reason the organisation is told; the audit row is written in the same transaction. */
export async function rejectSignature(db: Db, id: string, reason: string, actor: string, ctx: UseCaseContext = {}): Promise<ReviewOutcome> {
  const { now, site } = contextOf(ctx);
  const cleanReason = withoutControlCharacters(reason).trim();
  if (!cleanReason) return { ok: false, reason: 'reason-required' };
  return review(db, id, async (tx, signature) => {
    if (!(await moveSignature(tx, signature, 'reject', actor, now, { reviewed_by: actor, reject_reason: cleanReason }, cleanReason))) return false;
    await recordAuditRow(tx, { actor, action: 'reject', subject: `${signature.organisation_name} (${signature.id})`, detail: cleanReason }, now);
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
  // An id from a URL can be anything, NUL included, which Postgres refuses even as a parameter: only a UUID is looked up.
  if (only && !uuidShape.test(only.id)) return [];
  const { rows } = await db.query<PublicSignatory>(
    `SELECT id, organisation_name AS name, organisation_type AS type, municipality, confirmed_at AS signed_at, statement, charter_version, affirmed_version
     FROM signatures
     WHERE status = 'published' AND consent_public AND ($1::text IS NULL OR id::text = $1)
     ORDER BY confirmed_at, id`,
    [only?.id ?? null],
  );
  return rows;
}

/** Removes the contact person from a signature; the organisation's own fields stay. */
export async function eraseSignatureContact(tx: Queryable, signatureId: string, now: Date): Promise<void> {
  await tx.query(
    'UPDATE signatures SET contact_name = NULL, contact_title = NULL, email = NULL, contact_erased_at = $2 WHERE id = $1 AND contact_erased_at IS NULL',
    [signatureId, now],
  );
}

// ——— the steps the use cases share ———

function issueToken(tx: Queryable, signatureId: string, purpose: TokenPurpose, now: Date): Promise<string> {
  return issueLinkToken(tx, signatureTokens, signatureId, purpose, now);
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
type MailedSignature = Pick<SignatureRow, 'id' | 'organisation_name' | 'contact_name' | 'language'> & { email: string };

/** A named mail to the signature's contact, with a withdraw link when `withdrawToken` is given. */
function signatureMail<N extends MailName>(name: N, signature: MailedSignature, props: PropsBeyondBase<N>, withdrawToken: string | undefined, site: string): QueuedMail {
  const language = languageOf(signature.language);
  const withdrawUrl = withdrawToken ? signingLinks.withdraw(site, withdrawToken, language) : undefined;
  const content = renderSigningMail(name, { site, organisationName: signature.organisation_name, contactName: signature.contact_name ?? '', withdrawUrl, ...props } as unknown as MailProps<N>, strings(language));
  return { name, to: signature.email, content, idempotencyKey: `${name}:${signature.id}` };
}

/** Renders a named mail to the signature's contact and queues it; mails about a live signature carry a fresh withdraw link. */
async function queueSignatureMail<N extends MailName>(tx: Queryable, name: N, signature: SignatureRow, props: PropsBeyondBase<N>, now: Date, site: string) {
  // An erased contact person gets no more mail: there is nobody to send it to.
  const { email } = signature;
  if (!email) return;
  const withdrawToken = isLive(signature.status) ? await issueToken(tx, signature.id, 'withdraw', now) : undefined;
  await enqueueMail(tx, signatureMail(name, { ...signature, email }, props, withdrawToken, site), now);
}

/** Spends a token of this purpose on its signature if the step succeeds (see useLinkToken). */
async function useToken(db: Db, token: string, purpose: TokenPurpose, now: Date, step: (tx: Queryable, signature: SignatureRow) => Promise<boolean>): Promise<TokenOutcome> {
  const used = await useLinkToken<SignatureRow>(db, signatureTokens, token, purpose, now, step);
  return used.ok ? { ok: true, signatureId: used.subject.id, organisationName: used.subject.organisation_name } : used;
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

/** Retention: unconfirmed signatures go after 30 days, and a rejected one loses its contact person after 30 days. */
export const pruneSignatures: Pruner = async (tx, before, now) => {
  const signatures = await tx.query(`DELETE FROM signatures WHERE status = 'pending' AND created_at < $1`, [before(retentionPolicy.unconfirmedDays)]);
  const rejected = await tx.query(
    `UPDATE signatures SET contact_name = NULL, contact_title = NULL, email = NULL, contact_erased_at = $2
     WHERE status = 'rejected' AND contact_erased_at IS NULL AND rejected_at < $1`,
    [before(retentionPolicy.rejectedContactDays), now],
  );
  return { unconfirmedSignatures: signatures.rowCount, rejectedContactsErased: rejected.rowCount };
};
