// Joining the movement end to end in Chromium, on PGlite and (with TEST_DATABASE_URL) PostgreSQL: join as a person and as an
// organisation through the real form, confirm from the mail, see the count, leave via the welcome mail and leave no trace.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import type { Db } from '../src/platform/db/client.ts';
import { backends, linkIn, startApp, type App } from './support/app.ts';
import { launchBrowser, openPage } from './support/site.ts';

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

let serial = 0;
/** A fresh address for each join, so tests never collide; `tag` says whose it is. */
const freshEmail = (tag: string) => `${tag}-${Date.now()}-${serial++}@example.org`;

interface Joiner {
  name: string;
  email: string;
  municipality: string;
  organisation?: { name: string; typeLabel: string };
}

async function fillJoinForm(page: Page, joiner: Joiner): Promise<void> {
  await page.getByLabel(joiner.organisation ? 'På vegne af en organisation' : 'Som person').check();
  await page.getByLabel('Dit navn').fill(joiner.name);
  await page.getByLabel('Din e-mail').fill(joiner.email);
  await page.locator('select#municipality').selectOption(joiner.municipality);
  if (joiner.organisation) {
    await page.getByLabel('Organisationens navn').fill(joiner.organisation.name);
    await page.getByRole('group', { name: 'Hvilken slags organisation er det?' }).getByLabel(joiner.organisation.typeLabel).check();
  }
  await page.getByLabel('Sundhed').check();
  await page.getByLabel('Demokrati').check();
  await page.getByLabel('Ja tak, send mig nyhedsbrevet').check();
  await page.getByLabel('Ja, I må gemme mine oplysninger').check();
}

function postJson(app: App, body: Record<string, unknown>): Promise<Response> {
  return fetch(app.url('/api/members'), { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } });
}

async function count(app: App): Promise<{ people: number; organisations: number }> {
  return (await fetch(app.url('/api/members/count'))).json();
}

/** The number sentence on a page, or undefined when the page shows none. */
async function countOn(app: App, path: string): Promise<string | undefined> {
  const html = await (await fetch(app.url(path))).text();
  return html.match(/<p class="member-count" id="antal-medlemmer">(.*?)<\/p>/)?.[1]?.replace(/<[^>]+>/g, '');
}

