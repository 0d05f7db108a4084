// The embeddable badge a published signatory can show on its own site, as a self-contained SVG.
import { escapeHtml } from '../platform/html/escape.ts';
import { strings, type Strings } from '../i18n/index.ts';

export function badgeSvg(organisationName: string, t: Strings = strings()): string {
  const name = escapeHtml(organisationName.length > 48 ? `${organisationName.slice(0, 47)}…` : organisationName);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="64" viewBox="0 0 320 64" role="img" aria-label="${t.badge.label(name)}">
<rect width="320" height="64" rx="8" fill="#1d4d34"/>
<circle cx="26" cy="32" r="11" fill="none" stroke="#fff" stroke-width="3"/><circle cx="38" cy="32" r="11" fill="none" stroke="#fff" stroke-width="3"/>
<text x="60" y="28" fill="#fff" font-family="system-ui,Segoe UI,Arial,sans-serif" font-size="15" font-weight="700">${t.badge.signed}</text>
<text x="60" y="47" fill="#fff" font-family="system-ui,Segoe UI,Arial,sans-serif" font-size="13">${t.badge.charter} · ${name}</text>
</svg>`;
}

/**
 * What a partner's page shows when the badge's signatory is unknown or has withdrawn: the charter's name and no
 * organisation, as an image (an <img> would show a broken icon for JSON), so nobody is named who has not signed.
 */
export function neutralBadgeSvg(t: Strings = strings()): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="64" viewBox="0 0 320 64" role="img" aria-label="${escapeHtml(t.badge.charter)}">
<rect width="320" height="64" rx="8" fill="#505a5f"/>
<circle cx="26" cy="32" r="11" fill="none" stroke="#fff" stroke-width="3"/><circle cx="38" cy="32" r="11" fill="none" stroke="#fff" stroke-width="3"/>
<text x="60" y="37" fill="#fff" font-family="system-ui,Segoe UI,Arial,sans-serif" font-size="15" font-weight="700">${escapeHtml(t.badge.charter)}</text>
</svg>`;
}
