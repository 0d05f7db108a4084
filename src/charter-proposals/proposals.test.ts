// The proposal use cases on every database engine: send and confirm by mail, moderate (publish, reject, merge,
// answer), support from members and signatories only, consultation rounds, the mail cap, retention and GDPR erase,
// and an accepted wording as a pull request on the GitHub stand-in.
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import type { Db } from '../platform/db/client.ts';
import { emptyTables, placesHolding, testDatabases } from '../../tests/support/test-databases.ts';
import { startFakeGitHub, type FakeGitHub } from '../../tests/support/github-stand-in.ts';
import { parseProposalInput, type ProposalInput } from './proposal-input.ts';
import { mailCapFor } from '../platform/rate-limits.ts';
import { confirmProposal, confirmSupport, publishedProposals, requestSupport, submitProposal, supportsFor, type PrincipleText, type ProposalRow } from './proposals.ts';
import { answerProposal, listProposals, mergeProposal, publishProposal, rejectProposal } from './moderation.ts';
import { closeConsultationRound, openConsultationRound, roundState } from './rounds.ts';
import { acceptProposal, withSummary } from './proposal-pull-request.ts';
import { runRetention } from '../retention-jobs.ts';
import { erasePersonalData, findPersonalData } from '../admin/personal-data.ts';

const site = 'https://samskabelse.test';
const start = new Date('2026-05-01T09:00:00Z');
const later = (days: number) => new Date(start.getTime() + days * 24 * 60 * 60 * 1000);
const ctx = { now: start, site };
const ligevaerd: PrincipleText = { slug: 'ligevaerd', title: 'Ligeværd', wording: 'Ingen sidder for bordenden. Alle parter mødes som ligestillede og bidrager med det, de ved og kan.', version: '1' };

let serial = 0;
function proposal(overrides: Partial<ProposalInput> = {}): ProposalInput {
  serial++;
  return {
    principle: 'ligevaerd',
    kind: 'wording',
    wording: 'Ingen sidder for bordenden. Alle parter mødes som ligeværdige og bidrager med det, de ved og kan.',
    reason: `Ligeværdige siger mere end ligestillede (${serial}).`,
    name: 'Karen Forslag',
    organisation: 'Grønne Naboer',
    email: `karen${serial}@example.dk`,
    consent_public: true,
    ...overrides,
  } as ProposalInput;
}

async function mails(db: Db, name: string, to?: string) {
  const { rows } = await db.query<{ recipient: string; text_body: string; subject: string }>(
    `SELECT recipient, text_body, subject FROM mail_outbox WHERE mail_name = $1 AND ($2::text IS NULL OR recipient = $2) ORDER BY created_at, idempotency_key`,
    [name, to ?? null],
  );
  return rows;
}

async function tokenFrom(db: Db, name: string, path: string, to?: string): Promise<string> {
  const text = (await mails(db, name, to)).at(-1)?.text_body ?? '';
  const match = text.match(new RegExp(`${path.replaceAll('/', '\\/')}\\?token=([A-Za-z0-9_-]{43})`));
  assert.ok(match, `no ${path} link in ${name}:\n${text}`);
  return match[1]!;
}

/** Sends, confirms and publishes a proposal; returns its id. */
async function published(db: Db, input = proposal()): Promise<string> {
  const { proposalId } = await submitProposal(db, input, ligevaerd, ctx);
  assert.ok(proposalId);
  assert.equal((await confirmProposal(db, await tokenFrom(db, 'charter-proposal-confirm', '/forslag-til-chartret/bekraeft/', input.email), ctx)).ok, true);
  assert.equal((await publishProposal(db, proposalId, 'sekretariat@example.dk', ctx)).ok, true);
  return proposalId;
}

async function member(db: Db, email: string, status = 'confirmed'): Promise<string> {
  const { rows } = await db.query<{ id: string }>(`INSERT INTO members (kind, name, email, municipality, status) VALUES ('person', 'Mette Medlem', $1, 'Odense', $2) RETURNING id`, [email, status]);
  return rows[0]!.id;
}

