// The secretariat's admin on every database engine: mail-link login and sessions, member search, GDPR lookup/export/erase, retention.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { adminSessionPolicy, signSessionCookie } from './admin-access.ts';
import { completeCvr } from '../signing/cvr.ts';
import type { SignatureInput } from '../signing/signature-input.ts';
import type { Db } from '../platform/db/client.ts';
import { emptyTables, placesHolding, testDatabases } from '../../tests/support/test-databases.ts';
import { recordingDb } from '../../tests/support/recording-db.ts';
import { runRetention } from '../retention-jobs.ts';
import { review } from '../signing/review.ts';
import { submitSuggestion } from '../suggestions/suggestions.ts';
import { approveSignature, confirmSignature, submitSignature } from '../signing/signatures.ts';
import { recentAudit } from './audit.ts';
import { endSession, requestLoginLink, sessionFor, startSession, type AdminConfig } from './auth.ts';
import { searchMembers } from './member-directory.ts';
import { erasePersonalData, findPersonalData } from './personal-data.ts';

const site = 'https://samskabelse.test';
const start = new Date('2026-05-01T09:00:00Z');
const minutesLater = (m: number) => new Date(start.getTime() + m * 60 * 1000);
const daysLater = (d: number) => minutesLater(d * 24 * 60);
const config: AdminConfig = { emails: new Set(['sekretariat@samskabelse.test']), sessionKey: 's'.repeat(40) };

let serial = 2_000_000;
function signatureInput(overrides: Partial<SignatureInput> = {}): SignatureInput {
  let cvr: string | undefined;
  while (!cvr) cvr = completeCvr(String(serial++));
  return {
    organisation_name: `Forening ${serial}`,
    organisation_type: 'forening',
    cvr,
    municipality: 'Odense',
    website: null,
    contact_name: 'Mette Jensen',
    contact_title: 'Formand',
    email: `mette${serial}@example.org`,
    statement: null,
    consent_public: true,
    ...overrides,
  } as SignatureInput;
}

async function tokenIn(db: Db, idempotencyKey: string): Promise<string> {
  const { rows } = await db.query<{ text_body: string }>('SELECT text_body FROM mail_outbox WHERE idempotency_key = $1', [idempotencyKey]);
  return rows[0]!.text_body.match(/token=([A-Za-z0-9_-]{43})/)![1]!;
}

async function signature(db: Db, stage: 'pending' | 'confirmed' | 'published', overrides: Partial<SignatureInput> = {}, now = start): Promise<string> {
  const { signatureId } = await submitSignature(db, signatureInput(overrides), { now, site });
  if (stage !== 'pending') await confirmSignature(db, await tokenIn(db, `signature-confirm:${signatureId}`), { now, site });
  if (stage === 'published') await approveSignature(db, signatureId!, 'sekretariat@samskabelse.test', { now, site });
  return signatureId!;
}

async function member(db: Db, fields: { email: string; name?: string; kind?: 'person' | 'organisation'; status?: 'pending' | 'confirmed'; municipality?: string; interests?: string[]; newsletter?: boolean; createdAt?: Date }) {
  const organisation = fields.kind === 'organisation';
  await db.query(
    `INSERT INTO members (kind, name, email, municipality, organisation_name, organisation_type, interests, newsletter, status, created_at, consented_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)`,
    [fields.kind ?? 'person', fields.name ?? 'Ole Olsen', fields.email, fields.municipality ?? 'Aarhus', organisation ? 'Grundejerforeningen' : null, organisation ? 'forening' : null, fields.interests ?? [], fields.newsletter ?? false, fields.status ?? 'confirmed', fields.createdAt ?? start],
  );
}

function requestWithCookie(cookie: string): Request {
  return new Request(`${site}/admin/`, { headers: { cookie: `${adminSessionPolicy.cookieName}=${cookie}` } });
}

async function loginToken(db: Db): Promise<string> {
  const { rows } = await db.query<{ text_body: string }>(`SELECT text_body FROM mail_outbox WHERE mail_name = 'admin-login' ORDER BY created_at DESC LIMIT 1`);
  return rows[0]!.text_body.match(/\/admin\/login\/link\/\?token=([A-Za-z0-9_-]{43})/)![1]!;
}

