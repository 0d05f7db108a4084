// The badge and the signatory's own page in Chromium, on PGlite and (with TEST_DATABASE_URL) PostgreSQL: the page shows
// the badge in each size with its embed code; the longest names render inside the SVG (getBBox in the browser); an
// unknown or withdrawn id gets the neutral image; and the wall is findable (front page count, indexable, sitemap).
import assert from 'node:assert/strict';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { openDatabase, type Db } from '../src/platform/db/client.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { badgeSizes } from '../src/signing/badge.ts';
import { strings } from '../src/i18n/index.ts';
import { seedSignatories } from '../tests/support/signatory-seed.ts';
import { backends, startApp, type App } from './support/app.ts';
import { distDir, launchBrowser } from './support/site.ts';

const t = strings();

/** The longest names the form accepts (200 characters), with the letters that are widest in any font. */
const longNames = {
  wide: 'W'.repeat(200),
  unbroken: 'Frivilligcenterforeningsbestyrelsessekretariatsmedarbejderforeningen'.repeat(3).slice(0, 200),
  danish:
    'Søndergårdens Økologiske Højskoleforening for Ældre Ærøboere og Åbne Fællesskaber i Aabenraa, Ærøskøbing og Østerbro — Æblegårdens Venner af Samskabelse mellem Kommune, Forening og Borgere i Ørestad',
  issue: 'Foreningen for Samskabelse og Lokal Udvikling i Region Sjælland · Roskilde Kommune',
};

interface Seeded {
  listed: Record<keyof typeof longNames, string>;
  withdrawn: string;
  pending: string;
}

