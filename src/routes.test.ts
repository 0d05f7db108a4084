import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { routes, slugify } from './routes.ts';

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
});
