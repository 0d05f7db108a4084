// Writes one row to the audit log of the secretariat's actions. A use case calls it inside its own transaction, so an
// action and its audit row are written together or not at all. The admin names and shows the actions (src/admin/audit.ts).
import type { Queryable } from './db/client.ts';

export interface AuditRecord {
  actor: string;
  action: string;
  subject?: string;
  detail?: string;
}

export async function recordAuditRow(q: Queryable, entry: AuditRecord, now: Date = new Date()): Promise<void> {
  await q.query('INSERT INTO audit_log (actor, action, subject, detail, at) VALUES ($1, $2, $3, $4, $5)', [
    entry.actor,
    entry.action,
    entry.subject ?? null,
    entry.detail ?? null,
    now,
  ]);
}
