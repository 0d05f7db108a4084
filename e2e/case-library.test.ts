// The case library on a phone (320 px) and its case pages, in Chromium against the built site: header height, the
// menu and filters folded without JavaScript, Danish hyphenation, tap targets, zero results, facts with sources,
// schema.org markup under the CSP, the open data files and a shareable search.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, pageTypes, serveSite, type Site } from './support/site.ts';

let site: Site;
let browser: Browser;
const phone = { viewport: { width: 320, height: 568 }, javaScriptEnabled: false };

before(async () => {
  site = await serveSite();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await site?.close();
});

const overflowing = (page: Page, selector: string) =>
  page.$$eval(selector, (elements) => elements.filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.textContent?.trim()));

describe('reading on a phone at 320 px, without JavaScript', () => {
  for (const [name, path] of Object.entries(pageTypes)) {
    it(`keeps the header of the ${name} page at most 120 px tall, with the menu folded`, async () => {
      const { page } = await openPage(browser, site.url(path), phone);
      const height = await page.$eval('.site-header', (e) => e.getBoundingClientRect().height);
      assert.ok(height <= 120, `the header is ${height}px tall`);
      assert.equal(await page.isVisible('.nav-list'), false, 'the menu is folded');
      await page.context().close();
    });
  }

  it('opens the menu from its <details> and shows every link', async () => {
    const { page } = await openPage(browser, site.url('/charter/'), phone);
    await page.click('.menu > summary');
    assert.equal(await page.isVisible('.nav-list a[href="/cases/"]'), true);
    assert.equal(await page.isVisible('.nav-list a[href="/bliv-medlem/"]'), true);
    await page.context().close();
  });

  it('hyphenates the brand and headings in Danish, so "Samskabelsesbevægelsen" and "fyrværkeriulykken" fit', async () => {
    const { page } = await openPage(browser, site.url('/cases/seest/'), phone);
    assert.equal(await page.getAttribute('html', 'lang'), 'da');
    assert.match(await page.textContent('.brand') ?? '', /Samskabelsesbevægelsen/);
    assert.match(await page.textContent('h1') ?? '', /fyrværkeriulykken/);
    for (const selector of ['.brand', 'h1', 'h2', '.facts']) {
      assert.equal(await page.$eval(selector, (e) => getComputedStyle(e).hyphens), 'auto', `${selector} hyphenates`);
    }
    assert.deepEqual(await overflowing(page, '.brand, h1, h2:not(.visually-hidden), .facts dd, .facts dt'), []);
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 0);
    await page.context().close();
  });

  it('shows the first case card within the first screen of /cases/, with the filters folded', async () => {
    const { page } = await openPage(browser, site.url('/cases/'), phone);
    // The first line of the first card's title is on the first screen (a long title may run on below it).
    const firstLine = await page.$eval('.case-item h2', (e) => e.getBoundingClientRect().top + parseFloat(getComputedStyle(e).lineHeight));
    assert.ok(firstLine < 568, `the first line of the first card's title ends at ${firstLine}px`);
    assert.equal(await page.isVisible('.filter-field'), false, 'the filters are folded');
    await page.click('.filters-fold > summary');
    assert.equal(await page.isVisible('.filter-field'), true);
    await page.context().close();
  });

  it('gives every map dot a tap target of at least 24 × 24 px', async () => {
    const { page } = await openPage(browser, site.url('/kort/'), phone);
    const misses = await page.$$eval('.denmark-map .points a', (links) =>
      links.flatMap((a) => {
        a.scrollIntoView({ block: 'center' });
        const dot = a.querySelector('.dot')!.getBoundingClientRect();
        const [x, y] = [dot.left + dot.width / 2, dot.top + dot.height / 2];
        // Each edge of a 24 px square around the dot's centre must still land on this link (or a later dot on top of it).
        return [[-11.5, 0], [11.5, 0], [0, -11.5], [0, 11.5]].filter(([dx, dy]) => {
          const hit = document.elementFromPoint(x + dx!, y + dy!);
          return !hit?.closest('.points a');
        }).map(() => a.getAttribute('href'));
      }),
    );
    assert.deepEqual(misses, []);
    await page.context().close();
  });
});

