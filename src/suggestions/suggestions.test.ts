// Suggesting a case on every database engine: storing with a receipt mail, and the pull request on GitHub, tested
// against a local stand-in for GitHub's API that records each call.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { checkContent } from '../content-checks/check-content.ts';
import { formatProblem } from '../content-checks/problem.ts';
import { testProject } from '../../tests/support/test-project.ts';
import type { SuggestionInput } from './suggestion-input.ts';
import type { Db } from '../platform/db/client.ts';
import { emptyTables, testDatabases } from '../../tests/support/test-databases.ts';
import type { GitHubSettings } from '../platform/github/pull-request.ts';
import { startFakeGitHub, type FakeGitHub } from '../../tests/support/github-stand-in.ts';
import type { OutboxRow } from '../platform/mail/outbox.ts';
import { closeSuggestion, listSuggestions, openSuggestionPullRequest, retryPendingPullRequests, submitSuggestion, suggestionGitHubSetup } from './suggestions.ts';

const site = 'https://samskabelse.test';
const now = new Date('2026-05-04T09:00:00Z');

function suggestionInput(overrides: Partial<SuggestionInput> = {}): SuggestionInput {
  return {
    title: 'Fælles have i Vollsmose',
    municipality: 'Odense',
    what_happened: 'Beboere og kommunen anlagde en have sammen. Under <600 kr. {pr. bed}.',
    participants: 'Odense Kommune, boligforeningen og beboerne.',
    sources: 'https://www.odense.dk/have\nEn artikel i avisen',
    name: 'Karen Forslag',
    email: 'karen@example.org',
    ...overrides,
  };
}

let github: FakeGitHub;
const settings = (): GitHubSettings => ({ token: 'test-token', owner: 'samskabelsesbevaegelsen', repo: 'samskabelse', apiUrl: github.url });

before(async () => {
  github = await startFakeGitHub({ mainFiles: { 'content/cases/faelles-have-i-vollsmose.mdx': 'en case, der allerede findes' } });
});
after(() => github.close());

