// Test support: one concrete address for every entry in src/routes.ts, with the slugs taken from the built sitemap, so the route tests cover the whole table.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { facets, routes, routesFor, type Facet, type Routes } from '../../src/routes.ts';

export interface RouteSample {
  /** The entry in `routes`, with the facet for casesBy: "case", "casesBy(area)". */
  name: string;
  /** The canonical address. */
  path: string;
  /** True for a page (ends in /): it must also answer without the slash, with one 308 here. */
  page: boolean;
  /** The sample's id names nobody (an empty database has no signatory), so its right answer is the 404 page. */
  missing?: boolean;
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

/** One sample per entry in one route table (one per facet for casesBy), slugs from the built sitemap's `paths`. */
function samplesOf(table: Routes, paths: string[], prefix: string): { name: string; path: string; missing?: boolean }[] {
  const samples: { name: string; path: string; missing?: boolean }[] = [];
  for (const [key, route] of Object.entries(table) as [string, string | ((...args: string[]) => string)][]) {
    const name = `${prefix}${key}`;
    if (typeof route === 'string') samples.push({ name, path: route });
    // Routes that take a query rather than a slug from the sitemap.
    else if (key === 'signatoriesWith') samples.push({ name, path: table.signatoriesWith('type=forening') });
    else if (key === 'badge') samples.push({ name, path: table.badge('00000000-0000-4000-8000-000000000000') });
    else if (key === 'signatory') samples.push({ name, path: table.signatory('00000000-0000-4000-8000-000000000000'), missing: true });
    // A principle's proposals are served by a function, so the sitemap has the principle (not a fixed page such as
    // /charter/aendringer/), not this address.
    else if (key === 'principleProposals') {
      const fixed = new Set((Object.values(table) as unknown[]).filter((r): r is string => typeof r === 'string'));
      samples.push({ name, path: table.principleProposals(fill(table.principle(slot), paths.filter((p) => !fixed.has(p)), 'principle').split('/').filter(Boolean).pop()!) });
    }
    else if (key === 'casesBy') for (const facet of Object.keys(facets) as Facet[]) samples.push({ name: `${name}(${facet})`, path: fill(table.casesBy(facet, slot), paths, name) });
    else samples.push({ name, path: fill(route(slot), paths, name) });
  }
  return samples;
}

/**
 * One sample per entry in `routes` and in the English table (`en.…`, only where the English address differs), slugs
 * from the built site in `siteDir`.
 */
export async function routeSamples(siteDir: string): Promise<RouteSample[]> {
  const paths = await sitemapPaths(siteDir);
  const danish = samplesOf(routes, paths, '');
  const known = new Set(danish.map((s) => s.path));
  const samples = [...danish, ...samplesOf(routesFor('en'), paths, 'en.').filter((s) => !known.has(s.path))];
  // A fragment (#liste) never reaches the server, so the sample is the address without it.
  return samples.map((s) => ({ ...s, path: s.path.replace(/#.*$/, '') })).map((s) => ({ ...s, page: s.path.endsWith('/') }));
}

/** The same address without its trailing slash ("/" stays "/"). */
export const withoutSlash = (path: string) => (path === '/' ? '/' : path.replace(/\/$/, ''));
