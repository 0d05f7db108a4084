// The secretariat's web admin end to end in Chromium, on PGlite and (with TEST_DATABASE_URL) PostgreSQL: login by mail link,
// approve and reject, GDPR lookup/export/erase, the audit log, and the cookie, CSRF and "not on the list" rules.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { completeCvr } from '../src/signing/cvr.ts';
import { placesHolding } from '../tests/support/test-databases.ts';
import { backends, linkIn, logInAsAdmin, startApp, type App } from './support/app.ts';
import { launchBrowser } from './support/site.ts';

const adminEmail = 'sekretariat@samskabelse.test';

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

let serial = 3_000_000;
/** Signs with a fresh organisation through the public API and confirms through the mail link; returns its name. */
async function confirmedSignature(app: App, overrides: Record<string, string> = {}): Promise<{ name: string; email: string }> {
  let cvr: string | undefined;
  while (!cvr) cvr = completeCvr(String(serial++));
  const body = {
    organisation_name: `Fællesskabet ${serial}`,
    organisation_type: 'forening',
    cvr,
    municipality: 'Vejle',
    contact_name: 'Sara Sekretær',
    contact_title: 'Formand',
    email: `sara${serial}@example.org`,
    consent_public: 'on',
    ...overrides,
  };
  const before = await mailCount(app, 'signature-confirm');
  const signed = await fetch(app.url('/api/signatures'), { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } });
  assert.equal(signed.status, 202);
  const mail = await app.mail('signature-confirm', before);
  assert.ok(mail.includes(`Til: ${body.email.toLowerCase()}`), mail);
  const token = new URL(linkIn(mail, '/underskriv/bekraeft/')).searchParams.get('token')!;
  const confirmed = await fetch(app.url('/underskriv/bekraeft/'), { method: 'POST', body: new URLSearchParams({ token }) });
  assert.equal(confirmed.status, 200);
  return { name: body.organisation_name, email: body.email };
}

/** Joins through the public API, and confirms through the mail link unless `confirm` is false. */
async function joinedMember(app: App, fields: Record<string, unknown>, confirm = true): Promise<void> {
  const before = await mailCount(app, 'member-confirm');
  const joined = await fetch(app.url('/api/members'), {
    method: 'POST',
    body: JSON.stringify({ kind: 'person', municipality: 'Vejle', interests: ['social'], consent: true, ...fields }),
    headers: { 'Content-Type': 'application/json' },
  });
  assert.equal(joined.status, 202, await joined.clone().text());
  if (!confirm) return;
  const token = new URL(linkIn(await app.mail('member-confirm', before), '/bliv-medlem/bekraeft/')).searchParams.get('token')!;
  assert.equal((await fetch(app.url('/bliv-medlem/bekraeft/'), { method: 'POST', body: new URLSearchParams({ token }) })).status, 200);
}

async function mailCount(app: App, name: string): Promise<number> {
  const { readdir } = await import('node:fs/promises');
  return (await readdir(`${app.dataDir}/outbox`).catch(() => [] as string[])).filter((f) => f.endsWith(`-${name}.txt`)).length;
}

const logIn = (app: App, context: BrowserContext): Promise<Page> => logInAsAdmin(app, context, adminEmail);

