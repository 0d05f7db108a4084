import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { counterpartPath, isFixedPage, pagePath, routes, routesFor, slugify } from './routes.ts';

describe('slugify', () => {
  it('spells æ, ø and å the Danish way in URLs', () => {
    assert.equal(slugify('Hjørring'), 'hjoerring');
    assert.equal(slugify('Ærø'), 'aeroe');
    assert.equal(slugify('Faaborg-Midtfyn'), 'faaborg-midtfyn');
    assert.equal(slugify('Lyngby-Taarbæk'), 'lyngby-taarbaek');
    assert.equal(slugify('Høje-Taastrup'), 'hoeje-taastrup');
  });

  it('turns spaces and punctuation into single hyphens', () => {
    assert.equal(slugify('  Grøn myldretid, Skejby! '), 'groen-myldretid-skejby');
  });

  it('gives every municipality with a distinct name a distinct slug', async () => {
    const { municipalities } = await import('./data/municipalities.ts');
    const slugs = new Set(municipalities.map((m) => slugify(m.name)));
    assert.equal(slugs.size, 98);
  });
});

describe('routes', () => {
  it('builds facet URLs with Danish segments', () => {
    assert.equal(routes.casesBy('area', 'social'), '/cases/omraade/social/');
    assert.equal(routes.casesBy('municipality', 'kolding'), '/cases/kommune/kolding/');
    assert.equal(routes.principle('ligevaerd'), '/charter/ligevaerd/');
  });

  it('names the functions that forms post to, and the open data', () => {
    assert.equal(routes.signaturesApi, '/api/signatures');
    assert.equal(routes.membersApi, '/api/members');
    assert.equal(routes.suggestionsApi, '/api/suggestions');
    assert.equal(routes.signatoriesJson, '/api/signatories');
    assert.equal(routes.signatoriesCsv, '/api/signatories?format=csv');
    assert.equal(routes.signatoriesList, '/underskrivere/#liste');
  });

  it('builds the badge URL with the id encoded', () => {
    assert.equal(routes.badge('a b&c'), '/api/badge?id=a%20b%26c');
  });

  it('has an api/ function for every form action and data route', async () => {
    const { existsSync } = await import('node:fs');
    for (const path of [routes.signaturesApi, routes.membersApi, routes.suggestionsApi, routes.signatoriesJson, routes.badge('x')]) {
      const file = new URL(`..${new URL(path, 'http://x').pathname}.ts`, import.meta.url);
      assert.ok(existsSync(file), `${path} has no ${file.pathname}`);
    }
  });
});

describe('the English route table', () => {
  it('puts every reading page and form under /en/, with the same slugs for cases and principles', () => {
    const en = routesFor('en');
    assert.equal(en.case('seest'), '/en/cases/seest/');
    assert.equal(en.principle('ligevaerd'), '/en/charter/ligevaerd/');
    assert.equal(en.sign, '/en/sign/');
    assert.equal(en.join, '/en/join/');
    assert.equal(en.suggest, '/en/suggest-a-case/');
    assert.equal(en.signaturesApi, routes.signaturesApi);
    assert.equal(routesFor('da'), routes);
  });

  it('finds the same page in the other language', () => {
    assert.deepEqual(counterpartPath('/kort/'), { lang: 'en', path: '/en/map/' });
    assert.deepEqual(counterpartPath('/en/map/'), { lang: 'da', path: '/kort/' });
    assert.deepEqual(counterpartPath('/cases/seest/'), { lang: 'en', path: '/en/cases/seest/' });
    assert.deepEqual(counterpartPath('/en/charter/ligevaerd/'), { lang: 'da', path: '/charter/ligevaerd/' });
    assert.deepEqual(counterpartPath('/hvad-er-samskabelse/'), { lang: 'en', path: '/en/what-is-co-creation/' });
    assert.deepEqual(counterpartPath('/en/what-is-co-creation/'), { lang: 'da', path: '/hvad-er-samskabelse/' });
    assert.deepEqual(counterpartPath('/syv-gode-raad/'), { lang: 'en', path: '/en/syv-gode-raad/' });
    assert.deepEqual(counterpartPath('/'), { lang: 'en', path: '/en/' });
    assert.equal(counterpartPath('/admin/'), undefined);
  });

  it('places editorial pages by their named route', () => {
    assert.equal(pagePath('om'), '/om/');
    assert.equal(pagePath('om', 'en'), '/en/about/');
    assert.equal(pagePath('manifest', 'en'), '/en/manifesto/');
  });
});

describe('the charter’s versions', () => {
  it('has a changes page and a re-affirm link in both languages, each the other’s counterpart', () => {
    assert.deepEqual(counterpartPath('/charter/aendringer/'), { lang: 'en', path: '/en/charter/changes/' });
    assert.deepEqual(counterpartPath('/en/charter/changes/'), { lang: 'da', path: '/charter/aendringer/' });
    assert.deepEqual(counterpartPath('/underskriv/ny-version/'), { lang: 'en', path: '/en/sign/new-version/' });
    assert.equal(isFixedPage('/charter/aendringer/'), true);
    assert.equal(isFixedPage('/charter/ligevaerd/'), false);
  });
});
