// A new version of the charter end to end in Chromium, on PGlite and (with TEST_DATABASE_URL) PostgreSQL: two
// organisations sign version 1 (one in English), the test site gets a version 2, the secretariat adopts it from the
// command line, each contact gets one mail, one re-affirms without JavaScript and is marked on the wall; a rerun
// sends nothing twice. The same from the admin's charter page: one button, without JavaScript, one mail per
// signatory and none on a second press. Plus the static version pages: axe and no JavaScript.
import assert from 'node:assert/strict';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { completeCvr } from '../src/signing/cvr.ts';
import { backends, linkIn, logInAsAdmin, startApp, type App } from './support/app.ts';
import { launchBrowser } from './support/site.ts';

const root = join(import.meta.dirname, '..');

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

let serial = 3000000;
function organisation(name: string, language: 'da' | 'en' = 'da'): Record<string, string> {
  let cvr: string | undefined;
  while (!cvr) cvr = completeCvr(String(serial++));
  return {
    organisation_name: name,
    organisation_type: 'forening',
    cvr,
    municipality: 'Roskilde',
    contact_name: 'Kim Kontakt',
    contact_title: 'Formand',
    email: `kim${serial}@example.org`,
    consent_public: 'on',
    language,
  };
}

/** Version 2 of the test site's charter: principle 1 says »ligeværdige« where version 1 says »ligestillede«. */
async function addVersion2(dir: string): Promise<void> {
  const first = await readFile(join(dir, '1.yaml'), 'utf8');
  const second = first
    .replace(/^version: 1$/m, 'version: 2')
    .replace(/^adopted: 2017$/m, 'adopted: 2026-11-30')
    .replace(/^summary: .*$/m, 'summary: Princip 1 siger nu »ligeværdige« i stedet for »ligestillede«.')
    .replace('Alle parter mødes som ligestillede og bidrager', 'Alle parter mødes som ligeværdige og bidrager');
  assert.notEqual(second, first);
  await writeFile(join(dir, '2.yaml'), second);
}

