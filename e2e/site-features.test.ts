// Search, map, feeds and the 404 page, checked against the built site in Chromium.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { distDir, launchBrowser, openPage, serveSite, type Site } from './support/site.ts';

let site: Site;
let browser: Browser;

before(async () => {
  site = await serveSite();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await site?.close();
});

describe('site features', () => {
  it('finds the Seest case when searching for "fyrværkeri"', async () => {
    const { page, errors } = await openPage(browser, site.url('/soeg/'));
    const box = page.getByRole('searchbox').or(page.getByLabel('Søg på siden')).first();
    await box.fill('fyrværkeri');
    const result = page.locator('.pagefind-ui__result-link[href*="/cases/seest/"]').first();
    await result.waitFor({ timeout: 10_000 });
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it('indexes the manifesto, the charter and the cases, and not the menus', async () => {
    const { page } = await openPage(browser, site.url('/soeg/'));
    await page.getByRole('searchbox').or(page.getByLabel('Søg på siden')).first().fill('ligeværd');
    await page.locator('.pagefind-ui__result-link').first().waitFor({ timeout: 10_000 });
    const hrefs = await page.locator('.pagefind-ui__result-link').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    assert.ok(hrefs.some((h) => h?.includes('/charter/ligevaerd/')), `results: ${hrefs.join(', ')}`);
    await page.context().close();
  });

  it('places every case on the map as a link at its municipality', async () => {
    const { page } = await openPage(browser, site.url('/kort/'), { javaScriptEnabled: false });
    const svg = page.locator('.map-frame svg');
    assert.equal(await svg.count(), 1);
    const markers = await svg.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    const listed = await page.locator('#kortliste a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    assert.ok(markers.length >= 8);
    assert.deepEqual([...markers].sort(), [...listed].sort(), 'the list below the map holds the same cases');
    assert.ok(markers.includes('/cases/seest/'));
    // The land is drawn from the municipalities' real boundaries: the borders between them, and the source under the map.
    const borders = await svg.locator('path.borders').getAttribute('d');
    assert.ok((borders?.match(/M/g)?.length ?? 0) > 50, 'the borders between the 98 municipalities, in many separate lines');
    assert.ok(await page.getByText('Kommunegrænser: Styrelsen for Dataforsyning og Infrastruktur (DAGI/FOT).').isVisible());
    await page.context().close();
  });

  it('answers an unknown address with the Danish 404 page and status 404', async () => {
    const response = await fetch(site.url('/findes-ikke/'));
    assert.equal(response.status, 404);
    assert.match(await response.text(), /Siden findes ikke/);
  });

  it('publishes every case in the RSS feed and the sitemap', async () => {
    const rss = await readFile(join(distDir, 'rss.xml'), 'utf8');
    const sitemap = await readFile(join(distDir, 'sitemap-0.xml'), 'utf8');
    for (const slug of ['seest', 'gentofte-opgaveudvalg', 'groen-myldretid-skejby', 'fredericia-vision-kommuneplan']) {
      assert.match(rss, new RegExp(`/cases/${slug}/</link>`));
      assert.match(sitemap, new RegExp(`/cases/${slug}/</loc>`));
    }
    assert.match(sitemap, /\/charter\/ligevaerd\/<\/loc>/);
    assert.doesNotMatch(sitemap, /404/);
  });

  it('lists the pages that functions serve at their public address in the sitemap, and not their frames', async () => {
    const sitemap = await readFile(join(distDir, 'sitemap-0.xml'), 'utf8');
    const locations = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
    assert.ok(locations.includes('/'), 'the home page');
    assert.ok(locations.includes('/bliv-medlem/'), 'the join page');
    assert.ok(locations.includes('/privatlivspolitik/'), 'the privacy page');
    assert.deepEqual(locations.filter((path) => /skabelon|\/tak\//.test(path)), []);
  });

  it('gives the home page frame its public address as canonical, and lets it be indexed', async () => {
    const html = await readFile(join(distDir, 'skabelon/forside/index.html'), 'utf8');
    assert.match(html, /<link rel="canonical" href="[^"]+:\/\/[^/"]+\/">/);
    assert.doesNotMatch(html, /noindex/);
  });

  it('gives every page a Danish title, description and Open Graph tags', async () => {
    const html = await readFile(join(distDir, 'cases/seest/index.html'), 'utf8');
    assert.match(html, /<html lang="da"/);
    assert.match(html, /<meta property="og:title" content="[^"]+"/);
    assert.match(html, /<meta property="og:description" content="[^"]+"/);
    assert.match(html, /<meta name="description" content="[^"]{20,}"/);
  });
});
