// Answers with a whole HTML page: the site's frame, built by Astro at /skabelon/, with the function's content inside.
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { escapeHtml } from '../html/escape.ts';
import { strings, type Language } from '../../i18n/index.ts';

const marker = '<!--skabelon:indhold-->';
const shells = new Map<string, Promise<string>>();

/** A file Astro built, by its path under dist/; read once per process. */
function built(file: string): Promise<string> {
  let html = shells.get(file);
  if (!html) {
    const distDir = resolve(process.env.DIST_DIR ?? 'dist');
    html = readFile(join(distDir, file), 'utf8');
    html.catch(() => shells.delete(file));
    shells.set(file, html);
  }
  return html;
}

/** The built frame for `name` ("skabelon" or "skabelon/underskrivere"). */
function shell(name: string): Promise<string> {
  return built(join(name, 'index.html'));
}

/**
 * The built 404 page of a language (dist/404.html, dist/en/404/index.html) with status 404: Vercel shows only the Danish
 * one by itself, so an unknown address under /en/ is rewritten to a function that answers with this.
 */
export async function notFoundPage(lang: Language): Promise<Response> {
  const page = await (lang === 'da' ? built('404.html') : shell(join(lang, '404')));
  return new Response(page, { status: 404, headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' } });
}

/**
 * Moves each frame region `<!--name:start-->…<!--name:end-->` to where the body asks for it with `<!--flyt:name-->`,
 * so a body can place a piece that Astro built (the map) without the function having to draw it.
 */
export function moveRegions(page: string): string {
  return page.replace(/<!--flyt:([a-z-]+)-->/g, (placeholder, name: string) => {
    const start = `<!--${name}:start-->`;
    const end = `<!--${name}:end-->`;
    const from = page.indexOf(start);
    const to = page.indexOf(end, from);
    return from >= 0 && to >= 0 ? page.slice(from + start.length, to) : '';
  }).replace(/<!--([a-z-]+):start-->[\s\S]*?<!--\1:end-->/g, '');
}

export interface HtmlPage {
  /** The page's own title, shown before the site name; leave it out to keep the frame's title (the home page). */
  title?: string;
  /** Trusted HTML: every piece of user text in it must already be escaped. */
  body: string;
  status?: number;
  headers?: HeadersInit;
  /** Another Astro-built frame with the same marker, e.g. one that already holds the map. */
  frame?: string;
  /** Edits to the frame outside the marker (e.g. marking municipalities on the built map). */
  transformFrame?: (html: string) => string;
  /** The page's language: an English page gets the English frame (under /en/) unless `frame` names another. */
  lang?: Language;
}

export async function htmlPage({ title, body, status = 200, headers, frame, transformFrame, lang = 'da' }: HtmlPage): Promise<Response> {
  let html = await shell(frame ?? (lang === 'da' ? 'skabelon' : `${lang}/skabelon`));
  if (transformFrame) html = transformFrame(html);
  const titled = title === undefined ? html : html.replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(strings(lang).server.pageTitle(title))}</title>`);
  const page = moveRegions(titled.replace(marker, () => body));
  const merged = new Headers(headers);
  if (!merged.has('Content-Type')) merged.set('Content-Type', 'text/html; charset=utf-8');
  if (!merged.has('Cache-Control')) merged.set('Cache-Control', 'no-store');
  return new Response(page, { status, headers: merged });
}
