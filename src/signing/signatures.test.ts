// Checks the signing use cases end to end on every database engine, reading tokens out of the queued mails as a signer would.
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cvrChecksum } from './cvr.ts';
import type { SignatureInput } from './signature-input.ts';
import type { Db } from '../platform/db/client.ts';
import { emptyTables, testDatabases } from '../../tests/support/test-databases.ts';
import type { OutboxRow } from '../platform/mail/outbox.ts';
import {
  approveSignature,
  confirmSignature,
  listSignatures,
  publishedSignatories,
  rejectSignature,
  signatureConflicts,
  domainOf,
  submitSignature,
  withdrawSignature,
} from './signatures.ts';

const site = 'https://samskabelse.test';
const start = new Date('2026-05-01T09:00:00Z');
const later = (hours: number) => new Date(start.getTime() + hours * 60 * 60 * 1000);
const ctx = { now: start, site };

/** A fresh valid CVR number: seven random digits and the check digit that makes the sum divisible by 11. */
function randomCvr(): string {
  for (;;) {
    const first7 = String(1_000_000 + Math.floor(Math.random() * 9_000_000));
    for (let d = 0; d <= 9; d++) if (cvrChecksum(first7 + d) % 11 === 0) return first7 + d;
  }
}

function signatureInput(overrides: Partial<SignatureInput> = {}): SignatureInput {
  return {
    organisation_name: 'Aarhus Borgerforening',
    organisation_type: 'forening',
    cvr: randomCvr(),
    municipality: 'Aarhus',
    website: 'https://borgerforening.example',
    contact_name: 'Mette Jensen',
    contact_title: 'Formand',
    email: 'mette@borgerforening.example',
    statement: 'Vi skaber løsninger sammen med borgerne.',
    consent_public: true,
    ...overrides,
  };
}

async function mails(db: Db, name?: string): Promise<OutboxRow[]> {
  const { rows } = await db.query<OutboxRow>('SELECT * FROM mail_outbox WHERE $1::text IS NULL OR mail_name = $1 ORDER BY created_at, mail_name', [name ?? null]);
  return rows;
}

/** The token behind a link of the given kind in the newest mail of that name. */
async function tokenFromMail(db: Db, mailName: string, link: 'bekraeft' | 'traek-tilbage'): Promise<string> {
  const queued = await mails(db, mailName);
  const match = queued.at(-1)?.text_body?.match(new RegExp(`/underskriv/${link}/\\?token=([A-Za-z0-9_-]{43})`));
  assert.ok(match, `no ${link} link in ${mailName}`);
  return match[1]!;
}

async function countSignatures(db: Db): Promise<number> {
  const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM signatures');
  return rows[0]!.n;
}

/** Submits, confirms and approves one organisation; returns its id. */
async function publishedSignature(db: Db, overrides: Partial<SignatureInput> = {}): Promise<string> {
  const { signatureId } = await submitSignature(db, signatureInput(overrides), ctx);
  assert.ok(signatureId);
  const confirmToken = (await db.query<{ text_body: string }>(`SELECT text_body FROM mail_outbox WHERE idempotency_key = $1`, [`signature-confirm:${signatureId}`])).rows[0]!.text_body.match(/token=([A-Za-z0-9_-]{43})/)![1]!;
  assert.deepEqual(await confirmSignature(db, confirmToken, ctx), { ok: true, signatureId, organisationName: overrides.organisation_name ?? 'Aarhus Borgerforening' });
  assert.deepEqual(await approveSignature(db, signatureId, 'admin@samskabelse.test', ctx), { ok: true });
  return signatureId;
}

