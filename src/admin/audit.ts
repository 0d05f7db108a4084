// The audit log of the secretariat's actions: who did what, and when. It never holds the address of a person whose data was handled.
import type { Db, Queryable } from '../platform/db/client.ts';
import { recordAuditRow } from '../platform/audit-log.ts';

/** What the log records; each has its label in src/i18n (admin.audit.actions). */
export const auditActions = [
  'login',
  'logout',
  'approve',
  'reject',
  'members-export',
  'personal-data-lookup',
  'personal-data-export',
  'personal-data-erase',
  'suggestion-pull-request',
  'suggestion-reject',
  'suggestion-archive',
  'suppression-lift',
  'proposal-publish',
  'proposal-reject',
  'proposal-merge',
  'proposal-answer',
  'proposal-pull-request',
  'round-open',
  'round-close',
] as const;

export type AuditAction = (typeof auditActions)[number];

export interface AuditEntry {
  id: number;
  actor: string;
  action: AuditAction;
  subject: string | null;
  detail: string | null;
  at: Date;
}

export async function recordAudit(q: Queryable, entry: { actor: string; action: AuditAction; subject?: string; detail?: string }, now: Date = new Date()): Promise<void> {
  await recordAuditRow(q, entry, now);
}

/** The newest entries first. */
export async function recentAudit(db: Db, limit = 200): Promise<AuditEntry[]> {
  const { rows } = await db.query<AuditEntry>('SELECT id, actor, action, subject, detail, at FROM audit_log ORDER BY at DESC, id DESC LIMIT $1', [limit]);
  return rows;
}
