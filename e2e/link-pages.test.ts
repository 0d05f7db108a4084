// The pages behind the links in mails, in Chromium, on PGlite and (with TEST_DATABASE_URL) PostgreSQL: a confirm link
// clicked twice says "already confirmed" as a success, and an expired one offers a new link by mail whose link works.
// The English addresses (/en/sign/confirm/, /en/join/confirm/) answer in English.
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
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

let serial = 5_100_000;
const fresh = (tag: string) => `${tag}-${serial++}@example.org`;

/** Signs through the public API and returns the address and the confirm link from the mail. */
async function signed(app: App): Promise<{ email: string; link: string }> {
  let cvr: string | undefined;
  while (!cvr) cvr = completeCvr(String(serial++));
  const email = fresh('linkside');
  const before = await app.outboxCount('signature-confirm');
  const answer = await fetch(app.url('/api/signatures'), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ organisation_name: `Linkforeningen ${serial}`, organisation_type: 'forening', cvr, municipality: 'Vejle', contact_name: 'Lise Link', contact_title: 'Formand', email, consent_public: 'on' }),
  });
  assert.equal(answer.status, 202, await answer.text());
  return { email, link: linkIn(await app.mail('signature-confirm', before), '/underskriv/bekraeft/') };
}

/** Joins through the public API and returns the confirm link from the mail. */
async function joined(app: App): Promise<string> {
  const before = await app.outboxCount('member-confirm');
  const answer = await fetch(app.url('/api/members'), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ kind: 'person', name: 'Mads Medlem', email: fresh('medlem'), municipality: 'Vejle', interests: ['social'], consent: true }),
  });
  assert.equal(answer.status, 202, await answer.text());
  return linkIn(await app.mail('member-confirm', before), '/bliv-medlem/bekraeft/');
}

const tokenOf = (link: string) => new URL(link).searchParams.get('token')!;

async function press(page: Page, button: string, heading: string): Promise<void> {
  await page.getByRole('button', { name: button }).click();
  await page.getByRole('heading', { name: heading }).waitFor();
}

