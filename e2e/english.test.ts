// The English edition end to end in Chromium: axe on the English reading pages, forms and link pages, no JavaScript and
// one round trip on the reading pages, the English 404, the English wall with its language switch; and, on PGlite and
// (with TEST_DATABASE_URL) PostgreSQL, signing in English from the form through the English mails and link pages to
// approval and the English wall, and joining and leaving in English.
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { completeCvr } from '../src/signing/cvr.ts';
import { strings } from '../src/i18n/index.ts';
import { backends, linkIn, startApp, type App } from './support/app.ts';
import { launchBrowser, openPage, scriptsLoaded } from './support/site.ts';

const en = strings('en');

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/** The English reading pages: no JavaScript, one round trip. */
const englishReadingPages = ['/en/', '/en/manifesto/', '/en/charter/', '/en/charter/ligevaerd/', '/en/what-is-co-creation/', '/en/cases/', '/en/cases/seest/'];

/** Every English page type, forms and function-served pages included. */
const englishPageTypes = [
  ...englishReadingPages,
  '/en/cases/omraade/byudvikling/',
  '/en/map/',
  '/en/search/',
  '/en/about/',
  '/en/accessibility/',
  '/en/privacy/',
  '/en/sign/',
  '/en/join/',
  '/en/suggest-a-case/',
  '/en/signatories/',
  '/en/sign/confirm/?token=x',
  '/en/join/leave/?token=x',
  '/en/no-such-page/',
];

async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

describe('the English pages', () => {
  let site: App;
  before(async () => {
    site = await startApp(backends()[0]!);
  });
  after(() => site?.stop());

  const served = async (path: string) => {
    const answer = await fetch(site.url(path));
    assert.equal(answer.status, 200, path);
    return answer.text();
  };

  for (const path of englishReadingPages) {
    it(`ships no JavaScript on ${path}, fits it into 14 KB gzipped, and marks it lang="en"`, async () => {
      const html = await served(path);
      assert.match(html, /<html lang="en">/);
      assert.doesNotMatch(html, /<script(?![^>]*type="application\/ld\+json")/i, 'the served HTML contains no script tag');
      assert.match(html, /<style>/, 'the CSS is inlined');
      const size = gzipSync(html, { level: 9 }).length;
      assert.ok(size <= 14 * 1024, `${path} is ${size} bytes gzipped`);
      assert.deepEqual(await scriptsLoaded(browser, site.url(path)), []);
    });
  }

  for (const path of englishPageTypes) {
    it(`finds no WCAG 2.1 AA violations on ${path}, which is in English`, async () => {
      const { page, errors } = await openPage(browser, site.url(path), { locale: 'en-GB' });
      assert.equal(await page.locator('html').getAttribute('lang'), 'en');
      assert.deepEqual(await axeViolations(page), []);
      assert.deepEqual(errors, [], 'the page logs no errors, CSP violations included');
      await page.context().close();
    });
  }

  it('shows an English form\'s errors in English without JavaScript, and with JavaScript without WCAG 2.1 AA violations', async () => {
    const { page: plain } = await openPage(browser, site.url('/en/sign/'), { javaScriptEnabled: false, locale: 'en-GB' });
    await plain.getByRole('button', { name: en.signForm.submit }).click();
    assert.match(await plain.locator('.error-summary').innerText(), new RegExp(en.form.errorSummaryTitle));
    assert.equal(await plain.locator('html').getAttribute('lang'), 'en');
    await plain.context().close();
    // axe runs in the page, so the answer with errors is checked with JavaScript on (the form shows them in place).
    const { page } = await openPage(browser, site.url('/en/sign/'), { locale: 'en-GB' });
    await page.getByRole('button', { name: en.signForm.submit }).click();
    await page.locator('.error-summary').waitFor();
    assert.deepEqual(await axeViolations(page), []);
    await page.context().close();
  });

  it('answers an unknown English address with the English 404 page, and a Danish one with the Danish page', async () => {
    const english = await fetch(site.url('/en/no-such-page/'));
    assert.equal(english.status, 404);
    const englishHtml = await english.text();
    assert.match(englishHtml, /<html lang="en">/);
    assert.ok(englishHtml.includes(`<h1>${en.notFound.title}</h1>`), englishHtml.slice(0, 500));
    const deeper = await fetch(site.url('/en/cases/no-such-case/'));
    assert.equal(deeper.status, 404);
    assert.match(await deeper.text(), /<html lang="en">/);
    const danish = await fetch(site.url('/findes-ikke/'));
    assert.equal(danish.status, 404);
    const danishHtml = await danish.text();
    assert.match(danishHtml, /<html lang="da">/);
    assert.ok(danishHtml.includes(`<h1>${strings('da').notFound.title}</h1>`));
  });

  it('serves the English wall with hreflang and a language switch to the Danish wall, and back; the wall is in the English menu', async () => {
    const english = await served('/en/signatories/');
    assert.match(english, /<html lang="en">/);
    assert.ok(english.includes(`<h1>${en.wall.title}</h1>`));
    assert.match(english, /<link rel="alternate" hreflang="da" href="[^"]+\/underskrivere\/"/);
    assert.match(english, /<p class="language-switch"><a href="\/underskrivere\/" hreflang="da" lang="da">/);
    assert.match(english, /<nav aria-label="Main menu">[\s\S]*href="\/en\/signatories\/"[\s\S]*<\/nav>/);
    assert.match(english, /action="\/en\/signatories\/#liste"/);
    const danish = await served('/underskrivere/');
    assert.match(danish, /<html lang="da">/);
    assert.match(danish, /<link rel="alternate" hreflang="en" href="[^"]+\/en\/signatories\/"/);
    assert.match(danish, /<p class="language-switch"><a href="\/en\/signatories\/" hreflang="en" lang="en">/);
    assert.match(danish.match(/<nav aria-label="Hovedmenu">[\s\S]*?<\/nav>/)![0], /href="\/underskrivere\/" aria-current="page">/, 'the Danish menu names the wall too, as the current page');
  });

  it('answers a broken English mail link in English, with links to the English pages', async () => {
    const answer = await fetch(site.url('/en/sign/confirm/'));
    assert.equal(answer.status, 400);
    const html = await answer.text();
    assert.match(html, /<html lang="en">/);
    assert.ok(html.includes(en.tokenPages.failures.unknown));
    assert.match(html, /href="\/en\/sign\/"/);
  });
});

