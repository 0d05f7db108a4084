// The secretariat's work on proposals, each one transaction with its audit row and its mail to the author: publish,
// reject with a reason, merge a duplicate into another, answer in public, and turn an accepted wording into a pull
// request. The admin (src/admin/web.ts) calls these; nothing else changes a proposal's status after confirmation.
import type { Db, Queryable } from '../platform/db/client.ts';
import { recordAuditRow } from '../platform/audit-log.ts';
import { mailSettings } from '../platform/mail/settings.ts';
import { languageOf } from '../i18n/index.ts';
import { proposalLinks } from './proposal-mails.ts';
import { isProposalId, queueProposalMail, type AnswerOutcome, type ProposalRow, type ProposalStatus } from './proposals.ts';

export { openConsultationRound, closeConsultationRound, openRound, roundTitle, type RoundRow, type RoundOutcome } from './rounds.ts';
export { proposalStatuses, type ProposalRow, type ProposalStatus, type AnswerOutcome } from './proposals.ts';

/** A proposal in the secretariat's list, with its support and round. */
export interface AdminProposal extends ProposalRow {
  supports: number;
  round_title: string | null;
}

export type ModerationFailure = 'unknown' | 'wrong-status' | 'reason-required' | 'answer-required' | 'outcome-required' | 'version-required' | 'merge-target';
export type ModerationOutcome = { ok: true; proposal: ProposalRow } | { ok: false; reason: ModerationFailure };

export interface ModerationContext {
  now?: Date;
  site?: string;
}

const contextOf = (ctx: ModerationContext) => ({ now: ctx.now ?? new Date(), site: ctx.site ?? mailSettings().siteUrl });

/** Every proposal of one status, oldest first (the queue is worked from the top). */
export async function listProposals(db: Queryable, status: ProposalStatus): Promise<AdminProposal[]> {
  const { rows } = await db.query<AdminProposal>(
    `SELECT p.*, r.title AS round_title,
       (SELECT count(DISTINCT s.supporter_key)::int FROM charter_proposal_supports s JOIN charter_proposals q ON q.id = s.proposal_id
        WHERE s.status = 'confirmed' AND (q.id = p.id OR q.merged_into = p.id)) AS supports
     FROM charter_proposals p LEFT JOIN consultation_rounds r ON r.id = p.round_id
     WHERE p.status = $1 ORDER BY p.created_at, p.id`,
    [status],
  );
  return rows;
}

/** Locks a proposal for a change, if it exists and has one of the statuses the change needs. */
async function lockProposal(tx: Queryable, id: string, from: readonly ProposalStatus[]): Promise<ProposalRow | ModerationFailure> {
  if (!isProposalId(id)) return 'unknown';
  const { rows } = await tx.query<ProposalRow>('SELECT * FROM charter_proposals WHERE id = $1 FOR UPDATE', [id]);
  const proposal = rows[0];
  if (!proposal) return 'unknown';
  return from.includes(proposal.status) ? proposal : 'wrong-status';
}

async function change(
  db: Db,
  id: string,
  from: readonly ProposalStatus[],
  step: (tx: Queryable, proposal: ProposalRow) => Promise<ProposalRow | ModerationFailure>,
): Promise<ModerationOutcome> {
  return db.transaction(async (tx): Promise<ModerationOutcome> => {
    const proposal = await lockProposal(tx, id, from);
    if (typeof proposal === 'string') return { ok: false, reason: proposal };
    const changed = await step(tx, proposal);
    return typeof changed === 'string' ? { ok: false, reason: changed } : { ok: true, proposal: changed };
  });
}

const url = (site: string, p: ProposalRow) => proposalLinks.proposal(site, p.principle, p.id, languageOf(p.language));

/** Publishes a confirmed proposal under its principle and tells the author. */
export function publishProposal(db: Db, id: string, actor: string, ctx: ModerationContext = {}): Promise<ModerationOutcome> {
  const { now, site } = contextOf(ctx);
  return change(db, id, ['confirmed'], async (tx, p) => {
    const { rows } = await tx.query<ProposalRow>(`UPDATE charter_proposals SET status = 'published', published_at = $2, reviewed_by = $3 WHERE id = $1 RETURNING *`, [p.id, now, actor]);
    await recordAuditRow(tx, { actor, action: 'proposal-publish', subject: p.id, detail: p.principle }, now);
    await queueProposalMail(tx, 'charter-proposal-published', rows[0]!, { proposalUrl: url(site, p) }, now, site);
    return rows[0]!;
  });
}

