// The reading side without JavaScript: no script on reading pages, one round trip, filters that work with JS off, print.
// Served by the real local server, because the home page comes from a function (with the member count) like on Vercel.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { backends, startApp, type App } from './support/app.ts';
import { launchBrowser, openPage, readingPages, scriptsLoaded } from './support/site.ts';

let site: App;
let browser: Browser;

before(async () => {
  site = await startApp(backends()[0]!);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await site?.stop();
});

/** The HTML as a visitor gets it: the built file for most pages, a function's answer for the home page. */
const servedHtml = async (path: string) => {
  const answer = await fetch(site.url(path));
  assert.equal(answer.status, 200, path);
  return answer.text();
};

describe('reading pages', () => {
  for (const path of readingPages) {
    it(`ships no JavaScript on ${path}`, async () => {
      const html = await servedHtml(path);
      // A case page carries schema.org data in <script type="application/ld+json">: data, never run.
      assert.doesNotMatch(html, /<script(?![^>]*type="application\/ld\+json")/i, 'the served HTML contains no script tag');
      assert.deepEqual(await scriptsLoaded(browser, site.url(path)), []);
    });

    it(`fits ${path} with its critical CSS into 14 KB gzipped`, async () => {
      const html = await servedHtml(path);
      assert.match(html, /<style>/, 'the CSS is inlined');
      const size = gzipSync(html, { level: 9 }).length;
      assert.ok(size <= 14 * 1024, `${path} is ${size} bytes gzipped`);
    });
  }

  it('filters the case library by area with JavaScript turned off', async () => {
    const { page } = await openPage(browser, site.url('/cases/'), { javaScriptEnabled: false });
    const visible = () => page.locator('.case-item:visible').count();
    const all = await visible();
    assert.ok(all >= 8, `the library lists all cases (${all})`);
    await page.getByRole('group', { name: 'Type' }).getByLabel('Politikudvikling').check();
    const policy = await visible();
    assert.ok(policy > 0 && policy < all, `policy cases only (${policy} of ${all})`);
    // The policy cases, as the case files say (kind: politikudvikling).
    const folder = join(import.meta.dirname, '../content/cases');
    const policyCases = readdirSync(folder)
      .filter((file) => /^kind: politikudvikling$/m.test(readFileSync(join(folder, file), 'utf8')))
      .map((file) => `/cases/${file.replace(/\.mdx$/, '')}/`);
    assert.equal(policy, policyCases.length, 'every policy case and no other');
    for (const href of await page.locator('.case-item:visible a').evaluateAll((links) => links.map((a) => a.getAttribute('href')))) {
      assert.ok(policyCases.includes(href ?? ''), `${href} is a policy case`);
    }
    const tree = await page.locator('.case-list').ariaSnapshot();
    assert.equal(tree.match(/- listitem/g)?.length, policy, 'screen readers hear only the matching cases');
    await page.getByLabel('Kommune').selectOption({ label: 'Gentofte' });
    assert.equal(await visible(), 1, 'municipality and type combine');
    await page.getByRole('button', { name: 'Nulstil filtre' }).click();
    assert.equal(await visible(), all);
    await page.context().close();
  });

  it('opens a facet URL already filtered', async () => {
    const { page } = await openPage(browser, site.url('/cases/kommune/kolding/'), { javaScriptEnabled: false });
    const titles = await page.locator('.case-item:visible h2').allInnerTexts();
    assert.equal(titles.length, 1);
    assert.match(titles[0], /Seest/);
    await page.context().close();
  });

  it('links every principle to the cases that show it, and each case back to its principles', async () => {
    const { page } = await openPage(browser, site.url('/cases/seest/'));
    const principleLinks = await page.locator('#principper + ul a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    assert.ok(principleLinks.length > 0);
    for (const href of principleLinks) {
      const { page: principle } = await openPage(browser, site.url(href!));
      assert.ok(await principle.locator('a[href="/cases/seest/"]').count(), `${href} links back to Seest`);
      await principle.context().close();
    }
    await page.context().close();
  });

  it('prints the whole charter without menus', async () => {
    const { page } = await openPage(browser, site.url('/charter/'));
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('.site-header').isVisible(), false);
    const printed = await page.locator('.print-principle').count();
    assert.equal(printed, 11);
    assert.equal(await page.locator('.print-principle').first().isVisible(), true);
    await page.context().close();
  });
});
