// The proposal use cases, each one transaction: send a proposal (pending, with a confirm mail), confirm it, list the
// published ones under a principle with their support, ask for a support link, support, and forget an author.
import { createHash } from 'node:crypto';
import type { Db, Queryable } from '../platform/db/client.ts';
import { issueLinkToken, useLinkToken, type TokenTable } from '../platform/link-tokens.ts';
import { enqueueMail } from '../platform/mail/outbox.ts';
import { mailSettings } from '../platform/mail/settings.ts';
import type { TokenFailure } from '../platform/tokens.ts';
import { retentionPolicy, type Pruner } from '../platform/retention.ts';
import { languageOf, strings, type Language } from '../i18n/index.ts';
import type { ProposalInput } from './proposal-input.ts';
import { proposalLinks, renderProposalMail, type ProposalMailName, type ProposalMailProps } from './proposal-mails.ts';
import { roundState, type RoundRow } from './rounds.ts';

export const proposalStatuses = ['pending', 'confirmed', 'published', 'rejected', 'merged'] as const;
export type ProposalStatus = (typeof proposalStatuses)[number];
export type AnswerOutcome = 'incorporated' | 'not-incorporated';

export interface ProposalRow {
  id: string;
  principle: string;
  principle_title: string;
  kind: 'comment' | 'wording';
  wording: string | null;
  based_on: string | null;
  based_on_version: string | null;
  reason: string;
  author_name: string | null;
  author_organisation: string | null;
  email: string | null;
  consent_public: boolean;
  language: string;
  status: ProposalStatus;
  round_id: string | null;
  merged_into: string | null;
  reject_reason: string | null;
  answer: string | null;
  answer_outcome: AnswerOutcome | null;
  answer_version: string | null;
  answered_at: Date | null;
  pr_url: string | null;
  pr_opened_at: Date | null;
  reviewed_by: string | null;
  created_at: Date;
  confirmed_at: Date | null;
  published_at: Date | null;
}

/** A published proposal as the public sees it: the author only with consent, the support counted, its round named. */
export interface PublicProposal {
  id: string;
  kind: 'comment' | 'wording';
  wording: string | null;
  based_on: string | null;
  reason: string;
  /** Null unless the author said yes to showing it. */
  author_name: string | null;
  author_organisation: string | null;
  published_at: Date;
  round_title: string | null;
  supports: number;
  answer: string | null;
  answer_outcome: AnswerOutcome | null;
  answer_version: string | null;
}

/** The principle a proposal is about, as the charter has it now (content/charter/versions/). */
export interface PrincipleText {
  slug: string;
  title: string;
  wording: string;
  version: string;
}

export interface ProposalContext {
  now?: Date;
  site?: string;
}

export const proposalTokens = { tokens: 'charter_proposal_tokens', subjects: 'charter_proposals', subjectColumn: 'proposal_id' } as const satisfies TokenTable;
export const supportTokens = { tokens: 'charter_support_tokens', subjects: 'charter_proposal_supports', subjectColumn: 'support_id' } as const satisfies TokenTable;

const contextOf = (ctx: ProposalContext) => ({ now: ctx.now ?? new Date(), site: ctx.site ?? mailSettings().siteUrl });

const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isProposalId = (id: string) => uuidShape.test(id);

/**
 * The same person sending the same text on the same principle twice (a double click) is one proposal. Hashed: a long
 * reason would not fit in an index row, and the key should not hold the address in the clear.
 */
const dedupeKey = (input: ProposalInput) =>
  createHash('sha256')
    .update([input.email.trim().toLowerCase(), input.principle, input.kind, (input.wording ?? '').replace(/\s+/g, ' ').trim(), input.reason.replace(/\s+/g, ' ').trim()].join('\u0000'))
    .digest('hex');

/**
 * Stores a proposal as pending and queues its confirm mail. A repeat of a pending proposal does nothing; the answer to
 * the visitor is the same either way. Outside a round the proposal waits for the next one (round_id stays NULL).
 */
