// Signing the charter end to end in Chromium, on PGlite and (with TEST_DATABASE_URL) PostgreSQL: sign, read the mail
// from the outbox, confirm, approve from the command line, see the wall, withdraw; plus bad input and abuse.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { completeCvr } from '../src/signing/cvr.ts';
import { backends, linkIn, startApp, type App } from './support/app.ts';
import { launchBrowser } from './support/site.ts';

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

let serial = 1000000;
/** A valid organisation with its own CVR number; override any field. */
function organisation(overrides: Record<string, string> = {}): Record<string, string> {
  let cvr: string | undefined;
  while (!cvr) cvr = completeCvr(String(serial++));
  return {
    organisation_name: `Foreningen Fælles Fodslag ${serial}`,
    organisation_type: 'forening',
    cvr,
    municipality: 'Kolding',
    website: 'www.example.org',
    contact_name: 'Karen Kontakt',
    contact_title: 'Formand',
    email: `karen${serial}@example.org`,
    statement: 'Vi tror på at løse opgaverne sammen.',
    consent_public: 'on',
    ...overrides,
  };
}

async function fillSignForm(page: Page, org: Record<string, string>): Promise<void> {
  await page.getByLabel('Organisationens navn').fill(org.organisation_name!);
  await page.getByLabel('Forening eller NGO').check();
  await page.getByLabel('CVR-nummer').fill(org.cvr!);
  await page.locator('select#municipality').selectOption(org.municipality!);
  await page.getByLabel('Hjemmeside').fill(org.website!);
  await page.getByLabel('Hvorfor skriver I under?').fill(org.statement!);
  await page.getByLabel('Ja, vis vores organisation').check();
  await page.getByLabel('Dit navn').fill(org.contact_name!);
  await page.getByLabel('Din titel eller rolle').fill(org.contact_title!);
  await page.getByLabel('Din e-mail').fill(org.email!);
}