for (const engine of testDatabases()) {
  describe(`suggestions on ${engine.name}`, () => {
    let db: Db;
    before(async () => {
      db = await engine.open();
    });
    after(() => db.close());
    beforeEach(async () => {
      await emptyTables(db);
      github.calls.length = 0;
    });

    it('stores a suggestion with a receipt to the suggester, once however often it is sent', async () => {
      const first = await submitSuggestion(db, suggestionInput(), { now, site });
      const again = await submitSuggestion(db, suggestionInput({ title: ' fælles  have i Vollsmose ', email: 'KAREN@example.org' }), { now, site });
      assert.equal(first.created, true);
      assert.equal(again.created, false);
      const [row, ...rest] = await listSuggestions(db);
      assert.equal(rest.length, 0);
      assert.equal(row!.status, 'pending');
      assert.equal(row!.suggester_email, 'karen@example.org');
      const { rows: mails } = await db.query<OutboxRow>('SELECT * FROM mail_outbox');
      assert.deepEqual(mails.map((m) => [m.mail_name, m.recipient, m.subject]), [['case-suggestion-received', 'karen@example.org', 'Tak for dit forslag til en case']]);
      assert.match(mails[0]!.text_body ?? '', /Hej Karen Forslag\n\nTak, fordi du har foreslået casen »Fælles have i Vollsmose«/);
    });

    it('lists suggestions newest first, and by status', async () => {
      await submitSuggestion(db, suggestionInput({ title: 'Første' }), { now, site });
      await submitSuggestion(db, suggestionInput({ title: 'Anden' }), { now: new Date(now.getTime() + 1000), site });
      assert.deepEqual((await listSuggestions(db)).map((s) => s.title), ['Anden', 'Første']);
      assert.deepEqual((await listSuggestions(db, 'pull-request-opened')).length, 0);
    });

    it('leaves the suggestion waiting when the site has no GitHub token', async () => {
      const { suggestionId } = await submitSuggestion(db, suggestionInput(), { now, site });
      const outcome = await openSuggestionPullRequest(db, suggestionId!, 'sekretariat@example.org', { github: null });
      assert.deepEqual(outcome, { ok: false, reason: 'not-configured', message: 'Sitet har ikke adgang til GitHub (GITHUB_TOKEN og GITHUB_REPOSITORY mangler), så forslaget venter her.' });
      assert.equal((await listSuggestions(db, 'pending')).length, 1);
    });

    it('opens a pull request with a draft case that passes the content check, on a new branch', async () => {
      const { suggestionId } = await submitSuggestion(db, suggestionInput(), { now, site });
      const outcome = await openSuggestionPullRequest(db, suggestionId!, 'sekretariat@example.org', { github: settings(), now });
      assert.ok(outcome.ok, JSON.stringify(outcome));
      const branch = `forslag/faelles-have-i-vollsmose-${suggestionId!.slice(0, 8)}`;
      // The title's file name is taken on main, so the draft gets the next free one.
      const path = 'content/cases/faelles-have-i-vollsmose-2.mdx';
      const base = '/repos/samskabelsesbevaegelsen/samskabelse';
      assert.deepEqual(
        github.calls.map((c) => `${c.method} ${c.path}${c.query.ref ? `?ref=${c.query.ref}` : ''}`),
        [
          `GET ${base}`,
          `GET ${base}/git/ref/heads/main`,
          `GET ${base}/git/ref/heads/${branch}`,
          `POST ${base}/git/refs`,
          `GET ${base}/contents/content/cases/faelles-have-i-vollsmose.mdx?ref=main`,
          `GET ${base}/contents/${path}?ref=main`,
          `GET ${base}/contents/${path}?ref=${branch}`,
          `PUT ${base}/contents/${path}`,
          `GET ${base}/pulls`,
          `POST ${base}/pulls`,
        ],
      );
      assert.ok(github.calls.every((c) => c.authorization === 'token test-token'), 'every call carries the token');
      const createRef = github.calls.find((c) => c.method === 'POST' && c.path.endsWith('/git/refs'))!;
      assert.deepEqual(createRef.body, { ref: `refs/heads/${branch}`, sha: 'sha-main-1' });

      const put = github.calls.find((c) => c.method === 'PUT')!;
      assert.equal(put.body!.branch, branch);
      assert.equal(put.body!.message, 'Tilføj udkast til casen "Fælles have i Vollsmose" fra forslagsformularen');
      const file = Buffer.from(String(put.body!.content), 'base64').toString('utf8');
      assert.deepEqual(checkContent(testProject({ cases: { 'faelles-have-i-vollsmose-2.mdx': file } })).problems.map(formatProblem), []);
      assert.match(file, /^draft: true$/m);

      const pull = github.calls.find((c) => c.method === 'POST' && c.path.endsWith('/pulls'))!;
      assert.equal(pull.body!.title, 'Ny case fra forslag: Fælles have i Vollsmose');
      assert.equal(pull.body!.head, branch);
      assert.equal(pull.body!.base, 'main');
      assert.match(String(pull.body!.body), /- Titel: `Fælles have i Vollsmose`\n- Kommune: `Odense`/);
      assert.match(String(pull.body!.body), /- \[ \] Ret `draft: true` til `draft: false`, når casen er klar/);
      const everything = JSON.stringify(github.calls);
      assert.doesNotMatch(everything, /karen@example\.org|Karen Forslag/, 'nothing about the suggester reaches GitHub');

      assert.deepEqual(outcome, { ok: true, url: github.pulls.at(-1)!.html_url });
      const [row] = await listSuggestions(db);
      assert.equal(row!.status, 'pull-request-opened');
      assert.equal(row!.pr_url, outcome.url);
      assert.equal(row!.pr_opened_by, 'sekretariat@example.org');
      const again = await openSuggestionPullRequest(db, suggestionId!, 'sekretariat@example.org', { github: settings() });
      assert.deepEqual(again, { ok: false, reason: 'already-opened', message: 'Der er allerede lavet en pull request til forslaget.', url: outcome.url });
    });

    it('keeps a suggestion pending when GitHub fails, and a retry finishes the same branch and file', async () => {
      const { suggestionId } = await submitSuggestion(db, suggestionInput({ title: 'Legeplads i Ribe', municipality: 'Esbjerg' }), { now, site });
      github.failNext((c) => c.method === 'POST' && c.path.endsWith('/pulls'), 502);
      const failed = await openSuggestionPullRequest(db, suggestionId!, 'formular', { github: settings() });
      assert.equal(failed.ok, false);
      assert.equal(!failed.ok && failed.reason, 'github-failed');
      const [waiting] = await listSuggestions(db);
      assert.equal(waiting!.status, 'pending');
      assert.equal(waiting!.pr_attempts, 1);
      assert.match(waiting!.pr_last_error ?? '', /^502/);

      github.calls.length = 0;
      const retried = await retryPendingPullRequests(db, { github: settings() });
      assert.deepEqual(retried, { opened: 1, failed: 0 });
      const writes = github.calls.filter((c) => c.method !== 'GET').map((c) => `${c.method} ${c.path.split('/').slice(4).join('/')}`);
      assert.deepEqual(writes, ['POST pulls'], 'the branch and the file from the first attempt are reused');
      assert.equal((await listSuggestions(db))[0]!.status, 'pull-request-opened');
    });

    it('retries from the cron only suggestions that failed, and only a few times', async () => {
      const never = await submitSuggestion(db, suggestionInput({ title: 'Aldrig prøvet' }), { now, site });
      const tooMany = await submitSuggestion(db, suggestionInput({ title: 'Prøvet for mange gange' }), { now, site });
      await db.query('UPDATE case_suggestions SET pr_attempts = 5 WHERE id = $1', [tooMany.suggestionId]);
      assert.deepEqual(await retryPendingPullRequests(db, { github: settings() }), { opened: 0, failed: 0 });
      assert.deepEqual(await retryPendingPullRequests(db, { github: null }), { opened: 0, failed: 0 });
      assert.equal((await listSuggestions(db, 'pending')).length, 2, never.suggestionId);
    });

    it('answers "unknown" for an id that is not a suggestion', async () => {
      for (const id of ['ikke-et-id', '6f1c7a52-0000-4000-8000-000000000009']) {
        const outcome = await openSuggestionPullRequest(db, id, 'x', { github: settings() });
        assert.deepEqual(outcome, { ok: false, reason: 'unknown', message: 'Forslaget findes ikke.' });
      }
    });

    it('rejects a suggestion with a reason: the suggester gets a short mail with it, and the log says who and why', async () => {
      const { suggestionId } = await submitSuggestion(db, suggestionInput(), { now, site });
      const outcome = await closeSuggestion(db, suggestionId!, 'reject', '  Casen handler ikke om samskabelse.\u0000 ', 'sekretariat@samskabelse.test', { now, site });
      assert.deepEqual(outcome, { ok: true, title: 'Fælles have i Vollsmose' });
      const [row] = await listSuggestions(db, 'rejected');
      assert.equal(row!.id, suggestionId);
      assert.equal(row!.close_reason, 'Casen handler ikke om samskabelse.');
      assert.equal(row!.closed_by, 'sekretariat@samskabelse.test');
      assert.deepEqual(row!.closed_at, now);
      const { rows: mails } = await db.query<OutboxRow>(`SELECT * FROM mail_outbox WHERE mail_name = 'case-suggestion-rejected'`);
      assert.equal(mails.length, 1);
      assert.equal(mails[0]!.recipient, 'karen@example.org');
      assert.match(mails[0]!.text_body!, /Fælles have i Vollsmose/);
      assert.match(mails[0]!.text_body!, /Begrundelsen er: Casen handler ikke om samskabelse\./);
      const { rows: log } = await db.query<{ actor: string; action: string; subject: string; detail: string }>('SELECT actor, action, subject, detail FROM audit_log');
      assert.deepEqual(log, [{ actor: 'sekretariat@samskabelse.test', action: 'suggestion-reject', subject: `Fælles have i Vollsmose (${suggestionId})`, detail: 'Casen handler ikke om samskabelse.' }]);
    });

    it('archives a suggestion with a reason and sends no mail; a closed suggestion gets no pull request and cannot be closed again', async () => {
      const { suggestionId } = await submitSuggestion(db, suggestionInput(), { now, site });
      assert.equal((await closeSuggestion(db, suggestionId!, 'archive', 'Findes allerede som case.', 'sekretariat@samskabelse.test', { now, site })).ok, true);
      const { rows: mails } = await db.query<{ mail_name: string }>('SELECT mail_name FROM mail_outbox ORDER BY mail_name');
      assert.deepEqual(mails.map((m) => m.mail_name), ['case-suggestion-received'], 'only the receipt');
      assert.equal((await listSuggestions(db, 'archived')).length, 1);
      const { rows: log } = await db.query<{ action: string }>('SELECT action FROM audit_log');
      assert.deepEqual(log.map((l) => l.action), ['suggestion-archive']);
      assert.deepEqual(await closeSuggestion(db, suggestionId!, 'reject', 'Igen', 'x@y.dk', { now, site }), { ok: false, reason: 'not-pending', message: 'Forslaget er allerede behandlet.' });
      assert.equal((await openSuggestionPullRequest(db, suggestionId!, 'x@y.dk', { github: settings() })).ok, false);
      assert.equal(github.calls.length, 0);
      assert.deepEqual(await retryPendingPullRequests(db, { github: settings() }), { opened: 0, failed: 0 });
    });

    it('needs a reason to reject or archive, and knows no made-up id', async () => {
      const { suggestionId } = await submitSuggestion(db, suggestionInput(), { now, site });
      assert.equal((await closeSuggestion(db, suggestionId!, 'reject', '  ', 'x@y.dk', { now, site })).ok, false);
      assert.deepEqual(await closeSuggestion(db, suggestionId!, 'archive', '', 'x@y.dk', { now, site }), { ok: false, reason: 'reason-required', message: 'Skriv en begrundelse' });
      assert.equal((await closeSuggestion(db, '00000000-0000-4000-8000-000000000000', 'archive', 'Grund', 'x@y.dk', { now, site })).ok, false);
      assert.equal((await closeSuggestion(db, 'x\u0000', 'archive', 'Grund', 'x@y.dk', { now, site })).ok, false);
      assert.equal((await listSuggestions(db, 'pending')).length, 1);
      const { rows } = await db.query('SELECT 1 FROM audit_log');
      assert.equal(rows.length, 0);
    });
  });
}

describe('whether GitHub is set up, said up front', () => {
  it('is ready with a token and a repository, and names what is missing otherwise (names only, never values)', () => {
    assert.deepEqual(suggestionGitHubSetup({ GITHUB_TOKEN: 'ghp_secret', GITHUB_REPOSITORY: 'ejer/navn' }), { ready: true, repository: 'ejer/navn' });
    assert.deepEqual(suggestionGitHubSetup({ GITHUB_REPOSITORY: 'ejer/navn' }), { ready: false, missing: ['GITHUB_TOKEN'] });
    assert.deepEqual(suggestionGitHubSetup({}), { ready: false, missing: ['GITHUB_TOKEN', 'GITHUB_REPOSITORY'] });
  });
});
