// Checks the membership use cases on every database engine, reading tokens out of the queued mails as a member would.
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { MemberInput } from './member-input.ts';
import type { Db } from '../platform/db/client.ts';
import { emptyTables, testDatabases } from '../../tests/support/test-databases.ts';
import { recordingDb } from '../../tests/support/recording-db.ts';
import { deliverDue, type OutboxRow } from '../platform/mail/outbox.ts';
import type { MailTransport } from '../platform/mail/transport.ts';
import { confirmMembership, countMembers, joinMovement, leaveMovement, memberConfirmLinkState, renewMemberConfirm, type MemberRow } from './members.ts';

const site = 'https://samskabelse.test';
const start = new Date('2026-05-01T09:00:00Z');
const later = (hours: number) => new Date(start.getTime() + hours * 60 * 60 * 1000);
const ctx = { now: start, site, newsletterSegmentId: null };

function person(overrides: Partial<MemberInput> = {}): MemberInput {
  return {
    kind: 'person',
    name: 'Søren Sørensen',
    email: 'soeren@example.dk',
    municipality: 'Hjørring',
    interests: ['sundhed', 'demokrati'],
    newsletter: false,
    consent: true,
    ...overrides,
  } as MemberInput;
}

function organisation(overrides: Partial<MemberInput> = {}): MemberInput {
  return person({ kind: 'organisation', name: 'Karen Kontakt', email: 'karen@groenne-naboer.example', organisation_name: 'Grønne Naboer', organisation_type: 'borgergruppe', ...overrides } as Partial<MemberInput>);
}

async function mails(db: Db, name?: string): Promise<OutboxRow[]> {
  const { rows } = await db.query<OutboxRow>(
    `SELECT * FROM mail_outbox WHERE kind = 'mail' AND ($1::text IS NULL OR mail_name = $1) ORDER BY created_at, idempotency_key`,
    [name ?? null],
  );
  return rows;
}

async function members(db: Db): Promise<MemberRow[]> {
  return (await db.query<MemberRow>('SELECT * FROM members ORDER BY created_at, email')).rows;
}

/** The token behind a link of the given kind in the newest mail of that name (to that address, if given). */
async function tokenFromMail(db: Db, mailName: string, link: 'bekraeft' | 'udmeld', to?: string): Promise<string> {
  const queued = (await mails(db, mailName)).filter((m) => !to || m.recipient === to);
  const match = queued.at(-1)?.text_body?.match(new RegExp(`/bliv-medlem/${link}/\\?token=([A-Za-z0-9_-]{43})`));
  assert.ok(match, `no ${link} link in ${mailName}`);
  return match[1]!;
}

/** Joins and confirms; returns the member's id. */
async function confirmedMember(db: Db, input: MemberInput, context: typeof ctx | (Omit<typeof ctx, 'newsletterSegmentId'> & { newsletterSegmentId: string }) = ctx): Promise<string> {
  const { memberId } = await joinMovement(db, input, context);
  assert.ok(memberId);
  const outcome = await confirmMembership(db, await tokenFromMail(db, 'member-confirm', 'bekraeft', input.email), context);
  assert.equal(outcome.ok, true);
  return memberId;
}

/** Delivers everything due with a transport that accepts all and hands out contact ids. */
async function deliverAll(db: Db, now: Date): Promise<void> {
  let contacts = 0;
  const accepting: MailTransport = {
    name: 'accepting',
    send: async () => ({ ok: true }),
    addContact: async () => ({ ok: true, providerId: `contact-${++contacts}` }),
    removeContact: async () => ({ ok: true }),
  };
  await deliverDue(db, accepting, now);
}

