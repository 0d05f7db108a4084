// The secretariat's member list: a search form that works without JavaScript, the table, and the CSV of exactly what is shown.
import { municipalityNamesInDanishOrder } from '../../data/municipalities.ts';
import { areas } from '../../data/vocabulary.ts';
import { strings } from '../../i18n/index.ts';
import { routes } from '../../routes.ts';
import { memberColumns, memberFilterQuery, type MemberFilter, type MemberRecord } from '../../membership/member-filter.ts';
import { csvBom, csvLine } from '../../platform/csv.ts';
import { escapeHtml } from '../../platform/html/escape.ts';
import { adminHeader, formatTime, scrollTable, type AdminView } from './admin-frame.ts';

const t = strings();

const copy = t.admin.members;
const kindLabels = copy.kinds;
const statusLabels = copy.statuses;

function select(name: string, label: string, options: readonly (readonly [string, string])[], value: string | undefined): string {
  const opts = [`<option value="">${t.admin.all}</option>`, ...options.map(([v, l]) => `<option value="${escapeHtml(v)}"${v === value ? ' selected' : ''}>${escapeHtml(l)}</option>`)].join('');
  return `<div class="field"><label class="field-label" for="${name}">${label}</label><select class="input" id="${name}" name="${name}">${opts}</select></div>`;
}

export function renderMemberList(view: AdminView, filter: MemberFilter, members: readonly MemberRecord[]): string {
  const areaLabels = t.labels.areas as Record<string, string>;
  const rows = members.map((m) => [
    escapeHtml(m.name),
    `<a href="mailto:${escapeHtml(m.email)}">${escapeHtml(m.email)}</a>`,
    kindLabels[m.kind] + (m.organisation_name ? `: ${escapeHtml(m.organisation_name)}` : ''),
    escapeHtml(m.municipality),
    escapeHtml(m.interests.map((i) => areaLabels[i] ?? i).join(', ')),
    m.newsletter ? t.admin.yes : t.admin.no,
    statusLabels[m.status],
    escapeHtml(formatTime(m.confirmed_at ?? m.created_at)),
  ]);
  const form = [
    `<form class="member-search" method="get" action="${routes.adminMembers}" role="search" aria-label="${copy.searchLabel}">`,
    `<div class="field"><label class="field-label" for="q">${copy.query}</label><input class="input" id="q" name="q" type="search" value="${escapeHtml(filter.q ?? '')}"></div>`,
    select('type', copy.type, Object.entries(kindLabels), filter.kind),
    select('status', copy.status, Object.entries(statusLabels), filter.status),
    select('kommune', copy.municipality, municipalityNamesInDanishOrder.map((n) => [n, n] as const), filter.municipality),
    select('interesse', copy.interest, areas.map((a) => [a, areaLabels[a] ?? a] as const), filter.interest),
    select('nyhedsbrev', copy.newsletter, [['ja', t.admin.yes], ['nej', t.admin.no]], filter.newsletter === undefined ? undefined : filter.newsletter ? 'ja' : 'nej'),
    `<p><button type="submit" class="button">${copy.search}</button> <a href="${routes.adminMembers}">${copy.reset}</a></p></form>`,
  ].join('');
  return [
    adminHeader(view),
    `<h1>${copy.title} <span class="count">(${members.length})</span></h1>`,
    form,
    `<p><a class="button secondary" href="${routes.adminMembersCsv}${memberFilterQuery(filter)}" download>${copy.csv}</a></p>`,
    members.length ? scrollTable(copy.title, copy.columns, rows) : `<p>${copy.none}</p>`,
  ].join('');
}

/** RFC 4180 as src/platform/csv.ts writes it (quoted, formula-safe, BOM); interests joined with "; ". */
export function membersCsv(members: readonly MemberRecord[]): string {
  const lines = members.map((m) => csvLine(memberColumns.map((c) => (c === 'interests' ? m.interests.join('; ') : m[c]))));
  return csvBom + csvLine(memberColumns) + lines.join('');
}
