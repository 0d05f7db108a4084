// The signatory wall in Chromium without JavaScript, on PGlite and (with TEST_DATABASE_URL) PostgreSQL: 120 signatories
// shown 50 at a time, the page links forward and back, the filter, the sort and the search, all as plain GETs, and the
// municipality map with its shading, legend, links and table.
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { openDatabase } from '../src/platform/db/client.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { seedSignatories } from '../tests/support/signatory-seed.ts';
import { backends, startApp, type App } from './support/app.ts';
import { launchBrowser } from './support/site.ts';

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/** Clicks and waits for the page it leads to, so nothing is read from the page being left. */
async function follow(page: Page, target: ReturnType<Page['getByRole']>): Promise<void> {
  await Promise.all([page.waitForEvent('load'), target.click()]);
}

const names = (page: Page) => page.locator('.signatory-list > li > strong').allInnerTexts();

for (const backend of backends()) {
  describe(`the signatory wall on ${backend.name}`, () => {
    let app: App;
    before(async () => {
      // PGlite admits one process at a time, so its data folder is filled before the server opens it.
      const dataDir = await mkdtemp(join(tmpdir(), 'samskabelse-wall-'));
      if (backend.name === 'PGlite') {
        const db = await openDatabase({ dataDir: join(dataDir, 'pglite') });
        await migrate(db);
        await seedSignatories(db, 120);
        await db.close();
        app = await startApp(backend, { DATA_DIR: dataDir });
      } else {
        app = await startApp(backend);
        const db = await openDatabase({ connectionString: app.env.DATABASE_URL, searchPath: app.env.DATABASE_SCHEMA, maxConnections: 1 });
        await migrate(db);
        await seedSignatories(db, 120);
        await db.close();
      }
    });
    after(async () => {
      await app?.stop();
    });

    it('shows 50 at a time, newest first, with page links forward and back that work without JavaScript', async () => {
      const context = await browser.newContext({ javaScriptEnabled: false, locale: 'da-DK' });
      const page = await context.newPage();
      await page.goto(app.url('/underskrivere/'));
      assert.match(await page.locator('#antal-underskrivere').innerText(), /^120$/);
      const first = await names(page);
      assert.equal(first.length, 50);
      assert.match(first[0]!, /nr\. 119$/, 'the newest comes first');
      assert.match(await page.getByRole('status').innerText(), /Viser 50 af 120/);
      assert.equal(await page.getByRole('link', { name: 'Forrige side' }).count(), 0);

      await follow(page, page.getByRole('link', { name: 'Næste side' }));
      const second = await names(page);
      assert.equal(second.length, 50);
      assert.ok(!second.some((n) => first.includes(n)), 'the second page repeats nothing from the first');
      await follow(page, page.getByRole('link', { name: 'Næste side' }));
      const third = await names(page);
      assert.equal(third.length, 20);
      assert.match(third.at(-1)!, /nr\. 0$/);
      assert.equal(await page.getByRole('link', { name: 'Næste side' }).count(), 0, 'the last page has no next page');

      await follow(page, page.getByRole('link', { name: 'Forrige side' }));
      assert.deepEqual(await names(page), second);
      await follow(page, page.getByRole('link', { name: 'Første side' }));
      assert.deepEqual(await names(page), first);
      await context.close();
    });

    it('filters by municipality and type, sorts by name and searches, all in one GET form', async () => {
      const context = await browser.newContext({ javaScriptEnabled: false, locale: 'da-DK' });
      const page = await context.newPage();
      await page.goto(app.url('/underskrivere/'));
      const option = await page.locator('select#kommune option').nth(2).innerText();
      assert.match(option, /^[^(]+ \(\d+\)$/, 'each municipality shows its count');
      const municipality = option.replace(/ \(\d+\)$/, '');
      await page.locator('select#kommune').selectOption(municipality);
      await page.locator('select#sortering').selectOption('navn');
      await follow(page, page.getByRole('button', { name: 'Vis' }));
      assert.match(page.url(), /sortering=navn/);
      const shown = await names(page);
      assert.ok(shown.length > 0);
      const metas = await page.locator('.signatory-list .meta').allInnerTexts();
      assert.ok(metas.every((m) => m.includes(`· ${municipality} ·`)), 'only the chosen municipality');
      const lowered = shown.map((n) => n.toLowerCase());
      assert.deepEqual(lowered, [...lowered].sort(), 'by name');

      await page.goto(app.url('/underskrivere/'));
      await page.getByLabel('Søg i navne og udtalelser').fill('nr. 77');
      await follow(page, page.getByRole('button', { name: 'Vis' }));
      assert.ok((await names(page)).some((n) => n.endsWith('nr. 77')));
      await page.getByLabel('Søg i navne og udtalelser').fill('ingenfindes');
      await follow(page, page.getByRole('button', { name: 'Vis' }));
      assert.equal(await page.getByText('Ingen underskrivere passer til søgningen.').count(), 1);
      await context.close();
    });

    it('shades the municipalities on the map by their signatories, with a legend, and hatches the kommuner that signed', async () => {
      const context = await browser.newContext({ javaScriptEnabled: false, locale: 'da-DK' });
      const page = await context.newPage();
      await page.goto(app.url('/underskrivere/'));
      const map = page.getByRole('group', { name: 'Underskrivere i hver kommune' });
      assert.equal(await map.locator('a').count(), 98, 'every municipality is a link');
      const shapes = await map.locator('a').evaluateAll((links) =>
        links.map((a) => ({ className: a.getAttribute('class')!, title: a.querySelector('title')!.textContent!, fill: getComputedStyle(a.querySelector('path')!).fill })),
      );
      // 120 signatories over 99 areas give counts of 1 and 2: two steps of the scale (the unit tests walk the rest).
      const plain = shapes.filter((s) => !s.className.includes('kommune'));
      const fillOf = new Map<string, Set<string>>();
      for (const s of plain) {
        const count = s.title.match(/: (\d+|ingen) underskriver/)![1]!;
        fillOf.set(count, (fillOf.get(count) ?? new Set()).add(s.fill));
      }
      assert.ok(fillOf.size >= 2, `several counts: ${[...fillOf.keys()].join(', ')}`);
      assert.ok([...fillOf.values()].every((fills) => fills.size === 1), 'the same count, the same colour');
      assert.equal(new Set([...fillOf.values()].map((fills) => [...fills][0])).size, fillOf.size, 'another count, another colour');
      const kommuner = shapes.filter((s) => s.className.includes('kommune'));
      assert.ok(kommuner.length > 0, 'the seed has kommuner that signed');
      assert.ok(kommuner.every((s) => s.fill.startsWith('url(') && s.title.endsWith('Kommunen har selv skrevet under')), 'hatched, and said in words');
      const legend = page.locator('.map-legend');
      assert.ok(await legend.isVisible());
      assert.match(await legend.innerText(), /Antal underskrivere[\s\S]*Ingen endnu[\s\S]*Kommunen har selv skrevet under/);
      assert.ok(await page.getByText('Kommunegrænser: Styrelsen for Dataforsyning og Infrastruktur (DAGI/FOT).').isVisible(), 'the source is credited');
      assert.match(await page.locator('#antal-kommuner').innerText(), new RegExp(`^${kommuner.length} af 98 kommuner$`));
      await context.close();
    });

    it('gives the same numbers in the table as on the map and in the two figures', async () => {
      const context = await browser.newContext({ javaScriptEnabled: false, locale: 'da-DK' });
      const page = await context.newPage();
      await page.goto(app.url('/underskrivere/'));
      await page.getByText('Se tallene for hver kommune').click();
      const table = page.getByRole('table', { name: 'Underskrivere i hver kommune' });
      assert.ok(await table.isVisible(), 'the table opens without JavaScript');
      const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((cell) => (cell as HTMLElement).innerText)));
      assert.equal(rows.length, 98);
      const titles = await page.locator('svg.municipality-map a title').allTextContents();
      for (const [name, count, kommune] of rows) {
        const title = titles.find((t) => t.startsWith(`${name}:`));
        const expected = count === '0' ? 'ingen underskrivere endnu' : count === '1' ? '1 underskriver' : `${count} underskrivere`;
        assert.ok(title?.startsWith(`${name}: ${expected}`), `${name}: the table says ${count}, the map "${title}"`);
        assert.equal(title?.endsWith('Kommunen har selv skrevet under'), kommune === 'Ja', name);
      }
      const nationwide = Number((await page.getByText(/i hele landet/).innerText()).match(/(\d+) underskrivere/)?.[1] ?? 0);
      const sum = rows.reduce((total, [, count]) => total + Number(count), 0);
      assert.equal(sum + nationwide, 120, 'the municipalities and the whole country add up to every signatory');
      assert.equal(await page.locator('#antal-kommuner').innerText(), `${rows.filter((r) => r[2] === 'Ja').length} af 98 kommuner`);
      assert.equal(await page.locator('#underskriver-kommuner').innerText(), `${rows.filter((r) => r[1] !== '0').length} af 98 kommuner`);
      await context.close();
    });

    it('leads from a municipality on the map to the wall filtered to it', async () => {
      const context = await browser.newContext({ javaScriptEnabled: false, locale: 'da-DK' });
      const page = await context.newPage();
      await page.goto(app.url('/underskrivere/'));
      const link = page.locator('svg.municipality-map a.shade-5').first();
      const name = (await link.locator('title').textContent())!.split(':')[0]!;
      // By keyboard: a small municipality's middle may lie under its neighbour, but its link takes focus like any other.
      await link.focus();
      await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')]);
      assert.equal(new URL(page.url()).searchParams.get('kommune'), name);
      assert.equal(await page.locator('select#kommune').inputValue(), name, 'the filter shows the municipality');
      const metas = await page.locator('.signatory-list .meta').allInnerTexts();
      assert.ok(metas.length > 0 && metas.every((m) => m.includes(`· ${name} ·`)), `only ${name}`);
      const current = await page.locator('svg.municipality-map a[aria-current="page"] title').allTextContents();
      assert.ok(current.length === 1 && current[0]!.startsWith(`${name}:`), 'the map shows which municipality is chosen');
      await context.close();
    });

    it('passes axe with the map, its legend and the open table, and fits 320 px', async () => {
      const context = await browser.newContext({ locale: 'da-DK' });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (msg) => msg.type() === 'error' && errors.push(msg.text()));
      await page.goto(app.url('/underskrivere/'));
      await page.getByText('Se tallene for hver kommune').click();
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      assert.deepEqual(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`), []);
      assert.deepEqual(errors, [], 'no console errors, CSP violations included');
      await page.setViewportSize({ width: 320, height: 640 });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `at 320 px the page with its open table is ${overflow}px wider than the screen`);
      await context.close();
    });

    it('sends a first page of at most 30 KB gzipped', async () => {
      const response = await fetch(app.url('/underskrivere/'));
      const html = await response.text();
      assert.ok(gzipSync(html).length <= 30 * 1024, `${gzipSync(html).length} bytes gzipped`);
    });

    it('pages the JSON by cursor with a total, and streams every row as CSV', async () => {
      const seen = new Set<string>();
      let url: string | null = '/api/signatories?limit=40';
      let pages = 0;
      while (url) {
        const body: { total: number; nextUrl: string | null; signatories: { id: string }[] } = await (await fetch(app.url(url))).json();
        assert.equal(body.total, 120);
        for (const s of body.signatories) seen.add(s.id);
        url = body.nextUrl;
        pages++;
      }
      assert.equal(pages, 3);
      assert.equal(seen.size, 120);
      const csv = await (await fetch(app.url('/api/signatories?format=csv'))).text();
      assert.equal(csv.trimEnd().split('\r\n').length, 121, 'a header and every row');
    });
  });
}
