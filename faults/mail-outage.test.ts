// Mail outage: Resend (the stand-in) answers 500, then 429, then never answers, then recovers. After the cron has run,
// every mail has been delivered exactly once, and each retry carried the same batch under the same idempotency key.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSignatureInput } from '../src/signing/signature-input.ts';
import { testDatabases } from '../tests/support/test-databases.ts';
import { batchKey, deliverDue, type DeliveryReport, type OutboxRow } from '../src/platform/mail/outbox.ts';
import { createResendTransport } from '../src/platform/mail/transport.ts';
import { submitSignature } from '../src/signing/signatures.ts';
import { startResendStandIn } from '../tests/support/resend-stand-in.ts';
import { signingForms } from '../tests/support/signing-forms.ts';

const start = new Date('2026-06-01T08:00:00Z');
const minutes = (n: number) => new Date(start.getTime() + n * 60_000);
const organisations = 5;

for (const engine of testDatabases()) {
  test(`on ${engine.name}, mail survives Resend answering 500, then 429, then not at all: after the cron runs each mail is delivered once, its batch retried under one key`, async () => {
    const db = await engine.open();
    const resend = await startResendStandIn();
    try {
      const nextForm = signingForms(6);
      for (let i = 0; i < organisations; i++) {
        const parsed = parseSignatureInput(nextForm());
        assert.ok(parsed.ok);
        await submitSignature(db, parsed.value, { now: start, site: 'https://samskabelse.test' });
      }
      resend.script.push({ status: 500 }, { status: 429, headers: { 'retry-after': '120' } }, 'hang');
      // A short time limit stands in for the real 10 s; the cron runs every 5 minutes for an hour.
      const transport = createResendTransport({ apiKey: 're_test_key', from: 'noreply@samskabelse.test', baseUrl: resend.url, timeoutMs: 1000 });
      const reports: DeliveryReport[] = [];
      for (let minute = 0; minute <= 60; minute += 5) reports.push(await deliverDue(db, transport, minutes(minute)));

      assert.deepEqual(reports[0], { sent: 0, retrying: organisations, failed: 0, suppressed: 0 }, 'the first run meets the first failure, and the batch waits whole');
      assert.equal(reports.reduce((sum, r) => sum + r.sent, 0), organisations);
      assert.deepEqual(
        resend.requests.map((r) => r.answer),
        [500, 429, 'hang', 200],
        'each failure cost one retry, and the lost answer was given again from the key',
      );
      const { rows } = await db.query<OutboxRow>('SELECT * FROM mail_outbox ORDER BY recipient');
      assert.deepEqual(rows.map((r) => r.status), Array(organisations).fill('sent'));
      assert.deepEqual([...new Set(resend.requests.map((r) => r.idempotencyKey))], [batchKey(rows[0]!.batch_id!)], 'every call carries the batch key');
      assert.ok(resend.requests.every((r) => JSON.stringify(r.body) === JSON.stringify(resend.requests[0]!.body)), 'and the same mails');
      for (const row of rows) assert.equal(resend.deliveries.get(row.id), 1, `${row.recipient} got the mail once`);
    } finally {
      await resend.stop();
      await db.close();
    }
  });
}