async function axe(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Signs, confirms in the browser and approves from the command line; returns the confirm mail's address. */
async function signAndPublish(app: App, page: Page, org: Record<string, string>, mailsBefore: number): Promise<void> {
  const answer = await fetch(app.url('/api/signatures'), { method: 'POST', body: JSON.stringify(org), headers: { 'Content-Type': 'application/json', Accept: 'application/json' } });
  assert.equal(answer.status, 202, await answer.text());
  const confirmMail = await app.mail('signature-confirm', mailsBefore);
  const confirmPath = org.language === 'en' ? '/en/sign/confirm/' : '/underskriv/bekraeft/';
  await page.goto(linkIn(confirmMail, confirmPath));
  await page.getByRole('button').filter({ hasText: /Bekræft underskriften|Confirm/ }).click();
  await page.locator('[role="status"]').waitFor();
  const listed = await app.secretariat('list');
  const id = listed.output.match(new RegExp(`^(\\S+)\\s+${org.organisation_name}`, 'm'))?.[1];
  assert.ok(id, listed.output);
  const approved = await app.secretariat('approve', id);
  assert.equal(approved.code, 0, approved.output);
}

for (const backend of backends()) {
  describe(`a new charter version on ${backend.name}`, () => {
    let app: App;
    let versions: string;
    before(async () => {
      versions = await mkdtemp(join(tmpdir(), 'samskabelse-charter-'));
      await cp(join(root, 'content/charter/versions/1.yaml'), join(versions, '1.yaml'));
      app = await startApp(backend, { CHARTER_VERSIONS_DIR: versions });
    });
    after(async () => {
      await app?.stop();
      await rm(versions, { recursive: true, force: true });
    });

    it('mails each signatory once about version 2, takes a re-affirmation without JavaScript, and marks it on the wall', async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await signAndPublish(app, page, organisation('Roskilde Fælleshus'), 0);
      await signAndPublish(app, page, organisation('Roskilde Commons', 'en'), 1);

      await page.goto(app.url('/underskrivere/'));
      assert.equal(await page.locator('.affirmed-mark').count(), 0);
      assert.match(await page.locator('.signatory-list').innerText(), /chartrets version 1/);
      assert.doesNotMatch(await page.content(), /Chartret er nu i version/);

      await addVersion2(versions);
      const adopted = await app.secretariat('adopt-charter', '2');
      assert.equal(adopted.code, 0, adopted.output);
      assert.match(adopted.output, /Version 2 er vedtaget\. 2 underskrivere får en mail om ændringerne\./);
      await app.mail('charter-version-adopted', 1);
      const [daMail, enMail] = [await adoptionMail(app, '/underskriv/ny-version/'), await adoptionMail(app, '/en/sign/new-version/')];
      assert.equal(await app.outboxCount('charter-version-adopted'), 2);
      for (const mail of [daMail, enMail]) assert.match(mail, /Alle parter mødes som \[-ligestillede-\]\{\+ligeværdige\+\} og bidrager/);
      assert.match(daMail, /Charter for samskabelse har fået en ny version \(version 2\)/);
      assert.match(daMail, /\/underskriv\/traek-tilbage\/\?token=/);
      assert.match(enMail, /The Charter for Co-creation has a new version \(version 2\)/);
      assert.match(enMail, /\/en\/sign\/withdraw\/\?token=/);

      await page.goto(app.url('/underskrivere/'));
      assert.match(await page.locator('main').innerText(), /Chartret er nu i version 2\./);
      assert.equal(await page.locator('.affirmed-mark').count(), 0);

      // The link's page (a GET changes nothing) passes axe; axe itself needs JavaScript.
      const link = linkIn(daMail, '/underskriv/ny-version/');
      await page.goto(link);
      assert.deepEqual(await axe(page), []);
      // Re-affirm in a browser without JavaScript: a page with one button, then the answer.
      const noJs = await browser.newContext({ javaScriptEnabled: false });
      const plain = await noJs.newPage();
      await plain.goto(link);
      assert.match(await plain.locator('h1').innerText(), /Bekræft den nye version af chartret/);
      assert.match(await plain.locator('main').innerText(), /står bag version 2 af Charter for samskabelse/);
      await plain.getByRole('button', { name: 'Vi står bag den nye version' }).click();
      await plain.getByRole('heading', { name: 'Tak, det er noteret' }).waitFor();
      assert.match(await plain.locator('[role="status"]').innerText(), /Roskilde Fælleshus står nu på listen/);
      // The same link again says it is already used, and changes nothing.
      await plain.goto(link);
      await plain.getByRole('button', { name: 'Vi står bag den nye version' }).click();
      assert.match(await plain.locator('[role="alert"]').innerText(), /allerede brugt/);
      await noJs.close();

      await page.goto(app.url('/underskrivere/'));
      const marked = page.locator('.signatory-list li', { has: page.locator('.affirmed-mark') });
      assert.equal(await marked.count(), 1);
      assert.match(await marked.innerText(), /Roskilde Fælleshus[\s\S]*chartrets version 1[\s\S]*står bag version 2/);
      assert.deepEqual(await axe(page), []);

      // Adopting again sends nobody a second mail.
      const again = await app.secretariat('adopt-charter', '2');
      assert.equal(again.code, 0, again.output);
      assert.match(again.output, /0 underskrivere får en mail/);
      assert.equal(await app.outboxCount('charter-version-adopted'), 2);
      const refused = await app.secretariat('adopt-charter', '7');
      assert.equal(refused.code, 1);
      assert.match(refused.output, /Der er ingen version 7/);

      // A signature made now signs version 2.
      const late = organisation('Sen Forening');
      const answer = await fetch(app.url('/api/signatures'), { method: 'POST', body: JSON.stringify(late), headers: { 'Content-Type': 'application/json', Accept: 'application/json' } });
      assert.equal(answer.status, 202);
      await context.close();

      const rows = await app.inspectDatabase(async (db) => ({
        signatures: (await db.query<{ organisation_name: string; charter_version: number; affirmed_version: number }>('SELECT organisation_name, charter_version, affirmed_version FROM signatures ORDER BY organisation_name')).rows,
        affirmations: (await db.query<{ charter_version: number }>('SELECT charter_version FROM signature_affirmations')).rows,
        audit: (await db.query<{ action: string; subject: string }>(`SELECT action, subject FROM audit_log WHERE action = 'adopt-charter'`)).rows,
      }));
      assert.deepEqual(rows.signatures, [
        { organisation_name: 'Roskilde Commons', charter_version: 1, affirmed_version: 1 },
        { organisation_name: 'Roskilde Fælleshus', charter_version: 1, affirmed_version: 2 },
        { organisation_name: 'Sen Forening', charter_version: 2, affirmed_version: 2 },
      ]);
      assert.deepEqual(rows.affirmations, [{ charter_version: 2 }]);
      assert.equal(rows.audit.length, 2);
    });
  });
}

const adminEmail = 'sekretariat@samskabelse.test';

const logIn = (app: App, context: BrowserContext): Promise<Page> => logInAsAdmin(app, context, adminEmail);

