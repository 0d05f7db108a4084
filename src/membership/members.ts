// The membership use cases, each one transaction: join, confirm, leave, and the public count of confirmed members.
import type { MemberInput, MemberKind } from './member-input.ts';
import type { OrganisationType } from '../data/vocabulary.ts';
import { hashToken, newToken, tokenExpiry, type TokenFailure } from '../platform/tokens.ts';
import type { Db, Queryable } from '../platform/db/client.ts';
import { findLinkToken, issueLinkToken, linkTokenState, memberTokens, useLinkToken } from '../platform/link-tokens.ts';
import { enqueueContactAdd, enqueueContactRemove, enqueueMail, enqueueMailStatement, forgetRecipient, isQueued, queuedValues } from '../platform/mail/outbox.ts';
import { mailSettings } from '../platform/mail/settings.ts';
import { languageOf, strings, type Language } from '../i18n/index.ts';
import { memberLinks, renderMemberMail, type MemberMailName, type MemberMailProps as MailProps } from './member-mails.ts';
import { retentionPolicy, type Pruner } from '../platform/retention.ts';

export interface MemberContext {
  now?: Date;
  /** The site URL for links in mails; defaults to SITE_URL. */
  site?: string;
  /** The Resend segment for newsletter contacts; defaults to RESEND_AUDIENCE_ID. Null means no newsletter list. */
  newsletterSegmentId?: string | null;
}

export type MemberStatus = 'pending' | 'confirmed';

export interface MemberRow {
  id: string;
  /** The language the member joined in ('da' or 'en'), for every mail to them. */
  language: string;
  kind: MemberKind;
  name: string;
  email: string;
  municipality: string;
  organisation_name: string | null;
  organisation_type: OrganisationType | null;
  interests: string[];
  newsletter: boolean;
  status: MemberStatus;
  created_at: Date;
  consented_at: Date;
  confirmed_at: Date | null;
  resend_contact_id: string | null;
}

/**
 * The same answer whether the address was new, pending or a member already, so the form never tells a stranger
 * who is a member. `created` and `memberId` are for logs and tests only.
 */
export interface JoinOutcome {
  kind: 'check-your-mail';
  created: boolean;
  memberId?: string;
}

export type MemberTokenOutcome = { ok: true; memberId: string; name: string } | { ok: false; reason: TokenFailure };

export interface MemberCount {
  people: number;
  organisations: number;
}


// Columns written from the form, in one place for the insert.
const inputColumns = ['kind', 'name', 'email', 'municipality', 'organisation_name', 'organisation_type', 'interests', 'newsletter'] as const satisfies readonly (keyof MemberInput)[];

function contextOf(ctx: MemberContext) {
  const settings = mailSettings();
  return {
    now: ctx.now ?? new Date(),
    site: ctx.site ?? settings.siteUrl,
    segmentId: ctx.newsletterSegmentId === undefined ? settings.newsletterSegmentId : (ctx.newsletterSegmentId ?? undefined),
  };
}

/**
 * A repeated join mails the address at most once per calendar day (UTC), the first mail included, so the form
 * cannot be used to flood someone's inbox; the key makes the outbox refuse a second mail in the same day.
 */
const mailOfTheDay = (name: MemberMailName | 'member-confirm-again', memberId: string, now: Date) => `${name}:${memberId}:${now.toISOString().slice(0, 10)}`;

// Joining runs the same two statements whether the address is new, pending or a member already, so neither the
// answer nor its timing tells a stranger who is a member (docs/benchmarks.md has the measured difference).
// The first inserts the member or finds the one with that address; the second queues the one mail (under its
// per-day key and the address's cap) with its link tokens, which are stored only if the mail was queued.
const joinSql = (() => {
  const values = [...inputColumns, 'language'].map((_, i) => `$${i + 1}`);
  const now = `$${values.length + 1}`;
  const email = `$${inputColumns.indexOf('email') + 1}`;
  const returned = 'id, language, name, email, organisation_name, status';
  return `WITH joined AS (
       INSERT INTO members (${inputColumns.join(', ')}, language, created_at, consented_at) VALUES (${values.join(', ')}, ${now}, ${now})
       ON CONFLICT (email_key) DO NOTHING
       RETURNING ${returned}
     )
     SELECT true AS created, ${returned} FROM joined
     UNION ALL
     SELECT false AS created, ${returned} FROM members WHERE email_key = lower(btrim(${email})) AND NOT EXISTS (SELECT 1 FROM joined)`;
})();

