// Checks exactly-once delivery in batches through the real Resend SDK against the stand-in: a batch is marked sent only
// once accepted, a retry repeats the same key and the same mails, one bad address holds back no other, and a
// suppressed address gets no mail.
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Db } from '../db/client.ts';
import { emptyTables, testDatabases } from '../../../tests/support/test-databases.ts';
import { startResendStandIn, type ResendStandIn } from '../../../tests/support/resend-stand-in.ts';
import { batchKey, deliverDue, deliveryPolicy, drainOutbox, enqueueMail, forgetRecipient, type OutboxRow } from './outbox.ts';
import { suppressAddress } from './suppressions.ts';
import { createResendTransport, type MailTransport } from './transport.ts';

const now = new Date('2026-06-01T08:00:00Z');
const plus = (seconds: number) => new Date(now.getTime() + seconds * 1000);

/** Queues `count` confirm mails to kontakt<i>@forening.example (or the addresses given). */
async function queue(db: Db, count: number, address: (i: number) => string = (i) => `kontakt${i}@forening.example`): Promise<void> {
  await db.transaction(async (tx) => {
    for (let i = 0; i < count; i++) {
      await enqueueMail(tx, { name: 'signature-confirm', to: address(i), content: { subject: 'Bekræft jeres underskrift', html: '<p>Hej</p>', text: 'Hej' }, idempotencyKey: `confirm:${address(i)}` }, now);
    }
  });
}

async function rows(db: Db): Promise<OutboxRow[]> {
  return (await db.query<OutboxRow>('SELECT * FROM mail_outbox ORDER BY recipient')).rows;
}

const statuses = async (db: Db) => (await rows(db)).map((r) => r.status);

