// Checks Resend's webhook: the Svix signature (valid, forged, too old), one handling per svix-id, and that a hard
// bounce or a complaint stops all mail to the address until the secretariat lifts it.
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac, randomBytes } from 'node:crypto';
import type { Db } from '../db/client.ts';
import { emptyTables, testDatabases } from '../../../tests/support/test-databases.ts';
import { deliverDue, enqueueMail, type OutboxRow } from './outbox.ts';
import { handleWebhook, suppressionsFrom, type WebhookDelivery } from './resend-webhook.ts';
import { liftSuppression, listSuppressions } from './suppressions.ts';
import type { MailTransport, OutgoingMail } from './transport.ts';
import { POST } from '../../../api/resend-webhook.ts';

const secretBytes = randomBytes(24);
const secret = `whsec_${secretBytes.toString('base64')}`;
const nowSeconds = () => Math.floor(Date.now() / 1000);

/** A delivery as Svix makes it: HMAC-SHA256 of `id.timestamp.body` with the secret, as `v1,<base64>`. */
function signed(event: unknown, options: { id?: string; timestamp?: number; key?: Buffer; raw?: string } = {}): WebhookDelivery {
  const body = options.raw ?? JSON.stringify(event);
  const id = options.id ?? `msg_${randomBytes(8).toString('hex')}`;
  const timestamp = String(options.timestamp ?? nowSeconds());
  const signature = createHmac('sha256', options.key ?? secretBytes).update(`${id}.${timestamp}.${body}`).digest('base64');
  return { body, headers: { id, timestamp, signature: `v1,${signature}` }, secret };
}

const bounce = (to: string, type = 'Permanent') => ({
  type: 'email.bounced',
  created_at: new Date().toISOString(),
  data: { email_id: 'e-1', from: 'noreply@samskabelse.test', to: [to], subject: 'Bekræft', created_at: new Date().toISOString(), bounce: { type, subType: 'General', message: 'Mailbox does not exist' } },
});
const complaint = (to: string) => ({ type: 'email.complained', created_at: new Date().toISOString(), data: { email_id: 'e-2', to: [to], subject: 'Velkommen' } });

/** A transport that records what it is asked to send and accepts it all. */
function recording(): MailTransport & { sent: OutgoingMail[] } {
  const sent: OutgoingMail[] = [];
  return {
    name: 'recording',
    sent,
    send: async (mail) => (sent.push(mail), { ok: true }),
    sendBatch: async (mails) => (sent.push(...mails), { ok: true, mails: mails.map(() => ({ ok: true as const })) }),
    addContact: async () => ({ ok: true }),
    removeContact: async () => ({ ok: true }),
  };
}

test('only a hard bounce or a complaint suppresses, and a named address is read from its angle brackets', () => {
  assert.equal(suppressionsFrom(bounce('a@example.dk', 'Transient')), undefined);
  assert.equal(suppressionsFrom({ type: 'email.delivered', data: { to: ['a@example.dk'] } }), undefined);
  assert.deepEqual(suppressionsFrom(bounce('Mette Jensen <mette@forening.dk>'))?.addresses, ['mette@forening.dk']);
  assert.equal(suppressionsFrom(complaint('a@example.dk'))?.reason, 'complaint');
});

test('the endpoint answers 401 naming the signature header when the signature is forged, before any database is opened', async () => {
  const delivery = signed(bounce('a@example.dk'), { key: randomBytes(24) });
  process.env.RESEND_WEBHOOK_SECRET = secret;
  try {
    const response = await POST(
      new Request('http://localhost/api/resend-webhook', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'svix-id': delivery.headers.id!, 'svix-timestamp': delivery.headers.timestamp!, 'svix-signature': delivery.headers.signature! },
        body: delivery.body,
      }),
    );
    assert.equal(response.status, 401);
    assert.equal(((await response.json()) as { errors: { field: string }[] }).errors[0]!.field, 'svix-signature');
  } finally {
    delete process.env.RESEND_WEBHOOK_SECRET;
  }
});

