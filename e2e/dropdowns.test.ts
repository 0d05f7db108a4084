// The municipality dropdowns as a browser shows them: Danish alphabetical order (Aabenraa and Aarhus last, as å),
// with "Hele landet" first on the signing form, where the hint asks people to pick it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchBrowser, serveSite, type Site } from './support/site.ts';

let browser: Browser;
let site: Site;
before(async () => {
  browser = await launchBrowser();
  site = await serveSite();
});
after(async () => {
  await browser?.close();
  await site?.close();
});

async function municipalityOptions(path: string): Promise<string[]> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(site.url(path));
    return (await page.locator('select#municipality option').allInnerTexts()).map((text) => text.trim());
  } finally {
    await context.close();
  }
}

describe('the municipality dropdowns in the browser', () => {
  it('the signing form starts with Hele landet, then A in Danish order, and ends with the Aa-names', async () => {
    const options = await municipalityOptions('/underskriv/');
    assert.deepEqual(options.slice(0, 5), ['Vælg kommune', 'Hele landet', 'Albertslund', 'Allerød', 'Assens']);
    assert.deepEqual(options.slice(-4), ['Ærø', 'Aabenraa', 'Aalborg', 'Aarhus']);
    assert.equal(options.length, 100);
  });

  it('the English signing form and the suggest-a-case form use the same Danish order', async () => {
    const english = await municipalityOptions('/en/sign/');
    assert.deepEqual(english.slice(1, 4), ['Hele landet', 'Albertslund', 'Allerød']);
    assert.equal(english.at(-1), 'Aarhus');
    const suggest = await municipalityOptions('/foreslaa-en-case/');
    assert.deepEqual(suggest.slice(1, 4), ['Albertslund', 'Allerød', 'Assens']);
    assert.deepEqual(suggest.slice(-3), ['Aabenraa', 'Aalborg', 'Aarhus']);
  });
});
