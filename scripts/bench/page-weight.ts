// Page weight per page type: the gzipped HTML of the first response, its CSS and its JavaScript. Pages are fetched from
// the real local server (on a throwaway PGlite), because some (home, join) are rendered by a function with live counts.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { root, startListening } from './measure.ts';

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
  { name: 'Bliv medlem', path: '/bliv-medlem/', reading: false },
  { name: 'Foreslå en case', path: '/foreslaa-en-case/', reading: false },
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

export async function benchPageWeight(dist: string, log: (line: string) => void): Promise<PageWeightReport> {
  const report: PageWeightReport = [];
  const dataDir = await mkdtemp(join(tmpdir(), 'samskabelse-weight-'));
  const server = await startListening(join(root, 'scripts/bench/edge-server.ts'), { ...process.env, DATABASE_URL: '', DATA_DIR: dataDir, DIST_DIR: dist, RESEND_API_KEY: '' });
  const base = `http://127.0.0.1:${server.port}`;
  try {
    for (const page of pageTypes) {
      const response = await fetch(base + page.path);
      if (!response.ok) {
        log(`  ${page.path}: svarede ${response.status} (kør npm run build)`);
        continue;
      }
      const html = await response.text();
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
          const asset = await fetch(base + href);
          if (!asset.ok) throw new Error(`${page.path} links to ${href}, which answered ${asset.status}`);
          total += gz(Buffer.from(await asset.arrayBuffer()));
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
  } finally {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
  return report;
}
