// Test support: one concrete address for every entry in src/routes.ts, with the slugs taken from the built sitemap, so the route tests cover the whole table.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { facets, routes, type Facet } from '../../src/routes.ts';

export interface RouteSample {
  /** The entry in `routes`, with the facet for casesBy: "case", "casesBy(area)". */
  name: string;
  /** The canonical address. */
  path: string;
  /** True for a page (ends in /): it must also answer without the slash, with one 308 here. */
  page: boolean;
}

const slot = '\u0000';

/** Every path the sitemap (sitemap-0.xml in a built site folder) lists. */
export async function sitemapPaths(siteDir: string): Promise<string[]> {
  const xml = await readFile(join(siteDir, 'sitemap-0.xml'), 'utf8');
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
}

/** The first sitemap path that fits a route built with a placeholder slug, e.g. /cases/<slug>/ but not /cases/omraade/x/. */
function fill(template: string, paths: string[], name: string): string {
  const [before, after] = template.split(slot) as [string, string];
  const found = paths.find((p) => p.startsWith(before) && p.endsWith(after) && !p.slice(before.length, p.length - after.length).includes('/') && p.length > before.length + after.length);
  if (!found) throw new Error(`The sitemap has no address for routes.${name} (${before}…${after}).`);
  return found;
}

/** One sample per entry in `routes` (one per facet for casesBy), slugs from the built site in `siteDir`. */
export async function routeSamples(siteDir: string): Promise<RouteSample[]> {
  const paths = await sitemapPaths(siteDir);
  const samples: { name: string; path: string }[] = [];
  for (const [name, route] of Object.entries(routes) as [string, string | ((...args: string[]) => string)][]) {
    if (typeof route === 'string') samples.push({ name, path: route });
    // Routes that take a query rather than a slug from the sitemap.
    else if (name === 'signatoriesWith') samples.push({ name, path: routes.signatoriesWith('type=forening') });
    else if (name === 'badge') samples.push({ name, path: routes.badge('00000000-0000-4000-8000-000000000000') });
    // A principle's proposals are served by a function, so the sitemap has the principle (not a fixed page such as
    // /charter/aendringer/), not this address.
    else if (name === 'principleProposals') {
      const fixed = new Set((Object.values(routes) as unknown[]).filter((r): r is string => typeof r === 'string'));
      samples.push({ name, path: routes.principleProposals(fill(routes.principle(slot), paths.filter((p) => !fixed.has(p)), 'principle').split('/')[2]!) });
    }
    else if (name === 'casesBy') for (const facet of Object.keys(facets) as Facet[]) samples.push({ name: `casesBy(${facet})`, path: fill(routes.casesBy(facet, slot), paths, name) });
    else samples.push({ name, path: fill(route(slot), paths, name) });
  }
  // A fragment (#liste) never reaches the server, so the sample is the address without it.
  return samples.map((s) => ({ ...s, path: s.path.replace(/#.*$/, '') })).map((s) => ({ ...s, page: s.path.endsWith('/') }));
}

/** The same address without its trailing slash ("/" stays "/"). */
export const withoutSlash = (path: string) => (path === '/' ? '/' : path.replace(/\/$/, ''));
