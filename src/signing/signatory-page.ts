// A published signatory's own page: the organisation, when it signed, and the badge in each size with the code to
// copy into its website (in a read-only text box, so it can be selected and copied without JavaScript).
import { escapeHtml } from '../platform/html/escape.ts';
import { strings, type Strings } from '../i18n/index.ts';
import { routes } from '../routes.ts';
import { badgeLayout, badgeSizes } from './badge.ts';
import { badgeSnippet } from './signing-mails.ts';
import type { PublicSignatory } from './signatures.ts';

const dateFormat = new Intl.DateTimeFormat('da-DK', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Copenhagen' });

/** The page's body; `site` is the public address the embed code points to. */
export function renderSignatoryPage(signatory: PublicSignatory, site: string, t: Strings = strings()): string {
  const p = t.signatoryPage;
  const statement = signatory.statement ? `<blockquote>${escapeHtml(signatory.statement)}</blockquote>` : '';
  const sizes = badgeSizes
    .map((size) => {
      const box = badgeLayout(signatory.name, size, t);
      const label = p.sizes[size];
      const code = badgeSnippet(site, signatory.id, t, size);
      return [
        `<section class="badge-size" aria-labelledby="maerke-${size}">`,
        `<h3 id="maerke-${size}">${escapeHtml(p.sizeHeading(label, box.width))}</h3>`,
        `<p><img src="${escapeHtml(routes.badge(signatory.id, size))}" width="${box.width}" height="${box.height}" alt="${escapeHtml(t.badge.label(signatory.name))}"></p>`,
        `<div class="field"><label class="field-label" for="kode-${size}">${escapeHtml(p.codeLabel(label))}</label>`,
        `<textarea class="input embed-code" id="kode-${size}" rows="4" readonly spellcheck="false">${escapeHtml(code)}</textarea></div>`,
        `</section>`,
      ].join('');
    })
    .join('');
  return [
    `<h1>${escapeHtml(signatory.name)}</h1>`,
    `<p class="lead">${escapeHtml(p.signed(dateFormat.format(new Date(signatory.signed_at))))}</p>`,
    `<p class="meta">${escapeHtml(t.signForm.types[signatory.type])} · ${escapeHtml(signatory.municipality)}</p>`,
    statement,
    `<h2>${escapeHtml(p.badgeTitle)}</h2>`,
    `<p>${escapeHtml(p.badgeIntro)}</p>`,
    sizes,
    `<p><a href="${routes.signatories}">${escapeHtml(p.allSignatories)}</a></p>`,
  ].join('');
}

/** The body of the 404 page for an id that names no published signatory. */
export function renderSignatoryNotFound(t: Strings = strings()): string {
  const p = t.signatoryPage;
  return `<h1>${escapeHtml(p.notFoundTitle)}</h1><p class="lead">${escapeHtml(p.notFoundText)}</p><p><a href="${routes.signatories}">${escapeHtml(p.allSignatories)}</a></p>`;
}