/** Every row of the member tables and the outbox, every text, array and JSON column, that contains `needle`. */
async function placesHolding(db: Db, needle: string): Promise<string[]> {
  const { rows: columns } = await db.query<{ table_name: string; column_name: string }>(
    `SELECT table_name, column_name FROM information_schema.columns
     WHERE table_schema = current_schema() AND table_name IN ('members', 'member_tokens', 'mail_outbox')
       AND data_type IN ('text', 'character varying', 'jsonb', 'json', 'ARRAY')
     ORDER BY table_name, column_name`,
  );
  assert.ok(columns.length >= 15, `found the text columns (${columns.map((c) => c.column_name).join(', ')})`);
  const found: string[] = [];
  for (const { table_name, column_name } of columns) {
    const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table_name} WHERE lower(${column_name}::text) LIKE '%' || lower($1) || '%'`, [needle]);
    if (rows[0]!.n > 0) found.push(`${table_name}.${column_name}`);
  }
  return found;
}

for (const backend of backends()) {
  describe(`joining the movement on ${backend.name}`, () => {
    let app: App;
    const person: Joiner = { name: 'Søren <b>Sørensen</b>', email: freshEmail('soeren'), municipality: 'Hjørring' };
    const organisation: Joiner = {
      name: 'Karen Kontakt',
      email: freshEmail('karen'),
      municipality: 'Kolding',
      organisation: { name: 'Grønne Naboer', typeLabel: 'Borgergruppe' },
    };
    before(async () => {
      app = await startApp(backend, { RESEND_AUDIENCE_ID: 'segment-e2e' });
    });
    after(async () => {
      await app?.stop();
    });

    it('takes a person from the home page through the form, mail and confirmation to the count, and out again via the welcome mail', async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(app.url('/'));
      const before = await count(app);
      await page.locator('main').getByRole('link', { name: 'Bliv medlem' }).click();
      await page.waitForURL('**/bliv-medlem/');
      await fillJoinForm(page, person);
      assert.equal(await page.locator('#organisation-felter').isHidden(), true, 'a person does not see the organisation fields');
      await page.getByRole('button', { name: 'Bliv medlem' }).click();
      await page.waitForURL('**/bliv-medlem/tak/');
      assert.match(await page.locator('h1').innerText(), /Tjek din mail/);

      const confirmMail = await app.mail('member-confirm');
      assert.match(confirmMail, new RegExp(`Til: ${person.email}`));
      assert.match(confirmMail, /\/bliv-medlem\/udmeld\/\?token=/, 'the confirm mail has a leave link too');
      await page.goto(linkIn(confirmMail, '/bliv-medlem/bekraeft/'));
      assert.deepEqual(await count(app), before, 'nothing changes before the button is pressed');
      await page.getByRole('button', { name: 'Bekræft medlemskabet' }).click();
      await page.getByRole('heading', { name: 'Velkommen i bevægelsen' }).waitFor();
      assert.equal(await page.getByText('Søren <b>Sørensen</b>', { exact: false }).count(), 1, 'the name is shown as text, not HTML');

      const welcome = await app.mail('member-welcome');
      assert.match(welcome, /Du har sagt ja til vores nyhedsbrev/);
      assert.deepEqual(await count(app), { people: before.people + 1, organisations: before.organisations });
      assert.match((await countOn(app, '/')) ?? '', new RegExp(`${before.people + before.organisations + 1} medlem`));
      assert.match((await countOn(app, '/bliv-medlem/')) ?? '', new RegExp(`${before.people + 1} person`));
      const added = await app.contactJob('contact-add');
      assert.equal(added.email, person.email);
      assert.equal(added.segmentId, 'segment-e2e');

      await page.goto(linkIn(welcome, '/bliv-medlem/udmeld/'));
      await page.getByRole('button', { name: 'Meld mig ud' }).click();
      await page.getByRole('heading', { name: 'Du er meldt ud' }).waitFor();
      assert.deepEqual(await count(app), before);
      assert.equal((await app.contactJob('contact-remove')).contactId, added.contactId, 'the newsletter contact is removed by its id');
      await context.close();
    });

    it('joins an organisation through the form with its name and type, and counts it as an organisation', async () => {
      const before = await count(app);
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(app.url('/manifest/'));
      await page.locator('main').getByRole('link', { name: 'bliv medlem af bevægelsen' }).click();
      await fillJoinForm(page, organisation);
      await page.getByRole('button', { name: 'Bliv medlem' }).click();
      await page.waitForURL('**/bliv-medlem/tak/');
      const confirmMail = await app.mail('member-confirm', 1);
      assert.match(confirmMail, /Tak, fordi du vil melde Grønne Naboer ind i Samskabelsesbevægelsen\./);
      await page.goto(linkIn(confirmMail, '/bliv-medlem/bekraeft/'));
      await page.getByRole('button', { name: 'Bekræft medlemskabet' }).click();
      await page.getByRole('heading', { name: 'Velkommen i bevægelsen' }).waitFor();
      assert.deepEqual(await count(app), { people: before.people, organisations: before.organisations + 1 });
      await context.close();
    });

    it('makes one member of joining twice, and gives the same answer whether the address is new, pending or a member', async () => {
      const email = freshEmail('twice');
      const body = { kind: 'person', name: 'To Gange', email, municipality: 'Odense', consent: true };
      const mailsBefore = await app.outboxCount('member-confirm');
      const first = await postJson(app, body);
      const second = await postJson(app, { ...body, email: email.toUpperCase() });
      const member = await postJson(app, { ...body, email: organisation.email });
      assert.deepEqual([first.status, second.status, member.status], [202, 202, 202]);
      const answers = await Promise.all([first, second, member].map((a) => a.text()));
      assert.equal(new Set(answers).size, 1, 'the same answer whoever asks');
      await app.mail('member-already');
      assert.equal(await app.outboxCount('member-confirm'), mailsBefore + 1, 'one confirm mail for the two joins');
      const form = (email: string) =>
        fetch(app.url('/api/members'), { method: 'POST', redirect: 'manual', body: new URLSearchParams({ ...body, email, consent: 'on' }), headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
      const [again, fresh] = await Promise.all([form(email), form(freshEmail('fresh'))]);
      assert.deepEqual([again.status, fresh.status], [303, 303]);
      assert.equal(again.headers.get('location'), fresh.headers.get('location'));
    });

    it('shows every error at its field and in a summary without JavaScript, and keeps what was typed', async () => {
      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(app.url('/bliv-medlem/'));
      assert.equal(await page.locator('#organisation-felter').isVisible(), true, 'without JavaScript the organisation fields show');
      await page.getByLabel('På vegne af en organisation').check();
      await page.getByLabel('Dit navn').fill('Kun et navn');
      await page.getByLabel('Din e-mail').fill('ikke-en-mail');
      await page.getByLabel('Kultur og fritid').check();
      await page.getByRole('button', { name: 'Bliv medlem' }).click();
      assert.match(await page.title(), /^Fejl: /);
      const summary = page.locator('.error-summary');
      const text = await summary.innerText();
      for (const message of ['Der er et problem', 'Skriv en e-mailadresse i det rigtige format', 'Vælg den kommune', 'Skriv organisationens navn', 'Vælg hvilken slags organisation det er', 'Sæt kryds, hvis vi må gemme dine oplysninger']) {
        assert.ok(text.includes(message), `${message} in: ${text}`);
      }
      assert.equal(await page.locator('#email').getAttribute('aria-invalid'), 'true');
      assert.match((await page.locator('#email').getAttribute('aria-describedby')) ?? '', /email-error/);
      assert.equal(await page.getByLabel('Dit navn').inputValue(), 'Kun et navn');
      assert.equal(await page.getByLabel('På vegne af en organisation').isChecked(), true);
      assert.equal(await page.getByLabel('Kultur og fritid').isChecked(), true);
      await summary.getByRole('link', { name: /Sæt kryds/ }).click();
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'consent');
      await context.close();
    });

    it('leaves no trace in the database of the member who left, while the one who stayed is still there', async () => {
      const found = await app.inspectDatabase(async (db) => ({ left: await placesHolding(db, person.email), stayed: await placesHolding(db, organisation.email) }));
      assert.deepEqual(found.left, []);
      assert.ok(found.stayed.includes('members.email'), `the search does find a member who stayed: ${found.stayed.join(', ')}`);
    });
  });
}

describe('the joining rate limit', () => {
  it('answers 429 with Retry-After once a client joins too often, and counts signing apart', async () => {
    const app = await startApp(backends()[0]!, { RATE_LIMIT_ALLOW: '' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) {
        const answer = await postJson(app, { kind: 'person', name: 'Mange Gange', email: freshEmail('limit'), municipality: 'Odense', consent: true });
        statuses.push(answer.status);
        if (answer.status === 429) assert.ok(Number(answer.headers.get('retry-after')) > 0);
      }
      assert.deepEqual(statuses, [202, 202, 202, 202, 202, 429, 429]);
      const signing = await fetch(app.url('/api/signatures'), { method: 'POST', body: '{}', headers: { 'Content-Type': 'application/json' } });
      assert.equal(signing.status, 400, 'the signing form has its own limit');
    } finally {
      await app.stop();
    }
  });
});

describe('the home page without a database', () => {
  it('still renders, without the number', async () => {
    const app = await startApp(backends()[0]!, { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/nowhere' });
    try {
      const answer = await fetch(app.url('/'));
      assert.equal(answer.status, 200);
      const html = await answer.text();
      assert.match(html, /<h1>Samskabelse: vi løser det sammen<\/h1>/);
      assert.doesNotMatch(html, /antal-medlemmer/);
      assert.equal((await fetch(app.url('/bliv-medlem/'))).status, 200, 'the join page too');
    } finally {
      await app.stop();
    }
  });
});

describe('accessibility of the membership pages', () => {
  it('finds no WCAG 2.1 AA violations on the join page, its error state, the confirm and leave pages and the privacy page', async () => {
    const app = await startApp(backends()[0]!);
    try {
      await postJson(app, { kind: 'person', name: 'Axe Tester', email: freshEmail('axe'), municipality: 'Aarhus', consent: true });
      const confirmMail = await app.mail('member-confirm');
      const pages: [string, string, ((page: Page) => Promise<unknown>)?][] = [
        ['join page', app.url('/bliv-medlem/')],
        ['join page with errors', app.url('/bliv-medlem/'), async (page) => {
          await page.getByRole('button', { name: 'Bliv medlem' }).click();
          await page.locator('.error-summary').waitFor();
        }],
        ['confirm page', linkIn(confirmMail, '/bliv-medlem/bekraeft/')],
        ['leave page', linkIn(confirmMail, '/bliv-medlem/udmeld/')],
        ['leave done', linkIn(confirmMail, '/bliv-medlem/udmeld/'), (page) => page.getByRole('button', { name: 'Meld mig ud' }).click().then(() => page.getByRole('heading', { name: 'Du er meldt ud' }).waitFor())],
        ['privacy page', app.url('/privatlivspolitik/')],
      ];
      for (const [name, url, act] of pages) {
        const { page, errors } = await openPage(browser, url);
        await act?.(page);
        const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
        assert.deepEqual(results.violations.map((v) => `${name}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), []);
        // Chromium logs the 400 of a form sent with errors; that one is the point of the page.
        const unexpected = errors.filter((e) => !(act && e.includes('status of 400')));
        assert.deepEqual(unexpected, [], `${name} logs no errors, CSP violations included`);
        await page.context().close();
      }
    } finally {
      await app.stop();
    }
  });
});
