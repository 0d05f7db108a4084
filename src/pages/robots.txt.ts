// robots.txt, built so that its Sitemap line carries the site's full address (SITE_URL), as crawlers require.
import type { APIContext } from 'astro';
import { robotsTxt } from '../site-icons/site-files.ts';

export function GET(context: APIContext): Response {
  return new Response(robotsTxt(context.site!), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}