let serial = 3000000;
function organisation(): Record<string, string> {
  let cvr: string | undefined;
  while (!cvr) cvr = completeCvr(String(serial++));
  return {
    organisation_name: `Co-creation Lab ${serial}`,
    cvr,
    municipality: 'Kolding',
    website: 'www.example.org',
    contact_name: 'Kate Contact',
    contact_title: 'Director',
    email: `kate${serial}@example.org`,
    statement: 'We believe in solving things together.',
  };
}

for (const backend of backends()) {
  describe(`the English edition's forms and mails on ${backend.name}`, () => {
    let app: App;
    before(async () => {
      app = await startApp(backend);
    });
    after(() => app?.stop());

    it('signs in English: the form, the English confirmation mail and page, approval, and the English wall', async () => {
      const org = organisation();
      const context = await browser.newContext({ locale: 'en-GB' });
      const page = await context.newPage();
      await page.goto(app.url('/en/sign/'));
      const f = en.signForm;
      await page.getByLabel(f.organisation_name).fill(org.organisation_name!);
      await page.getByLabel(f.types.forening).check();
      await page.getByLabel(f.cvr).fill(org.cvr!);
      await page.locator('select#municipality').selectOption(org.municipality!);
      await page.getByLabel(f.website).fill(org.website!);
      await page.getByLabel(f.statement).fill(org.statement!);
      await page.getByLabel(f.consent_public).check();
      await page.getByLabel(f.contact_name).fill(org.contact_name!);
      await page.getByLabel(f.contact_title).fill(org.contact_title!);
      await page.getByLabel(f.email).fill(org.email!);
      await page.getByRole('button', { name: f.submit }).click();
      await page.waitForURL('**/en/sign/thanks/');

      const confirmMail = await app.mail('signature-confirm');
      assert.ok(confirmMail.includes(`Emne: ${en.mails.signing.confirm.subject}`), confirmMail);
      assert.doesNotMatch(confirmMail, /\/underskriv\//, 'every link in the English mail goes to an English page');
      linkIn(confirmMail, '/en/sign/withdraw/');
      await page.goto(linkIn(confirmMail, '/en/sign/confirm/'));
      assert.equal(await page.locator('html').getAttribute('lang'), 'en');
      assert.match(await page.title(), new RegExp(en.tokenPages.confirm.title));
      await page.getByRole('button', { name: en.tokenPages.confirm.button }).click();
      await page.getByRole('heading', { name: en.tokenPages.confirm.doneTitle }).waitFor();
      assert.equal(await page.locator('html').getAttribute('lang'), 'en');
      assert.equal(await page.getByRole('link', { name: en.tokenPages.confirm.next }).getAttribute('href'), '/en/signatories/');
      const awaiting = await app.mail('signature-confirmed-awaiting-review');
      assert.ok(awaiting.includes(`Emne: ${en.mails.signing.awaitingReview.subject}`), awaiting);

      const listed = await app.secretariat('list');
      assert.equal(listed.code, 0, listed.output);
      const id = listed.output.match(new RegExp(`^(\\S+)\\s+${org.organisation_name}`, 'm'))?.[1];
      assert.ok(id, listed.output);
      const approved = await app.secretariat('approve', id);
      assert.equal(approved.code, 0, approved.output);
      const approvalMail = await app.mail('signature-approved');
      assert.ok(approvalMail.includes(`Emne: ${en.mails.signing.approved.subject(org.organisation_name!)}`), approvalMail);
      assert.ok(approvalMail.includes(app.url('/en/signatories/')), approvalMail);
      linkIn(approvalMail, '/en/sign/withdraw/');

      await page.goto(app.url('/en/signatories/'));
      assert.equal(await page.locator('html').getAttribute('lang'), 'en');
      assert.equal(await page.getByText(org.organisation_name!).count(), 1);
      assert.equal(await page.locator('#underskriver-kommuner').innerText(), en.municipalityMap.ofAll('1'), 'the English wall counts the municipality with a signatory');
      await page.getByRole('link', { name: en.language.other }).click();
      await page.waitForURL('**/underskrivere/');
      assert.equal(await page.locator('html').getAttribute('lang'), 'da');
      assert.equal(await page.getByText(org.organisation_name!).count(), 1);
      await context.close();
    });

    it('joins in English: an English confirm mail with English links, English link pages, and the English welcome and leave', async () => {
      const context = await browser.newContext({ locale: 'en-GB' });
      const page = await context.newPage();
      const email = `jo${serial++}@example.org`;
      const f = en.joinForm;
      await page.goto(app.url('/en/join/'));
      await page.getByLabel(f.kinds.person).check();
      await page.getByLabel(f.name).fill('Jo Member');
      await page.getByLabel(f.email).fill(email);
      await page.locator('select#municipality').selectOption('Aarhus');
      await page.getByLabel(f.consent).check();
      await page.getByRole('button', { name: f.submit, exact: true }).click();
      await page.waitForURL('**/en/join/thanks/');

      const confirmMail = await app.mail('member-confirm');
      assert.ok(confirmMail.includes(`Til: ${email}`), confirmMail);
      assert.ok(confirmMail.includes(`Emne: ${en.mails.membership.confirm.subject}`), confirmMail);
      assert.doesNotMatch(confirmMail, /\/bliv-medlem\//, 'every link in the English mail goes to an English page');
      linkIn(confirmMail, '/en/join/leave/');
      await page.goto(linkIn(confirmMail, '/en/join/confirm/'));
      assert.equal(await page.locator('html').getAttribute('lang'), 'en');
      await page.getByRole('button', { name: en.tokenPages['member-confirm'].button }).click();
      await page.getByRole('heading', { name: en.tokenPages['member-confirm'].doneTitle }).waitFor();
      assert.equal(await page.getByRole('link', { name: en.tokenPages['member-confirm'].next }).getAttribute('href'), '/en/charter/');

      const welcome = await app.mail('member-welcome');
      assert.ok(welcome.includes(`Emne: ${en.mails.membership.welcome.subject}`), welcome);
      assert.ok(welcome.includes(app.url('/en/privacy/')), welcome);
      assert.doesNotMatch(welcome, /\/bliv-medlem\/|\/privatlivspolitik\//);
      await page.goto(linkIn(welcome, '/en/join/leave/'));
      assert.equal(await page.locator('html').getAttribute('lang'), 'en');
      await page.getByRole('button', { name: en.tokenPages['member-leave'].button }).click();
      await page.getByRole('heading', { name: en.tokenPages['member-leave'].doneTitle }).waitFor();
      assert.deepEqual(await (await fetch(app.url('/api/members/count'))).json(), { people: 0, organisations: 0 });
      await context.close();
    });
  });
}
