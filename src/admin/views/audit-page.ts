// The audit log as a page: who in the secretariat did what, and when, newest first.
import { auditActions, type AuditEntry } from '../audit.ts';
import { escapeHtml } from '../../platform/html/escape.ts';
import { adminHeader, formatTime, scrollTable, type AdminView } from './admin-frame.ts';

export function renderAuditPage(view: AdminView, entries: readonly AuditEntry[]): string {
  const rows = entries.map((e) => [escapeHtml(formatTime(e.at)), escapeHtml(e.actor), escapeHtml(auditActions[e.action] ?? e.action), escapeHtml([e.subject, e.detail].filter(Boolean).join(' · '))]);
  return [
    adminHeader(view),
    `<h1>Log over handlinger</h1>`,
    `<p class="lead">Alt, sekretariatet gør i administrationen, bliver skrevet her. De nyeste står øverst.</p>`,
    entries.length ? scrollTable('Log over handlinger', ['Tidspunkt', 'Hvem', 'Handling', 'Detaljer'], rows) : '<p>Loggen er tom.</p>',
  ].join('');
}