for (const engine of testDatabases()) {
  describe(`Resend's webhook on ${engine.name}`, () => {
    let db: Db;
    const open = async () => db;
    const now = new Date();
    before(async () => {
      db = await engine.open();
    });
    after(() => db.close());
    beforeEach(() => emptyTables(db));

    const queueTo = (to: string, key: string) =>
      db.transaction((tx) => enqueueMail(tx, { name: 'member-confirm', to, content: { subject: 'Bekræft', html: '<p>Hej</p>', text: 'Hej' }, idempotencyKey: key }, now));

    test('a signed hard bounce suppresses the address, lower-cased, and no more mail goes to it', async () => {
      const outcome = await handleWebhook(open, signed(bounce('Mette@Forening.DK')));
      assert.deepEqual(outcome, { status: 200, handled: 'suppressed', suppressed: 1 });
      assert.deepEqual((await listSuppressions(db)).map((s) => [s.address, s.reason]), [['mette@forening.dk', 'bounce']]);
      await queueTo('mette@forening.dk', 'k1');
      await queueTo('anden@forening.dk', 'k2');
      const transport = recording();
      assert.deepEqual(await deliverDue(db, transport, now), { sent: 1, retrying: 0, failed: 0, suppressed: 1 });
      assert.deepEqual(transport.sent.map((m) => m.to), ['anden@forening.dk']);
      const { rows } = await db.query<OutboxRow>(`SELECT * FROM mail_outbox WHERE recipient = 'mette@forening.dk'`);
      assert.equal(rows[0]!.status, 'suppressed');
    });

    test('a complaint suppresses the address too', async () => {
      assert.deepEqual(await handleWebhook(open, signed(complaint('klager@example.dk'))), { status: 200, handled: 'suppressed', suppressed: 1 });
      assert.deepEqual((await listSuppressions(db)).map((s) => s.reason), ['complaint']);
    });

    test('a soft bounce and other events are taken but suppress nothing', async () => {
      assert.deepEqual(await handleWebhook(open, signed(bounce('fuld@example.dk', 'Transient'))), { status: 200, handled: 'ignored', suppressed: 0 });
      assert.deepEqual(await handleWebhook(open, signed({ type: 'email.delivered', data: { to: ['a@example.dk'] } })), { status: 200, handled: 'ignored', suppressed: 0 });
      assert.deepEqual(await listSuppressions(db), []);
    });

    test('a wrong signature, a wrong secret, missing headers and no secret at all are refused with 401', async () => {
      const forged = signed(bounce('a@example.dk'), { key: randomBytes(24) });
      assert.equal((await handleWebhook(open, forged)).status, 401);
      const tampered = signed(bounce('a@example.dk'));
      assert.equal((await handleWebhook(open, { ...tampered, body: tampered.body.replace('a@example.dk', 'b@example.dk') })).status, 401);
      assert.equal((await handleWebhook(open, { ...signed(bounce('a@example.dk')), secret: undefined })).status, 401);
      const unsigned = signed(bounce('a@example.dk'));
      assert.equal((await handleWebhook(open, { ...unsigned, headers: { ...unsigned.headers, signature: null } })).status, 401);
      assert.deepEqual(await listSuppressions(db), []);
    });

    test('a correctly signed delivery older than five minutes is refused with 401', async () => {
      const old = signed(bounce('a@example.dk'), { timestamp: nowSeconds() - 6 * 60 });
      assert.equal((await handleWebhook(open, old)).status, 401);
      const fresh = signed(bounce('a@example.dk'), { timestamp: nowSeconds() - 4 * 60 });
      assert.equal((await handleWebhook(open, fresh)).status, 200);
    });

    test('a signed body that is not JSON is answered 400', async () => {
      assert.deepEqual(await handleWebhook(open, signed(undefined, { raw: '{"type": "email.bounced",' })), { status: 400, problem: 'json' });
    });

    test('the same svix-id is handled once: after the secretariat lifts the address, a redelivery does not suppress it again', async () => {
      const delivery = signed(bounce('mette@forening.dk'), { id: 'msg_same' });
      assert.deepEqual(await handleWebhook(open, delivery), { status: 200, handled: 'suppressed', suppressed: 1 });
      assert.ok(await liftSuppression(db, 'Mette@forening.dk'));
      assert.deepEqual(await handleWebhook(open, delivery), { status: 200, handled: 'duplicate', suppressed: 0 });
      assert.deepEqual(await listSuppressions(db), []);
    });

    test('once lifted, mail goes to the address again', async () => {
      await handleWebhook(open, signed(bounce('mette@forening.dk')));
      await liftSuppression(db, 'mette@forening.dk');
      await queueTo('mette@forening.dk', 'k3');
      const transport = recording();
      assert.deepEqual(await deliverDue(db, transport, now), { sent: 1, retrying: 0, failed: 0, suppressed: 0 });
      assert.deepEqual(transport.sent.map((m) => m.to), ['mette@forening.dk']);
    });
  });
}
