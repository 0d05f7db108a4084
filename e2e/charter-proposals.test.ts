// Proposals to the charter end to end in Chromium, on PGlite and (with TEST_DATABASE_URL) PostgreSQL: propose on a
// principle page without JavaScript, confirm by mail, publish in the admin, see the word diff under the principle,
// support through a mailed link, open and close a consultation round, answer, and accept the wording as a pull request
// on the GitHub stand-in. axe on every new page.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import { startFakeGitHub, type FakeGitHub } from '../tests/support/github-stand-in.ts';
import { backends, linkIn, logInAsAdmin, startApp, type App } from './support/app.ts';
import { launchBrowser } from './support/site.ts';

const adminEmail = 'sekretariat@samskabelse.test';
const memberEmail = 'mette@medlem.example';
const newWording = 'Ingen sidder for bordenden. Alle parter mødes som ligeværdige og bidrager med det, de ved og kan.';

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/**
 * axe on what the page shows now. axe runs as a script, which a context without JavaScript never finishes, so the
 * page's HTML is checked in a context with JavaScript at the same origin (these pages ship no script of their own).
 */
async function axe(page: Page): Promise<string[]> {
  const html = await page.content();
  const context = await browser.newContext({ locale: 'da-DK' });
  try {
    const checked = await context.newPage();
    await checked.goto(page.url());
    await checked.setContent(html);
    const results = await new AxeBuilder({ page: checked }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  } finally {
    await context.close();
  }
}

async function mailCount(app: App, name: string): Promise<number> {
  const { readdir } = await import('node:fs/promises');
  return (await readdir(`${app.dataDir}/outbox`).catch(() => [] as string[])).filter((f) => f.endsWith(`-${name}.txt`)).length;
}

/** The day in Copenhagen, n days from today, as YYYY-MM-DD. */
const day = (n = 0) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(new Date(Date.now() + n * 24 * 60 * 60 * 1000));

/** Joins as a member and confirms, through the public endpoints. */
async function confirmedMember(app: App, email: string): Promise<void> {
  const before = await mailCount(app, 'member-confirm');
  const joined = await fetch(app.url('/api/members'), {
    method: 'POST',
    body: JSON.stringify({ kind: 'person', name: 'Mette Medlem', email, municipality: 'Odense', consent: true }),
    headers: { 'Content-Type': 'application/json' },
  });
  assert.equal(joined.status, 202);
  const token = new URL(linkIn(await app.mail('member-confirm', before), '/bliv-medlem/bekraeft/')).searchParams.get('token')!;
  assert.equal((await fetch(app.url('/bliv-medlem/bekraeft/'), { method: 'POST', body: new URLSearchParams({ token }) })).status, 200);
}

const logIn = (app: App, context: BrowserContext): Promise<Page> => logInAsAdmin(app, context, adminEmail);

for (const backend of backends()) {
  describe(`proposals to the charter on ${backend.name}`, () => {
    let app: App;
    let github: FakeGitHub;
    let visitor: BrowserContext;
    let admin: Page;
    before(async () => {
      github = await startFakeGitHub({ mainFiles: { 'content/principles/ligevaerd.mdx': await readFile('content/principles/ligevaerd.mdx', 'utf8') } });
      app = await startApp(backend, { ADMIN_EMAILS: adminEmail, GITHUB_TOKEN: 'e2e-token', GITHUB_REPOSITORY: 'samskabelsesbevaegelsen/samskabelse', GITHUB_API_URL: github.url });
      visitor = await browser.newContext({ javaScriptEnabled: false, locale: 'da-DK' });
      admin = await logIn(app, await browser.newContext({ locale: 'da-DK' }));
    });
    after(async () => {
      await visitor?.close();
      await admin?.context().close();
      await app?.stop();
      await github?.close();
    });

    it('shows errors at the fields without JavaScript and keeps what was typed', async () => {
      const page = await visitor.newPage();
      await page.goto(app.url('/charter/ligevaerd/'));
      await page.getByRole('radio', { name: 'Foreslå en ny formulering' }).check();
      await page.getByLabel('Dit navn').fill('Karen Forslag');
      await page.getByRole('button', { name: 'Send forslaget' }).click();
      await page.getByRole('heading', { name: 'Der er et problem' }).waitFor();
      const summary = await page.locator('.error-summary').innerText();
      assert.match(summary, /Skriv din kommentar/);
      assert.match(summary, /Skriv din e-mailadresse/);
      assert.equal(await page.getByLabel('Dit navn').inputValue(), 'Karen Forslag');
      assert.deepEqual(await axe(page), []);
      await page.close();
    });

    it('takes a proposal on the principle page without JavaScript, confirms it by mail, and the secretariat publishes it', async () => {
      const page = await visitor.newPage();
      await page.goto(app.url('/charter/ligevaerd/'));
      assert.deepEqual(await axe(page), [], 'the principle page with the form');
      await page.getByRole('radio', { name: 'Foreslå en ny formulering' }).check();
      await page.getByLabel('Din formulering af princippet').fill(newWording);
      await page.getByLabel('Din kommentar, eller hvorfor du foreslår ændringen').fill('Ligeværdige siger mere end ligestillede.');
      await page.getByLabel('Dit navn').fill('Karen Forslag');
      await page.getByLabel('Din organisation').fill('Grønne Naboer');
      await page.getByLabel('Din e-mail').fill('karen@forslag.example');
      assert.equal(await page.getByLabel('Vis mit navn og min organisation').isChecked(), false, 'public consent is off by default');
      await page.getByLabel('Vis mit navn og min organisation').check();
      const before = await mailCount(app, 'charter-proposal-confirm');
      await page.getByRole('button', { name: 'Send forslaget' }).click();
      await page.waitForURL('**/charter/ligevaerd/forslag/?sendt=1');
      await page.getByRole('heading', { name: 'Tjek din mail' }).waitFor();
      assert.match(await page.locator('#hoering').innerText(), /ingen høring lige nu/);
      assert.deepEqual(await axe(page), [], 'the proposals page');

      const mail = await app.mail('charter-proposal-confirm', before);
      await page.goto(linkIn(mail, '/forslag-til-chartret/bekraeft/'));
      assert.deepEqual(await axe(page), [], 'the confirm page');
      await page.getByRole('button', { name: 'Bekræft forslaget' }).click();
      await page.getByRole('heading', { name: 'Tak, forslaget er bekræftet' }).waitFor();

      await admin.goto(app.url('/admin/chartret/'));
      assert.deepEqual(await axe(admin), [], 'the admin page');
      await admin.getByRole('button', { name: /^Offentliggør/ }).click();
      await admin.getByText('Forslaget er offentliggjort.').waitFor();

      await page.goto(app.url('/charter/ligevaerd/forslag/'));
      const proposal = page.locator('.proposal').first();
      assert.match(await proposal.innerText(), /Fra Karen Forslag, Grønne Naboer/);
      assert.equal(await proposal.locator('ins').count() > 0 && (await proposal.locator('del').count()) > 0, true, 'the wording as a word diff');
      assert.match(await proposal.locator('ins').first().innerText(), /ligeværdige/);
      assert.match(await proposal.locator('del').first().innerText(), /ligestillede/);
      assert.deepEqual(await axe(page), [], 'the proposals page with a proposal');
      await page.close();
    });

    it('counts support from a member through a mailed link, once', async () => {
      await confirmedMember(app, memberEmail);
      const page = await visitor.newPage();
      await page.goto(app.url('/charter/ligevaerd/forslag/'));
      assert.match(await page.locator('.support-count').first().innerText(), /0 støtter/);
      const before = await mailCount(app, 'charter-proposal-support');
      await page.locator('.support-form').first().getByLabel('Din e-mail').fill(memberEmail);
      await page.locator('.support-form').first().getByRole('button', { name: 'Send mig et link' }).click();
      await page.getByRole('heading', { name: 'Tjek din mail' }).waitFor();
      assert.deepEqual(await axe(page), [], 'the support answer');
      await page.goto(linkIn(await app.mail('charter-proposal-support', before), '/forslag-til-chartret/stoet/'));
      await page.getByRole('button', { name: 'Støt forslaget' }).click();
      await page.getByRole('heading', { name: 'Tak for din støtte' }).waitFor();
      await page.goto(app.url('/charter/ligevaerd/forslag/'));
      assert.match(await page.locator('.support-count').first().innerText(), /1 støtter forslaget/);

      // A stranger gets the same answer and no mail.
      const id = (await page.locator('.proposal').first().getAttribute('id'))!.replace('forslag-', '');
      const stranger = await fetch(app.url('/api/charter-proposals/support'), { method: 'POST', body: JSON.stringify({ proposal: id, email: 'fremmed@example.dk' }), headers: { 'Content-Type': 'application/json' } });
      const member = await fetch(app.url('/api/charter-proposals/support'), { method: 'POST', body: JSON.stringify({ proposal: id, email: memberEmail }), headers: { 'Content-Type': 'application/json' } });
      assert.deepEqual([stranger.status, await stranger.json()], [member.status, await member.json()]);
      assert.equal(await mailCount(app, 'charter-proposal-support'), before + 1);
      await page.close();
    });

    it('answers JSON with the field of each error, stores nothing from a bot, and refuses a huge body, another type and another site', async () => {
      const send = (body: unknown, headers: Record<string, string> = {}) =>
        fetch(app.url('/api/charter-proposals'), { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'Content-Type': 'application/json', ...headers } });
      const good = { principle: 'tidlig-dialog', kind: 'comment', reason: 'Godt princip.', name: 'Bo Bot', email: 'bot@example.dk' };
      const bad = await send({ ...good, principle: 'findes-ikke', kind: 'wording', email: 'nej' });
      assert.equal(bad.status, 400);
      assert.deepEqual((await bad.json()).errors.map((e: { field: string }) => e.field), ['principle', 'wording', 'email']);
      const before = await mailCount(app, 'charter-proposal-confirm');
      const bot = await send({ ...good, website_url2: 'http://spam.example' });
      assert.equal(bot.status, 202);
      assert.equal(await mailCount(app, 'charter-proposal-confirm'), before, 'a bot gets the same answer and no mail');
      assert.equal((await send({ ...good, reason: 'æ'.repeat(40_000) })).status, 413);
      assert.equal((await send('hej', { 'Content-Type': 'text/plain' })).status, 415);
      assert.equal((await send(good, { Origin: 'https://evil.example' })).status, 403);
    });

    it('opens and closes a consultation round, which the principle’s page shows', async () => {
      await admin.goto(app.url('/admin/chartret/'));
      await admin.getByLabel('Navn på høringen').fill('Høring om chartret');
      await admin.getByLabel('Første dag').fill(day());
      await admin.getByLabel('Sidste dag').fill(day(30));
      await admin.getByRole('button', { name: 'Åbn høringen' }).click();
      await admin.getByText('Høringen Høring om chartret er åbnet.').waitFor();
      const page = await visitor.newPage();
      await page.goto(app.url('/charter/ligevaerd/forslag/'));
      assert.match(await page.locator('#hoering').innerText(), /Der er høring nu: Høring om chartret\. Forslag modtages til og med/);
      await admin.getByRole('button', { name: 'Luk høringen' }).click();
      await admin.getByText('Høringen Høring om chartret er lukket.').waitFor();
      await page.goto(app.url('/charter/ligevaerd/forslag/'));
      assert.match(await page.locator('#hoering').innerText(), /ingen høring lige nu/);
      await page.close();
    });

    it('answers in public and turns the accepted wording into a pull request on the GitHub stand-in', async () => {
      await admin.goto(app.url('/admin/chartret/?status=published'));
      await admin.getByLabel('Indarbejdet i version').check();
      await admin.getByLabel('Version', { exact: true }).fill('2');
      await admin.getByLabel('Svar (vises offentligt)').fill('Tak. Vi tager den nye ordlyd med i version 2.');
      await admin.getByRole('button', { name: /^Gem svaret/ }).click();
      await admin.getByText('Svaret er gemt.').waitFor();
      await admin.getByRole('button', { name: /^Lav en pull request/ }).click();
      await admin.getByText(/Pull requesten er oprettet/).waitFor();
      assert.equal(github.pulls.length, 1);
      const branch = github.files.get(github.pulls[0]!.head)!;
      assert.match(branch.get('content/principles/ligevaerd.mdx')!, /^summary: Ingen sidder for bordenden\. Alle parter mødes som ligeværdige/m);
      assert.match(branch.get('content/charter/versions/2.yaml')!, /^version: 2$/m);
      assert.match(github.pulls[0]!.body, /\/charter\/ligevaerd\/forslag\/#forslag-/);

      const page = await visitor.newPage();
      await page.goto(app.url('/charter/ligevaerd/forslag/'));
      const answer = await page.locator('.proposal-answer').first().innerText();
      assert.match(answer, /Indarbejdet i version 2/);
      assert.match(answer, /Vi tager den nye ordlyd med/);
      await page.close();
    });
  });
}
