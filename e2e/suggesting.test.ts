// Suggesting a case end to end in Chromium, on PGlite and (with TEST_DATABASE_URL) PostgreSQL: the form without
// JavaScript, the receipt in the outbox, errors at the fields, the honeypot, the rate limit, and the pull request
// on a local stand-in for GitHub. Plus the case pages' edit link and date.
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { checkContent } from '../src/content-checks/check-content.ts';
import { formatProblem } from '../src/content-checks/problem.ts';
import { testProject } from '../tests/support/test-project.ts';
import { startFakeGitHub } from '../tests/support/github-stand-in.ts';
import { backends, startApp, type App } from './support/app.ts';
import { distDir, launchBrowser } from './support/site.ts';

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

let serial = 0;
/** A valid suggestion with its own title and e-mail; override any field. */
function suggestion(overrides: Record<string, string> = {}): Record<string, string> {
  serial++;
  return {
    title: `Fælles have nr. ${serial} i Vollsmose`,
    municipality: 'Odense',
    what_happened: 'Beboerne og kommunen anlagde en have sammen. Bedene kostede under <600 kr. {stykket}.',
    participants: 'Odense Kommune, boligforeningen og beboerne.',
    sources: 'https://www.odense.dk/have\nEn artikel i avisen',
    name: 'Karen Forslag',
    email: `karen${serial}@example.org`,
    ...overrides,
  };
}

async function fillForm(page: Page, s: Record<string, string>): Promise<void> {
  await page.getByLabel('Hvad hedder casen?').fill(s.title!);
  await page.getByLabel('Hvilken kommune foregik det i?').selectOption(s.municipality!);
  await page.getByLabel('Hvad skete der?').fill(s.what_happened!);
  await page.getByLabel('Hvem var med?').fill(s.participants!);
  await page.getByLabel('Kilder').fill(s.sources!);
  await page.getByLabel('Dit navn').fill(s.name!);
  await page.getByLabel('Din e-mail').fill(s.email!);
}

function post(app: App, body: Record<string, string>, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(app.url('/api/suggestions'), { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json', ...headers } });
}

/** Every mail text in the outbox so far. */
async function outbox(app: App): Promise<string[]> {
  const dir = join(app.dataDir, 'outbox');
  const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith('.txt'));
  return Promise.all(files.map((f) => readFile(join(dir, f), 'utf8')));
}

async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

for (const backend of backends()) {
  describe(`suggesting a case on ${backend.name}`, () => {
    let app: App;
    before(async () => {
      app = await startApp(backend);
    });
    after(async () => {
      await app?.stop();
    });

    it('takes a suggestion from the form, without JavaScript, to the thank-you page and a receipt by mail', async () => {
      const s = suggestion({ title: 'Fælles <b>have</b> i Vollsmose' });
      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(app.url('/cases/'));
      await page.getByRole('link', { name: 'Kender du en case, der mangler? Fortæl os om den.' }).click();
      await fillForm(page, s);
      await page.getByRole('button', { name: 'Send forslaget' }).click();
      await page.waitForURL('**/foreslaa-en-case/tak/');
      assert.equal(await page.locator('h1').innerText(), 'Tak for dit forslag');

      const receipt = await app.mail('case-suggestion-received');
      assert.match(receipt, new RegExp(`Til: ${s.email}`));
      assert.match(receipt, /Emne: Tak for dit forslag til en case/);
      assert.match(receipt, /foreslået casen »Fælles <b>have<\/b> i Vollsmose«/);
      await context.close();
    });

    it('shows every error at its field and in a summary, keeps what was typed, and passes axe', async () => {
      // The form has no script of its own, so this is the page a browser without JavaScript gets; axe needs scripts to run.
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(app.url('/foreslaa-en-case/'));
      assert.deepEqual(await axeViolations(page), [], 'the empty form');
      await page.getByLabel('Hvad hedder casen?').fill('Kun en titel');
      await page.getByLabel('Kilder').fill('Bogen om haven');
      await page.getByLabel('Din e-mail').fill('karen@');
      await page.getByRole('button', { name: 'Send forslaget' }).click();
      assert.match(await page.title(), /^Fejl: Foreslå en case/);
      const summary = page.locator('.error-summary');
      assert.deepEqual((await summary.locator('li').allInnerTexts()).map((t) => t.trim()), [
        'Vælg den kommune, casen foregik i',
        'Fortæl, hvad der skete',
        'Skriv, hvem der var med',
        'Skriv mindst ét link til en kilde, fx en artikel eller kommunens hjemmeside, der fortæller om casen',
        'Skriv dit navn',
        'Skriv en e-mailadresse i det rigtige format, fx navn@eksempel.dk',
      ]);
      assert.equal(await page.locator('#sources').getAttribute('aria-invalid'), 'true');
      assert.match((await page.locator('#sources').getAttribute('aria-describedby')) ?? '', /sources-error/);
      assert.equal(await page.getByLabel('Hvad hedder casen?').inputValue(), 'Kun en titel');
      assert.equal(await page.getByLabel('Kilder').inputValue(), 'Bogen om haven');
      assert.deepEqual(await axeViolations(page), [], 'the form with its errors');
      await summary.getByRole('link', { name: 'Skriv dit navn' }).click();
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'name');
      await context.close();
    });

    it('stores nothing and sends nothing when the hidden honeypot field is filled, and still answers as usual', async () => {
      const bot = suggestion({ website_url2: 'http://spam.example', email: 'bot@example.org' });
      assert.equal((await post(app, bot)).status, 202);
      const before = (await outbox(app)).filter((m) => m.includes('case-suggestion-received') || m.includes('Tak for dit forslag')).length;
      const human = suggestion();
      assert.equal((await post(app, human)).status, 202);
      await app.mail('case-suggestion-received', before);
      const mails = await outbox(app);
      assert.ok(mails.some((m) => m.includes(`Til: ${human.email}`)));
      assert.ok(!mails.some((m) => m.includes('Til: bot@example.org')), 'the bot got no receipt, so nothing was stored');
    });

    it('answers JSON with the field of every error, 413 for a huge body, 415 for another type and 403 from another site', async () => {
      const bad = await post(app, suggestion({ municipality: 'Atlantis', sources: 'ingen links' }));
      assert.equal(bad.status, 400);
      assert.deepEqual((await bad.json()).errors.map((e: { field: string }) => e.field), ['municipality', 'sources']);
      assert.equal((await post(app, suggestion({ what_happened: 'æ'.repeat(60_000) }))).status, 413);
      const text = await fetch(app.url('/api/suggestions'), { method: 'POST', body: 'hej', headers: { 'Content-Type': 'text/plain' } });
      assert.equal(text.status, 415);
      assert.equal((await post(app, suggestion(), { Origin: 'https://evil.example' })).status, 403);
    });
  });
}

