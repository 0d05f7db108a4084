// The versions of the charter on the admin's charter page: every version in content (the newest is the current one),
// when the signatories were told about it, and, while the newest has not been announced, the one button that does it,
// with how many signatories will get a mail.
import { routes } from '../../routes.ts';
import type { AdoptionOverview } from '../../signing/charter-adoption.ts';
import { escapeHtml } from '../../platform/html/escape.ts';
import { csrfField, formatTime, scrollTable, type AdminView } from './admin-frame.ts';
import { strings } from '../../i18n/index.ts';

const m = strings().charterAdoption;

export function renderCharterVersions(view: AdminView, overview: AdoptionOverview): string {
  const c = m.columns;
  const rows = overview.versions.map((v, i) => [
    escapeHtml(i === 0 ? m.current(v.version) : String(v.version)),
    escapeHtml(v.adopted),
    escapeHtml(v.summary),
    escapeHtml(v.announcedAt ? m.announced(formatTime(v.announcedAt)) : v.version === 1 ? m.firstVersion : m.notAnnounced),
  ]);
  const next = overview.toAnnounce;
  const action = next
    ? [
        `<form method="post" action="${routes.adminCharter}">${csrfField(view.csrfToken)}<input type="hidden" name="action" value="adopt-version"><input type="hidden" name="version" value="${next.version}">`,
        `<p id="vedtag-hint">${escapeHtml(m.recipients(next.version, next.recipients))}</p>`,
        `<button type="submit" class="button" aria-describedby="vedtag-hint">${escapeHtml(m.button(next.version))}</button></form>`,
      ].join('')
    : `<p>${escapeHtml(m.nothingToAdopt)}</p>`;
  return [
    `<section aria-labelledby="versioner" class="review-card"><h2 id="versioner" tabindex="-1">${escapeHtml(m.title)}</h2>`,
    `<p>${escapeHtml(m.lead)}</p>`,
    scrollTable(m.tableLabel, [c.version, c.adopted, c.summary, c.mail], rows),
    action,
    `</section>`,
  ].join('');
}