async function axe(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** The page's answer in the status region: a success is announced, not shown as an error. */
async function statusText(page: Page): Promise<string> {
  assert.equal(await page.locator('.error-summary').count(), 0, 'no error summary');
  return page.getByRole('status').innerText();
}

for (const backend of backends()) {
  describe(`the pages behind mail links on ${backend.name}`, () => {
    let app: App;
    before(async () => {
      app = await startApp(backend);
    });
    after(async () => {
      await app?.stop();
    });

    it('says a signature is already confirmed, as a success, when its confirm link is clicked twice', async () => {
      const { link } = await signed(app);
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(link);
      await press(page, 'Bekræft underskriften', 'Tak, underskriften er bekræftet');
      // The second click on the link in the mail: the page says it is done at once, without a button.
      const second = await page.goto(link);
      assert.equal(second?.status(), 200);
      await page.getByRole('heading', { name: 'Underskriften er allerede bekræftet' }).waitFor();
      assert.match(await statusText(page), /I skal ikke gøre mere/);
      assert.doesNotMatch(await page.content(), /allerede brugt/);
      assert.deepEqual(await axe(page), [], 'the already-confirmed page passes axe');
      // A button pressed on a page opened before the first confirmation says the same.
      const replay = await fetch(app.url('/underskriv/bekraeft/'), { method: 'POST', body: new URLSearchParams({ token: tokenOf(link) }) });
      assert.equal(replay.status, 200);
      assert.match(await replay.text(), /Underskriften er allerede bekræftet/);
      // The English address of the same link answers in English.
      await page.goto(app.url(`/en/sign/confirm/?token=${tokenOf(link)}`));
      await page.getByRole('heading', { name: 'Your signature is already confirmed' }).waitFor();
      assert.equal(await page.locator('html').getAttribute('lang'), 'en');
      await context.close();
    });

    it('says a member is already a member when the confirm link is clicked twice', async () => {
      const link = await joined(app);
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(link);
      await press(page, 'Bekræft medlemskabet', 'Velkommen i bevægelsen');
      await page.goto(link);
      await page.getByRole('heading', { name: 'Du er allerede medlem' }).waitFor();
      assert.match(await statusText(page), /du skal ikke gøre mere/);
      await page.goto(app.url(`/en/join/confirm/?token=${tokenOf(link)}`));
      await page.getByRole('heading', { name: 'You are already a member' }).waitFor();
      await context.close();
    });

    it('offers a new link by mail for an expired confirm link, and the new link works', async () => {
      const signature = await signed(app);
      const member = await joined(app);
      // Seven days pass for both links: set their expiry into the past in the database.
      await app.inspectDatabase(async (db) => {
        await db.query(`UPDATE signature_tokens SET expires_at = now() - interval '1 day' WHERE purpose = 'confirm'`);
        await db.query(`UPDATE member_tokens SET expires_at = now() - interval '1 day' WHERE purpose = 'member-confirm'`);
      });
      await app.restart();
      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();

      const signatureMails = await app.outboxCount('signature-confirm');
      const answer = await page.goto(signature.link);
      assert.equal(answer?.status(), 410);
      await page.getByRole('heading', { name: 'Linket er udløbet' }).waitFor();
      // axe runs as a script, so it looks at the same page in a context with JavaScript (looking changes nothing).
      const withScripts = await browser.newContext();
      const look = await withScripts.newPage();
      await look.goto(signature.link);
      assert.deepEqual(await axe(look), [], 'the expired-link page passes axe');
      await withScripts.close();
      await press(page, 'Send et nyt link', 'Tjek din mail');
      assert.match(await page.getByRole('status').innerText(), /nyt link til den e-mailadresse, I skrev under med/);
      const mail = await app.mail('signature-confirm', signatureMails);
      assert.match(mail, new RegExp(`Til: ${signature.email}`));
      const renewed = linkIn(mail, '/underskriv/bekraeft/');
      assert.notEqual(tokenOf(renewed), tokenOf(signature.link));
      await page.goto(renewed);
      await press(page, 'Bekræft underskriften', 'Tak, underskriften er bekræftet');
      // The old link now has nothing left to do, and says so.
      await page.goto(signature.link);
      await page.getByRole('heading', { name: 'Underskriften er allerede bekræftet' }).waitFor();

      // A second request the same day gives the same answer and sends nothing more.
      const again = await fetch(app.url('/underskriv/bekraeft/?nyt_link=1'), { method: 'POST', body: new URLSearchParams({ token: tokenOf(signature.link) }) });
      const stranger = await fetch(app.url('/underskriv/bekraeft/?nyt_link=1'), { method: 'POST', body: new URLSearchParams({ token: 'x'.repeat(43) }) });
      assert.equal(again.status, 200);
      assert.equal(stranger.status, 200);
      const strip = (html: string) => html.replace(/nonce-[^'"]+|nonce="[^"]+"/g, '');
      assert.equal(strip(await again.text()), strip(await stranger.text()), 'the same answer whether or not a mail went');

      const memberMails = await app.outboxCount('member-confirm');
      await page.goto(app.url(`/en/join/confirm/?token=${tokenOf(member)}`));
      await page.getByRole('heading', { name: 'The link has expired' }).waitFor();
      await press(page, 'Send a new link', 'Check your email');
      const memberMail = await app.mail('member-confirm', memberMails);
      await page.goto(linkIn(memberMail, '/bliv-medlem/bekraeft/'));
      await press(page, 'Bekræft medlemskabet', 'Velkommen i bevægelsen');
      assert.equal(await app.outboxCount('signature-confirm'), signatureMails + 1, 'one new signature mail in all');
      await context.close();
    });
  });
}
