// Reads vercel.json and answers, for one request path, what Vercel's router would do with it: the same file drives production and the local server.
import { readFile } from 'node:fs/promises';

export interface HeaderRule {
  source: string;
  headers: { key: string; value: string }[];
}

export interface RewriteRule {
  source: string;
  destination: string;
}

/** A redirect: `permanent` gives 308 (the default) or 307; `statusCode` names another status. */
export interface RedirectRule {
  source: string;
  destination: string;
  permanent?: boolean;
  statusCode?: number;
}

/** The part of vercel.json the local server honours; other keys (crons, buildCommand, …) are Vercel's alone. */
export interface VercelConfig {
  trailingSlash?: boolean;
  cleanUrls?: boolean;
  redirects?: RedirectRule[];
  headers?: HeaderRule[];
  rewrites?: RewriteRule[];
}

export interface RouteTable {
  trailingSlash: boolean | undefined;
  redirects: { pattern: RegExp; destination: string; status: number }[];
  headers: { pattern: RegExp; headers: { key: string; value: string }[] }[];
  rewrites: { pattern: RegExp; destination: string }[];
}

/** What the router decided; `pathname` is where the answer comes from, which differs from the request after a rewrite. */
export type Resolution =
  | { kind: 'redirect'; location: string; status: number }
  | { kind: 'static'; pathname: string }
  | { kind: 'function'; pathname: string; search: string }
  | { kind: 'not-found' };

