// axe-core (WCAG 2.1 AA) on every page type, in Chromium, plus the keyboard and small-screen basics. Served by the real
// local server, because the home and join pages come from functions like on Vercel.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import AxeBuilder from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { backends, startApp, type App } from './support/app.ts';
import { launchBrowser, openPage, pageTypes } from './support/site.ts';

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

describe('accessibility', () => {
  for (const [name, path] of Object.entries(pageTypes)) {
    it(`finds no WCAG 2.1 AA violations on the ${name} page`, async () => {
      const { page, errors } = await openPage(browser, site.url(path));
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      const violations = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
      assert.deepEqual(violations, []);
      assert.deepEqual(errors, [], 'the page logs no errors, CSP violations included');
      await page.context().close();
    });

    it(`lays out the ${name} page at 320 px without sideways scrolling`, async () => {
      const { page } = await openPage(browser, site.url(path), { viewport: { width: 320, height: 640 } });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `the page is ${overflow}px wider than the screen`);
      await page.context().close();
    });
  }

  it('offers a skip link as the first tab stop, and it moves focus to the main content', async () => {
    const { page } = await openPage(browser, site.url('/charter/'));
    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => ({ text: document.activeElement?.textContent, href: document.activeElement?.getAttribute('href') }));
    assert.deepEqual(first, { text: 'Gå til indhold', href: '#indhold' });
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'indhold');
    await page.context().close();
  });

  it('reaches every link in the main menu with the keyboard alone', async () => {
    const { page } = await openPage(browser, site.url('/'));
    const menuLinks = await page.locator('nav[aria-label="Hovedmenu"] a').count();
    const reached = new Set<string>();
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press('Tab');
      const href = await page.evaluate(() => (document.activeElement?.closest('nav[aria-label="Hovedmenu"]') ? document.activeElement.getAttribute('href') : null));
      if (href) reached.add(href);
    }
    assert.equal(reached.size, menuLinks);
    await page.context().close();
  });
});