for (const engine of testDatabases()) {
  describe(`the admin on ${engine.name}`, () => {
    let db: Db;
    before(async () => {
      db = await engine.open();
    });
    after(() => db.close());
    beforeEach(() => emptyTables(db));

    describe('logging in', () => {
      test('an address on the list gets one login mail; an address off the list gets none', async () => {
        assert.deepEqual(await requestLoginLink(db, ' Sekretariat@Samskabelse.test ', config, { now: start, site }), { sent: true });
        assert.deepEqual(await requestLoginLink(db, 'stranger@example.org', config, { now: start, site }), { sent: false });
        const { rows } = await db.query<{ recipient: string }>(`SELECT recipient FROM mail_outbox WHERE mail_name = 'admin-login'`);
        assert.deepEqual(rows.map((r) => r.recipient), ['sekretariat@samskabelse.test']);
      });

      test('asking for a link runs the same statement and gives the same answer whether or not the address is on the list', async () => {
        const known: string[] = [];
        const unknown: string[] = [];
        await requestLoginLink(recordingDb(db, known), 'sekretariat@samskabelse.test', config, { now: start, site });
        await requestLoginLink(recordingDb(db, unknown), 'stranger@example.org', config, { now: start, site });
        assert.deepEqual(known, unknown);
        assert.equal(known.length, 1, 'one statement');
        const { rows } = await db.query<{ email: string }>('SELECT email FROM admin_login_tokens');
        assert.deepEqual(rows.map((r) => r.email), ['sekretariat@samskabelse.test'], 'a token only for the address on the list');
      });

      test('at most five login mails go to one address in a day, however many are asked for', async () => {
        const sent = [];
        for (let i = 0; i < 7; i++) sent.push((await requestLoginLink(db, 'sekretariat@samskabelse.test', config, { now: minutesLater(i * 30), site })).sent);
        assert.deepEqual(sent, [true, true, true, true, true, false, false]);
        const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM admin_login_tokens');
        assert.equal(rows[0]!.n, 5, 'no token without its mail');
        assert.equal((await requestLoginLink(db, 'sekretariat@samskabelse.test', config, { now: daysLater(1), site })).sent, true, 'the next day a link comes again');
      });

      test('without a session key the admin is closed and no mail is sent', async () => {
        assert.deepEqual(await requestLoginLink(db, 'sekretariat@samskabelse.test', { ...config, sessionKey: undefined }, { now: start, site }), { sent: false });
      });

      test('the link starts a session once, and the cookie finds it', async () => {
        await requestLoginLink(db, 'sekretariat@samskabelse.test', config, { now: start, site });
        const token = await loginToken(db);
        const started = await startSession(db, token, config, minutesLater(1));
        assert.ok(started.ok);
        const session = await sessionFor(db, requestWithCookie(started.cookie), config, minutesLater(2));
        assert.equal(session?.email, 'sekretariat@samskabelse.test');
        assert.deepEqual(await startSession(db, token, config, minutesLater(3)), { ok: false, reason: 'used' });
        assert.deepEqual((await recentAudit(db)).map((e) => [e.actor, e.action]), [['sekretariat@samskabelse.test', 'login']]);
      });

      test('a link older than its lifetime is refused', async () => {
        await requestLoginLink(db, 'sekretariat@samskabelse.test', config, { now: start, site });
        assert.deepEqual(await startSession(db, await loginToken(db), config, minutesLater(adminSessionPolicy.loginLinkMinutes + 1)), { ok: false, reason: 'expired' });
      });

      test('a session ends at logout, at its expiry, and when the address leaves the list', async () => {
        await requestLoginLink(db, 'sekretariat@samskabelse.test', config, { now: start, site });
        const started = await startSession(db, await loginToken(db), config, start);
        assert.ok(started.ok);
        const request = requestWithCookie(started.cookie);
        assert.equal(await sessionFor(db, request, { ...config, emails: new Set(['other@samskabelse.test']) }, start), undefined);
        assert.equal(await sessionFor(db, request, config, minutesLater(adminSessionPolicy.sessionHours * 60 + 1)), undefined);
        const session = await sessionFor(db, request, config, start);
        assert.ok(session);
        await endSession(db, session, start);
        assert.equal(await sessionFor(db, request, config, start), undefined);
      });

      test('a cookie signed for a session that does not exist finds nothing', async () => {
        const forged = signSessionCookie('A'.repeat(43), minutesLater(60), config.sessionKey!);
        assert.equal(await sessionFor(db, requestWithCookie(forged), config, start), undefined);
      });
    });

    describe('reviewing', () => {
      test('every approval and rejection is in the audit log, whichever door it came through', async () => {
        const approved = await signature(db, 'confirmed', { organisation_name: 'Godkendt Forening' });
        const rejected = await signature(db, 'confirmed', { organisation_name: 'Afvist Forening' });
        assert.deepEqual(await review(db, { action: 'approve', id: approved }, 'api:cli'), { ok: true });
        assert.deepEqual(await review(db, { action: 'reject', id: rejected, reason: ' Findes ikke. ' }, 'sekretariat@samskabelse.test'), { ok: true });
        assert.deepEqual(await review(db, { action: 'reject', id: rejected, reason: 'igen' }, 'x'), { ok: false, reason: 'not-allowed' });
        const entries = (await recentAudit(db)).map((e) => [e.actor, e.action, e.subject, e.detail]).reverse();
        assert.deepEqual(entries, [
          ['api:cli', 'approve', `Godkendt Forening (${approved})`, null],
          ['sekretariat@samskabelse.test', 'reject', `Afvist Forening (${rejected})`, 'Findes ikke.'],
        ]);
      });
    });

    describe('the member list', () => {
      test('filters by text, kind, status, municipality, interest and newsletter', async () => {
        await member(db, { email: 'ole@example.org', name: 'Ole Olsen', municipality: 'Aarhus', interests: ['social'], newsletter: true });
        await member(db, { email: 'grund@example.org', name: 'Kim Kasserer', kind: 'organisation', municipality: 'Odense', interests: ['byudvikling'] });
        await member(db, { email: 'venter@example.org', name: 'Vera Venter', status: 'pending' });
        const names = async (filter: Parameters<typeof searchMembers>[1]) => (await searchMembers(db, filter)).map((m) => m.name).sort();
        assert.deepEqual(await names({ q: 'olsen' }), ['Ole Olsen']);
        assert.deepEqual(await names({ q: 'GRUNDEJER' }), ['Kim Kasserer']);
        assert.deepEqual(await names({ kind: 'organisation' }), ['Kim Kasserer']);
        assert.deepEqual(await names({ status: 'pending' }), ['Vera Venter']);
        assert.deepEqual(await names({ municipality: 'Odense' }), ['Kim Kasserer']);
        assert.deepEqual(await names({ interest: 'social' }), ['Ole Olsen']);
        assert.deepEqual(await names({ newsletter: true }), ['Ole Olsen']);
        assert.deepEqual(await names({ q: '%' }), [], 'a percent sign is searched for literally');
      });
    });

    describe('personal data', () => {
      test('a lookup finds signatures, memberships and mails by address, case ignored', async () => {
        await signature(db, 'pending', { email: 'Anna@Example.org' });
        await member(db, { email: 'anna@example.org' });
        const found = await findPersonalData(db, 'ANNA@example.org ');
        assert.equal(found.signatures.length, 1);
        assert.equal(found.members.length, 1);
        assert.deepEqual(found.mails.map((m) => m.mail_name), ['signature-confirm']);
      });

      test('erasing leaves the address nowhere in the database, and a published signature keeps only its public fields', async () => {
        const email = 'erase.me@example.org';
        const published = await signature(db, 'published', { email, organisation_name: 'Offentlig Forening' });
        await signature(db, 'pending', { email });
        await member(db, { email, name: 'Erik Slet' });
        await signature(db, 'pending', { email: 'someone.else@example.org' });
        await submitSuggestion(
          db,
          { title: 'Et forslag', municipality: 'Vejle', what_happened: 'Noget skete.', participants: 'Mange.', sources: 'https://example.org/kilde', name: 'Erik Slet', email },
          { now: start, site },
        );
        assert.equal((await findPersonalData(db, email)).suggestions.length, 1);
        const report = await erasePersonalData(db, email, 'sekretariat@samskabelse.test', start);
        assert.deepEqual(report, { signaturesDeleted: 1, signaturesKeptWithoutContact: 1, membersDeleted: 1, suggestionsDeleted: 1, mailsForgotten: 5, suppressionsDeleted: 0, proposalsDeleted: 0, proposalsKeptWithoutAuthor: 0, supportsDeleted: 0 });
        assert.deepEqual(await placesHolding(db, email), []);
        assert.deepEqual(await placesHolding(db, 'Erik Slet'), []);
        const { rows: others } = await db.query<{ email: string }>('SELECT email FROM signatures WHERE contact_name IS NOT NULL');
        assert.deepEqual(others.map((o) => o.email), ['someone.else@example.org'], 'the other signer is untouched');
        const { rows } = await db.query<{ id: string; organisation_name: string; status: string; email: string | null }>('SELECT id, organisation_name, status, email FROM signatures WHERE id = $1', [published]);
        assert.deepEqual(rows[0], { id: published, organisation_name: 'Offentlig Forening', status: 'published', email: null });
        const [entry] = await recentAudit(db);
        assert.equal(entry?.action, 'personal-data-erase');
        assert.doesNotMatch(`${entry?.subject} ${entry?.detail}`, /erase\.me/);
      });

      test('the mail telling an existing contact that someone else signed is found and erased with the other signer', async () => {
        const holder = 'holder@forening.example';
        const other = 'Other.Signer@example.net';
        const cvr = signatureInput().cvr!;
        await signature(db, 'published', { cvr, email: holder });
        await signature(db, 'confirmed', { cvr, email: other, contact_name: 'Olga Anden' });
        const named = async () => (await db.query<{ recipient: string }>(`SELECT recipient FROM mail_outbox WHERE mail_name = 'signature-other-contact'`)).rows;
        assert.deepEqual(await named(), [{ recipient: holder }], 'the existing contact is told, naming the other signer');

        const found = await findPersonalData(db, other.toLowerCase());
        assert.deepEqual(found.mails.filter((m) => m.about_them).map((m) => m.mail_name), ['signature-other-contact']);
        assert.ok(found.mails.filter((m) => !m.about_them).every((m) => m.mail_name.startsWith('signature-')));
        assert.ok((await findPersonalData(db, holder)).mails.every((m) => !m.about_them), 'a lookup does not match a longer address or the holder by the other');

        await erasePersonalData(db, other, 'sekretariat@samskabelse.test', start);
        assert.deepEqual(await placesHolding(db, other), []);
        assert.deepEqual(await placesHolding(db, 'Olga Anden'), []);
        assert.deepEqual(await named(), [], 'the unsent mail naming the erased signer is not sent');
        assert.ok((await findPersonalData(db, holder)).mails.length > 0, "the holder's own mails stay");
      });

      test('a mention is matched as a whole address: a longer address that contains it is not the same person', async () => {
        const holder = 'holder2@forening.example';
        const cvr = signatureInput().cvr!;
        await signature(db, 'published', { cvr, email: holder });
        await signature(db, 'confirmed', { cvr, email: 'xanna@example.net.uk' });
        assert.deepEqual((await findPersonalData(db, 'anna@example.net')).mails, []);
        await erasePersonalData(db, 'anna@example.net', 'sekretariat@samskabelse.test', start);
        assert.equal((await db.query(`SELECT 1 FROM mail_outbox WHERE mail_name = 'signature-other-contact'`)).rows.length, 1);
      });
    });

    describe('retention', () => {
      test('the cron deletes unconfirmed sign-ups and joins after 30 days and keeps everything younger or confirmed', async () => {
        await signature(db, 'pending', { email: 'old@example.org' }, start);
        await signature(db, 'confirmed', { email: 'kept@example.org' }, start);
        await signature(db, 'pending', { email: 'young@example.org' }, daysLater(20));
        await member(db, { email: 'old.member@example.org', status: 'pending', createdAt: start });
        await member(db, { email: 'young.member@example.org', status: 'pending', createdAt: daysLater(20) });
        await member(db, { email: 'confirmed.member@example.org', status: 'confirmed', createdAt: start });
        const report = await runRetention(db, daysLater(31));
        assert.equal(report.unconfirmedSignatures, 1);
        assert.equal(report.unconfirmedMembers, 1);
        const { rows: signatures } = await db.query<{ email: string }>('SELECT email FROM signatures ORDER BY email');
        assert.deepEqual(signatures.map((s) => s.email), ['kept@example.org', 'young@example.org']);
        const { rows: members } = await db.query<{ email: string }>('SELECT email FROM members ORDER BY email');
        assert.deepEqual(members.map((m) => m.email), ['confirmed.member@example.org', 'young.member@example.org']);
      });
    });
  });
}