function post(app: App, body: Record<string, string>, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(app.url('/api/signatures'), { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json', ...headers } });
}

for (const backend of backends()) {
  describe(`signing the charter on ${backend.name}`, () => {
    let app: App;
    before(async () => {
      app = await startApp(backend);
    });
    after(async () => {
      await app?.stop();
    });

    it('takes an organisation from the form through mail, confirmation and approval to the wall, and off it again', async () => {
      const org = organisation({ organisation_name: 'Seest <b>Borgerforening</b>' });
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(app.url('/underskriv/'));
      await fillSignForm(page, org);
      await page.getByRole('button', { name: 'Send underskrift' }).click();
      await page.waitForURL('**/underskriv/tak/');
      assert.match(await page.locator('h1').innerText(), /Tjek din mail/);

      const confirmMail = await app.mail('signature-confirm');
      assert.match(confirmMail, new RegExp(`Til: ${org.email}`));
      await page.goto(linkIn(confirmMail, '/underskriv/bekraeft/'));
      await page.getByRole('button', { name: 'Bekræft underskriften' }).click();
      await page.getByRole('heading', { name: 'Tak, underskriften er bekræftet' }).waitFor();

      const listed = await app.secretariat('list');
      assert.equal(listed.code, 0, listed.output);
      const id = listed.output.match(/^(\S+)\s+Seest <b>Borgerforening<\/b>/m)?.[1];
      assert.ok(id, listed.output);
      const approved = await app.secretariat('approve', id);
      assert.equal(approved.code, 0, approved.output);
      const approvalMail = await app.mail('signature-approved');
      assert.match(approvalMail, /api\/badge\?id=/);

      await page.goto(app.url('/underskrivere/'));
      assert.equal(await page.getByText('Seest <b>Borgerforening</b>').count(), 1, 'the name is shown as text, not HTML');
      assert.match(await page.locator('#antal-kommuner').innerText(), /1 af 98 kommuner/);
      const wall = await (await fetch(app.url('/api/signatories'))).json();
      assert.equal(wall.count, 1);
      assert.deepEqual(Object.keys(wall.signatories[0]).sort(), ['affirmed_version', 'charter_version', 'id', 'municipality', 'name', 'signed_at', 'statement', 'type']);
      const csv = await (await fetch(app.url('/api/signatories?format=csv'))).text();
      assert.doesNotMatch(csv + JSON.stringify(wall) + (await page.content()), new RegExp(`${org.email}|Karen Kontakt`), 'no contact data is public');
      const badge = await fetch(app.url(`/api/badge?id=${id}`));
      assert.equal(badge.headers.get('content-type'), 'image/svg+xml; charset=utf-8');
      assert.match(await badge.text(), /Vi har underskrevet/);

      await page.goto(linkIn(approvalMail, '/underskriv/traek-tilbage/'));
      await page.getByRole('button', { name: 'Træk underskriften tilbage' }).click();
      await page.getByRole('heading', { name: 'Underskriften er trukket tilbage' }).waitFor();
      await page.goto(app.url('/underskrivere/'));
      assert.equal(await page.getByText('Seest <b>Borgerforening</b>').count(), 0);
      await context.close();
    });

    it('shows every error at its field and in a summary, without JavaScript, and keeps what was typed', async () => {
      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(app.url('/underskriv/'));
      await page.getByLabel('Organisationens navn').fill('Kun et navn');
      await page.getByLabel('CVR-nummer').fill('12345679');
      await page.getByRole('button', { name: 'Send underskrift' }).click();
      assert.match(await page.title(), /^Fejl: /);
      const summary = page.locator('.error-summary');
      assert.match(await summary.innerText(), /Der er et problem/);
      assert.match(await summary.innerText(), /Tjek CVR-nummeret/);
      assert.equal(await page.locator('#cvr').getAttribute('aria-invalid'), 'true');
      assert.match((await page.locator('#cvr').getAttribute('aria-describedby')) ?? '', /cvr-error/);
      assert.equal(await page.getByLabel('Organisationens navn').inputValue(), 'Kun et navn');
      await summary.getByRole('link', { name: /Skriv din e-mailadresse/ }).click();
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'email');
      await context.close();
    });

    it('shows the errors in place with JavaScript, without leaving the page', async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(app.url('/underskriv/'));
      await page.getByRole('button', { name: 'Send underskrift' }).click();
      await page.locator('.error-summary').waitFor();
      assert.equal(new URL(page.url()).pathname, '/underskriv/');
      assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('error-summary')), true);
      await context.close();
    });

    it('answers JSON with the field of every error, 413 for a large body and 415 for another type', async () => {
      const bad = await post(app, { ...organisation(), email: 'ikke-en-mail', cvr: '123' });
      assert.equal(bad.status, 400);
      const fields = (await bad.json()).errors.map((e: { field: string }) => e.field);
      assert.deepEqual(fields, ['cvr', 'email']);
      assert.equal((await post(app, { ...organisation(), statement: 'x'.repeat(20_000) })).status, 413);
      const text = await fetch(app.url('/api/signatures'), { method: 'POST', body: 'hej', headers: { 'Content-Type': 'text/plain' } });
      assert.equal(text.status, 415);
    });

    it('makes one signature of a double submit, keeps another contact’s signing apart, and answers both alike', async () => {
      const org = organisation();
      const answers = await Promise.all([post(app, org), post(app, org), post(app, { ...org, email: 'en-anden@example.org' })]);
      assert.deepEqual(answers.map((a) => a.status), [202, 202, 202]);
      const bodies = await Promise.all(answers.map((a) => a.json()));
      assert.equal(new Set(bodies.map((b) => JSON.stringify(b))).size, 1, 'the same answer whoever asks');
      // A pending signing holds no place (no squatting): the double click makes one, the other contact's its own.
      const listed = await app.secretariat('list', 'pending');
      assert.equal(listed.output.split('\n').filter((l) => l.includes(org.organisation_name!)).length, 2);
    });

    it('stores nothing when the hidden honeypot field is filled, and still answers as usual', async () => {
      const org = organisation({ website_url2: 'http://spam.example' });
      const answer = await post(app, org);
      assert.equal(answer.status, 202);
      const listed = await app.secretariat('list', 'pending');
      assert.doesNotMatch(listed.output, new RegExp(org.organisation_name!));
    });

    it('rejects a POST from another site', async () => {
      const answer = await post(app, organisation(), { Origin: 'https://evil.example' });
      assert.equal(answer.status, 403);
    });

    it('puts the security headers on pages and functions', async () => {
      for (const path of ['/', '/api/signatories', '/underskrivere/']) {
        const answer = await fetch(app.url(path));
        assert.match(answer.headers.get('strict-transport-security') ?? '', /max-age=/, path);
        assert.equal(answer.headers.get('x-content-type-options'), 'nosniff', path);
        assert.ok(answer.headers.get('referrer-policy'), path);
        const csp = answer.headers.get('content-security-policy') ?? '';
        assert.match(csp, /frame-ancestors 'none'/, path);
        assert.doesNotMatch(csp, /unsafe-inline/, path);
      }
    });
  });
}

describe('rate limits', () => {
  it('answers 429 with Retry-After once a client goes over the burst limit', async () => {
    const app = await startApp(backends()[0]!, { RATE_LIMIT_ALLOW: '' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) {
        const answer = await post(app, organisation());
        statuses.push(answer.status);
        if (answer.status === 429) assert.ok(Number(answer.headers.get('retry-after')) > 0);
      }
      assert.deepEqual(statuses, [202, 202, 202, 202, 202, 429, 429]);
    } finally {
      await app.stop();
    }
  });
});

describe('accessibility of the signing pages', () => {
  it('finds no WCAG 2.1 AA violations on the form with errors, the confirm page and the wall', async () => {
    const { default: AxeBuilder } = await import('@axe-core/playwright');
    const app = await startApp(backends()[0]!);
    try {
      const context = await browser.newContext();
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (m) => m.type() === 'error' && !m.text().includes('status of 4') && errors.push(m.text()));
      await post(app, organisation());
      const pages: [string, () => Promise<unknown>][] = [
        ['form with errors', async () => {
          await page.goto(app.url('/underskriv/'));
          await page.getByRole('button', { name: 'Send underskrift' }).click();
          await page.locator('.error-summary').waitFor();
        }],
        ['confirm page', async () => page.goto(linkIn(await app.mail('signature-confirm'), '/underskriv/bekraeft/'))],
        ['wall', () => page.goto(app.url('/underskrivere/'))],
      ];
      for (const [name, open] of pages) {
        await open();
        const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
        assert.deepEqual(results.violations.map((v) => `${name}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), []);
      }
      assert.deepEqual(errors, []);
      await context.close();
    } finally {
      await app.stop();
    }
  });
});