for (const engine of testDatabases()) {
  describe(`membership on ${engine.name}`, () => {
    let db: Db;
    before(async () => {
      db = await engine.open();
    });
    after(() => db.close());
    beforeEach(() => emptyTables(db));

    test('joining creates one pending member and queues one confirm mail with a confirm and a leave link', async () => {
      const outcome = await joinMovement(db, person(), ctx);
      assert.deepEqual({ kind: outcome.kind, created: outcome.created }, { kind: 'check-your-mail', created: true });
      const [member] = await members(db);
      assert.equal(member?.status, 'pending');
      assert.deepEqual(member?.interests, ['sundhed', 'demokrati']);
      assert.deepEqual(member?.consented_at, start);
      const queued = await mails(db);
      assert.deepEqual(queued.map((m) => [m.mail_name, m.recipient]), [['member-confirm', 'soeren@example.dk']]);
      assert.match(queued[0]!.text_body!, /https:\/\/samskabelse\.test\/bliv-medlem\/bekraeft\/\?token=/);
      assert.match(queued[0]!.text_body!, /https:\/\/samskabelse\.test\/bliv-medlem\/udmeld\/\?token=/);
    });

    test('a member who joined in English gets English mails whose links lead to the English pages', async () => {
      await joinMovement(db, person(), { ...ctx, language: 'en' });
      const [confirm] = await mails(db, 'member-confirm');
      assert.match(confirm!.text_body!, /https:\/\/samskabelse\.test\/en\/join\/confirm\/\?token=[A-Za-z0-9_-]{43}/);
      assert.match(confirm!.text_body!, /https:\/\/samskabelse\.test\/en\/join\/leave\/\?token=[A-Za-z0-9_-]{43}/);
      assert.doesNotMatch(confirm!.text_body!, /bliv-medlem/);
      const token = confirm!.text_body!.match(/\/en\/join\/confirm\/\?token=([A-Za-z0-9_-]{43})/)![1]!;
      assert.equal((await confirmMembership(db, token, ctx)).ok, true);
      const [welcome] = await mails(db, 'member-welcome');
      assert.match(welcome!.text_body!, /https:\/\/samskabelse\.test\/en\/join\/leave\/\?token=[A-Za-z0-9_-]{43}/);
      assert.ok(welcome!.text_body!.includes('https://samskabelse.test/en/privacy/'));
      assert.doesNotMatch(welcome!.text_body!, /bliv-medlem|privatlivspolitik/);
    });

    test('only hashes of tokens are stored', async () => {
      await joinMovement(db, person(), ctx);
      const token = await tokenFromMail(db, 'member-confirm', 'bekraeft');
      const { rows } = await db.query<{ token_hash: string; purpose: string }>('SELECT token_hash, purpose FROM member_tokens ORDER BY purpose');
      assert.deepEqual(rows.map((r) => r.purpose), ['member-confirm', 'member-leave']);
      assert.ok(rows.every((r) => /^[0-9a-f]{64}$/.test(r.token_hash) && r.token_hash !== token));
    });

    test('an organisation keeps its name and type, and a person has neither', async () => {
      await joinMovement(db, organisation(), ctx);
      await joinMovement(db, person(), ctx);
      const rows = await members(db);
      assert.deepEqual(rows.map((m) => [m.kind, m.organisation_name, m.organisation_type]).sort(), [
        ['organisation', 'Grønne Naboer', 'borgergruppe'],
        ['person', null, null],
      ]);
    });

    test('joining twice with the same address, in another case, gives one member and the same answer', async () => {
      const first = await joinMovement(db, person(), ctx);
      const second = await joinMovement(db, person({ email: '  SOEREN@Example.dk ', name: 'En anden' }), ctx);
      assert.equal(first.kind, second.kind);
      assert.equal(second.created, false);
      assert.equal(second.memberId, first.memberId);
      const rows = await members(db);
      assert.equal(rows.length, 1);
      assert.equal(rows[0]!.name, 'Søren Sørensen', 'a repeat changes nothing that is stored');
    });

    test('20 identical joins at once give one member and one mail', async () => {
      const outcomes = await Promise.all(Array.from({ length: 20 }, () => joinMovement(db, person(), ctx)));
      assert.equal(outcomes.filter((o) => o.created).length, 1);
      assert.ok(outcomes.every((o) => o.kind === 'check-your-mail'));
      assert.equal((await members(db)).length, 1);
      assert.equal((await mails(db)).length, 1);
    });

    test('joining again while pending sends a fresh confirm mail, at most one a day, and its link works', async () => {
      await joinMovement(db, person(), ctx);
      await joinMovement(db, person(), { ...ctx, now: later(2) });
      assert.equal((await mails(db, 'member-confirm')).length, 1, 'no second mail the same day');
      await joinMovement(db, person(), { ...ctx, now: later(24) });
      await joinMovement(db, person(), { ...ctx, now: later(25) });
      assert.equal((await mails(db, 'member-confirm')).length, 2, 'a fresh one the next day');
      const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM member_tokens WHERE purpose = 'member-confirm'`);
      assert.equal(rows[0]!.n, 2, 'a refused repeat leaves no token behind');
      const outcome = await confirmMembership(db, await tokenFromMail(db, 'member-confirm', 'bekraeft'), { ...ctx, now: later(26) });
      assert.equal(outcome.ok, true);
    });

    test('joining again as a member sends a short "already a member" mail with a leave link, at most one a day', async () => {
      await confirmedMember(db, person());
      for (const hours of [1, 2, 3]) await joinMovement(db, person(), { ...ctx, now: later(hours) });
      const already = await mails(db, 'member-already');
      assert.equal(already.length, 1);
      assert.equal(already[0]!.recipient, 'soeren@example.dk');
      assert.match(already[0]!.text_body!, /Du er allerede medlem/);
      assert.match(already[0]!.text_body!, /\/bliv-medlem\/udmeld\/\?token=/);
      assert.equal((await mails(db, 'member-confirm')).length, 1, 'no new confirm mail for a member');
      assert.equal((await members(db))[0]!.status, 'confirmed');
    });

    test('joining runs the same statements and gives the same answer for a new address, a pending one and a member', async () => {
      await joinMovement(db, person({ email: 'pending@example.dk' }), ctx);
      await confirmedMember(db, person({ email: 'member@example.dk' }));
      const run = async (email: string) => {
        const statements: string[] = [];
        const outcome = await joinMovement(recordingDb(db, statements), person({ email }), { ...ctx, now: later(30) });
        return { statements, answer: outcome.kind };
      };
      const fresh = await run('new@example.dk');
      const pending = await run('Pending@example.dk');
      const member = await run('member@example.dk');
      assert.deepEqual(pending, fresh);
      assert.deepEqual(member, fresh);
      assert.equal(fresh.statements.filter((s) => s !== 'BEGIN' && s !== 'END').length, 2, 'two statements in one transaction');
      assert.deepEqual((await mails(db)).filter((m) => m.next_attempt_at.getTime() === later(30).getTime()).map((m) => m.mail_name).sort(), ['member-already', 'member-confirm', 'member-confirm']);
    });

    test('repeated joins mail a pending address at most once a calendar day and leave no unused tokens behind', async () => {
      const { memberId } = await joinMovement(db, person(), ctx);
      for (let i = 1; i <= 4; i++) await joinMovement(db, person(), { ...ctx, now: later(i * 8) });
      // 09:00 and 17:00 on the first day, 01:00, 09:00 and 17:00 on the second: one mail each day.
      const confirmMails = await mails(db, 'member-confirm');
      assert.equal(confirmMails.length, 2);
      const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM member_tokens WHERE member_id = $1`, [memberId]);
      assert.equal(rows[0]!.n, confirmMails.length * 2, 'a confirm and a leave token for each mail queued, none for a refused one');
    });

    test('confirming makes a member, queues the welcome mail with a leave link, and the token works once', async () => {
      const { memberId } = await joinMovement(db, person(), ctx);
      const token = await tokenFromMail(db, 'member-confirm', 'bekraeft');
      assert.deepEqual(await confirmMembership(db, token, { ...ctx, now: later(1) }), { ok: true, memberId, name: 'Søren Sørensen' });
      assert.deepEqual(await confirmMembership(db, token, { ...ctx, now: later(2) }), { ok: false, reason: 'used' });
      const [member] = await members(db);
      assert.equal(member!.status, 'confirmed');
      assert.deepEqual(member!.confirmed_at, later(1));
      const [welcome] = await mails(db, 'member-welcome');
      assert.equal(welcome!.recipient, 'soeren@example.dk');
      assert.match(welcome!.text_body!, /\/bliv-medlem\/udmeld\/\?token=/);
    });

    test('a second confirm link for a member who already confirmed reads as used (done already), and changes nothing', async () => {
      await joinMovement(db, person(), ctx);
      await joinMovement(db, person(), { ...ctx, now: later(24) });
      const [first, second] = (await mails(db, 'member-confirm')).map((m) => m.text_body!.match(/bekraeft\/\?token=([\w-]{43})/)![1]!);
      assert.equal((await confirmMembership(db, second!, { ...ctx, now: later(25) })).ok, true);
      assert.equal(await memberConfirmLinkState(db, first!, { ...ctx, now: later(26) }), 'used');
      assert.deepEqual(await confirmMembership(db, first!, { ...ctx, now: later(26) }), { ok: false, reason: 'used' });
      assert.equal((await mails(db, 'member-welcome')).length, 1);
    });

    test('the page a confirm link opens knows, without spending it, whether it works, was used or is too old', async () => {
      await joinMovement(db, person(), ctx);
      const token = await tokenFromMail(db, 'member-confirm', 'bekraeft');
      assert.equal(await memberConfirmLinkState(db, token, { ...ctx, now: later(1) }), undefined);
      assert.equal(await memberConfirmLinkState(db, token, { ...ctx, now: later(7 * 24) }), 'expired');
      assert.equal(await memberConfirmLinkState(db, 'x'.repeat(43), ctx), 'unknown');
      assert.equal((await members(db))[0]!.status, 'pending', 'looking changed nothing');
      assert.equal((await confirmMembership(db, token, { ...ctx, now: later(2) })).ok, true);
      assert.equal(await memberConfirmLinkState(db, token, { ...ctx, now: later(3) }), 'used');
    });

    test('an expired confirm link gets a new one by mail, at most once a day, and the new link works', async () => {
      await joinMovement(db, person(), ctx);
      const old = await tokenFromMail(db, 'member-confirm', 'bekraeft');
      const expired = { ...ctx, now: later(8 * 24) };
      assert.deepEqual(await confirmMembership(db, old, expired), { ok: false, reason: 'expired' });
      assert.deepEqual(await renewMemberConfirm(db, old, expired), { sent: true });
      assert.deepEqual(await renewMemberConfirm(db, old, { ...expired, now: later(8 * 24 + 1) }), { sent: false }, 'one a day');
      const confirms = await mails(db, 'member-confirm');
      assert.equal(confirms.length, 2);
      const fresh = await tokenFromMail(db, 'member-confirm', 'bekraeft');
      assert.notEqual(fresh, old);
      assert.equal((await confirmMembership(db, fresh, { ...ctx, now: later(8 * 24 + 2) })).ok, true);
      assert.deepEqual(await renewMemberConfirm(db, old, { ...ctx, now: later(10 * 24) }), { sent: false }, 'a member gets no new confirm link');
      assert.deepEqual(await renewMemberConfirm(db, 'x'.repeat(43), expired), { sent: false });
      assert.deepEqual(await renewMemberConfirm(db, 'not a token', expired), { sent: false });
    });

    test('the links in the mails to an English member lead to the English pages', async () => {
      await joinMovement(db, person(), { ...ctx, language: 'en' });
      const [mail] = await mails(db, 'member-confirm');
      assert.match(mail!.text_body!, /\/en\/join\/confirm\/\?token=/);
      assert.match(mail!.text_body!, /\/en\/join\/leave\/\?token=/);
    });

    test('a confirm token no longer works after 7 days', async () => {
      await joinMovement(db, person(), ctx);
      const token = await tokenFromMail(db, 'member-confirm', 'bekraeft');
      assert.deepEqual(await confirmMembership(db, token, { ...ctx, now: later(7 * 24) }), { ok: false, reason: 'expired' });
      assert.equal((await members(db))[0]!.status, 'pending');
    });

    test('made-up and wrong-purpose tokens are unknown', async () => {
      await joinMovement(db, person(), ctx);
      const leaveToken = await tokenFromMail(db, 'member-confirm', 'udmeld');
      const confirmToken = await tokenFromMail(db, 'member-confirm', 'bekraeft');
      assert.deepEqual(await confirmMembership(db, leaveToken, ctx), { ok: false, reason: 'unknown' });
      assert.deepEqual(await leaveMovement(db, confirmToken, ctx), { ok: false, reason: 'unknown' });
      assert.deepEqual(await confirmMembership(db, 'x'.repeat(43), ctx), { ok: false, reason: 'unknown' });
      assert.deepEqual(await leaveMovement(db, 'not a token', ctx), { ok: false, reason: 'unknown' });
      assert.equal((await members(db)).length, 1);
    });

    test('the count holds confirmed people and organisations only', async () => {
      assert.deepEqual(await countMembers(db), { people: 0, organisations: 0 });
      await confirmedMember(db, person());
      await confirmedMember(db, organisation());
      await confirmedMember(db, organisation({ email: 'info@fodslag.example', organisation_name: 'Fælles Fodslag', organisation_type: 'forening' } as Partial<MemberInput>));
      await joinMovement(db, person({ email: 'pending@example.dk' }), ctx);
      assert.deepEqual(await countMembers(db), { people: 1, organisations: 2 });
    });

    test('a member who wants the newsletter gets a contact job on confirming when a segment is set, and not otherwise', async () => {
      await confirmedMember(db, person({ newsletter: true }), { ...ctx, newsletterSegmentId: 'seg-1' });
      await confirmedMember(db, person({ email: 'no-list@example.dk', newsletter: true }));
      await confirmedMember(db, person({ email: 'no-thanks@example.dk', newsletter: false }), { ...ctx, newsletterSegmentId: 'seg-1' });
      const { rows } = await db.query<OutboxRow>(`SELECT * FROM mail_outbox WHERE kind <> 'mail'`);
      assert.deepEqual(rows.map((r) => [r.kind, r.recipient, (r.payload as { segmentId: string }).segmentId]), [['contact-add', 'soeren@example.dk', 'seg-1']]);
    });

    test('leaving deletes the member, its tokens and unsent mail, and the address in mail already sent', async () => {
      await confirmedMember(db, person());
      const stays = await confirmedMember(db, organisation());
      const leave = await tokenFromMail(db, 'member-welcome', 'udmeld', 'soeren@example.dk');
      await deliverAll(db, later(1));
      await joinMovement(db, person(), { ...ctx, now: later(2) }); // an "already a member" mail, not sent yet
      assert.equal((await leaveMovement(db, leave, { ...ctx, now: later(3) })).ok, true);
      assert.deepEqual((await members(db)).map((m) => m.id), [stays]);
      const { rows: tokens } = await db.query<{ member_id: string }>('SELECT member_id FROM member_tokens');
      assert.ok(tokens.every((t) => t.member_id === stays));
      const { rows: everything } = await db.query<{ row: string }>(`SELECT row_to_json(o)::text AS row FROM mail_outbox o`);
      assert.ok(everything.length > 0);
      assert.ok(everything.every((r) => !/soeren@example\.dk/i.test(r.row)), 'the address is nowhere in the outbox');
      assert.ok(everything.some((r) => r.row.includes('karen@groenne-naboer.example')), 'other members keep their mail');
      assert.equal((await mails(db, 'member-already')).length, 0, 'the unsent mail is gone');
    });

    test('leaving removes the newsletter contact at Resend by its id', async () => {
      await confirmedMember(db, person({ newsletter: true }), { ...ctx, newsletterSegmentId: 'seg-1' });
      const leave = await tokenFromMail(db, 'member-welcome', 'udmeld');
      await deliverAll(db, later(1));
      assert.equal((await members(db))[0]!.resend_contact_id, 'contact-1');
      assert.equal((await leaveMovement(db, leave, { ...ctx, now: later(2) })).ok, true);
      const { rows } = await db.query<OutboxRow>(`SELECT * FROM mail_outbox WHERE kind = 'contact-remove'`);
      assert.deepEqual(rows.map((r) => [r.recipient, r.payload, r.status]), [[null, { contactId: 'contact-1' }, 'pending']]);
    });

    test('leaving before the newsletter contact was made drops the job, so it is never made', async () => {
      await confirmedMember(db, person({ newsletter: true }), { ...ctx, newsletterSegmentId: 'seg-1' });
      assert.equal((await leaveMovement(db, await tokenFromMail(db, 'member-welcome', 'udmeld'), ctx)).ok, true);
      const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM mail_outbox`);
      assert.equal(rows[0]!.n, 0);
    });

    test('the leave link in a years-old welcome mail still works, once', async () => {
      await confirmedMember(db, person());
      const token = await tokenFromMail(db, 'member-welcome', 'udmeld');
      const fiveYears = later(5 * 365 * 24);
      assert.equal((await leaveMovement(db, token, { ...ctx, now: fiveYears })).ok, true);
      assert.deepEqual(await leaveMovement(db, token, { ...ctx, now: fiveYears }), { ok: false, reason: 'unknown' }, 'the member and its tokens are gone');
    });

    test('a pending member can leave from the confirm mail, and can later join again from scratch', async () => {
      await joinMovement(db, person(), ctx);
      assert.equal((await leaveMovement(db, await tokenFromMail(db, 'member-confirm', 'udmeld'), ctx)).ok, true);
      assert.equal((await members(db)).length, 0);
      const again = await joinMovement(db, person(), { ...ctx, now: later(1) });
      assert.equal(again.created, true);
      assert.equal((await mails(db, 'member-confirm')).length, 1);
    });
  });
}
