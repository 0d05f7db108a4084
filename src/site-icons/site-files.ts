// The small files browsers and crawlers ask for at fixed addresses: robots.txt (with the sitemap's full address) and the web manifest.
import type { Strings } from '../i18n/da.ts';
import { routes } from '../routes.ts';

/** robots.txt: everything but the admin, and where the sitemap is (crawlers want an absolute URL there). */
export function robotsTxt(site: URL): string {
  return ['User-agent: *', 'Allow: /', `Disallow: ${routes.admin}`, '', `Sitemap: ${new URL(routes.sitemap, site).href}`, ''].join('\n');
}

/** The icons scripts/make-icons.ts renders from favicon.svg, as the manifest lists them. */
export const manifestIcons = [
  { src: '/icon-192.png', sizes: '192x192', type: 'image/png' },
  { src: '/icon-512.png', sizes: '512x512', type: 'image/png' },
  { src: '/favicon.svg', sizes: 'any', type: 'image/svg+xml' },
] as const;

/** The web manifest: the Danish name a phone shows under the icon when the site is added to the home screen. */
export function webManifest(t: Strings): string {
  const manifest = {
    name: t.site.name,
    short_name: t.site.shortName,
    description: t.site.description,
    lang: t.lang,
    dir: 'ltr',
    start_url: routes.home,
    scope: routes.home,
    display: 'browser',
    background_color: '#ffffff',
    theme_color: '#1d4d34',
    icons: manifestIcons,
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