async function axe(page: Page): Promise<string[]> {
  const { default: AxeBuilder } = await import('@axe-core/playwright');
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

for (const backend of backends()) {
  describe(`the secretariat's admin on ${backend.name}`, () => {
    let app: App;
    let context: BrowserContext;
    let page: Page;
    let erasedEmail = '';
    before(async () => {
      app = await startApp(backend, { ADMIN_EMAILS: `${adminEmail}, anden@samskabelse.test` });
      context = await browser.newContext({ locale: 'da-DK' });
    });
    after(async () => {
      await context?.close();
      await app?.stop();
    });

    it('answers an address off the list exactly like one on it, and mails only the one on it', async () => {
      const ask = (email: string) =>
        fetch(app.url('/admin/login/'), { method: 'POST', body: new URLSearchParams({ email }), headers: { Origin: app.url('').replace(/\/$/, '') } });
      const before = await mailCount(app, 'admin-login');
      const stranger = await ask('stranger@example.org');
      const listed = await ask(adminEmail);
      assert.equal(stranger.status, 200);
      assert.equal(listed.status, 200);
      const strip = (html: string) => html.replace(/nonce-[^'"]+|nonce="[^"]+"/g, '');
      assert.equal(strip(await stranger.text()), strip(await listed.text()), 'the two answers are identical');
      await app.mail('admin-login', before);
      await new Promise((r) => setTimeout(r, 300));
      assert.equal(await mailCount(app, 'admin-login'), before + 1, 'one mail, to the listed address');
      const mail = await app.mail('admin-login', before);
      assert.match(mail, new RegExp(`Til: ${adminEmail}`));
    });

    it('sends a visitor without a session to the login page and refuses a form post', async () => {
      const visit = await fetch(app.url('/admin/medlemmer/'), { redirect: 'manual' });
      assert.equal(visit.status, 303);
      assert.equal(visit.headers.get('location'), '/admin/login/');
      assert.match(visit.headers.get('x-robots-tag') ?? '', /noindex/);
      const post = await fetch(app.url('/admin/underskrifter/'), { method: 'POST', body: new URLSearchParams({ action: 'approve', id: 'x' }), redirect: 'manual' });
      assert.equal(post.status, 403);
    });

    it('logs in by mail link with an HttpOnly, Secure, SameSite=Strict session cookie, and a used link fails', async () => {
      page = await logIn(app, context);
      const [cookie] = (await context.cookies()).filter((c) => c.name === 'samskabelse_admin');
      assert.ok(cookie, 'the session cookie is set');
      assert.equal(cookie.httpOnly, true);
      assert.equal(cookie.secure, true);
      assert.equal(cookie.sameSite, 'Strict');
      assert.equal(cookie.path, '/admin');
      assert.ok(cookie.expires > Date.now() / 1000 && cookie.expires < Date.now() / 1000 + 9 * 3600, 'it expires within the working day');
      const used = linkIn(await app.mail('admin-login'), '/admin/login/link/');
      const again = await fetch(app.url('/admin/login/link/'), { method: 'POST', body: new URLSearchParams({ token: new URL(used).searchParams.get('token')! }) });
      assert.equal(again.status, 410);
      assert.match(await again.text(), /allerede brugt/);
      const asScript = await fetch(app.url('/admin/login/link/'), { headers: { accept: 'application/json' } });
      assert.equal(asScript.status, 400);
      assert.deepEqual(await asScript.json(), { errors: [{ field: 'token', message: 'Linket virker ikke. Bed om et nyt login-link.' }] });
    });

    it('approves a signature from the web with the keyboard, after which it is on the wall and the organisation has its mail', async () => {
      const org = await confirmedSignature(app);
      await page.goto(app.url('/admin/underskrifter/'));
      const card = page.locator('.review-card', { hasText: org.name });
      assert.match(await card.innerText(), new RegExp(org.email));
      const approvedBefore = await mailCount(app, 'signature-approved');
      await card.getByRole('button', { name: `Godkend ${org.name}` }).focus();
      await page.keyboard.press('Enter');
      await page.getByRole('status').filter({ hasText: `${org.name} er godkendt` }).waitFor();
      assert.match(await app.mail('signature-approved', approvedBefore), new RegExp(`Til: ${org.email}`));
      const wall = await (await fetch(app.url('/api/signatories'))).json();
      assert.ok(wall.signatories.some((s: { name: string }) => s.name === org.name));
    });

    it('asks for a reason before rejecting, then rejects and tells the organisation why', async () => {
      const org = await confirmedSignature(app);
      await page.goto(app.url('/admin/underskrifter/'));
      const card = () => page.locator('.review-card', { hasText: org.name });
      await card().getByRole('button', { name: `Afvis ${org.name}` }).click();
      assert.match(await page.title(), /^Fejl: /);
      assert.match(await page.locator('.error-summary').innerText(), /Skriv en begrundelse/);
      assert.deepEqual(await axe(page), [], 'the error state passes axe');
      await card().getByLabel('Begrundelse for afvisning').fill('Organisationen findes ikke i CVR.');
      const rejectedBefore = await mailCount(app, 'signature-rejected');
      await card().getByRole('button', { name: `Afvis ${org.name}` }).click();
      await page.getByRole('status').filter({ hasText: `${org.name} er afvist` }).waitFor();
      assert.match(await app.mail('signature-rejected', rejectedBefore), /Begrundelse: Organisationen findes ikke i CVR\./);
    });

    it('shows a notice only from its own set of keys: any other text in ?besked= shows nothing', async () => {
      for (const path of ['/admin/underskrifter/', '/admin/forslag/', '/admin/spaerrede-adresser/']) {
        const planted = 'Ring til 12 34 56 78 og opgiv din kode <b>nu</b>';
        await page.goto(app.url(`${path}?besked=${encodeURIComponent(planted)}`));
        assert.equal(await page.getByRole('status').count(), 0, path);
        assert.doesNotMatch(await page.content(), /Ring til 12 34 56 78|opgiv din kode/, path);
      }
      await page.goto(app.url('/admin/underskrifter/?besked=godkendt&id=not-an-id'));
      assert.match(await page.getByRole('status').innerText(), /^Underskriften er godkendt/);
      await page.goto(app.url('/admin/spaerrede-adresser/?besked=ophaevet'));
      assert.match(await page.getByRole('status').innerText(), /Spærringen er ophævet/);
    });

    it('says up front that GitHub is not set up, and rejects (with a mail) or archives (without) a case suggestion with a reason', async () => {
      const suggest = async (title: string) => {
        const answer = await fetch(app.url('/api/suggestions'), {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ title, municipality: 'Vejle', what_happened: 'Borgere og kommune byggede en bro sammen.', participants: 'Vejle Kommune og beboerne', sources: 'https://vejle.example/bro', name: 'Frida Forslag', email: `frida${serial++}@example.org` }),
        });
        assert.equal(answer.status, 202, await answer.text());
      };
      await suggest('Broen over åen');
      await suggest('Bænke på torvet');
      await page.goto(app.url('/admin/forslag/'));
      const setup = await page.locator('#github-status').innerText();
      assert.match(setup, /GitHub er ikke sat op/);
      assert.match(setup, /GITHUB_TOKEN/);
      assert.equal(await page.getByRole('button', { name: /Opret pull request/ }).count(), 0, 'no button that can only fail');

      const card = (title: string) => page.locator('.review-card', { hasText: title });
      await card('Broen over åen').getByRole('button', { name: 'Afvis forslaget Broen over åen' }).click();
      assert.match(await page.title(), /^Fejl: /);
      assert.match(await page.locator('.error-summary').innerText(), /Skriv en begrundelse/);
      assert.deepEqual(await axe(page), [], 'the error state passes axe');
      await card('Broen over åen').getByLabel('Begrundelse').fill('Broen blev aldrig bygget.');
      const rejectedBefore = await mailCount(app, 'case-suggestion-rejected');
      await card('Broen over åen').getByRole('button', { name: 'Afvis forslaget Broen over åen' }).click();
      await page.getByRole('status').filter({ hasText: 'Forslaget »Broen over åen« er afvist' }).waitFor();
      assert.match(await page.locator('h1').innerText(), /afvist/);
      const mail = await app.mail('case-suggestion-rejected', rejectedBefore);
      assert.match(mail, /Begrundelsen er: Broen blev aldrig bygget\./);

      await page.goto(app.url('/admin/forslag/'));
      await card('Bænke på torvet').getByLabel('Begrundelse').fill('Findes allerede som case.');
      await card('Bænke på torvet').getByRole('button', { name: 'Arkivér forslaget Bænke på torvet' }).click();
      await page.getByRole('status').filter({ hasText: 'Forslaget »Bænke på torvet« er arkiveret' }).waitFor();
      await new Promise((r) => setTimeout(r, 300));
      assert.equal(await mailCount(app, 'case-suggestion-rejected'), rejectedBefore + 1, 'archiving sends no mail');
      await page.goto(app.url('/admin/log/'));
      const log = await page.locator('main').innerText();
      assert.ok(log.includes('Afviste caseforslag') && log.includes('Broen blev aldrig bygget.'), log);
      assert.ok(log.includes('Arkiverede caseforslag') && log.includes('Findes allerede som case.'), log);
    });

    it('refuses a change without the CSRF token, with a wrong one, and from another site', async () => {
      const org = await confirmedSignature(app);
      const cookie = (await context.cookies()).find((c) => c.name === 'samskabelse_admin')!;
      const csrf = await page.locator('input[name="csrf"]').first().inputValue();
      const { rows } = { rows: await (await fetch(app.url('/api/admin/signatures?status=confirmed'), { headers: { Authorization: `Bearer ${app.env.ADMIN_TOKEN}` } })).json() };
      const id = rows.signatures.find((s: { organisation_name: string }) => s.organisation_name === org.name).id;
      const post = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
        fetch(app.url('/admin/underskrifter/'), { method: 'POST', redirect: 'manual', body: new URLSearchParams({ id, action: 'approve', ...fields }), headers: { Cookie: `${cookie.name}=${cookie.value}`, ...headers } });
      assert.equal((await post({})).status, 403, 'no token');
      assert.equal((await post({ csrf: 'x'.repeat(43) })).status, 403, 'a wrong token');
      assert.equal((await post({ csrf }, { Origin: 'https://evil.example' })).status, 403, 'another site');
      const still = await (await fetch(app.url('/api/admin/signatures?status=confirmed'), { headers: { Authorization: `Bearer ${app.env.ADMIN_TOKEN}` } })).json();
      assert.ok(still.signatures.some((s: { id: string }) => s.id === id), 'nothing was approved');
      assert.equal((await post({ csrf })).status, 303, 'the right token from the admin itself works');
    });

    it('searches and filters the members, and exports exactly the ones shown as CSV', async () => {
      await joinedMember(app, { name: 'Bodil Borger', email: 'bodil@example.org', newsletter: true });
      await joinedMember(app, { kind: 'organisation', name: 'Kurt Kasserer', email: 'kurt@example.org', organisation_name: 'Vejle Grundejere', organisation_type: 'forening', interests: ['byudvikling'] });
      await joinedMember(app, { name: 'Vera Venter', email: 'vera@example.org' }, false);
      await page.goto(app.url('/admin/medlemmer/'));
      assert.match(await page.locator('h1').innerText(), /Medlemmer \(3\)/);
      await page.getByLabel('Søg på navn, e-mail eller organisation').fill('grundejere');
      await page.getByRole('button', { name: 'Søg' }).click();
      assert.match(page.url(), /q=grundejere/);
      const table = await page.getByRole('region', { name: 'Medlemmer' }).innerText();
      assert.match(table, /Kurt Kasserer/);
      assert.doesNotMatch(table, /Bodil|Vera/);
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Hent de viste medlemmer som CSV' }).click()]);
      const csv = await readFile((await download.path())!, 'utf8');
      assert.match(csv, /^\uFEFF"id","kind","name","email","municipality"/);
      assert.equal(csv.trim().split('\r\n').length, 2, 'the header and the one member shown');
      assert.match(csv, /"Kurt Kasserer","kurt@example\.org","Vejle","Vejle Grundejere","forening","byudvikling",false,"confirmed"/);

      await page.goto(app.url('/admin/medlemmer/'));
      await page.getByLabel('Status').selectOption('pending');
      await page.getByRole('button', { name: 'Søg' }).click();
      assert.match(await page.getByRole('region', { name: 'Medlemmer' }).innerText(), /Vera Venter/);
      await page.goto(app.url('/admin/medlemmer/?nyhedsbrev=ja'));
      const newsletter = await page.getByRole('region', { name: 'Medlemmer' }).innerText();
      assert.match(newsletter, /Bodil Borger/);
      assert.doesNotMatch(newsletter, /Kurt/);
    });

    it('finds, exports and erases everything about an email address, keeping a published signature without its contact', async () => {
      const email = `gdpr${serial}@example.org`;
      erasedEmail = email;
      const published = await confirmedSignature(app, { email });
      await page.goto(app.url('/admin/underskrifter/'));
      await page.locator('.review-card', { hasText: published.name }).getByRole('button', { name: `Godkend ${published.name}` }).click();
      await page.getByRole('status').filter({ hasText: 'er godkendt' }).waitFor();
      const unpublished = await confirmedSignature(app, { email: email.toUpperCase() });
      await joinedMember(app, { name: 'Gitte Glemmer', email, newsletter: true });

      await page.goto(app.url('/admin/persondata/'));
      await page.getByLabel('E-mailadresse').fill(email);
      await page.getByRole('button', { name: 'Slå op' }).click();
      const main = await page.locator('main').innerText();
      assert.match(main, /Underskrifter \(2\)/);
      assert.match(main, /Medlemskaber \(1\)/);
      assert.ok(main.includes(unpublished.name));
      assert.deepEqual(await axe(page), [], 'the result page passes axe');

      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Hent alt som JSON' }).click()]);
      const exported = JSON.parse(await readFile((await download.path())!, 'utf8'));
      assert.equal(exported.email, email);
      assert.deepEqual(exported.underskrifter.map((s: { organisation_name: string }) => s.organisation_name).sort(), [published.name, unpublished.name].sort());
      assert.ok(exported.mails.length >= 3);

      await page.getByRole('button', { name: 'Slet alle data om adressen' }).click();
      assert.match(await page.locator('.error-summary').innerText(), /Sæt flueben/);
      await page.getByLabel('Jeg har sikret mig').check();
      await page.getByRole('button', { name: 'Slet alle data om adressen' }).click();
      await page.getByRole('status').filter({ hasText: 'Data om adressen er slettet' }).waitFor();

      const wall = await (await fetch(app.url('/api/signatories'))).json();
      assert.ok(wall.signatories.some((s: { name: string }) => s.name === published.name), 'the published signature stays on the wall');
      await page.goto(app.url('/admin/log/'));
      const log = await page.locator('main').innerText();
      for (const action of ['Loggede ind', 'Godkendte underskrift', 'Afviste underskrift', 'Hentede persondata som JSON', 'Slettede persondata']) assert.ok(log.includes(action), action);
      assert.ok(!log.toLowerCase().includes(email), 'the log does not hold the address');
    });

    it('lists case suggestions and, without GitHub access, says up front why the pull request has to wait', async () => {
      const suggested = await fetch(app.url('/api/suggestions'), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ title: 'Lokalrådet i Give', municipality: 'Vejle', what_happened: 'Borgere og kommune byggede en sti sammen.', participants: 'Lokalrådet og Vejle Kommune.', sources: 'https://example.org/give', name: 'Frida Forslag', email: 'frida@example.org' }),
      });
      assert.equal(suggested.status, 202, await suggested.clone().text());
      await page.goto(app.url('/admin/forslag/'));
      const card = page.locator('.review-card', { hasText: 'Lokalrådet i Give' });
      assert.match(await card.innerText(), /Frida Forslag <frida@example\.org>/);
      // Before anyone presses anything: the page names the missing settings, and offers no button that can only fail.
      assert.match(await page.locator('#github-status').innerText(), /GitHub er ikke sat op.*GITHUB_TOKEN og GITHUB_REPOSITORY/s);
      assert.equal(await card.getByRole('button', { name: 'Opret pull request for Lokalrådet i Give' }).count(), 0);
      assert.deepEqual(await axe(page), [], 'the suggestion list');
    });

    it('works on a phone and passes axe on every admin page', async () => {
      const phone = await browser.newContext({ locale: 'da-DK', viewport: { width: 360, height: 740 }, storageState: await context.storageState() });
      const p = await phone.newPage();
      for (const path of ['/admin/underskrifter/', '/admin/underskrifter/?status=published', '/admin/medlemmer/', '/admin/forslag/', '/admin/persondata/', '/admin/spaerrede-adresser/', '/admin/log/']) {
        await p.goto(app.url(path));
        assert.deepEqual(await axe(p), [], path);
        const overflow = await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.ok(overflow <= 0, `${path} scrolls sideways by ${overflow}px`);
      }
      await phone.close();
      const anonymous = await browser.newContext({ locale: 'da-DK' });
      const q = await anonymous.newPage();
      await q.goto(app.url('/admin/login/'));
      assert.deepEqual(await axe(q), [], 'login page');
      await q.getByRole('button', { name: 'Send mig et login-link' }).click();
      assert.match(await q.locator('.error-summary').innerText(), /Skriv din e-mailadresse/);
      assert.deepEqual(await axe(q), [], 'login page with an error');
      await q.goto(app.url('/admin/login/link/?token=abc'));
      assert.deepEqual(await axe(q), [], 'login link page');
      assert.equal(await q.locator('meta[name="robots"][content="noindex"]').count(), 1);
      await anonymous.close();
    });

    it('logs out, after which the old cookie opens nothing', async () => {
      const cookie = (await context.cookies()).find((c) => c.name === 'samskabelse_admin')!;
      await page.goto(app.url('/admin/log/'));
      await page.getByRole('button', { name: 'Log ud' }).click();
      await page.getByText('Du er logget ud.').waitFor();
      const replay = await fetch(app.url('/admin/log/'), { redirect: 'manual', headers: { Cookie: `${cookie.name}=${cookie.value}` } });
      assert.equal(replay.status, 303);
      assert.equal(replay.headers.get('location'), '/admin/login/');
    });

    it('leaves an erased address nowhere in the database', async () => {
      await app.inspectDatabase(async (db) => {
        const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM signatures WHERE status = 'published' AND email IS NULL AND contact_erased_at IS NOT NULL`);
        assert.equal(rows[0]!.n, 1, 'the published signature kept its row without a contact person');
        assert.ok(erasedEmail);
        assert.deepEqual(await placesHolding(db, erasedEmail), []);
        assert.deepEqual(await placesHolding(db, 'Gitte Glemmer'), []);
      });
    });
  });
}