describe('suggesting with GitHub configured', () => {
  it('opens a pull request with a draft case that passes the content check', async () => {
    const github = await startFakeGitHub();
    const app = await startApp(backends()[0]!, { GITHUB_TOKEN: 'e2e-token', GITHUB_REPOSITORY: 'samskabelsesbevaegelsen/samskabelse', GITHUB_API_URL: github.url });
    try {
      const s = suggestion({ title: 'Legeplads i Ribe', municipality: 'Esbjerg' });
      const answer = await fetch(app.url('/api/suggestions'), { method: 'POST', body: new URLSearchParams(s), headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, redirect: 'manual' });
      assert.equal(answer.status, 303);
      assert.equal(answer.headers.get('location'), '/foreslaa-en-case/tak/');
      assert.equal(github.pulls.length, 1);
      assert.equal(github.pulls[0]!.title, 'Ny case fra forslag: Legeplads i Ribe');
      const branch = github.pulls[0]!.head;
      const file = github.files.get(branch)?.get('content/cases/legeplads-i-ribe.mdx');
      assert.ok(file, `the draft is on ${branch}`);
      assert.deepEqual(checkContent(testProject({ cases: { 'legeplads-i-ribe.mdx': file } })).problems.map(formatProblem), []);
      assert.ok(github.calls.every((c) => c.authorization === 'token e2e-token'));
      await app.mail('case-suggestion-received');
    } finally {
      await app.stop();
      await github.close();
    }
  });
});

describe('rate limits on suggestions', () => {
  it('answers 429 with Retry-After once a client goes over the burst limit', async () => {
    const app = await startApp(backends()[0]!, { RATE_LIMIT_ALLOW: '' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        const answer = await post(app, suggestion());
        statuses.push(answer.status);
        if (answer.status === 429) assert.ok(Number(answer.headers.get('retry-after')) > 0);
      }
      assert.deepEqual(statuses, [202, 202, 202, 429, 429]);
    } finally {
      await app.stop();
    }
  });
});

describe('case pages for editors', () => {
  it('link to the file in GitHub\'s editor and say when the case last changed', async () => {
    const html = await readFile(join(distDir, 'cases/seest/index.html'), 'utf8');
    assert.match(html, /<a href="https:\/\/github\.com\/[\w.-]+\/[\w.-]+\/edit\/main\/content\/cases\/seest\.mdx">Rediger denne side<\/a>/);
    assert.match(html, /Sidst opdateret <time datetime="\d{4}-\d{2}-\d{2}">\d{1,2}\. [a-zæøå]+ \d{4}<\/time>/);
  });

  it('link to the suggest form from the footer', async () => {
    for (const page of ['cases/index.html', 'charter/index.html', 'foreslaa-en-case/index.html']) {
      const html = await readFile(join(distDir, page), 'utf8');
      assert.match(html, /<footer[\s\S]*<a href="\/foreslaa-en-case\/">Foreslå en case<\/a>/, page);
    }
  });
});
