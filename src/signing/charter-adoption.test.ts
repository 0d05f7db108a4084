// Announcing an adopted charter version on every database engine: one mail per published signatory in its language,
// none twice on a rerun, and the re-affirm link recording the version once.
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Db } from '../platform/db/client.ts';
import { emptyTables, testDatabases } from '../../tests/support/test-databases.ts';
import { seedSignatories } from '../../tests/support/signatory-seed.ts';
import { parseCharterVersion, type CharterVersion } from '../charter/charter-versions.ts';
import { adoptCharterVersion, adoptionMessage, adoptionOverview, affirmCharterVersion, affirmLinkVersion, announcedVersions } from './charter-adoption.ts';
import { submitSignature } from './signatures.ts';
import type { SignatureInput } from './signature-input.ts';
import { wallPage } from './wall-queries.ts';

const site = 'https://samskabelse.test';
const now = new Date('2026-12-01T09:00:00Z');

const versionText = (n: number, ligevaerd: string) => `version: ${n}
adopted: ${n === 1 ? 2017 : '2026-11-30'}
summary: ${n === 1 ? 'Den første version.' : 'Princip 1 siger nu »ligeværdige«.'}
principles:
  - slug: ligevaerd
    number: 1
    title: Ligeværd
    wording: ${ligevaerd}
  - slug: tidlig-dialog
    number: 2
    title: Start dialogen tidligt
    wording: Inddrag parterne, før problemet er defineret.
`;
const versions: CharterVersion[] = [
  parseCharterVersion('1.yaml', versionText(1, 'Ingen sidder for bordenden. Alle parter mødes som ligestillede.')),
  parseCharterVersion('2.yaml', versionText(2, 'Ingen sidder for bordenden. Alle parter mødes som ligeværdige.')),
];
const ctx = { now, site, versions, batchSize: 2 };

const signer = (organisation_name: string, email: string): SignatureInput => ({
  organisation_name,
  organisation_type: 'forening',
  municipality: 'Aarhus',
  contact_name: 'Ny',
  contact_title: 'Formand',
  email,
  consent_public: true,
});

interface MailRow {
  recipient: string;
  subject: string;
  text_body: string;
  idempotency_key: string;
}

async function adoptionMails(db: Db): Promise<MailRow[]> {
  const { rows } = await db.query<MailRow>(`SELECT recipient, subject, text_body, idempotency_key FROM mail_outbox WHERE mail_name = 'charter-version-adopted' ORDER BY recipient`);
  return rows;
}

const affirmToken = (mail: MailRow) => mail.text_body.match(/\/(?:underskriv\/ny-version|en\/sign\/new-version)\/\?token=([A-Za-z0-9_-]{43})/)![1]!;