for (const backend of backends()) {
  describe(`adopting a charter version from the admin on ${backend.name}`, () => {
    let app: App;
    let versions: string;
    before(async () => {
      versions = await mkdtemp(join(tmpdir(), 'samskabelse-charter-'));
      await cp(join(root, 'content/charter/versions/1.yaml'), join(versions, '1.yaml'));
      app = await startApp(backend, { CHARTER_VERSIONS_DIR: versions, ADMIN_EMAILS: adminEmail });
    });
    after(async () => {
      await app?.stop();
      await rm(versions, { recursive: true, force: true });
    });

    it('offers version 2 once, mails each signatory once from a press without JavaScript, and a second press mails nobody', async () => {
      const signing = await browser.newContext();
      await signAndPublish(app, await signing.newPage(), organisation('Roskilde Fælleshus'), 0);
      await signAndPublish(app, await signing.newPage(), organisation('Roskilde Commons', 'en'), 1);
      await signing.close();

      // With only version 1 there is no button.
      const withJs = await browser.newContext({ locale: 'da-DK' });
      const admin = await logIn(app, withJs);
      await admin.goto(app.url('/admin/chartret/'));
      assert.match(await admin.locator('#versioner').locator('..').innerText(), /Der er ingen ny version at sende/);
      assert.equal(await admin.getByRole('button', { name: /^Vedtag version/ }).count(), 0);

      // Version 2 in content: the page offers it and says who gets a mail; axe (which needs JavaScript) checks it.
      await addVersion2(versions);
      await admin.goto(app.url('/admin/chartret/'));
      const button = admin.getByRole('button', { name: 'Vedtag version 2 og send mail til underskriverne' });
      await button.waitFor();
      assert.match(await admin.locator('main').innerText(), /2 underskrivere får en mail om version 2/);
      assert.deepEqual(await axe(admin), []);

      // The press, in a browser without JavaScript: the form posts, the answer is a redirect with the notice.
      const noJs = await browser.newContext({ locale: 'da-DK', javaScriptEnabled: false });
      const plain = await logIn(app, noJs);
      await plain.goto(app.url('/admin/chartret/'));
      await plain.getByRole('button', { name: 'Vedtag version 2 og send mail til underskriverne' }).click();
      await plain.waitForURL('**/admin/chartret/?besked=version-vedtaget');
      assert.match(await plain.locator('[role="status"]').innerText(), /Version 2 er vedtaget\. Underskriverne får en mail om ændringerne\./);
      assert.equal(await plain.getByRole('button', { name: /^Vedtag version/ }).count(), 0);
      assert.match(await plain.locator('main').innerText(), /Sendt \d/);
      await app.mail('charter-version-adopted', 1);
      await adoptionMail(app, '/underskriv/ny-version/');
      await adoptionMail(app, '/en/sign/new-version/');
      assert.equal(await app.outboxCount('charter-version-adopted'), 2);

      // Reloading the answer changes nothing; pressing the button still shown in the other tab mails nobody twice.
      await plain.reload();
      assert.equal(await plain.getByRole('button', { name: /^Vedtag version/ }).count(), 0);
      await noJs.close();
      await button.click();
      await admin.waitForURL('**/admin/chartret/?besked=version-sendt-igen');
      assert.match(await admin.locator('[role="status"]').innerText(), /Versionen var allerede sendt/);
      await withJs.close();

      const rows = await app.inspectDatabase(async (db) => ({
        mails: (await db.query<{ count: string | number }>(`SELECT count(*) AS count FROM mail_outbox WHERE mail_name = 'charter-version-adopted'`)).rows,
        adoptions: (await db.query<{ charter_version: number; adopted_by: string }>('SELECT charter_version, adopted_by FROM charter_adoptions')).rows,
        audit: (await db.query<{ actor: string; subject: string; detail: string | null }>(`SELECT actor, subject, detail FROM audit_log WHERE action = 'adopt-charter' ORDER BY at, id`)).rows,
      }));
      assert.equal(Number(rows.mails[0]?.count), 2);
      assert.deepEqual(rows.adoptions, [{ charter_version: 2, adopted_by: adminEmail }]);
      assert.deepEqual(rows.audit, [
        { actor: adminEmail, subject: 'version 2', detail: null },
        { actor: adminEmail, subject: 'version 2', detail: 'igen' },
      ]);
    });
  });
}

/** The adoption mail (each contact gets one, in its language) whose re-affirm link has this path. */
async function adoptionMail(app: App, path: string): Promise<string> {
  const outbox = join(app.dataDir, 'outbox');
  for (const file of (await readdir(outbox)).filter((f) => f.endsWith('-charter-version-adopted.txt'))) {
    const mail = await readFile(join(outbox, file), 'utf8');
    if (mail.includes(path)) return mail;
  }
  throw new Error(`no adoption mail with ${path}`);
}

describe('the static pages about the versions', () => {
  let app: App;
  before(async () => {
    app = await startApp(backends()[0]!);
  });
  after(() => app?.stop());

  for (const path of ['/charter/', '/charter/ligevaerd/', '/charter/aendringer/', '/en/charter/changes/']) {
    it(`${path} passes axe and sends no JavaScript`, async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(app.url(path));
      assert.deepEqual(await axe(page), []);
      assert.equal(await page.locator('script').count(), 0);
      await context.close();
    });
  }

  it('shows the version and its year on /charter/, and an honest history on a principle page', async () => {
    const charter = await (await fetch(app.url('/charter/'))).text();
    assert.match(charter, /Version 1, vedtaget 2017\./);
    const principle = await (await fetch(app.url('/charter/ligevaerd/'))).text();
    assert.match(principle, /Ordlyden er uændret siden version 1 \(vedtaget 2017\)\./);
    const feed = await (await fetch(app.url('/charter/aendringer/rss.xml'))).text();
    assert.match(feed, /<title>Charter for samskabelse, version 1<\/title>/);
    const english = await (await fetch(app.url('/en/charter/changes/rss.xml'))).text();
    assert.match(english, /<language>en<\/language>/);
  });
});
