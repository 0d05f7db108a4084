// The audit log as a page: who in the secretariat did what, and when, newest first.
import type { AuditAction, AuditEntry } from '../audit.ts';
import { strings, type Strings } from '../../i18n/index.ts';
import { escapeHtml } from '../../platform/html/escape.ts';
import { adminHeader, formatTime, scrollTable, type AdminView } from './admin-frame.ts';

export function renderAuditPage(view: AdminView, entries: readonly AuditEntry[], t: Strings = strings()): string {
  const a = t.admin.audit;
  const labels: Record<AuditAction, string> = a.actions;
  const rows = entries.map((e) => [escapeHtml(formatTime(e.at)), escapeHtml(e.actor), escapeHtml(labels[e.action] ?? e.action), escapeHtml([e.subject, e.detail].filter(Boolean).join(' · '))]);
  return [
    adminHeader(view, t),
    `<h1>${a.title}</h1>`,
    `<p class="lead">${a.lead}</p>`,
    entries.length ? scrollTable(a.title, a.columns, rows) : `<p>${a.empty}</p>`,
  ].join('');
}
