// Checks mail delivery through the real Resend SDK against a local recording server: idempotency keys, retries and exactly-once sending.
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Db } from '../db/client.ts';
import { emptyTables, testDatabases } from '../db/test-databases.ts';
import { deliverDue, deliveryPolicy, enqueueMail, retryDelaySeconds, type OutboxRow, type QueuedMail } from './outbox.ts';
import { createFileTransport, createResendTransport, type MailTransport } from './transport.ts';

interface RecordedRequest {
  path: string;
  idempotencyKey: string | undefined;
  authorization: string | undefined;
  body: { from: string; to: string[]; subject: string; html: string; text: string };
}

/** A stand-in for Resend's API: records every request and answers from a script (200 once the script runs out). */
function recordingServer() {
  const requests: RecordedRequest[] = [];
  const script: { status: number; headers?: Record<string, string> }[] = [];
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      requests.push({ path: req.url ?? '', idempotencyKey: req.headers['idempotency-key'] as string | undefined, authorization: req.headers.authorization, body: JSON.parse(raw) });
      const next = script.shift() ?? { status: 200 };
      res.writeHead(next.status, { 'content-type': 'application/json', ...next.headers });
      res.end(JSON.stringify(next.status === 200 ? { id: `email-${requests.length}` } : { statusCode: next.status, name: 'rate_limit_exceeded', message: 'Slow down' }));
    });
  });
  return {
    requests,
    script,
    async start() {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const now = new Date('2026-06-01T08:00:00Z');
const plus = (seconds: number) => new Date(now.getTime() + seconds * 1000);

function queuedMail(overrides: Partial<QueuedMail> = {}): QueuedMail {
  return {
    name: 'signature-confirm',
    to: 'mette@borgerforening.example',
    content: { subject: 'Bekræft jeres underskrift', html: '<p>Hej</p>', text: 'Hej\n\nhttps://samskabelse.test/underskriv/bekraeft/?token=abc' },
    idempotencyKey: `signature-confirm:${crypto.randomUUID()}`,
    ...overrides,
  };
}

async function outbox(db: Db): Promise<OutboxRow[]> {
  return (await db.query<OutboxRow>('SELECT * FROM mail_outbox ORDER BY created_at')).rows;
}

test('the retry delay doubles per attempt, is jittered within half of it, and respects Retry-After', () => {
  assert.equal(retryDelaySeconds(1, () => 0), 30);
  assert.equal(retryDelaySeconds(1, () => 1), 60);
  assert.equal(retryDelaySeconds(3, () => 1), 240);
  assert.equal(retryDelaySeconds(50, () => 1), deliveryPolicy.maxDelaySeconds);
  assert.equal(retryDelaySeconds(1, () => 0, 120), 120);
});

for (const engine of testDatabases()) {
  describe(`the outbox on ${engine.name}`, () => {
    let db: Db;
    const resend = recordingServer();
    let transport: MailTransport;
    before(async () => {
      db = await engine.open();
      transport = createResendTransport({ apiKey: 're_test_key', from: 'Samskabelsesbevægelsen <noreply@samskabelse.test>', baseUrl: await resend.start() });
    });
    after(async () => {
      await resend.stop();
      await db.close();
    });
    beforeEach(async () => {
      await emptyTables(db);
      resend.requests.length = 0;
      resend.script.length = 0;
    });

    test('a due mail is sent through Resend with the outbox key as Idempotency-Key, then marked sent', async () => {
      const mail = queuedMail();
      await db.transaction((tx) => enqueueMail(tx, mail, now));
      assert.deepEqual(await deliverDue(db, transport, now), { sent: 1, retrying: 0, failed: 0 });
      assert.equal(resend.requests.length, 1);
      const [request] = resend.requests;
      assert.equal(request!.path, '/emails');
      assert.equal(request!.idempotencyKey, mail.idempotencyKey);
      assert.equal(request!.authorization, 'Bearer re_test_key');
      assert.deepEqual(request!.body.to, ['mette@borgerforening.example']);
      assert.equal(request!.body.from, 'Samskabelsesbevægelsen <noreply@samskabelse.test>');
      assert.equal(request!.body.text, mail.content.text);
      const [row] = await outbox(db);
      assert.equal(row!.status, 'sent');
      assert.equal(row!.provider_id, 'email-1');
      assert.equal(row!.text_body, null, 'the body with its tokens is not kept after sending');
    });

    test('a sent mail is never sent again, however often delivery runs', async () => {
      await db.transaction((tx) => enqueueMail(tx, queuedMail(), now));
      await deliverDue(db, transport, now);
      await deliverDue(db, transport, plus(60));
      await deliverDue(db, transport, plus(86_400));
      assert.equal(resend.requests.length, 1);
    });

    test('enqueuing the same key twice queues one mail', async () => {
      const mail = queuedMail();
      assert.equal(await db.transaction((tx) => enqueueMail(tx, mail, now)), true);
      assert.equal(await db.transaction((tx) => enqueueMail(tx, mail, now)), false);
      assert.equal((await outbox(db)).length, 1);
    });

    test('a mail enqueued in a transaction that rolls back is never sent', async () => {
      await assert.rejects(db.transaction(async (tx) => {
        await enqueueMail(tx, queuedMail(), now);
        throw new Error('the signature insert failed');
      }));
      assert.deepEqual(await deliverDue(db, transport, now), { sent: 0, retrying: 0, failed: 0 });
    });

    test('after a 500 the mail waits with backoff and is then sent with the same key', async () => {
      const mail = queuedMail();
      await db.transaction((tx) => enqueueMail(tx, mail, now));
      resend.script.push({ status: 500 });
      assert.deepEqual(await deliverDue(db, transport, now, { random: () => 1 }), { sent: 0, retrying: 1, failed: 0 });
      const [waiting] = await outbox(db);
      assert.equal(waiting!.status, 'pending');
      assert.deepEqual(waiting!.next_attempt_at, plus(60));
      assert.match(waiting!.last_error!, /500/);
      assert.deepEqual(await deliverDue(db, transport, plus(59)), { sent: 0, retrying: 0, failed: 0 }, 'not before its time');
      assert.deepEqual(await deliverDue(db, transport, plus(60)), { sent: 1, retrying: 0, failed: 0 });
      assert.deepEqual(resend.requests.map((r) => r.idempotencyKey), [mail.idempotencyKey, mail.idempotencyKey]);
      assert.equal((await outbox(db))[0]!.attempts, 2);
    });

    test('after a 429 the mail waits at least as long as Retry-After says', async () => {
      await db.transaction((tx) => enqueueMail(tx, queuedMail(), now));
      resend.script.push({ status: 429, headers: { 'retry-after': '600' } });
      assert.deepEqual(await deliverDue(db, transport, now, { random: () => 0 }), { sent: 0, retrying: 1, failed: 0 });
      assert.deepEqual((await outbox(db))[0]!.next_attempt_at, plus(600));
      assert.deepEqual(await deliverDue(db, transport, plus(600)), { sent: 1, retrying: 0, failed: 0 });
      assert.equal(resend.requests.length, 2);
    });

    test('a mail Resend calls invalid fails at once instead of retrying', async () => {
      await db.transaction((tx) => enqueueMail(tx, queuedMail(), now));
      resend.script.push({ status: 422 });
      assert.deepEqual(await deliverDue(db, transport, now), { sent: 0, retrying: 0, failed: 1 });
      assert.deepEqual(await deliverDue(db, transport, plus(86_400)), { sent: 0, retrying: 0, failed: 0 });
    });

    test('a mail that keeps failing is given up after the last attempt', async () => {
      await db.transaction((tx) => enqueueMail(tx, queuedMail(), now));
      const policy = { ...deliveryPolicy, maxAttempts: 3 };
      resend.script.push({ status: 503 }, { status: 503 }, { status: 503 });
      const reports = [];
      for (let hour = 0; hour < 4; hour++) reports.push(await deliverDue(db, transport, plus(hour * 3600), { policy }));
      assert.deepEqual(reports.map((r) => r.failed), [0, 0, 1, 0]);
      assert.equal(resend.requests.length, 3);
      assert.equal((await outbox(db))[0]!.status, 'failed');
    });

    test('a refused connection counts as a failure to retry, not a send', async () => {
      await db.transaction((tx) => enqueueMail(tx, queuedMail(), now));
      const nowhere = createResendTransport({ apiKey: 're_test_key', from: 'x@samskabelse.test', baseUrl: 'http://127.0.0.1:1' });
      assert.deepEqual(await deliverDue(db, nowhere, now), { sent: 0, retrying: 1, failed: 0 });
    });

    test('two delivery runs at the same moment send each mail exactly once', async () => {
      for (let i = 0; i < 10; i++) await db.transaction((tx) => enqueueMail(tx, queuedMail(), now));
      const reports = await Promise.all([deliverDue(db, transport, now), deliverDue(db, transport, now), deliverDue(db, transport, now)]);
      assert.equal(reports.reduce((sum, r) => sum + r.sent, 0), 10);
      assert.equal(resend.requests.length, 10);
      assert.equal(new Set(resend.requests.map((r) => r.idempotencyKey)).size, 10);
    });

    test('a mail claimed by a run that died is taken again after the lease, with the same key', async () => {
      await db.transaction((tx) => enqueueMail(tx, queuedMail(), now));
      const crashing: MailTransport = { name: 'crash', send: () => new Promise(() => {}) };
      void deliverDue(db, crashing, now); // never finishes, like a process killed mid-send
      await new Promise((resolve) => setTimeout(resolve, 100));
      assert.deepEqual(await deliverDue(db, transport, plus(60)), { sent: 0, retrying: 0, failed: 0 }, 'still leased');
      assert.deepEqual(await deliverDue(db, transport, plus(deliveryPolicy.leaseSeconds)), { sent: 1, retrying: 0, failed: 0 });
    });
  });
}

test('the file transport writes the mail as HTML and text and prints its action links', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'outbox-'));
  const lines: string[] = [];
  const transport = createFileTransport({ dir, from: 'noreply@localhost', log: (line) => lines.push(line), clock: () => now });
  const mail = queuedMail();
  assert.deepEqual(await transport.send({ name: mail.name, to: mail.to, ...mail.content }, { idempotencyKey: mail.idempotencyKey }), { ok: true });
  assert.deepEqual((await readdir(dir)).sort(), ['2026-06-01T08-00-00-000Z-signature-confirm.html', '2026-06-01T08-00-00-000Z-signature-confirm.txt']);
  assert.match(await readFile(join(dir, '2026-06-01T08-00-00-000Z-signature-confirm.txt'), 'utf8'), /Til: mette@borgerforening\.example/);
  assert.ok(lines.includes('  https://samskabelse.test/underskriv/bekraeft/?token=abc'));
  await rm(dir, { recursive: true, force: true });
});
