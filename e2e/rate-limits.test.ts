// Rate limits a person can live with, in Chromium without JavaScript: correcting a form many times never locks
// anyone out, and a form sent too often comes back in the site's layout with when to try again and what was typed.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { completeCvr } from '../src/signing/cvr.ts';
import { formLimits } from '../src/platform/rate-limits.ts';
import { backends, startApp, type App } from './support/app.ts';
import { launchBrowser } from './support/site.ts';

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

let serial = 3_100_000;
function organisation(): Record<string, string> {
  let cvr: string | undefined;
  while (!cvr) cvr = completeCvr(String(serial++));
  return {
    organisation_name: `Grundejerforeningen Lyngen ${serial}`,
    organisation_type: 'forening',
    cvr,
    municipality: 'Kolding',
    contact_name: 'Rasmus Retter',
    contact_title: 'Kasserer',
    email: `rasmus${serial}@example.org`,
    consent_public: 'on',
  };
}

async function fillSignForm(page: Page, org: Record<string, string>): Promise<void> {
  await page.getByLabel('Organisationens navn').fill(org.organisation_name!);
  await page.getByLabel('Forening eller NGO').check();
  await page.getByLabel('CVR-nummer').fill(org.cvr!);
  await page.locator('select#municipality').selectOption(org.municipality!);
  await page.getByLabel('Dit navn').fill(org.contact_name!);
  await page.getByLabel('Din titel eller rolle').fill(org.contact_title!);
  await page.getByLabel('Din e-mail').fill(org.email!);
}

const submit = (page: Page) => page.getByRole('button', { name: 'Send underskrift' }).click();

describe('rate limits without JavaScript', () => {
  let app: App;
  before(async () => {
    // Every request comes from 127.0.0.1, so nothing is on the allow list here: the limits apply as in production.
    app = await startApp(backends()[0]!, { RATE_LIMIT_ALLOW: '' });
  });
  after(async () => {
    await app?.stop();
  });

  it('lets someone correct the form many more times than the signing limit and then sign', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'da-DK' });
    const page = await context.newPage();
    await page.goto(app.url('/underskriv/'));
    const org = organisation();
    const tries = formLimits.signing.accepted[0]!.limit + 3;
    for (let i = 0; i < tries; i++) {
      // A form with a mistake: the CVR number's check digit is wrong.
      await fillSignForm(page, { ...org, cvr: `${org.cvr!.slice(0, 7)}${(Number(org.cvr!.at(-1)) + 1) % 10}` });
      const answer = page.waitForResponse((r) => r.url().endsWith('/api/signatures'));
      await submit(page);
      assert.equal((await answer).status(), 400, `try ${i + 1} is answered with the errors, not a lock-out`);
      await page.locator('.error-summary').waitFor();
    }
    await fillSignForm(page, org);
    await submit(page);
    await page.waitForURL('**/underskriv/tak/');
    assert.match(await page.locator('h1').innerText(), /Tjek din mail/);
    await context.close();
  });

  it('answers a form sent too often with the site’s page: when to try again, and the typed values kept', async () => {
    // Use up the signing limit from this connection with valid signings.
    for (let i = 0; i < formLimits.signing.accepted[0]!.limit; i++) {
      const answer = await fetch(app.url('/api/signatures'), { method: 'POST', body: JSON.stringify(organisation()), headers: { 'Content-Type': 'application/json' } });
      await answer.body?.cancel();
      if (answer.status === 429) break;
    }
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'da-DK' });
    const page = await context.newPage();
    await page.goto(app.url('/underskriv/'));
    const org = organisation();
    await fillSignForm(page, org);
    await page.getByLabel('Hvorfor skriver I under?').fill('Fordi vi <b>vil</b> være med.');
    const answer = page.waitForResponse((r) => r.url().endsWith('/api/signatures'));
    await submit(page);
    const response = await answer;
    assert.equal(response.status(), 429);
    assert.ok(Number(response.headers()['retry-after']) > 0);
    assert.match(response.headers()['content-type'] ?? '', /text\/html/);

    // The site's frame: its header and footer, as on the form's error page.
    assert.ok(await page.locator('header').first().isVisible(), 'the site header is there');
    assert.ok(await page.locator('footer').first().isVisible(), 'the site footer is there');
    assert.match(await page.title(), /Vent lidt/);
    const alert = page.locator('[role="alert"]');
    assert.match(await alert.innerText(), /Prøv igen om (et minut|\d+ minutter)/);
    assert.match(await alert.innerText(), /står stadig i formularen/);

    // Everything typed is still there, ready to send again.
    assert.equal(await page.getByLabel('Organisationens navn').inputValue(), org.organisation_name);
    assert.equal(await page.getByLabel('CVR-nummer').inputValue(), org.cvr);
    assert.equal(await page.locator('select#municipality').inputValue(), org.municipality);
    assert.equal(await page.getByLabel('Dit navn').inputValue(), org.contact_name);
    assert.equal(await page.getByLabel('Din e-mail').inputValue(), org.email);
    assert.equal(await page.getByLabel('Hvorfor skriver I under?').inputValue(), 'Fordi vi <b>vil</b> være med.');
    assert.ok(await page.getByLabel('Forening eller NGO').isChecked());
    assert.equal(await page.locator('form[action="/api/signatures"]').count(), 1, 'the form can be sent again from here');
    await context.close();
  });

  it('still answers a script with JSON 429 and Retry-After', async () => {
    const answer = await fetch(app.url('/api/signatures'), { method: 'POST', body: JSON.stringify(organisation()), headers: { 'Content-Type': 'application/json' } });
    assert.equal(answer.status, 429);
    assert.ok(Number(answer.headers.get('retry-after')) > 0);
    assert.ok(typeof (await answer.json()).error === 'string');
  });

  it('brings the join form back in the layout with what was typed when it is sent too often', async () => {
    for (let i = 0; i <= formLimits.joining.accepted[0]!.limit; i++) {
      const body = { kind: 'person', name: 'Jette Joiner', email: `jette${i}@example.org`, municipality: 'Odense', consent: true };
      const answer = await fetch(app.url('/api/members'), { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } });
      await answer.body?.cancel();
    }
    const form = new URLSearchParams({ kind: 'person', name: 'Jette <i>Joiner</i>', email: 'jette.form@example.org', municipality: 'Odense', consent: 'on' });
    const answer = await fetch(app.url('/api/members'), { method: 'POST', body: form });
    assert.equal(answer.status, 429);
    const html = await answer.text();
    assert.match(html, /<header/);
    assert.match(html, /Prøv igen om/);
    assert.match(html, /value="Jette &lt;i&gt;Joiner&lt;\/i&gt;"/);
    assert.match(html, /value="jette\.form@example\.org"/);
  });
});