async function insert(db: Db, name: string, status: string, consent = true): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO signatures (organisation_name, organisation_type, municipality, contact_name, contact_title, email, statement,
                             consent_public, status, created_at, confirmed_at, published_at)
     VALUES ($1, 'forening', 'Roskilde', 'Kontakt', 'Formand', 'kontakt@example.dk', 'Vi er med.', $3, $2, now(), now(), CASE WHEN $2 = 'pending' THEN NULL ELSE now() END)
     RETURNING id`,
    [name, status, consent],
  );
  return rows[0]!.id;
}

async function seed(db: Db): Promise<Seeded> {
  await migrate(db);
  await seedSignatories(db, 3);
  const listed = {} as Record<keyof typeof longNames, string>;
  for (const [key, name] of Object.entries(longNames)) listed[key as keyof typeof longNames] = await insert(db, name, 'published');
  return { listed, withdrawn: await insert(db, 'Trukket Tilbage Forening', 'withdrawn'), pending: await insert(db, 'Venter Forening', 'confirmed') };
}

/** Every <text> in the SVG shown in the page, with its box (getBBox) and the viewBox it must stay inside. */
async function textBoxes(page: Page) {
  return page.evaluate(() => {
    const svg = document.querySelector('svg')!;
    const view = svg.viewBox.baseVal;
    return {
      view: { width: view.width, height: view.height },
      boxes: [...svg.querySelectorAll('text')].map((text) => {
        const box = text.getBBox();
        return { text: text.textContent, x: box.x, y: box.y, width: box.width, height: box.height };
      }),
    };
  });
}

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

for (const backend of backends()) {
  describe(`the badge and the signatory page on ${backend.name}`, () => {
    let app: App;
    let seeded: Seeded;
    before(async () => {
      // PGlite admits one process at a time, so its data folder is filled before the server opens it.
      const dataDir = await mkdtemp(join(tmpdir(), 'samskabelse-badge-'));
      if (backend.name === 'PGlite') {
        const db = await openDatabase({ dataDir: join(dataDir, 'pglite') });
        seeded = await seed(db);
        await db.close();
        app = await startApp(backend, { DATA_DIR: dataDir });
      } else {
        app = await startApp(backend);
        const db = await openDatabase({ connectionString: app.env.DATABASE_URL, searchPath: app.env.DATABASE_SCHEMA, maxConnections: 1 });
        seeded = await seed(db);
        await db.close();
      }
    });
    after(async () => {
      await app?.stop();
    });

    it('shows the organisation, when it signed, the badge in each size and a copyable embed code, with no script', async () => {
      const id = seeded.listed.issue;
      // The page sends no script, so nothing here depends on JavaScript (axe needs it on in the browser).
      assert.doesNotMatch(await (await fetch(app.url(`/underskrivere/${id}/`))).text(), /<script/);
      const context = await browser.newContext({ locale: 'da-DK' });
      const page = await context.newPage();
      // The load event waits for the images.
      const answer = await page.goto(app.url(`/underskrivere/${id}/`), { waitUntil: 'load' });
      assert.equal(answer?.status(), 200);
      assert.equal(await page.locator('h1').innerText(), longNames.issue);
      assert.match(await page.locator('.lead').innerText(), /^Skrev under på Charter for samskabelse \d+\. \w+ \d{4}\.$/);
      const images = page.locator('main img');
      assert.equal(await images.count(), badgeSizes.length);
      const loaded = await images.evaluateAll((imgs) => imgs.map((img) => [(img as HTMLImageElement).naturalWidth, (img as HTMLImageElement).src]));
      assert.deepEqual(
        loaded.map(([width]) => width),
        [240, 320, 440],
        'every size loads, at its own width',
      );
      for (const size of badgeSizes) {
        const code = page.getByLabel(t.signatoryPage.codeLabel(t.signatoryPage.sizes[size]));
        assert.equal(await code.getAttribute('readonly'), '');
        const snippet = await code.inputValue();
        assert.ok(snippet.startsWith(`<a href="${app.url('/underskrivere/')}"><img src="${app.url(`/api/badge?id=${id}`)}`), snippet);
        assert.equal(snippet.includes('size=large'), size === 'large');
      }
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      assert.deepEqual(results.violations.map((v) => `${v.id}: ${v.help}`), []);
      await context.close();
    });

    it('links each name on the wall to its page', async () => {
      const html = await (await fetch(app.url('/underskrivere/'))).text();
      assert.ok(html.includes(`<a href="/underskrivere/${seeded.listed.wide}/">${longNames.wide}</a>`));
    });

    it('answers a 404 page for an unknown, withdrawn or unpublished id, naming nobody', async () => {
      for (const id of ['00000000-0000-4000-8000-000000000000', 'ikke-et-id', seeded.withdrawn, seeded.pending]) {
        const answer = await fetch(app.url(`/underskrivere/${id}/`));
        assert.equal(answer.status, 404, id);
        assert.match(answer.headers.get('content-type') ?? '', /^text\/html/);
        const html = await answer.text();
        assert.ok(html.includes(t.signatoryPage.notFoundTitle));
        assert.ok(!html.includes('Trukket Tilbage') && !html.includes('Venter Forening'));
      }
    });

    it('renders the longest names inside the badge in every size: every text box lies within the viewBox', async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      for (const [key, id] of Object.entries(seeded.listed)) {
        for (const size of badgeSizes) {
          await page.goto(app.url(`/api/badge?id=${id}&size=${size}`));
          const { view, boxes } = await textBoxes(page);
          assert.ok(boxes.length >= 3, `${key} ${size}`);
          for (const box of boxes) {
            const where = `${key}, ${size}: "${box.text}" at ${JSON.stringify(box)} in ${view.width}×${view.height}`;
            assert.ok(box.width > 0, where);
            assert.ok(box.x >= 0 && box.y >= 0, where);
            assert.ok(box.x + box.width <= view.width, where);
            assert.ok(box.y + box.height <= view.height, where);
          }
          const shown = boxes.slice(2).map((b) => b.text).join('').replace(/\s/g, '');
          assert.equal(shown, longNames[key as keyof typeof longNames].replace(/\s/g, ''), `${key}, ${size}: the whole name is there`);
        }
      }
      await context.close();
    });

    it('gives an unknown or withdrawn id the neutral image with a short cache, never JSON; an unknown size is the medium one', async () => {
      for (const id of ['00000000-0000-4000-8000-000000000000', 'x', seeded.withdrawn]) {
        const answer = await fetch(app.url(`/api/badge?id=${id}`), { headers: { accept: 'application/json' } });
        assert.equal(answer.status, 200);
        assert.equal(answer.headers.get('content-type'), 'image/svg+xml; charset=utf-8');
        assert.equal(answer.headers.get('cache-control'), 'public, max-age=300, s-maxage=300');
        const svg = await answer.text();
        assert.match(svg, /aria-label="Charter for samskabelse"/);
        assert.ok(!svg.includes('Trukket'));
      }
      const odd = await (await fetch(app.url(`/api/badge?id=${seeded.listed.issue}&size=enorm`))).text();
      assert.match(odd, /^<svg [^>]*width="320"/);
    });

    it('puts the live count on the front page with a link to the wall', async () => {
      const html = await (await fetch(app.url('/'))).text();
      const count = html.match(/<p class="signatory-count" id="antal-underskrivere">(.*?)<\/p>/)?.[1] ?? '';
      assert.match(count, /<strong>7 organisationer står bag chartret\.<\/strong>/);
      assert.match(count, /<a href="\/underskrivere\/">/);
    });

    it('lets search engines index the served wall, and not its frame', async () => {
      const wall = await fetch(app.url('/underskrivere/'));
      const html = await wall.text();
      assert.equal(wall.headers.get('x-robots-tag'), null);
      assert.doesNotMatch(html, /<meta name="robots"/);
      assert.match(html, /<link rel="canonical" href="[^"]+\/underskrivere\/">/);
      assert.match(html, /<meta name="description" content="[^"]{40,}">/);
      const frame = await fetch(app.url('/skabelon/underskrivere/'));
      await frame.body?.cancel();
      assert.equal(frame.headers.get('x-robots-tag'), 'noindex');
    });
  });
}

describe('the wall from the built pages', () => {
  it('is in the sitemap, and the frames are not', async () => {
    const sitemap = await readFile(join(distDir, 'sitemap-0.xml'), 'utf8');
    const locations = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
    assert.ok(locations.includes('/underskrivere/'));
    assert.deepEqual(locations.filter((path) => path.includes('skabelon')), []);
  });

  it('is linked from the charter and from every principle, with no JavaScript on those pages', async () => {
    const sitemap = await readFile(join(distDir, 'sitemap-0.xml'), 'utf8');
    const charterPages = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname).filter((path) => path.startsWith('/charter/'));
    assert.ok(charterPages.length > 5, charterPages.join(', '));
    for (const path of charterPages) {
      const html = await readFile(join(distDir, path, 'index.html'), 'utf8');
      assert.ok(html.includes(`<a href="/underskrivere/">${t.findWall.charterLink}</a>`), path);
      assert.doesNotMatch(html, /<script(?![^>]*application\/ld\+json)/, path);
    }
  });
});
