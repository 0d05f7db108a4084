// The web manifest (/site.webmanifest): the site's Danish name and icons for a phone's home screen.
import { strings } from '../i18n/index.ts';
import { webManifest } from '../site-icons/site-files.ts';

export function GET(): Response {
  return new Response(webManifest(strings()), { headers: { 'Content-Type': 'application/manifest+json' } });
}
