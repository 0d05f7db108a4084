// Checks that the cron drains the outbox batch after batch, and stops early when the provider starts failing.
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startResendStandIn, type ResendStandIn } from '../../../tests/support/resend-stand-in.ts';
import type { Db } from '../db/client.ts';
import { emptyTables, testDatabases } from '../../../tests/support/test-databases.ts';
import { deliveryPolicy, drainOutbox, enqueueMail } from './outbox.ts';
import { createResendTransport, type MailTransport } from './transport.ts';

const now = new Date('2026-06-01T08:00:00Z');

async function queue(db: Db, count: number): Promise<void> {
  await db.transaction(async (tx) => {
    for (let i = 0; i < count; i++) {
      await enqueueMail(tx, { name: 'signature-confirm', to: `kontakt${i}@forening.example`, content: { subject: 'Bekræft', html: '<p>Hej</p>', text: 'Hej' }, idempotencyKey: `drain:${i}` }, now);
    }
  });
}

for (const engine of testDatabases()) {
  describe(`draining the outbox on ${engine.name}`, () => {
    let db: Db;
    let resend: ResendStandIn;
    let transport: MailTransport;
    before(async () => {
      db = await engine.open();
      resend = await startResendStandIn();
      transport = createResendTransport({ apiKey: 're_test_key', from: 'noreply@samskabelse.test', baseUrl: resend.url });
    });
    after(async () => {
      await resend.stop();
      await db.close();
    });
    beforeEach(async () => {
      await emptyTables(db);
      resend.reset();
    });

    test('sends every due mail in one run, batch after batch', async () => {
      await queue(db, 2 * deliveryPolicy.batchSize + 7);
      const report = await drainOutbox(db, transport, { clock: () => now });
      assert.deepEqual(report, { sent: 2 * deliveryPolicy.batchSize + 7, retrying: 0, failed: 0, suppressed: 0, batches: 4 }, 'three batches, then one run that finds nothing');
      assert.equal(resend.deliveries.size, 2 * deliveryPolicy.batchSize + 7);
      assert.deepEqual(resend.requests.map((r) => r.mails), [deliveryPolicy.batchSize, deliveryPolicy.batchSize, 7]);
    });

    test('stops after the batch in which the provider failed, leaving the rest for the next run', async () => {
      await queue(db, 2 * deliveryPolicy.batchSize);
      resend.script.push({ status: 429, headers: { 'retry-after': '60' } });
      const report = await drainOutbox(db, transport, { clock: () => now });
      assert.deepEqual(report, { sent: 0, retrying: deliveryPolicy.batchSize, failed: 0, suppressed: 0, batches: 1 });
    });
  });
}