for (const engine of testDatabases()) {
  describe(`adopting a charter version on ${engine.name}`, () => {
    let db: Db;
    before(async () => {
      db = await engine.open();
    });
    after(() => db.close());
    beforeEach(async () => {
      await emptyTables(db);
      // Five published signatories: one English, one whose contact was erased, one withdrawn, plus one still pending.
      await seedSignatories(db, 5);
      await db.query(`UPDATE signatures SET language = 'en' WHERE email = 'kontakt1@example.dk'`);
      await db.query(`UPDATE signatures SET email = NULL, contact_name = NULL, contact_title = NULL, contact_erased_at = now() WHERE email = 'kontakt2@example.dk'`);
      await db.query(`UPDATE signatures SET status = 'withdrawn', withdrawn_at = now() WHERE email = 'kontakt3@example.dk'`);
      await submitSignature(db, signer('Ny Forening', 'ny@example.dk'), { now, site, charterVersion: 1 });
    });

    test('the overview offers the newest version until it is announced, counting the signatories who will get a mail', async () => {
      const before = await adoptionOverview(db, { versions });
      assert.deepEqual(before.versions.map((v) => [v.version, v.adopted, v.announcedAt]), [[2, '30. november 2026', undefined], [1, '2017', undefined]]);
      // Published with a contact: the Danish and English ones and kontakt4; not the erased, the withdrawn or the pending.
      assert.deepEqual(before.toAnnounce, { version: 2, recipients: 3 });
      const adopted = await adoptCharterVersion(db, 2, 'sekretariat@example.dk', ctx);
      assert.deepEqual(adopted.ok && adopted.mailed, 3);
      const after = await adoptionOverview(db, { versions });
      assert.equal(after.toAnnounce, undefined);
      assert.deepEqual(after.versions[0]?.announcedAt, now);
      assert.equal((await adoptionOverview(db, { versions: versions.slice(0, 1) })).toAnnounce, undefined);
    });

    test('a new signature records the charter version it signed', async () => {
      const { rows } = await db.query<{ charter_version: number; affirmed_version: number }>(`SELECT charter_version, affirmed_version FROM signatures WHERE email = 'ny@example.dk'`);
      assert.deepEqual(rows, [{ charter_version: 1, affirmed_version: 1 }]);
      await submitSignature(db, signer('Nyere Forening', 'nyere@example.dk'), { now, site, charterVersion: 2 });
      const signed = await db.query<{ charter_version: number }>(`SELECT charter_version FROM signatures WHERE email = 'nyere@example.dk'`);
      assert.deepEqual(signed.rows, [{ charter_version: 2 }]);
    });

    test('sends one mail to each published signatory with a contact, in its language, with the change and both links', async () => {
      const outcome = await adoptCharterVersion(db, 2, 'admin@samskabelse.test', ctx);
      assert.deepEqual(outcome, { ok: true, version: 2, mailed: 3, announcedBefore: false });
      const mails = await adoptionMails(db);
      assert.deepEqual(mails.map((m) => m.recipient), ['kontakt0@example.dk', 'kontakt1@example.dk', 'kontakt4@example.dk']);
      const danish = mails[0]!;
      assert.equal(danish.subject, 'Charter for samskabelse har fået en ny version (version 2)');
      assert.match(danish.text_body, /Princip 1 siger nu »ligeværdige«\./);
      assert.match(danish.text_body, /1\. Ligeværd \(Ændret\)\n\nLigeværd\. Ingen sidder for bordenden\. Alle parter mødes som \[-ligestillede-\]\{\+ligeværdige\+\}\./);
      assert.match(danish.text_body, /vedtaget version 2 af Charter for samskabelse \(30\. november 2026\)/);
      assert.match(danish.text_body, /https:\/\/samskabelse\.test\/underskriv\/ny-version\/\?token=/);
      assert.match(danish.text_body, /https:\/\/samskabelse\.test\/underskriv\/traek-tilbage\/\?token=/);
      assert.match(danish.text_body, /https:\/\/samskabelse\.test\/charter\/aendringer\//);
      const english = mails[1]!;
      assert.equal(english.subject, 'The Charter for Co-creation has a new version (version 2)');
      assert.match(english.text_body, /\/en\/sign\/new-version\/\?token=/);
      assert.match(english.text_body, /\/en\/sign\/withdraw\/\?token=/);
      assert.match(english.text_body, /adopted in Danish/);
      const { rows } = await db.query<{ actor: string; action: string; subject: string }>(`SELECT actor, action, subject FROM audit_log`);
      assert.deepEqual(rows, [{ actor: 'admin@samskabelse.test', action: 'adopt-charter', subject: 'version 2' }]);
      assert.deepEqual([...(await announcedVersions(db)).keys()], [2]);
    });

    test('a second run sends no mail twice, but reaches a signatory the first missed', async () => {
      await adoptCharterVersion(db, 2, 'admin', ctx);
      await db.query(`DELETE FROM mail_outbox WHERE recipient = 'kontakt4@example.dk'`);
      const again = await adoptCharterVersion(db, 2, 'admin', ctx);
      assert.deepEqual(again, { ok: true, version: 2, mailed: 1, announcedBefore: true });
      const third = await adoptCharterVersion(db, 2, 'admin', ctx);
      assert.equal(third.ok && third.mailed, 0);
      const keys = (await adoptionMails(db)).map((m) => m.idempotency_key);
      assert.equal(new Set(keys).size, keys.length);
      assert.equal(keys.length, 3);
      const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'adopt-charter'`);
      assert.equal(rows[0]!.n, 3);
    });

    test('the re-affirm link records the version once, and the wall row shows it', async () => {
      await adoptCharterVersion(db, 2, 'admin', ctx);
      const mail = (await adoptionMails(db))[0]!;
      const token = affirmToken(mail);
      assert.equal(await affirmLinkVersion(db, token), 2);
      const outcome = await affirmCharterVersion(db, token, { now });
      assert.ok(outcome.ok);
      assert.equal(outcome.version, 2);
      assert.deepEqual(await affirmCharterVersion(db, token, { now }), { ok: false, reason: 'used' });
      const { rows } = await db.query<{ signature_id: string; charter_version: number }>('SELECT signature_id, charter_version FROM signature_affirmations');
      assert.deepEqual(rows, [{ signature_id: outcome.signatureId, charter_version: 2 }]);
      const wall = await wallPage(db, {});
      const row = wall.signatories.find((s) => s.id === outcome.signatureId)!;
      assert.deepEqual([row.charter_version, row.affirmed_version], [1, 2]);
      assert.ok(wall.signatories.filter((s) => s.id !== outcome.signatureId).every((s) => s.affirmed_version === 1));
      // A signatory who has stood behind version 2 gets no mail about it again.
      await db.query(`DELETE FROM mail_outbox WHERE mail_name = 'charter-version-adopted'`);
      const again = await adoptCharterVersion(db, 2, 'admin', ctx);
      assert.equal(again.ok && again.mailed, 2);
    });

    test('a withdrawn signature cannot re-affirm, and a made-up link does nothing', async () => {
      await adoptCharterVersion(db, 2, 'admin', ctx);
      const mail = (await adoptionMails(db))[0]!;
      await db.query(`UPDATE signatures SET status = 'withdrawn' WHERE email = $1`, [mail.recipient]);
      assert.deepEqual(await affirmCharterVersion(db, affirmToken(mail), { now }), { ok: false, reason: 'not-allowed' });
      assert.deepEqual(await affirmCharterVersion(db, 'x'.repeat(43), { now }), { ok: false, reason: 'unknown' });
      assert.deepEqual(await affirmCharterVersion(db, 'kort', { now }), { ok: false, reason: 'unknown' });
      assert.equal(await affirmLinkVersion(db, 'x'.repeat(43)), undefined);
    });

    test('refuses version 1, a version not in content and one that is not the newest, and sends nothing', async () => {
      const first = await adoptCharterVersion(db, 1, 'admin', { ...ctx, versions: versions.slice(0, 1) });
      assert.deepEqual(first, { ok: false, reason: 'first-version', version: 1, newest: 1 });
      const unknown = await adoptCharterVersion(db, 3, 'admin', ctx);
      assert.deepEqual(unknown, { ok: false, reason: 'unknown-version', version: 3, newest: 2 });
      assert.match(adoptionMessage(unknown), /Der er ingen version 3 i content\/charter\/versions\//);
      const old = await adoptCharterVersion(db, 1, 'admin', ctx);
      assert.match(adoptionMessage(old), /Version 1 er ikke den nyeste\. Den gældende version er 2\./);
      assert.equal((await adoptionMails(db)).length, 0);
    });
  });
}