/** What exists on disk, asked by path: the built site and the api/ folder. */
export interface Filesystem {
  hasStatic: (pathname: string) => Promise<boolean>;
  hasFunction: (pathname: string) => Promise<boolean>;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

function readGroup(source: string, start: number): { body: string; end: number } {
  let depth = 0;
  for (let i = start; i < source.length; i++) {
    if (source[i] === '\\') i++;
    else if (source[i] === '(') depth++;
    else if (source[i] === ')' && --depth === 0) return { body: source.slice(start + 1, i), end: i + 1 };
  }
  throw new Error(`Ubalanceret parentes i vercel.json-mønsteret "${source}".`);
}

/**
 * Compiles a `source` the way Vercel's path-to-regexp (strict, case-sensitive) does, for the subset used here:
 * literal paths, `:name` with an optional `(regex)` and `?`, `*` or `+`, and bare groups such as `/(.*)`.
 * A parameter or group right after `/` owns that slash, so `/:path*` also matches the bare prefix.
 */
export function sourceToRegExp(source: string): RegExp {
  let out = '';
  let i = 0;
  while (i < source.length) {
    const char = source[i]!;
    const name = char === ':' ? /^:([A-Za-z_]\w*)/.exec(source.slice(i)) : null;
    if (!name && char !== '(') {
      out += escapeRegExp(char);
      i++;
      continue;
    }
    let pattern = '[^/]+?';
    let capture = '(';
    if (name) {
      i += name[0].length;
      capture = `(?<${name[1]}>`;
    }
    if (source[i] === '(') {
      const group = readGroup(source, i);
      pattern = group.body;
      i = group.end;
    }
    const modifier = /[?*+]/.test(source[i] ?? '') ? source[i++] : '';
    const prefix = out.endsWith('\\/') ? '\\/' : '';
    if (prefix) out = out.slice(0, -2);
    const repeated = `(?:${pattern})(?:${prefix}(?:${pattern}))*`;
    if (modifier === '') out += `${prefix}${capture}${pattern})`;
    else if (modifier === '?') out += `(?:${prefix}${capture}${pattern}))?`;
    else if (modifier === '*') out += `(?:${prefix}${capture}${repeated}))?`;
    else out += `${prefix}${capture}${repeated})`;
  }
  return new RegExp(`^${out}$`);
}

export function compileVercelConfig(config: VercelConfig): RouteTable {
  return {
    trailingSlash: config.trailingSlash,
    redirects: (config.redirects ?? []).map((rule) => ({
      pattern: sourceToRegExp(rule.source),
      destination: rule.destination,
      status: rule.statusCode ?? (rule.permanent === false ? 307 : 308),
    })),
    headers: (config.headers ?? []).map((rule) => ({ pattern: sourceToRegExp(rule.source), headers: rule.headers })),
    rewrites: (config.rewrites ?? []).map((rule) => ({ pattern: sourceToRegExp(rule.source), destination: rule.destination })),
  };
}

export async function loadVercelConfig(path: string): Promise<RouteTable> {
  return compileVercelConfig(JSON.parse(await readFile(path, 'utf8')) as VercelConfig);
}

/** Vercel's trailingSlash redirect (308): `true` adds a slash to paths whose last segment has no dot, `false` strips it. */
export function trailingSlashRedirect(table: RouteTable, pathname: string): string | undefined {
  if (table.trailingSlash === true) {
    if (/^\/\.well-known(?:\/.*)?$/.test(pathname)) return undefined;
    const add = /^\/((?:[^/]+\/)*[^/.]+)$/.exec(pathname);
    if (add) return `/${add[1]}/`;
    const strip = /^\/((?:[^/]+\/)*[^/]+\.\w+)\/$/.exec(pathname);
    if (strip) return `/${strip[1]}`;
  } else if (table.trailingSlash === false) {
    const strip = /^\/(.*)\/$/.exec(pathname);
    if (strip) return `/${strip[1]}`;
  }
  return undefined;
}

/** The headers every matching rule adds, in file order; a later rule overrides an earlier one for the same key. */
export function headersFor(table: RouteTable, pathname: string): [string, string][] {
  const found = new Map<string, [string, string]>();
  for (const rule of table.headers) {
    if (!rule.pattern.test(pathname)) continue;
    for (const { key, value } of rule.headers) found.set(key.toLowerCase(), [key, value]);
  }
  return [...found.values()];
}

/**
 * Fills a destination from a match: named parameters replace `:name`; when the destination uses none of them they
 * are appended to its query instead, as Vercel does. The request's own query is kept.
 */
function fillDestination(destination: string, match: RegExpExecArray, search: string): { pathname: string; search: string } {
  const params = Object.entries(match.groups ?? {}).filter((entry): entry is [string, string] => entry[1] !== undefined);
  const target = new URL(destination, 'http://rewrite.invalid');
  let used = false;
  const pathname = target.pathname.replace(/:([A-Za-z_]\w*)[*+?]?/g, (whole, name: string) => {
    const value = params.find(([key]) => key === name)?.[1];
    if (value === undefined) return whole;
    used = true;
    return value;
  });
  const query = new URLSearchParams(search);
  for (const [key, value] of target.searchParams) query.append(key, value);
  if (!used) for (const [key, value] of params) if (!query.has(key)) query.append(key, decodeURIComponent(value));
  const text = query.toString();
  return { pathname, search: text ? `?${text}` : '' };
}

/** The first rewrite whose source matches, with its destination filled in (see {@link fillDestination}). */
export function rewriteFor(table: RouteTable, pathname: string, search = ''): { pathname: string; search: string } | undefined {
  for (const rule of table.rewrites) {
    const match = rule.pattern.exec(pathname);
    if (match) return fillDestination(rule.destination, match, search);
  }
  return undefined;
}

/** The first redirect in vercel.json whose source matches: where to, and with which status. The query is kept. */
export function redirectFor(table: RouteTable, pathname: string, search = ''): { location: string; status: number } | undefined {
  for (const rule of table.redirects) {
    const match = rule.pattern.exec(pathname);
    if (!match) continue;
    const target = fillDestination(rule.destination, match, search);
    return { location: `${target.pathname}${target.search}`, status: rule.status };
  }
  return undefined;
}

/**
 * Vercel's order for a project without a framework (routing-utils' getTransformedRoutes): the trailingSlash
 * redirect and vercel.json's redirects, then the filesystem (static files, then functions in api/), then rewrites
 * (whose target must exist), then the 404 page. A rewrite therefore never shadows a file that exists at its source.
 */
export async function resolveRequest(table: RouteTable, url: URL, fs: Filesystem): Promise<Resolution> {
  const slash = trailingSlashRedirect(table, url.pathname);
  if (slash) return { kind: 'redirect', location: `${slash}${url.search}`, status: 308 };
  const redirect = redirectFor(table, url.pathname, url.search);
  if (redirect) return { kind: 'redirect', ...redirect };

  const fromDisk = async (pathname: string, search: string): Promise<Resolution | undefined> => {
    if (await fs.hasStatic(pathname)) return { kind: 'static', pathname };
    if (await fs.hasFunction(pathname)) return { kind: 'function', pathname, search };
    return undefined;
  };
  const direct = await fromDisk(url.pathname, url.search);
  if (direct) return direct;

  const rewrite = rewriteFor(table, url.pathname, url.search);
  if (rewrite) return (await fromDisk(rewrite.pathname, rewrite.search)) ?? { kind: 'not-found' };
  return { kind: 'not-found' };
}