// Parameters: the mail's queuedValues ($1–$9), then the member's id, the confirm token's hash (null for the
// "already a member" mail) and expiry, and the leave token's hash and expiry.
const joinMailSql = `WITH member AS (
       -- Holds the member while the mail and its tokens are written; a member who left meanwhile gets nothing.
       SELECT id FROM members WHERE id = $10::uuid FOR KEY SHARE
     ), mail AS (
       ${enqueueMailStatement(1, 'EXISTS (SELECT 1 FROM member)')}
       RETURNING id
     ), tokens AS (
       INSERT INTO member_tokens (token_hash, purpose, member_id, created_at, expires_at)
       SELECT t.hash, t.purpose, $10::uuid, $8::timestamptz, t.expires_at
       FROM mail, (VALUES ($11::text, 'member-confirm', $12::timestamptz), ($13::text, 'member-leave', $14::timestamptz)) AS t (hash, purpose, expires_at)
       WHERE t.hash IS NOT NULL
     )
     SELECT count(*)::int AS queued FROM mail`;

type JoinedMember = Pick<MemberRow, 'id' | 'language' | 'name' | 'email' | 'organisation_name' | 'status'> & { created: boolean };

/**
 * Joins the movement: a new address becomes a pending member with a confirm mail. An address that is already
 * pending gets a fresh confirm mail, and one that is a member gets a short "you are a member already" mail;
 * neither changes what is stored. Email addresses are compared without case and surrounding space.
 */
export async function joinMovement(db: Db, input: MemberInput, ctx: MemberContext & { language?: Language } = {}): Promise<JoinOutcome> {
  const { now, site } = contextOf(ctx);
  // Both links are made on every path, used or not, so every path does the same work.
  const confirmToken = newToken();
  const leaveToken = newToken();
  return db.transaction(async (tx) => {
    // The language the person used goes with the row, so every later mail (confirm, welcome) is in it.
    const values = [...inputColumns.map((column) => input[column] ?? null), ctx.language ?? 'da', now];
    // The unique index on the address decides: a double click or a second form finds the row and goes on below.
    const { rows } = await tx.query<JoinedMember>(joinSql, values);
    const member = rows[0];
    // Gone between the insert and the look-up (the member left just now): nothing to tell anyone.
    if (!member) return { kind: 'check-your-mail', created: false };
    const confirming = member.status === 'pending';
    const name: MemberMailName = confirming ? 'member-confirm' : 'member-already';
    // Links and mail in the language the member joined in.
    const language = languageOf(member.language);
    const leaveUrl = memberLinks.leave(site, leaveToken, language);
    const props = confirming ? { confirmUrl: memberLinks.confirm(site, confirmToken, language) } : {};
    const content = renderMemberMail(name, { site, name: member.name, organisationName: member.organisation_name ?? undefined, leaveUrl, ...props } as unknown as MailProps<typeof name>, strings(language));
    const mail = { name, to: member.email, content, idempotencyKey: mailOfTheDay(name, member.id, now) };
    await tx.query(joinMailSql, [
      ...queuedValues(mail, now),
      member.id,
      confirming ? hashToken('member-confirm', confirmToken) : null,
      tokenExpiry('member-confirm', now),
      hashToken('member-leave', leaveToken),
      tokenExpiry('member-leave', now),
    ]);
    return member.created ? { kind: 'check-your-mail', created: true, memberId: member.id } : { kind: 'check-your-mail', created: false, memberId: member.id };
  });
}

/** Confirms the membership behind a confirm token, sends the welcome mail, and signs the member up for the newsletter if asked. */
export async function confirmMembership(db: Db, token: string, ctx: MemberContext = {}): Promise<MemberTokenOutcome> {
  const { now, site, segmentId } = contextOf(ctx);
  const used = await useLinkToken<MemberRow>(db, memberTokens, token, 'member-confirm', now, async (tx, member) => {
    if (member.status !== 'pending') return false;
    await tx.query(`UPDATE members SET status = 'confirmed', confirmed_at = $2 WHERE id = $1 AND status = 'pending'`, [member.id, now]);
    await queueMemberMail(tx, 'member-welcome', member, { newsletter: member.newsletter }, `member-welcome:${member.id}`, now, site);
    if (member.newsletter && segmentId) await enqueueContactAdd(tx, { email: member.email, memberId: member.id, segmentId }, now);
    return true;
    // Confirmed already (through this or another confirm mail): a second click is no error, the member is a member.
  }, (member) => member.status !== 'pending');
  return used.ok ? { ok: true, memberId: used.subject.id, name: used.subject.name } : used;
}

/** What the confirm link would do now, without using it: for the page the link opens. */
export function memberConfirmLinkState(db: Queryable, token: string, ctx: MemberContext = {}): Promise<TokenFailure | undefined> {
  return linkTokenState<MemberRow>(db, memberTokens, token, 'member-confirm', contextOf(ctx).now, (member) => member.status !== 'pending');
}

