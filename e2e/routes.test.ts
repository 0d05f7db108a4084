// Every address in src/routes.ts answers on the local server, and a page asked for without its trailing slash gets
// exactly one 308 to its canonical address: the addresses people type and print on posters. The deploy test
// (deploy/vercel-build.test.ts) checks the same addresses against what `vercel build` writes.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { rawRequest } from '../tests/support/test-site.ts';
import { routeSamples, withoutSlash } from '../tests/support/route-samples.ts';
import { backends, startApp, type App } from './support/app.ts';
import { distDir } from './support/site.ts';
import { strings } from '../src/i18n/index.ts';

let site: App;
before(async () => {
  site = await startApp(backends()[0]!);
  // The first call opens and migrates the database, which holds the server for seconds; do it before the sweep.
  await (await fetch(site.url('/api/members/count'))).text();
});
after(() => site?.stop());

describe('every route in src/routes.ts on the local server', async () => {
  for (const { name, path, page, missing } of await routeSamples(distDir)) {
    it(`answers ${path} (routes.${name}) without a redirect or a 404`, async () => {
      const answer = await rawRequest(site.url(path));
      // A signatory's page for an id that names nobody is the function's own 404 page, not the site's missing page.
      if (missing) assert.ok(answer.status === 404 && answer.body.includes(strings().signatoryPage.notFoundTitle), `${path}: ${answer.status}`);
      else assert.notEqual(answer.status, 404, `${path}: ${answer.body.slice(0, 200)}`);
      assert.ok(answer.status < 500, `${path} answered ${answer.status}`);
      assert.ok(answer.status !== 308 && answer.status !== 301, `${path} redirects to ${answer.headers.location}`);
    });

    if (page && path !== '/') {
      it(`sends ${withoutSlash(path)} to ${path} with one 308, keeping the query`, async () => {
        const answer = await rawRequest(site.url(`${withoutSlash(path)}?fra=plakat`));
        assert.equal(answer.status, 308);
        assert.equal(answer.headers.location, `${path}?fra=plakat`);
      });
    }
  }
});

describe('the files browsers and crawlers ask for', () => {
  it('serves favicon.ico, the apple-touch-icon and the web manifest with their types', async () => {
    const types: Record<string, RegExp> = {
      '/favicon.ico': /^image\/x-icon/,
      '/apple-touch-icon.png': /^image\/png/,
      '/site.webmanifest': /^application\/manifest\+json/,
      '/robots.txt': /^text\/plain/,
    };
    for (const [path, type] of Object.entries(types)) {
      const answer = await fetch(site.url(path));
      assert.equal(answer.status, 200, path);
      assert.match(answer.headers.get('content-type') ?? '', type, path);
      await answer.body?.cancel();
    }
  });

  it('links the icons and the manifest from every page, and names the sitemap in robots.txt', async () => {
    for (const path of ['/', '/manifest/', '/cases/']) {
      const html = await (await fetch(site.url(path))).text();
      for (const link of ['<link rel="icon" href="/favicon.ico"', '<link rel="icon" href="/favicon.svg"', '<link rel="apple-touch-icon" href="/apple-touch-icon.png"', '<link rel="manifest" href="/site.webmanifest"']) {
        assert.ok(html.includes(link), `${path} lacks ${link}`);
      }
    }
    assert.match(await (await fetch(site.url('/robots.txt'))).text(), /^Sitemap: https?:\/\/\S+\/sitemap-index\.xml$/m);
  });
});