export async function submitProposal(db: Db, input: ProposalInput, principle: PrincipleText, ctx: ProposalContext & { language?: Language } = {}): Promise<{ created: boolean; proposalId?: string }> {
  const { now, site } = contextOf(ctx);
  const language = ctx.language ?? 'da';
  return db.transaction(async (tx) => {
    // A round that is open, or set to open later, takes the proposal; otherwise it waits for the next round.
    const state = await roundState(tx, now);
    const round = state.kind === 'none' ? undefined : state.round;
    const { rows } = await tx.query<ProposalRow>(
      `INSERT INTO charter_proposals (principle, principle_title, kind, wording, based_on, based_on_version, reason, author_name, author_organisation, email,
         consent_public, language, round_id, dedupe_key, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
       ON CONFLICT (dedupe_key) WHERE status = 'pending' DO NOTHING
       RETURNING *`,
      [
        input.principle,
        principle.title,
        input.kind,
        input.wording ?? null,
        input.kind === 'wording' ? principle.wording : null,
        principle.version,
        input.reason,
        input.name,
        input.organisation ?? null,
        input.email,
        input.consent_public,
        language,
        round?.id ?? null,
        dedupeKey(input),
        now,
      ],
    );
    const proposal = rows[0];
    if (!proposal) return { created: false };
    const confirmUrl = proposalLinks.confirm(site, await issueLinkToken(tx, proposalTokens, proposal.id, 'proposal-confirm', now), language);
    await queueProposalMail(tx, 'charter-proposal-confirm', proposal, { confirmUrl, nextRound: state.kind !== 'open' }, now, site);
    return { created: true, proposalId: proposal.id };
  });
}

export type ProposalTokenOutcome = { ok: true; principle: string; proposalId: string; language: Language } | { ok: false; reason: TokenFailure };

/** Confirms the proposal behind a confirm link: pending → confirmed, into the secretariat's queue. */
export async function confirmProposal(db: Db, token: string, ctx: ProposalContext = {}): Promise<ProposalTokenOutcome> {
  const { now } = contextOf(ctx);
  const used = await useLinkToken<ProposalRow>(db, proposalTokens, token, 'proposal-confirm', now, async (tx, proposal) => {
    if (proposal.status !== 'pending') return false;
    await tx.query(`UPDATE charter_proposals SET status = 'confirmed', confirmed_at = $2 WHERE id = $1 AND status = 'pending'`, [proposal.id, now]);
    return true;
  });
  return used.ok ? { ok: true, principle: used.subject.principle, proposalId: used.subject.id, language: languageOf(used.subject.language) } : used;
}

/** Support counts: a proposal's own confirmed supporters and those of the proposals merged into it, each supporter once. */
const supportCount = (alias: string) => `(SELECT count(DISTINCT s.supporter_key)::int FROM charter_proposal_supports s JOIN charter_proposals q ON q.id = s.proposal_id
   WHERE s.status = 'confirmed' AND (q.id = ${alias}.id OR q.merged_into = ${alias}.id))`;

/** The published proposals on one principle, oldest first, as the public page shows them. */
export async function publishedProposals(db: Queryable, principle: string): Promise<PublicProposal[]> {
  const { rows } = await db.query<PublicProposal>(
    `SELECT p.id, p.kind, p.wording, p.based_on, p.reason,
       CASE WHEN p.consent_public THEN p.author_name END AS author_name,
       CASE WHEN p.consent_public THEN p.author_organisation END AS author_organisation,
       p.published_at, r.title AS round_title, ${supportCount('p')} AS supports, p.answer, p.answer_outcome, p.answer_version
     FROM charter_proposals p LEFT JOIN consultation_rounds r ON r.id = p.round_id
     WHERE p.principle = $1 AND p.status = 'published'
     ORDER BY p.published_at, p.created_at, p.id`,
    [principle],
  );
  return rows;
}

