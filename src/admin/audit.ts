// The audit log of the secretariat's actions: who did what, and when. It never holds the address of a person whose data was handled.
import type { Db, Queryable } from '../platform/db/client.ts';
import { recordAuditRow } from '../platform/audit-log.ts';

export const auditActions = {
  login: 'Loggede ind',
  logout: 'Loggede ud',
  approve: 'Godkendte underskrift',
  reject: 'Afviste underskrift',
  'members-export': 'Hentede medlemsliste som CSV',
  'personal-data-lookup': 'Slog persondata op',
  'personal-data-export': 'Hentede persondata som JSON',
  'personal-data-erase': 'Slettede persondata',
  'suggestion-pull-request': 'Oprettede pull request for caseforslag',
} as const;

export type AuditAction = keyof typeof auditActions;

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
