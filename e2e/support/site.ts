// Test support: serves the built site on a free port and drives Debian's Chromium through playwright-core.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { chromiumPath } from '../../scripts/test-prerequisites.ts';
import { sendNotFound, serveStatic } from '../../src/dev-server/static-files.ts';

export const distDir = resolve(import.meta.dirname, '../../dist');

export interface Site {
  url: (path: string) => string;
  close: () => Promise<void>;
}

export async function serveSite(root = distDir): Promise<Site> {
  const server: Server = createServer(async (req, res) => {
    if (!(await serveStatic(root, req, res))) await sendNotFound(root, req, res);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** Opens a page in a fresh context (axe needs one), failing the test on any console error or CSP violation. */
export async function openPage(browser: Browser, url: string, options: BrowserContextOptions = {}): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ locale: 'da-DK', ...options });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(err.message));
  const response = await page.goto(url, { waitUntil: 'load' });
  // Chromium logs the 404 status of a deliberately missing page as an error; that one is expected.
  if (response?.status() === 404) {
    const index = errors.findIndex((e) => e.includes('status of 404'));
    if (index >= 0) errors.splice(index, 1);
  }
  return { page, errors };
}

/** One URL for every page type on the site. */
/** The scripts a real browser fetches while loading `url` until the network is quiet (a reading page fetches none). */
export async function scriptsLoaded(browser: Browser, url: string): Promise<string[]> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(request.url());
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  await context.close();
  return scripts;
}

export const pageTypes = {
  forside: '/',
  manifest: '/manifest/',
  charter: '/charter/',
  princip: '/charter/ligevaerd/',
  'hvad er samskabelse': '/hvad-er-samskabelse/',
  caseliste: '/cases/',
  'filtreret caseliste': '/cases/omraade/byudvikling/',
  case: '/cases/seest/',
  kort: '/kort/',
  søgning: '/soeg/',
  tilgængelighed: '/tilgaengelighed/',
  'om siden': '/om/',
  underskriv: '/underskriv/',
  'foreslå en case': '/foreslaa-en-case/',
  'tak for forslaget': '/foreslaa-en-case/tak/',
  'bliv medlem': '/bliv-medlem/',
  privatlivspolitik: '/privatlivspolitik/',
  'side ikke fundet': '/findes-ikke/',
} as const;

/** The reading pages, which must ship no JavaScript and fit in one round trip. */
export const readingPages = ['/', '/manifest/', '/charter/', '/charter/ligevaerd/', '/hvad-er-samskabelse/', '/cases/', '/cases/seest/', '/kort/'];