/** What the leave link would do now, without using it (a member who left is gone, and so is the link). */
export function leaveLinkState(db: Queryable, token: string, ctx: MemberContext = {}): Promise<TokenFailure | undefined> {
  return linkTokenState<MemberRow>(db, memberTokens, token, 'member-leave', contextOf(ctx).now);
}

/**
 * Mails a new confirm link in place of an old (expired) one, to the address the member joined with, while the
 * membership still waits to be confirmed: at most one a day per member. It says nothing about whether it sent one,
 * so the answer tells a stranger nothing; `sent` is for tests and logs.
 */
export async function renewMemberConfirm(db: Db, token: string, ctx: MemberContext = {}): Promise<{ sent: boolean }> {
  const { now, site } = contextOf(ctx);
  return db.transaction(async (tx) => {
    const found = await findLinkToken<MemberRow>(tx, memberTokens, token, 'member-confirm', { lock: true });
    if (!found || found.usedAt || found.subject.status !== 'pending') return { sent: false };
    return { sent: await queueConfirmMail(tx, found.subject, now, site, mailOfTheDay('member-confirm-again', found.subject.id, now)) };
  });
}

/**
 * Leaves the movement through a leave link: the member row goes (its tokens with it), the address is forgotten
 * in the outbox, and a newsletter contact at Resend is removed by its id. No goodbye mail: it would keep the address.
 */
export async function leaveMovement(db: Db, token: string, ctx: MemberContext = {}): Promise<MemberTokenOutcome> {
  const { now } = contextOf(ctx);
  const used = await useLinkToken<MemberRow>(db, memberTokens, token, 'member-leave', now, async (tx, member) => {
    await forgetMember(tx, member, now);
    return true;
  });
  return used.ok ? { ok: true, memberId: used.subject.id, name: used.subject.name } : used;
}

/** Deletes a member and every trace of its address (leaving, a GDPR erase): the row, its outbox mail, its newsletter contact. */
export async function forgetMember(tx: Queryable, member: Pick<MemberRow, 'id' | 'email' | 'resend_contact_id'>, now: Date): Promise<void> {
  await tx.query('DELETE FROM members WHERE id = $1', [member.id]);
  await forgetRecipient(tx, member.email);
  if (member.resend_contact_id) await enqueueContactRemove(tx, member.resend_contact_id, now);
}

/** How many people and organisations have confirmed their membership: the only thing about members that is public. */
export async function countMembers(db: Queryable): Promise<MemberCount> {
  const { rows } = await db.query<MemberCount>(
    `SELECT count(*) FILTER (WHERE kind = 'person')::int AS people, count(*) FILTER (WHERE kind = 'organisation')::int AS organisations
     FROM members WHERE status = 'confirmed'`,
  );
  return rows[0] ?? { people: 0, organisations: 0 };
}

// ——— the steps the use cases share ———

/** Queues a confirm mail with a fresh link under `key` (one a day by default); false when that key was queued already. */
async function queueConfirmMail(tx: Queryable, member: MemberRow, now: Date, site: string, key = mailOfTheDay('member-confirm', member.id, now)): Promise<boolean> {
  // Checked first, so a refused repeat leaves no unused tokens behind.
  if (await isQueued(tx, key)) return false;
  const confirmUrl = memberLinks.confirm(site, await issueLinkToken(tx, memberTokens, member.id, 'member-confirm', now), languageOf(member.language));
  await queueMemberMail(tx, 'member-confirm', member, { confirmUrl }, key, now, site);
  return true;
}

type PropsBeyondBase<N extends MemberMailName> = Omit<MailProps<N>, 'site' | 'name' | 'organisationName' | 'leaveUrl'>;

/** Renders a named mail to the member and queues it under `key`, with a fresh leave link, unless that key is in the outbox already. */
async function queueMemberMail<N extends MemberMailName>(tx: Queryable, name: N, member: MemberRow, props: PropsBeyondBase<N>, key: string, now: Date, site: string): Promise<void> {
  if (await isQueued(tx, key)) return;
  const language = languageOf(member.language);
  const leaveUrl = memberLinks.leave(site, await issueLinkToken(tx, memberTokens, member.id, 'member-leave', now), language);
  const content = renderMemberMail(name, { site, name: member.name, organisationName: member.organisation_name ?? undefined, leaveUrl, ...props } as unknown as MailProps<N>, strings(language));
  await enqueueMail(tx, { name, to: member.email, content, idempotencyKey: key }, now);
}

/** Retention: a membership never confirmed is deleted after 30 days. */
export const pruneMembers: Pruner = async (tx, before) => {
  const members = await tx.query(`DELETE FROM members WHERE status = 'pending' AND created_at < $1`, [before(retentionPolicy.unconfirmedDays)]);
  return { unconfirmedMembers: members.rowCount };
};