/** How many support a proposal (with those merged into it). */
export async function supportsFor(db: Queryable, proposalId: string): Promise<number> {
  if (!isProposalId(proposalId)) return 0;
  const { rows } = await db.query<{ n: number }>(`SELECT ${supportCount('p')} AS n FROM charter_proposals p WHERE p.id = $1`, [proposalId]);
  return rows[0]?.n ?? 0;
}

interface SupportRow {
  id: string;
  proposal_id: string;
  supporter_key: string;
  status: 'pending' | 'confirmed';
}

/**
 * Asks for a support link. The mail goes only to a confirmed member or the contact of a published signatory, and the
 * answer is the same for any address, so nobody learns from it who is a member. `sent` is for tests and logs only.
 */
export async function requestSupport(db: Db, request: { proposal: string; email: string }, ctx: ProposalContext & { language?: Language } = {}): Promise<{ proposalFound: boolean; sent: boolean }> {
  const { now, site } = contextOf(ctx);
  const language = ctx.language ?? 'da';
  return db.transaction(async (tx) => {
    const { rows: found } = await tx.query<ProposalRow>(`SELECT * FROM charter_proposals WHERE id = $1 AND status = 'published'`, [request.proposal]);
    const proposal = found[0];
    if (!proposal) return { proposalFound: false, sent: false };
    const supporter = await supporterKey(tx, request.email);
    if (!supporter) return { proposalFound: true, sent: false };
    const { rows } = await tx.query<SupportRow>(
      `INSERT INTO charter_proposal_supports (proposal_id, supporter_key, created_at) VALUES ($1, $2, $3)
       ON CONFLICT (proposal_id, supporter_key) DO UPDATE SET proposal_id = EXCLUDED.proposal_id
       RETURNING id, proposal_id, supporter_key, status`,
      [proposal.id, supporter, now],
    );
    const support = rows[0]!;
    // Once each: a supporter already counted gets no mail.
    if (support.status === 'confirmed') return { proposalFound: true, sent: false };
    const key = `charter-proposal-support:${support.id}:${now.toISOString().slice(0, 10)}`;
    const supportUrl = proposalLinks.support(site, await issueLinkToken(tx, supportTokens, support.id, 'proposal-support', now), language);
    const content = renderProposalMail('charter-proposal-support', { site, principleTitle: proposal.principle_title, supportUrl }, strings(language));
    const sent = await enqueueMail(tx, { name: 'charter-proposal-support', to: request.email, content, idempotencyKey: key }, now);
    return { proposalFound: true, sent };
  });
}

/** The member or signatory behind an address, as an opaque key, or undefined for anyone else. */
async function supporterKey(tx: Queryable, email: string): Promise<string | undefined> {
  const { rows } = await tx.query<{ key: string }>(
    `(SELECT 'member:' || id AS key FROM members WHERE email_key = lower(btrim($1)) AND status = 'confirmed' LIMIT 1)
     UNION ALL
     (SELECT 'signature:' || id FROM signatures WHERE lower(email) = lower(btrim($1)) AND status = 'published' ORDER BY confirmed_at LIMIT 1)`,
    [email],
  );
  return rows[0]?.key;
}

export type SupportOutcome = { ok: true; principle: string; proposalId: string; language: Language } | { ok: false; reason: TokenFailure };

/** Counts the support behind a support link, once; a proposal no longer published cannot be supported. */
export async function confirmSupport(db: Db, token: string, ctx: ProposalContext & { language?: Language } = {}): Promise<SupportOutcome> {
  const { now } = contextOf(ctx);
  let principle = '';
  const used = await useLinkToken<SupportRow>(db, supportTokens, token, 'proposal-support', now, async (tx, support) => {
    const { rows } = await tx.query<{ principle: string; status: ProposalStatus }>('SELECT principle, status FROM charter_proposals WHERE id = $1', [support.proposal_id]);
    const proposal = rows[0];
    if (!proposal || !['published', 'merged'].includes(proposal.status) || support.status === 'confirmed') return false;
    principle = proposal.principle;
    await tx.query(`UPDATE charter_proposal_supports SET status = 'confirmed', confirmed_at = $2 WHERE id = $1`, [support.id, now]);
    return true;
  });
  return used.ok ? { ok: true, principle, proposalId: used.subject.proposal_id, language: ctx.language ?? 'da' } : used;
}