async function signatory(db: Db, email: string, status = 'published'): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO signatures (organisation_name, organisation_type, municipality, contact_name, contact_title, email, status, confirmed_at)
     VALUES ($1, 'forening', 'Odense', 'Kim Kontakt', 'Formand', $2, $3, now()) RETURNING id`,
    [`Forening ${email}`, email, status],
  );
  return rows[0]!.id;
}

/** Asks for a support link and uses it. */
async function support(db: Db, proposalId: string, email: string): Promise<boolean> {
  const asked = await requestSupport(db, { proposal: proposalId, email }, ctx);
  if (!asked.sent) return false;
  return (await confirmSupport(db, await tokenFrom(db, 'charter-proposal-support', '/forslag-til-chartret/stoet/', email), ctx)).ok;
}

describe('the proposal form', () => {
  test('takes a comment without a wording, and drops a wording typed for a comment', () => {
    const parsed = parseProposalInput({ principle: 'ligevaerd', kind: 'comment', wording: 'x', reason: 'Godt princip', name: 'A', email: 'A@Example.dk' });
    assert.ok(parsed.ok);
    assert.equal(parsed.value.wording, undefined);
    assert.equal(parsed.value.email, 'a@example.dk');
    assert.equal(parsed.value.consent_public, false);
  });

  test('asks for the wording, refuses one that is the same as now, and lists errors in form order', () => {
    const missing = parseProposalInput({ principle: 'ligevaerd', kind: 'wording', reason: '', name: '', email: 'nej' });
    assert.ok(!missing.ok);
    assert.deepEqual(missing.errors.map((e) => e.field), ['wording', 'reason', 'name', 'email']);
    const same = parseProposalInput({ principle: 'ligevaerd', kind: 'wording', wording: ` ${ligevaerd.wording}  `, reason: 'r', name: 'n', email: 'n@example.dk' }, undefined, ligevaerd.wording);
    assert.ok(!same.ok);
    assert.match(same.errors[0]!.message, /samme som nu/);
  });

  test('marks a filled-in honeypot as a bot', () => {
    const parsed = parseProposalInput({ principle: 'ligevaerd', kind: 'comment', reason: 'r', name: 'n', email: 'n@example.dk', website_url2: 'spam' });
    assert.ok(parsed.ok && parsed.suspectedBot);
  });
});

test('withSummary changes only the summary line of a principle file', () => {
  const mdx = '---\nnumber: 1\ntitle: Ligeværd\nsummary: Gammel tekst.\n---\n\nBrødtekst med summary: i.\n';
  assert.equal(withSummary(mdx, 'Ny tekst: med kolon.'), '---\nnumber: 1\ntitle: Ligeværd\nsummary: "Ny tekst: med kolon."\n---\n\nBrødtekst med summary: i.\n');
  assert.throws(() => withSummary('ingen frontmatter', 'x'));
});

for (const engine of testDatabases()) {
  describe(`charter proposals on ${engine.name}`, () => {
    let db: Db;
    let github: FakeGitHub;
    before(async () => {
      db = await engine.open();
      github = await startFakeGitHub({ mainFiles: { 'content/principles/ligevaerd.mdx': await readFile('content/principles/ligevaerd.mdx', 'utf8') } });
    });
    after(async () => {
      await db?.close();
      await github?.close();
    });
    beforeEach(() => emptyTables(db));

    test('a proposal waits for its confirm link, and a double click makes one proposal and one mail', async () => {
      const input = proposal();
      const first = await submitProposal(db, input, ligevaerd, ctx);
      const again = await submitProposal(db, input, ligevaerd, ctx);
      assert.equal(first.created, true);
      assert.equal(again.created, false);
      const confirm = await mails(db, 'charter-proposal-confirm');
      assert.equal(confirm.length, 1);
      assert.match(confirm[0]!.text_body, /Ligeværd/);
      assert.match(confirm[0]!.text_body, /ingen høring lige nu/);
      assert.deepEqual(await listProposals(db, 'confirmed'), []);
      const token = await tokenFrom(db, 'charter-proposal-confirm', '/forslag-til-chartret/bekraeft/');
      assert.deepEqual(await confirmProposal(db, token, ctx), { ok: true, principle: 'ligevaerd', proposalId: first.proposalId, language: 'da' });
      assert.deepEqual(await confirmProposal(db, token, ctx), { ok: false, reason: 'used' });
      const [queued] = await listProposals(db, 'confirmed');
      assert.equal(queued?.based_on, ligevaerd.wording);
      assert.equal(queued?.round_id, null);
    });

    test('an English proposal gets its mail in English with the English link', async () => {
      await submitProposal(db, proposal(), ligevaerd, { ...ctx, language: 'en' });
      const [mail] = await mails(db, 'charter-proposal-confirm');
      assert.match(mail!.subject, /Confirm your proposal/);
      assert.match(mail!.text_body, /\/en\/charter-proposals\/confirm\/\?token=/);
    });

    test('publishing shows the proposal under its principle, with the author only by consent, and tells the author', async () => {
      const shown = await published(db, proposal({ name: 'Vis Mig' }));
      const hidden = await published(db, proposal({ name: 'Skjul Mig', consent_public: false }));
      const list = await publishedProposals(db, 'ligevaerd');
      const authorOf = (id: string) => list.filter((p) => p.id === id).map((p) => [p.author_name, p.author_organisation]);
      assert.equal(list.length, 2);
      assert.deepEqual(authorOf(shown), [['Vis Mig', 'Grønne Naboer']]);
      assert.deepEqual(authorOf(hidden), [[null, null]]);
      assert.equal((await mails(db, 'charter-proposal-published')).length, 2);
      assert.deepEqual(await publishedProposals(db, 'tidlig-dialog'), []);
      assert.deepEqual(await publishProposal(db, shown, 'x', ctx), { ok: false, reason: 'wrong-status' });
    });

    test('rejecting needs a reason, mails it to the author and keeps the proposal off the page', async () => {
      const input = proposal({ kind: 'comment', wording: undefined });
      const { proposalId } = await submitProposal(db, input, ligevaerd, ctx);
      await confirmProposal(db, await tokenFrom(db, 'charter-proposal-confirm', '/forslag-til-chartret/bekraeft/'), ctx);
      assert.deepEqual(await rejectProposal(db, proposalId!, '  ', 'sekretariat@example.dk', ctx), { ok: false, reason: 'reason-required' });
      assert.equal((await rejectProposal(db, proposalId!, 'Det handler om et andet princip.', 'sekretariat@example.dk', ctx)).ok, true);
      const [mail] = await mails(db, 'charter-proposal-rejected');
      assert.equal(mail?.recipient, input.email);
      assert.match(mail!.text_body, /Det handler om et andet princip\./);
      assert.deepEqual(await publishedProposals(db, 'ligevaerd'), []);
      const { rows } = await db.query<{ action: string }>('SELECT action FROM audit_log ORDER BY id');
      assert.deepEqual(rows.map((r) => r.action), ['proposal-reject']);
    });

    test('support comes once each from confirmed members and published signatories, and the answer never tells who is one', async () => {
      const id = await published(db);
      await member(db, 'mette@example.dk');
      await member(db, 'ventende@example.dk', 'pending');
      await signatory(db, 'kontakt@forening.example');
      await signatory(db, 'ubekraeftet@forening.example', 'confirmed');
      assert.equal(await support(db, id, 'mette@example.dk'), true);
      assert.equal(await support(db, id, 'kontakt@forening.example'), true);
      for (const stranger of ['ventende@example.dk', 'ubekraeftet@forening.example', 'fremmed@example.dk']) {
        assert.deepEqual(await requestSupport(db, { proposal: id, email: stranger }, ctx), { proposalFound: true, sent: false });
      }
      // Once each: a member who supported already gets no second link.
      assert.deepEqual(await requestSupport(db, { proposal: id, email: 'mette@example.dk' }, ctx), { proposalFound: true, sent: false });
      assert.equal(await supportsFor(db, id), 2);
      assert.equal((await publishedProposals(db, 'ligevaerd'))[0]?.supports, 2);
      assert.equal((await mails(db, 'charter-proposal-support')).length, 2);
      const { rows } = await db.query<{ supporter_key: string }>('SELECT supporter_key FROM charter_proposal_supports');
      assert.ok(rows.every((r) => /^(member|signature):/.test(r.supporter_key)), 'supports keep no address');
    });

    test('merging a duplicate hides it and adds its supporters to the main proposal, each supporter once', async () => {
      const main = await published(db);
      const duplicate = await published(db);
      await member(db, 'a@example.dk');
      await member(db, 'b@example.dk');
      await support(db, main, 'a@example.dk');
      await support(db, duplicate, 'a@example.dk');
      await support(db, duplicate, 'b@example.dk');
      assert.deepEqual(await mergeProposal(db, duplicate, duplicate, 'x', ctx), { ok: false, reason: 'merge-target' });
      assert.equal((await mergeProposal(db, duplicate, main, 'sekretariat@example.dk', ctx)).ok, true);
      const list = await publishedProposals(db, 'ligevaerd');
      assert.deepEqual(list.map((p) => [p.id, p.supports]), [[main, 2]]);
    });

    test('an answer is shown in public with its outcome, and a version is required when it was incorporated', async () => {
      const id = await published(db);
      assert.deepEqual(await answerProposal(db, id, { text: 'Tak', outcome: 'incorporated' }, 'x', ctx), { ok: false, reason: 'version-required' });
      assert.deepEqual(await answerProposal(db, id, { text: 'Tak', outcome: 'maybe' }, 'x', ctx), { ok: false, reason: 'outcome-required' });
      assert.equal((await answerProposal(db, id, { text: 'Vi tager den med.', outcome: 'incorporated', version: '2' }, 'sekretariat@example.dk', ctx)).ok, true);
      const [shown] = await publishedProposals(db, 'ligevaerd');
      assert.deepEqual([shown?.answer, shown?.answer_outcome, shown?.answer_version], ['Vi tager den med.', 'incorporated', '2']);
      assert.equal((await mails(db, 'charter-proposal-answered')).length, 1);
    });

    test('a round takes the proposals waiting for it, new ones join it while open, and after it closes they wait again', async () => {
      const waiting = await published(db);
      assert.deepEqual(await roundState(db, start), { kind: 'none' });
      assert.deepEqual(await openConsultationRound(db, { title: 'Høring 2026', opensOn: '2026-05-10', closesOn: '2026-05-01' }, 'x', start), { ok: false, reason: 'dates' });
      const opened = await openConsultationRound(db, { title: 'Høring 2026', opensOn: '2026-05-01', closesOn: '2026-05-31' }, 'sekretariat@example.dk', start);
      assert.ok(opened.ok);
      assert.deepEqual(await openConsultationRound(db, { title: 'To', opensOn: '2026-05-01', closesOn: '2026-05-31' }, 'x', start), { ok: false, reason: 'open-already' });
      assert.equal((await roundState(db, start)).kind, 'open');
      const duringInput = proposal();
      const during = await submitProposal(db, duringInput, ligevaerd, ctx);
      assert.doesNotMatch((await mails(db, 'charter-proposal-confirm', duringInput.email))[0]!.text_body, /ingen høring/);
      const { rows } = await db.query<{ id: string; round_id: string | null }>('SELECT id, round_id FROM charter_proposals');
      assert.ok(rows.every((r) => r.round_id === opened.round.id), `${waiting} and ${during.proposalId} belong to the round`);
      assert.equal((await closeConsultationRound(db, 'sekretariat@example.dk', start)).ok, true);
      assert.deepEqual(await roundState(db, start), { kind: 'none' });
      const afterwards = await submitProposal(db, proposal(), ligevaerd, ctx);
      const { rows: last } = await db.query<{ round_id: string | null }>('SELECT round_id FROM charter_proposals WHERE id = $1', [afterwards.proposalId]);
      assert.equal(last[0]?.round_id, null);
      const { rows: audit } = await db.query<{ action: string }>(`SELECT action FROM audit_log WHERE action LIKE 'round-%' ORDER BY id`);
      assert.deepEqual(audit.map((r) => r.action), ['round-open', 'round-close']);
    });

    test('no address gets more than the day’s cap of proposal mails', async () => {
      const email = 'travl@example.dk';
      const cap = mailCapFor('charter-proposal-confirm')!;
      for (let i = 0; i < cap + 3; i++) await submitProposal(db, proposal({ email }), ligevaerd, ctx);
      assert.equal((await mails(db, 'charter-proposal-confirm', email)).length, cap);
    });

    test('retention deletes unconfirmed proposals after 30 days and keeps confirmed ones', async () => {
      await submitProposal(db, proposal(), ligevaerd, ctx);
      const kept = await published(db);
      const report = await runRetention(db, later(31));
      assert.equal(report.unconfirmedProposals, 1);
      const { rows } = await db.query<{ id: string }>('SELECT id FROM charter_proposals');
      assert.deepEqual(rows.map((r) => r.id), [kept]);
    });

    test('GDPR: the export holds the proposals, and erasing keeps a published text without its author and deletes the rest', async () => {
      const email = 'glem@example.dk';
      const kept = await published(db, proposal({ email, name: 'Glem Mig Nu' }));
      await submitProposal(db, proposal({ email, name: 'Glem Mig Nu' }), ligevaerd, ctx);
      await member(db, email);
      const other = await published(db);
      await support(db, other, email);
      assert.equal((await findPersonalData(db, email)).proposals.length, 2);
      const report = await erasePersonalData(db, email, 'sekretariat@example.dk');
      assert.deepEqual([report.proposalsDeleted, report.proposalsKeptWithoutAuthor, report.supportsDeleted], [1, 1, 1]);
      assert.deepEqual(await placesHolding(db, email), []);
      assert.deepEqual(await placesHolding(db, 'Glem Mig Nu'), []);
      assert.deepEqual((await publishedProposals(db, 'ligevaerd')).map((p) => p.id).sort(), [kept, other].sort());
    });

    test('an accepted wording becomes a pull request that changes the principle and drafts the next version, once', async () => {
      const id = await published(db);
      const settings = { token: 't', owner: 'samskabelsesbevaegelsen', repo: 'samskabelse', apiUrl: github.url };
      assert.equal((await acceptProposal(db, id, 'x', { ...ctx, github: null })).ok, false);
      const opened = await acceptProposal(db, id, 'sekretariat@example.dk', { ...ctx, github: settings });
      assert.ok(opened.ok, JSON.stringify(opened));
      const pull = github.pulls.at(-1)!;
      assert.match(pull.body, new RegExp(`/charter/ligevaerd/forslag/#forslag-${id}`));
      const branch = github.files.get(pull.head)!;
      assert.match(branch.get('content/principles/ligevaerd.mdx')!, /^summary: Ingen sidder for bordenden\. Alle parter mødes som ligeværdige og bidrager/m);
      const draft = branch.get('content/charter/versions/2.yaml')!;
      assert.match(draft, /^version: 2$/m);
      assert.match(draft, /wording: Ingen sidder for bordenden\. Alle parter mødes som ligeværdige/);
      assert.match(draft, new RegExp(`#forslag-${id}`));
      const again = await acceptProposal(db, id, 'x', { ...ctx, github: settings });
      assert.equal(again.ok, false);
      assert.equal(github.pulls.length, 1);
      const [row] = (await db.query<ProposalRow>('SELECT * FROM charter_proposals WHERE id = $1', [id])).rows;
      assert.equal(row?.pr_url, pull.html_url);
      const comment = await published(db, proposal({ kind: 'comment', wording: undefined }));
      assert.equal((await acceptProposal(db, comment, 'x', { ...ctx, github: settings })).ok, false);
    });
  });
}