/** Rejects a confirmed (or published) proposal with a reason, which is mailed to the author and never shown in public. */
export function rejectProposal(db: Db, id: string, reason: string, actor: string, ctx: ModerationContext = {}): Promise<ModerationOutcome> {
  const { now, site } = contextOf(ctx);
  const text = reason.trim();
  return change(db, id, ['confirmed', 'published'], async (tx, p) => {
    if (!text) return 'reason-required';
    const { rows } = await tx.query<ProposalRow>(`UPDATE charter_proposals SET status = 'rejected', reject_reason = $2, reviewed_by = $3 WHERE id = $1 RETURNING *`, [p.id, text.slice(0, 2000), actor]);
    await recordAuditRow(tx, { actor, action: 'proposal-reject', subject: p.id, detail: p.principle }, now);
    await queueProposalMail(tx, 'charter-proposal-rejected', rows[0]!, { reason: text.slice(0, 2000) }, now, site);
    return rows[0]!;
  });
}

/**
 * Merges a duplicate into a published proposal on the same principle: the duplicate is hidden, and its supporters
 * (and those merged into it before) count for the main one, each supporter once.
 */
export function mergeProposal(db: Db, id: string, intoId: string, actor: string, ctx: ModerationContext = {}): Promise<ModerationOutcome> {
  const { now } = contextOf(ctx);
  return change(db, id, ['confirmed', 'published'], async (tx, p) => {
    if (!isProposalId(intoId) || intoId === p.id) return 'merge-target';
    const { rows: targets } = await tx.query<ProposalRow>(`SELECT * FROM charter_proposals WHERE id = $1 AND status = 'published' AND principle = $2 FOR UPDATE`, [intoId, p.principle]);
    if (!targets[0]) return 'merge-target';
    await tx.query('UPDATE charter_proposals SET merged_into = $2 WHERE merged_into = $1', [p.id, intoId]);
    const { rows } = await tx.query<ProposalRow>(`UPDATE charter_proposals SET status = 'merged', merged_into = $2, reviewed_by = $3 WHERE id = $1 RETURNING *`, [p.id, intoId, actor]);
    await recordAuditRow(tx, { actor, action: 'proposal-merge', subject: p.id, detail: intoId }, now);
    return rows[0]!;
  });
}

/** Answers a published proposal in public: incorporated in a version, or not; the author gets a mail with the link. */
export function answerProposal(db: Db, id: string, answer: { text: string; outcome: string; version?: string }, actor: string, ctx: ModerationContext = {}): Promise<ModerationOutcome> {
  const { now, site } = contextOf(ctx);
  const text = answer.text.trim();
  const version = (answer.version ?? '').trim();
  return change(db, id, ['published'], async (tx, p) => {
    if (answer.outcome !== 'incorporated' && answer.outcome !== 'not-incorporated') return 'outcome-required';
    if (answer.outcome === 'incorporated' && !/^\d{1,4}(\.\d{1,4})?$/.test(version)) return 'version-required';
    if (!text) return 'answer-required';
    const outcome: AnswerOutcome = answer.outcome;
    const { rows } = await tx.query<ProposalRow>(
      `UPDATE charter_proposals SET answer = $2, answer_outcome = $3, answer_version = $4, answered_at = $5, reviewed_by = $6 WHERE id = $1 RETURNING *`,
      [p.id, text.slice(0, 3000), outcome, outcome === 'incorporated' ? version : null, now, actor],
    );
    await recordAuditRow(tx, { actor, action: 'proposal-answer', subject: p.id, detail: outcome === 'incorporated' ? `${outcome} ${version}` : outcome }, now);
    // The author is mailed the first answer; a corrected answer is shown, but not mailed again.
    await queueProposalMail(tx, 'charter-proposal-answered', rows[0]!, { proposalUrl: url(site, p) }, now, site);
    return rows[0]!;
  });
}
