// Page weight per page type in the built site: the gzipped HTML (the first response), its CSS and its JavaScript.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Page types; the reading pages are promised to send no JavaScript. */
export const pageTypes = [
  { name: 'Forside', path: '/', reading: true },
  { name: 'Manifest', path: '/manifest/', reading: true },
  { name: 'Charter', path: '/charter/', reading: true },
  { name: 'Princip', path: '/charter/ligevaerd/', reading: true },
  { name: 'Caseliste', path: '/cases/', reading: true },
  { name: 'Case', path: '/cases/seest/', reading: true },
  { name: 'Filtreret caseliste', path: '/cases/kommune/kolding/', reading: true },
  { name: 'Kort', path: '/kort/', reading: true },
  { name: 'Søg', path: '/soeg/', reading: false },
  { name: 'Underskriv', path: '/underskriv/', reading: false },
] as const;

export interface PageWeight {
  name: string;
  path: string;
  reading: boolean;
  /** Gzipped bytes of the HTML document: what the first response carries. */
  html: number;
  /** Gzipped bytes of CSS: inline <style> (already inside the HTML) and linked stylesheets (extra requests). */
  inlineCss: number;
  linkedCss: number;
  /** Gzipped bytes of JavaScript: inline scripts and the files the page loads with <script src>. */
  inlineJs: number;
  linkedJs: number;
}

export type PageWeightReport = PageWeight[];

const gz = (text: string | Buffer) => gzipSync(text).byteLength;

function fileFor(dist: string, path: string): string {
  return path.endsWith('/') ? join(dist, path, 'index.html') : join(dist, path);
}

export async function benchPageWeight(dist: string, log: (line: string) => void): Promise<PageWeightReport> {
  const report: PageWeightReport = [];
  for (const page of pageTypes) {
    const html = await readFile(fileFor(dist, page.path), 'utf8').catch(() => undefined);
    if (html === undefined) {
      log(`  ${page.path}: findes ikke i dist/ (kør npm run build)`);
      continue;
    }
    const styles = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]!);
    const inlineScripts = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>([\s\S]*?)<\/script>/g)]
      .filter((m) => !/type="application\/(ld\+)?json"/.test(m[1]!))
      .map((m) => m[2]!)
      .filter((code) => code.trim() !== '');
    const linked = async (pattern: RegExp) => {
      let total = 0;
      for (const m of html.matchAll(pattern)) {
        const href = m[1]!;
        if (!href.startsWith('/')) continue;
        total += gz(await readFile(join(dist, href.split('?')[0]!)));
      }
      return total;
    };
    const weight: PageWeight = {
      name: page.name,
      path: page.path,
      reading: page.reading,
      html: gz(html),
      inlineCss: styles.length ? gz(styles.join('\n')) : 0,
      linkedCss: await linked(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g),
      inlineJs: inlineScripts.length ? gz(inlineScripts.join('\n')) : 0,
      linkedJs: await linked(/<script[^>]*\bsrc="([^"]+)"/g),
    };
    report.push(weight);
    log(`  ${page.name} (${page.path}): HTML ${(weight.html / 1024).toFixed(1)} KB gzip, JS ${weight.inlineJs + weight.linkedJs} B`);
  }
  return report;
}