describe('filtering the library', () => {
  it('shows a hint and a reset link when no case passes the chosen filters, and hides it otherwise', async () => {
    const { page } = await openPage(browser, site.url('/cases/'), { viewport: { width: 1280, height: 900 }, javaScriptEnabled: false });
    assert.equal(await page.isVisible('.no-results'), false);
    const visibleCards = () => page.$$eval('.case-item', (items) => items.filter((i) => getComputedStyle(i).display !== 'none').length);
    const statuses = await page.$$eval('input[name="status"]', (inputs) => inputs.map((i) => i.id).filter((id) => !id.endsWith('-alle')));
    const municipalities = await page.$$eval('#f-kommune option', (options) => options.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    let sawZero = false;
    for (const municipality of municipalities) {
      await page.selectOption('#f-kommune', municipality);
      for (const status of statuses) {
        await page.check(`#${status}`);
        const zero = (await visibleCards()) === 0;
        assert.equal(await page.isVisible('.no-results'), zero, `${municipality} + ${status}: the hint shows exactly when nothing is left`);
        sawZero ||= zero;
      }
      if (sawZero) break;
    }
    assert.ok(sawZero, 'some combination leaves no case');
    assert.equal(await page.getAttribute('.no-results a', 'href'), '/cases/');
    await page.context().close();
  });

  it('filters by principle, and each principle page lists its cases', async () => {
    const { page } = await openPage(browser, site.url('/cases/'), { javaScriptEnabled: false });
    const principles = await page.$$eval('input[name="princip"]', (inputs) => inputs.map((i) => i.id));
    assert.equal(principles.length, 12, 'Alle and the eleven principles');
    await page.context().close();
    const { page: principle } = await openPage(browser, site.url('/charter/faelles-mission/'));
    assert.ok((await principle.$$('a[href^="/cases/"]')).length > 0);
    await principle.context().close();
  });
});

describe('a case page', () => {
  it('links each fact to the sources behind it, and shows publisher and date for each source', async () => {
    const { page, errors } = await openPage(browser, site.url('/cases/seest/'));
    const links = await page.$$eval('.facts .fact-sources a', (as) => as.map((a) => a.getAttribute('href')));
    const sources = await page.$$eval('.sources a', (as) => as.map((a) => a.getAttribute('href')));
    assert.ok(links.length > 0);
    for (const href of links) assert.ok(sources.includes(href), `${href} is one of the listed sources`);
    assert.match(await page.textContent('.sources li') ?? '', /, .+, /, 'publisher and date follow the title');
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it('says Ikke oplyst for what no source gives, and names it under Hvor meget ved vi?', async () => {
    const { page } = await openPage(browser, site.url('/cases/aalborg-rehabilitering-psykiatri/'));
    assert.match(await page.textContent('.facts') ?? '', /Ikke oplyst/);
    const knowledge = await page.textContent('.knowledge') ?? '';
    assert.match(knowledge, /Hvor meget ved vi\?/);
    assert.match(knowledge, /Ikke oplyst: periode, status/);
    assert.equal(await page.getAttribute('.knowledge a', 'href'), '/foreslaa-en-case/');
    await page.context().close();
  });

  it('carries schema.org JSON-LD that passes the CSP, and states the CC BY-SA 4.0 licence', async () => {
    const { page, errors } = await openPage(browser, site.url('/cases/seest/'));
    const json = JSON.parse((await page.textContent('script[type="application/ld+json"]')) ?? '');
    assert.equal(json['@type'], 'Article');
    assert.equal(json.license, 'https://creativecommons.org/licenses/by-sa/4.0/deed.da');
    assert.ok(json.citation.length > 0 && json.citation[0].publisher.name);
    assert.match(await page.textContent('.licence') ?? '', /CC BY-SA 4\.0/);
    assert.deepEqual(errors, [], 'no CSP violation or other error');
    await page.context().close();
  });
});

describe('open data and search', () => {
  it('serves /cases.json and /cases.csv with every case, its sources and the licence', async () => {
    const json = await (await fetch(site.url('/cases.json'))).json();
    assert.equal(json.licence.name, 'CC BY-SA 4.0');
    assert.equal(json.count, json.cases.length);
    assert.ok(json.cases.some((c: { slug: string; sources: unknown[] }) => c.slug === 'seest' && c.sources.length > 0));
    const csv = Buffer.from(await (await fetch(site.url('/cases.csv'))).arrayBuffer());
    assert.deepEqual([...csv.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
    assert.equal(csv.toString('utf8').trimEnd().split('\r\n').length, json.count + 1, 'a header and one row per case (no raw line breaks)');
  });

  it('fills in the search box from /soeg/?q=', async () => {
    const { page } = await openPage(browser, site.url('/soeg/?q=Seest'));
    await page.waitForSelector('#soegning input');
    await page.waitForFunction(() => document.querySelector<HTMLInputElement>('#soegning input')?.value === 'Seest');
    await page.waitForSelector('.pagefind-ui__result');
    await page.context().close();
  });
});
