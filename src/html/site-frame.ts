// The header and footer every page shares. A build makes a thousand pages and more, and these differ only in which
// menu item is current, so each variant is written once (docs/benchmarks.md) instead of rendered on every page.
import { strings } from '../i18n/index.ts';
import { routes } from '../routes.ts';
import { escapeHtml } from './escape.ts';

const headers = new Map<string, string>();
const footers = new Map<string, string>();

const attribute = (name: string, value: string | undefined) => (value === undefined ? '' : ` ${name}="${escapeHtml(value)}"`);

/** The site header for a page served at `path`: the brand, and the main menu with the current item marked. */
export function siteHeader(path: string): string {
  const t = strings();
  const links = [
    { href: routes.manifest, label: t.nav.manifest },
    { href: routes.charter, label: t.nav.charter },
    { href: routes.about, label: t.nav.about },
    { href: routes.cases, label: t.nav.cases },
    { href: routes.map, label: t.nav.map },
    { href: routes.search, label: t.nav.search },
  ];
  const actions = [
    { href: routes.sign, label: t.nav.sign },
    { href: routes.join, label: t.nav.join },
  ];
  const isCurrent = (href: string) => (href === '/' ? path === '/' : path.startsWith(href));
  const current = [routes.home, ...links.map((l) => l.href), ...actions.map((a) => a.href)].filter(isCurrent);
  const key = `${t.lang} ${current.join(' ')}`;
  let html = headers.get(key);
  if (html === undefined) {
    const item = (href: string, label: string, className?: string) =>
      `<li><a${attribute('class', className)} href="${escapeHtml(href)}"${attribute('aria-current', isCurrent(href) ? 'page' : undefined)}>${escapeHtml(label)}</a></li>`;
    html =
      `<header class="site-header"><div class="wrap header-inner">` +
      `<a class="brand" href="${escapeHtml(routes.home)}"${attribute('aria-current', path === '/' ? 'page' : undefined)}>` +
      `<svg class="brand-mark" viewBox="0 0 32 32" width="28" height="28" aria-hidden="true" focusable="false">` +
      `<circle cx="12" cy="16" r="9" fill="none" stroke="currentColor" stroke-width="3"></circle>` +
      `<circle cx="20" cy="16" r="9" fill="none" stroke="currentColor" stroke-width="3"></circle></svg>${escapeHtml(t.site.name)}</a>` +
      `<nav aria-label="${escapeHtml(t.nav.label)}"><ul class="nav-list">` +
      links.map((l) => item(l.href, l.label)).join('') +
      actions.map((a) => item(a.href, a.label, 'nav-action')).join('') +
      `</ul></nav></div></header>`;
    headers.set(key, html);
  }
  return html;
}

/** The site footer: the same on every page. */
export function siteFooter(): string {
  const t = strings();
  let footer = footers.get(t.lang);
  if (footer !== undefined) return footer;
  footer =
    `<footer class="site-footer" aria-label="${escapeHtml(t.footer.label)}"><div class="wrap"><ul class="footer-list">` +
    [
      [routes.suggest, t.footer.suggest],
      [routes.aboutSite, t.footer.aboutSite],
      [routes.accessibility, t.footer.accessibility],
      [routes.privacy, t.footer.privacy],
      [routes.rss, t.footer.rss],
      [routes.sitemap, t.footer.sitemap],
    ]
      .map(([href, label]) => `<li><a href="${escapeHtml(href!)}">${escapeHtml(label!)}</a></li>`)
      .join('') +
    `</ul><p>${escapeHtml(t.footer.note)}</p></div></footer>`;
  footers.set(t.lang, footer);
  return footer;
}