type PropsBeyondBase<N extends ProposalMailName> = Omit<ProposalMailProps<N>, 'site' | 'name' | 'principleTitle'>;

/**
 * Queues a named mail to the proposal's author, in its language, once per proposal and name. The mails a stranger can
 * set off (confirm, support link) are capped per recipient by the outbox itself (mailCapsPerDay); the secretariat's
 * answers are not.
 */
export async function queueProposalMail<N extends Exclude<ProposalMailName, 'charter-proposal-support'>>(tx: Queryable, name: N, proposal: ProposalRow, props: PropsBeyondBase<N>, now: Date, site: string): Promise<boolean> {
  if (!proposal.email || !proposal.author_name) return false;
  const t = strings(languageOf(proposal.language));
  const content = renderProposalMail(name, { site, name: proposal.author_name, principleTitle: proposal.principle_title, ...props } as unknown as ProposalMailProps<N> & { site: string }, t);
  return enqueueMail(tx, { name, to: proposal.email, content, idempotencyKey: `${name}:${proposal.id}` }, now);
}

export type { RoundRow };

/** Retention: a proposal never confirmed is deleted after 30 days, with its tokens. */
export const pruneCharterProposals: Pruner = async (tx, before) => {
  const deleted = await tx.query(`DELETE FROM charter_proposals WHERE status = 'pending' AND created_at < $1`, [before(retentionPolicy.unconfirmedDays)]);
  const supports = await tx.query(`DELETE FROM charter_proposal_supports WHERE status = 'pending' AND created_at < $1`, [before(retentionPolicy.unconfirmedDays)]);
  return { unconfirmedProposals: deleted.rowCount, unconfirmedSupports: supports.rowCount };
};

/** Everything stored about an address's proposals (GDPR): the rows where it is the author. */
export async function proposalsByEmail(db: Queryable, email: string): Promise<ProposalRow[]> {
  const { rows } = await db.query<ProposalRow>('SELECT * FROM charter_proposals WHERE lower(email) = lower($1) ORDER BY created_at', [email]);
  return rows;
}

/**
 * Erases an author (GDPR): a published proposal stays with its text but without name, organisation and address; every
 * other proposal of theirs is deleted. The supports given as the member or signatory ids are removed too.
 */
export async function eraseProposalAuthor(tx: Queryable, email: string, supporterIds: { members: readonly string[]; signatures: readonly string[] }): Promise<{ proposalsDeleted: number; proposalsKeptWithoutAuthor: number; supportsDeleted: number }> {
  const kept = await tx.query(
    `UPDATE charter_proposals SET author_name = NULL, author_organisation = NULL, email = NULL, consent_public = false, dedupe_key = id::text
     WHERE lower(email) = lower($1) AND status IN ('published', 'merged')`,
    [email],
  );
  const deleted = await tx.query(`DELETE FROM charter_proposals WHERE lower(email) = lower($1)`, [email]);
  const keys = [...supporterIds.members.map((id) => `member:${id}`), ...supporterIds.signatures.map((id) => `signature:${id}`)];
  const supports = keys.length ? await tx.query('DELETE FROM charter_proposal_supports WHERE supporter_key = ANY($1::text[])', [keys]) : { rowCount: 0 };
  return { proposalsDeleted: deleted.rowCount, proposalsKeptWithoutAuthor: kept.rowCount, supportsDeleted: supports.rowCount };
}