for (const engine of testDatabases()) {
  describe(`signing on ${engine.name}`, () => {
    let db: Db;
    before(async () => {
      db = await engine.open();
    });
    after(() => db.close());
    beforeEach(() => emptyTables(db));

    test('submitting creates one pending signature and queues one confirm mail with a confirm and a withdraw link', async () => {
      const outcome = await submitSignature(db, signatureInput(), ctx);
      assert.equal(outcome.kind, 'check-your-mail');
      assert.equal(outcome.created, true);
      const [signature] = await listSignatures(db);
      assert.equal(signature?.status, 'pending');
      const queued = await mails(db);
      assert.deepEqual(queued.map((m) => [m.mail_name, m.recipient]), [['signature-confirm', 'mette@borgerforening.example']]);
      assert.match(queued[0]!.text_body!, /https:\/\/samskabelse\.test\/underskriv\/bekraeft\/\?token=/);
      assert.match(queued[0]!.text_body!, /https:\/\/samskabelse\.test\/underskriv\/traek-tilbage\/\?token=/);
    });

    test('only hashes of tokens are stored', async () => {
      await submitSignature(db, signatureInput(), ctx);
      const token = await tokenFromMail(db, 'signature-confirm', 'bekraeft');
      const { rows } = await db.query<{ token_hash: string }>('SELECT token_hash FROM signature_tokens');
      assert.equal(rows.length, 2);
      assert.ok(rows.every((r) => /^[0-9a-f]{64}$/.test(r.token_hash) && r.token_hash !== token));
    });

    test('signing twice from one address gives one row and one mail, and the same answer', async () => {
      const input = signatureInput();
      const first = await submitSignature(db, input, ctx);
      const second = await submitSignature(db, { ...input, organisation_name: 'Et andet navn' }, ctx);
      assert.equal(first.kind, second.kind);
      assert.equal(second.created, false);
      assert.equal(await countSignatures(db), 1);
      assert.equal((await mails(db)).length, 1);
    });

    test('a stranger who signs first with the CVR number blocks no one: the real contact gets the mail, and the first confirmed goes to review', async () => {
      const cvr = randomCvr();
      await submitSignature(db, signatureInput({ cvr, email: 'squatter@example.net', contact_name: 'Sigurd Squat' }), ctx);
      const real = await submitSignature(db, signatureInput({ cvr }), ctx);
      assert.equal(real.created, true);
      assert.equal(await countSignatures(db), 2, 'both are pending');
      const confirmMails = await mails(db, 'signature-confirm');
      assert.deepEqual(confirmMails.map((m) => m.recipient).sort(), ['mette@borgerforening.example', 'squatter@example.net']);
      const token = confirmMails.find((m) => m.recipient === 'mette@borgerforening.example')!.text_body!.match(/token=([A-Za-z0-9_-]{43})/)![1]!;
      assert.equal((await confirmSignature(db, token, ctx)).ok, true);
      assert.deepEqual((await listSignatures(db, 'confirmed')).map((r) => r.id), [real.signatureId]);
    });

    test('a second contact who confirms for a signed organisation waits as a conflict, the existing contact is told, and the signer gets the usual answer', async () => {
      const cvr = randomCvr();
      const holder = await publishedSignature(db, { cvr, website: 'https://borgerforening.example' });
      const other = await submitSignature(db, signatureInput({ cvr, email: 'jens@borgerforening.example', contact_name: 'Jens Nyt' }), ctx);
      const token = (await mails(db, 'signature-confirm')).find((m) => m.recipient === 'jens@borgerforening.example')!.text_body!.match(/token=([A-Za-z0-9_-]{43})/)![1]!;
      assert.deepEqual(await confirmSignature(db, token, { now: later(1), site }), { ok: true, signatureId: other.signatureId, organisationName: 'Aarhus Borgerforening' });
      assert.deepEqual((await listSignatures(db, 'published')).map((r) => r.id), [holder], 'the holder keeps its place');
      const told = await mails(db, 'signature-other-contact');
      assert.equal(told.length, 1);
      assert.equal(told[0]!.recipient, 'mette@borgerforening.example');
      assert.match(told[0]!.text_body!, /Jens Nyt \(jens@borgerforening\.example\)/);
      assert.equal((await mails(db, 'signature-confirmed-awaiting-review')).filter((m) => m.recipient === 'jens@borgerforening.example').length, 1);
      const conflicts = await signatureConflicts(db);
      assert.equal(conflicts.length, 1);
      assert.equal(conflicts[0]!.holder.id, holder);
      assert.equal(conflicts[0]!.waiting.id, other.signatureId);
      assert.equal(conflicts[0]!.domainMatchesWebsite, true);
    });

    test('the conflict hint says when the mail domain is not the website\'s', async () => {
      const cvr = randomCvr();
      await publishedSignature(db, { cvr, website: 'www.borgerforening.example' });
      await submitSignature(db, signatureInput({ cvr, email: 'x@gmail.example', website: undefined }), ctx);
      const token = (await mails(db, 'signature-confirm')).find((m) => m.recipient === 'x@gmail.example')!.text_body!.match(/token=([A-Za-z0-9_-]{43})/)![1]!;
      await confirmSignature(db, token, ctx);
      assert.equal((await signatureConflicts(db))[0]!.domainMatchesWebsite, false);
      assert.equal(domainOf('https://www.Kommune.dk/om'), 'kommune.dk');
      assert.equal(domainOf('anna@kommune.dk'), 'kommune.dk');
    });

    test('signing runs the same statements and gives the same answer whether or not the organisation has signed, listed or not', async () => {
      const cvr = randomCvr();
      await publishedSignature(db, { cvr, consent_public: false });
      const recorded = (into: string[]): Db => ({
        ...db,
        query: (sql: string, params?: readonly unknown[], options?: Parameters<Db['query']>[2]) => {
          into.push(sql);
          return db.query(sql, params, options);
        },
      }) as Db;
      const known: string[] = [];
      const unknown: string[] = [];
      const a = await submitSignature(recorded(known), signatureInput({ cvr, email: 'ny@example.net' }), ctx);
      const b = await submitSignature(recorded(unknown), signatureInput({ email: 'ny@example.net' }), ctx);
      assert.deepEqual(known, unknown);
      assert.equal(known.length, 1, 'one statement');
      assert.equal(a.kind, b.kind);
      assert.equal(a.created, b.created);
      assert.equal((await mails(db, 'signature-confirm')).filter((m) => m.recipient === 'ny@example.net').length, 2, 'both get the confirm mail');
    });

    test('without a CVR number the same name in the same municipality counts as the same organisation', async () => {
      const group = { organisation_type: 'borgergruppe' as const, cvr: undefined };
      await submitSignature(db, signatureInput({ ...group, organisation_name: 'Grønne Naboer' }), ctx);
      await submitSignature(db, signatureInput({ ...group, organisation_name: '  grønne   NABOER ' }), ctx);
      await submitSignature(db, signatureInput({ ...group, organisation_name: 'Grønne Naboer', municipality: 'Odense' }), ctx);
      assert.equal(await countSignatures(db), 2);
    });

    test('20 identical submits at once give one row and one outbox mail', async () => {
      const input = signatureInput();
      const outcomes = await Promise.all(Array.from({ length: 20 }, () => submitSignature(db, input, ctx)));
      assert.equal(outcomes.filter((o) => o.created).length, 1);
      assert.ok(outcomes.every((o) => o.kind === 'check-your-mail'));
      assert.equal(await countSignatures(db), 1);
      assert.equal((await mails(db)).length, 1);
    });

    test('a confirm token works once', async () => {
      const { signatureId } = await submitSignature(db, signatureInput(), ctx);
      const token = await tokenFromMail(db, 'signature-confirm', 'bekraeft');
      assert.deepEqual(await confirmSignature(db, token, { now: later(1), site }), { ok: true, signatureId, organisationName: 'Aarhus Borgerforening' });
      assert.deepEqual(await confirmSignature(db, token, { now: later(2), site }), { ok: false, reason: 'used' });
      const [signature] = await listSignatures(db, 'confirmed');
      assert.equal(signature?.id, signatureId);
      assert.deepEqual(signature?.confirmed_at, later(1));
      assert.equal((await mails(db, 'signature-confirmed-awaiting-review')).length, 1);
    });

    test('a confirm token no longer works after 7 days', async () => {
      await submitSignature(db, signatureInput(), ctx);
      const token = await tokenFromMail(db, 'signature-confirm', 'bekraeft');
      assert.deepEqual(await confirmSignature(db, token, { now: later(7 * 24), site }), { ok: false, reason: 'expired' });
      assert.equal((await listSignatures(db, 'pending')).length, 1);
    });

    test('made-up and wrong-purpose tokens are unknown', async () => {
      await submitSignature(db, signatureInput(), ctx);
      const withdrawToken = await tokenFromMail(db, 'signature-confirm', 'traek-tilbage');
      assert.deepEqual(await confirmSignature(db, withdrawToken, ctx), { ok: false, reason: 'unknown' });
      assert.deepEqual(await confirmSignature(db, 'x'.repeat(43), ctx), { ok: false, reason: 'unknown' });
      assert.deepEqual(await confirmSignature(db, 'not a token', ctx), { ok: false, reason: 'unknown' });
    });

    test('approving publishes the signature and queues the approval mail with the badge', async () => {
      const id = await publishedSignature(db);
      const [signature] = await listSignatures(db, 'published');
      assert.equal(signature?.id, id);
      assert.equal(signature?.reviewed_by, 'admin@samskabelse.test');
      const [approval] = await mails(db, 'signature-approved');
      assert.ok(approval?.text_body?.includes(`<img src="${site}/api/badge?id=${id}" alt="Vi har underskrevet Charter for samskabelse">`));
      assert.deepEqual((await publishedSignatories(db)).map((s) => s.id), [id]);
    });

    test('the review writes its audit row in the same transaction: if the row cannot be written, nothing changes', async () => {
      const { signatureId } = await submitSignature(db, signatureInput(), ctx);
      const confirmToken = await tokenFromMail(db, 'signature-confirm', 'bekraeft');
      assert.equal((await confirmSignature(db, confirmToken, ctx)).ok, true);
      // A constraint no new row can meet stands in for a failing audit write.
      await db.exec('ALTER TABLE audit_log ADD CONSTRAINT audit_refused CHECK (false) NOT VALID');
      try {
        await assert.rejects(approveSignature(db, signatureId!, 'admin@samskabelse.test', ctx));
        assert.equal((await listSignatures(db))[0]?.status, 'confirmed', 'the signature is still waiting for review');
        assert.deepEqual(await mails(db, 'signature-approved'), [], 'no approval mail was queued');
      } finally {
        await db.exec('ALTER TABLE audit_log DROP CONSTRAINT audit_refused');
      }
      assert.deepEqual(await approveSignature(db, signatureId!, 'admin@samskabelse.test', ctx), { ok: true });
      const { rows } = await db.query<{ actor: string; action: string; subject: string }>('SELECT actor, action, subject FROM audit_log');
      assert.deepEqual(rows, [{ actor: 'admin@samskabelse.test', action: 'approve', subject: `Aarhus Borgerforening (${signatureId})` }]);
    });

    test('a pending signature cannot be approved before it is confirmed', async () => {
      const { signatureId } = await submitSignature(db, signatureInput(), ctx);
      assert.deepEqual(await approveSignature(db, signatureId!, 'admin', ctx), { ok: false, reason: 'not-allowed' });
      assert.deepEqual(await approveSignature(db, '00000000-0000-4000-8000-000000000000', 'admin', ctx), { ok: false, reason: 'unknown' });
      assert.deepEqual(await approveSignature(db, 'nonsense', 'admin', ctx), { ok: false, reason: 'unknown' });
    });

    test('rejecting needs a reason, tells the organisation and frees the place to sign again', async () => {
      const cvr = randomCvr();
      const { signatureId } = await submitSignature(db, signatureInput({ cvr }), ctx);
      await confirmSignature(db, await tokenFromMail(db, 'signature-confirm', 'bekraeft'), ctx);
      assert.deepEqual(await rejectSignature(db, signatureId!, '  ', 'admin', ctx), { ok: false, reason: 'reason-required' });
      assert.deepEqual(await rejectSignature(db, signatureId!, 'Vi kan ikke finde organisationen.', 'admin', ctx), { ok: true });
      const [rejection] = await mails(db, 'signature-rejected');
      assert.match(rejection!.text_body!, /Begrundelse: Vi kan ikke finde organisationen\./);
      assert.equal((await submitSignature(db, signatureInput({ cvr }), ctx)).created, true);
    });

    test('withdrawing removes the organisation from the public list and the token then is spent', async () => {
      const id = await publishedSignature(db);
      const keep = await publishedSignature(db, { organisation_name: 'Odense Kommune', organisation_type: 'kommune', municipality: 'Odense' });
      const token = await tokenFromMail(db, 'signature-approved', 'traek-tilbage');
      // The newest approval mail belongs to the second organisation, so take the first one's link explicitly.
      const firstApproval = (await db.query<{ text_body: string }>('SELECT text_body FROM mail_outbox WHERE idempotency_key = $1', [`signature-approved:${id}`])).rows[0]!;
      const firstToken = firstApproval.text_body.match(/traek-tilbage\/\?token=([A-Za-z0-9_-]{43})/)![1]!;
      assert.notEqual(token, firstToken);
      assert.equal((await withdrawSignature(db, firstToken, ctx)).ok, true);
      assert.deepEqual((await publishedSignatories(db)).map((s) => s.id), [keep]);
      assert.deepEqual(await withdrawSignature(db, firstToken, ctx), { ok: false, reason: 'used' });
      const [withdrawn] = await mails(db, 'signature-withdrawn');
      assert.doesNotMatch(withdrawn!.text_body!, /traek-tilbage/);
      assert.equal(withdrawn!.recipient, 'mette@borgerforening.example', 'the goodbye mail still reaches the contact');
    });

    test('a withdrawn signature keeps no contact person', async () => {
      const id = await publishedSignature(db);
      await withdrawSignature(db, await tokenFromMail(db, 'signature-approved', 'traek-tilbage'), ctx);
      const { rows } = await db.query<{ contact_name: string | null; contact_title: string | null; email: string | null; organisation_name: string }>(
        'SELECT contact_name, contact_title, email, organisation_name FROM signatures WHERE id = $1',
        [id],
      );
      assert.deepEqual(rows[0], { contact_name: null, contact_title: null, email: null, organisation_name: 'Aarhus Borgerforening' });
    });

    test('a pending signature can be withdrawn with the link from the confirm mail, and then not confirmed', async () => {
      await submitSignature(db, signatureInput(), ctx);
      const confirmToken = await tokenFromMail(db, 'signature-confirm', 'bekraeft');
      const withdrawToken = await tokenFromMail(db, 'signature-confirm', 'traek-tilbage');
      assert.equal((await withdrawSignature(db, withdrawToken, ctx)).ok, true);
      assert.deepEqual(await confirmSignature(db, confirmToken, ctx), { ok: false, reason: 'not-allowed' });
    });

    test('the public list holds no email, contact name, CVR or hidden organisation', async () => {
      const shown = await publishedSignature(db);
      await publishedSignature(db, { organisation_name: 'Skjult Forening', consent_public: false });
      const wall = await publishedSignatories(db);
      assert.deepEqual(wall.map((s) => s.id), [shown]);
      assert.deepEqual(Object.keys(wall[0]!).sort(), ['affirmed_version', 'charter_version', 'id', 'municipality', 'name', 'signed_at', 'statement', 'type']);
      const serialised = JSON.stringify(wall);
      assert.ok(!serialised.includes('mette@borgerforening.example') && !serialised.includes('Mette Jensen'));
    });
  });
}
