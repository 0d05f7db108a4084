// `node scripts/make-icons.ts`: renders public/favicon.svg in Chromium into the icons browsers and phones ask for
// (favicon.ico with 16, 32 and 48 px, a 180 px apple-touch-icon and the manifest's 192 and 512 px icons). Run it
// after changing favicon.svg and commit the files; the build only copies them.
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { icoFromPngs } from '../src/site-icons/ico.ts';

const publicDir = resolve(import.meta.dirname, '..', 'public');
const svg = await readFile(join(publicDir, 'favicon.svg'), 'utf8');
// Phones round the corners themselves and fill transparency with black, so their icons are full squares.
const square = svg.replace(/ rx="[^"]*"/, '');

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const render = async (markup: string, size: number): Promise<Buffer> => {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  const sized = markup.replace('<svg ', `<svg width="${size}" height="${size}" `);
  await page.setContent(`<!doctype html><style>html,body{margin:0;background:transparent}svg{display:block}</style>${sized}`);
  const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
  await page.close();
  return png;
};

try {
  await writeFile(join(publicDir, 'favicon.ico'), icoFromPngs(await Promise.all([16, 32, 48].map((size) => render(svg, size)))));
  await writeFile(join(publicDir, 'apple-touch-icon.png'), await render(square, 180));
  await writeFile(join(publicDir, 'icon-192.png'), await render(square, 192));
  await writeFile(join(publicDir, 'icon-512.png'), await render(square, 512));
} finally {
  await browser.close();
}
console.log('Skrev favicon.ico, apple-touch-icon.png, icon-192.png og icon-512.png i public/.');