for (const engine of testDatabases()) {
  describe(`sending mail in batches on ${engine.name}`, () => {
    let db: Db;
    let resend: ResendStandIn;
    let transport: MailTransport;
    /** For an answer that never comes: gives up soon (the real limit is 10 s). */
    let impatient: MailTransport;
    before(async () => {
      db = await engine.open();
      resend = await startResendStandIn();
      transport = createResendTransport({ apiKey: 're_test_key', from: 'noreply@samskabelse.test', baseUrl: resend.url });
      impatient = createResendTransport({ apiKey: 're_test_key', from: 'noreply@samskabelse.test', baseUrl: resend.url, timeoutMs: 1500 });
    });
    after(async () => {
      await resend.stop();
      await db.close();
    });
    beforeEach(async () => {
      await emptyTables(db);
      resend.reset();
    });

    test('an accepted batch marks each of its mails sent, with the id Resend gave it', async () => {
      await queue(db, 3);
      assert.deepEqual(await deliverDue(db, transport, now), { sent: 3, retrying: 0, failed: 0, suppressed: 0 });
      assert.equal(resend.requests.length, 1);
      const [request] = resend.requests;
      assert.equal(request!.path, '/emails/batch');
      assert.equal(request!.validation, 'permissive');
      assert.equal(request!.mails, 3);
      const sent = await rows(db);
      assert.deepEqual(sent.map((r) => r.status), ['sent', 'sent', 'sent']);
      assert.equal(new Set(sent.map((r) => r.batch_id)).size, 1, 'the three share one batch');
      assert.equal(request!.idempotencyKey, batchKey(sent[0]!.batch_id!));
      assert.deepEqual(sent.map((r) => r.provider_id).sort(), resend.delivered.map((m) => m.id).sort());
      assert.ok(sent.every((r) => r.text_body === null), 'the bodies with their links are not kept');
    });

    test('250 due mails go in three calls of at most 100', async () => {
      await queue(db, 250);
      const report = await drainOutbox(db, transport, { clock: () => now });
      assert.equal(report.sent, 250);
      assert.deepEqual(resend.requests.map((r) => r.mails), [100, 100, 50]);
      assert.equal(resend.deliveries.size, 250);
      assert.ok([...resend.deliveries.values()].every((n) => n === 1));
    });

    test('a batch that gets a 500 is not marked sent, and its retry carries the same key and the same mails', async () => {
      await queue(db, 5);
      resend.script.push({ status: 500 });
      assert.deepEqual(await deliverDue(db, transport, now, { random: () => 1 }), { sent: 0, retrying: 5, failed: 0, suppressed: 0 });
      assert.deepEqual(await statuses(db), Array(5).fill('pending'));
      await queue(db, 2, (i) => `senere${i}@forening.example`);
      assert.deepEqual(await deliverDue(db, transport, plus(59)), { sent: 2, retrying: 0, failed: 0, suppressed: 0 }, 'new mail goes in a new batch; the failed one waits');
      assert.deepEqual(await deliverDue(db, transport, plus(60)), { sent: 5, retrying: 0, failed: 0, suppressed: 0 });
      const [first, , retry] = resend.requests;
      assert.equal(retry!.idempotencyKey, first!.idempotencyKey);
      assert.deepEqual(retry!.body, first!.body, 'the same mails in the same order');
      assert.ok([...resend.deliveries.values()].every((n) => n === 1));
      assert.equal(resend.deliveries.size, 7);
    });

    test('a batch whose answer was lost is retried after the lease under its key, and Resend sends nothing twice', async () => {
      await queue(db, 4);
      resend.script.push('hang');
      assert.deepEqual(await deliverDue(db, impatient, now, { random: () => 1 }), { sent: 0, retrying: 4, failed: 0, suppressed: 0 });
      assert.equal(resend.delivered.length, 4, 'Resend took them, but the answer never came');
      assert.deepEqual(await deliverDue(db, transport, plus(60)), { sent: 4, retrying: 0, failed: 0, suppressed: 0 });
      assert.equal(resend.requests[1]!.idempotencyKey, resend.requests[0]!.idempotencyKey);
      assert.equal(resend.delivered.length, 4, 'the retry was answered from the key');
      assert.deepEqual(await statuses(db), Array(4).fill('sent'));
      assert.deepEqual((await rows(db)).map((r) => r.provider_id).sort(), resend.delivered.map((m) => m.id).sort());
    });

    test('one invalid address among 100 fails on its own, and the other 99 are sent', async () => {
      await queue(db, 100, (i) => (i === 42 ? 'ikke-en-adresse' : `kontakt${i}@forening.example`));
      assert.deepEqual(await deliverDue(db, transport, now), { sent: 99, retrying: 0, failed: 1, suppressed: 0 });
      const failed = (await rows(db)).filter((r) => r.status === 'failed');
      assert.deepEqual(failed.map((r) => r.recipient), ['ikke-en-adresse']);
      assert.match(failed[0]!.last_error!, /422 validation_error/);
      assert.equal(resend.delivered.length, 99);
      assert.deepEqual(await deliverDue(db, transport, plus(86_400)), { sent: 0, retrying: 0, failed: 0, suppressed: 0 }, 'the invalid one is not tried again');
    });

    test('a 429 waits as long as Retry-After says and costs no attempt', async () => {
      await queue(db, 2);
      resend.script.push({ status: 429, headers: { 'retry-after': '3' } });
      assert.deepEqual(await deliverDue(db, transport, now), { sent: 0, retrying: 2, failed: 0, suppressed: 0 });
      const waiting = await rows(db);
      assert.deepEqual(waiting.map((r) => r.next_attempt_at), [plus(3), plus(3)]);
      assert.deepEqual(await deliverDue(db, transport, plus(3)), { sent: 2, retrying: 0, failed: 0, suppressed: 0 });
      const { rows: batches } = await db.query<{ attempts: number }>('SELECT attempts FROM mail_batches');
      assert.deepEqual(batches.map((b) => b.attempts), [1]);
    });

    test('a batch that keeps failing is given up after the last attempt, and its mails fail', async () => {
      await queue(db, 2);
      const policy = { ...deliveryPolicy, maxAttempts: 2 };
      resend.script.push({ status: 503 }, { status: 503 });
      await deliverDue(db, transport, now, { policy });
      assert.deepEqual(await deliverDue(db, transport, plus(3600), { policy }), { sent: 0, retrying: 0, failed: 2, suppressed: 0 });
      assert.deepEqual(await statuses(db), ['failed', 'failed']);
      assert.deepEqual(await deliverDue(db, transport, plus(86_400), { policy }), { sent: 0, retrying: 0, failed: 0, suppressed: 0 });
      assert.equal(resend.requests.length, 2);
    });

    test('two runs at the same moment send each mail exactly once', async () => {
      await queue(db, 30);
      await Promise.all([drainOutbox(db, transport, { clock: () => now }), drainOutbox(db, transport, { clock: () => now }), drainOutbox(db, transport, { clock: () => now })]);
      assert.equal(resend.deliveries.size, 30);
      assert.ok([...resend.deliveries.values()].every((n) => n === 1));
      assert.deepEqual(await statuses(db), Array(30).fill('sent'));
    });

    test('when a mail of a batch whose answer was lost is forgotten, the rest count as sent and none goes twice', async () => {
      await queue(db, 3);
      resend.script.push('hang');
      await deliverDue(db, impatient, now);
      await db.transaction((tx) => forgetRecipient(tx, 'kontakt1@forening.example'));
      assert.deepEqual(await deliverDue(db, transport, plus(deliveryPolicy.leaseSeconds)), { sent: 2, retrying: 0, failed: 0, suppressed: 0 });
      assert.equal(resend.requests[1]!.answer, 409, 'Resend refused the same key with other mails');
      assert.equal(resend.delivered.length, 3, 'nothing was sent again');
      assert.deepEqual(await statuses(db), ['sent', 'sent']);
    });

    test('mail to a suppressed address is not sent but marked suppressed, whatever its case, and the rest go', async () => {
      await db.transaction((tx) => suppressAddress(tx, { address: 'Kontakt1@Forening.example', reason: 'bounce' }, now));
      await queue(db, 3, (i) => (i === 1 ? 'KONTAKT1@forening.example' : `kontakt${i}@forening.example`));
      assert.deepEqual(await deliverDue(db, transport, now), { sent: 2, retrying: 0, failed: 0, suppressed: 1 });
      const suppressed = (await rows(db)).find((r) => r.status === 'suppressed');
      assert.equal(suppressed?.recipient, 'KONTAKT1@forening.example');
      assert.equal(suppressed?.last_error, 'suppressed: bounce');
      assert.equal(suppressed?.html, null);
      assert.deepEqual(resend.delivered.map((m) => m.to[0]).sort(), ['kontakt0@forening.example', 'kontakt2@forening.example']);
    });
  });
}
