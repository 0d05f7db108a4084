// The cron's retention run: every feature's pruner and the outbox log, in one list (the one place that knows them all).
import { pruneAdminLogins } from './admin/auth.ts';
import { pruneMembers } from './membership/members.ts';
import { applyRetention, pruneOutbox, type Pruner, type RetentionReport } from './platform/retention.ts';
import type { Db } from './platform/db/client.ts';
import { pruneSignatures } from './signing/signatures.ts';
import { pruneMailBookkeeping } from './platform/mail/suppressions.ts';
import { pruneSuggestions } from './suggestions/suggestions.ts';
import { pruneCharterProposals } from './charter-proposals/proposals.ts';

export const pruners: readonly Pruner[] = [pruneSignatures, pruneMembers, pruneSuggestions, pruneCharterProposals, pruneAdminLogins, pruneOutbox, pruneMailBookkeeping];

export function runRetention(db: Db, now?: Date): Promise<RetentionReport> {
  return applyRetention(db, pruners, now);
}
