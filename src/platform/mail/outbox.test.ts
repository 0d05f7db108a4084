// Checks delivery through the real Resend SDK against a local recording server: batch calls and their keys, retries,
// exactly-once sending, the newsletter-contact jobs, and forgetting an address.
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chmod, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Db } from '../db/client.ts';
import { emptyTables, testDatabases } from '../../../tests/support/test-databases.ts';
import { batchKey, deliverDue, deliveryPolicy, enqueueContactAdd, enqueueContactRemove, enqueueMail, forgetRecipient, retryDelaySeconds, type OutboxRow, type QueuedMail } from './outbox.ts';
import { mailCapFor, mailCapHours, mailCapsPerDay } from '../rate-limits.ts';
import { createFileTransport, createResendTransport, type MailTransport } from './transport.ts';

interface RecordedRequest {
  method: string;
  path: string;
  idempotencyKey: string | undefined;
  batchValidation: string | undefined;
  authorization: string | undefined;
  body: Mail[] | Mail | Record<string, unknown>;
}

interface Mail {
  from: string;
  to: string[];
  subject: string;
  html: string;
  text: string;
  tags: { name: string; value: string }[];
}

/** The mails of a batch request. */
const mailsOf = (request: RecordedRequest) => request.body as Mail[];

/** A stand-in for Resend's API: records every request and answers from a script (200 once the script runs out). */
function recordingServer() {
  const requests: RecordedRequest[] = [];
  const script: { status: number; headers?: Record<string, string>; body?: object }[] = [];
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      const path = req.url ?? '';
      requests.push({ method: req.method ?? '', path, idempotencyKey: req.headers['idempotency-key'] as string | undefined, batchValidation: req.headers['x-batch-validation'] as string | undefined, authorization: req.headers.authorization, body: raw ? JSON.parse(raw) : undefined });
      const next = script.shift() ?? { status: 200 };
      const batch = path === '/emails/batch' && Array.isArray(requests.at(-1)!.body) ? (requests.at(-1)!.body as unknown[]) : undefined;
      const created = batch ? { data: batch.map((_, i) => ({ id: `email-${requests.length}-${i}` })), errors: [] } : { id: `${path.startsWith('/contacts') ? 'contact' : 'email'}-${requests.length}` };
      res.writeHead(next.status, { 'content-type': 'application/json', ...next.headers });
      res.end(JSON.stringify(next.body ?? (next.status === 200 ? created : { statusCode: next.status, name: 'rate_limit_exceeded', message: 'Slow down' })));
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
  return (await db.query<OutboxRow>('SELECT * FROM mail_outbox ORDER BY created_at, status DESC')).rows;
}

/** A confirmed member who wants the newsletter; returns the id. */
async function newsletterMember(db: Db): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO members (kind, name, email, municipality, newsletter, status, confirmed_at)
     VALUES ('person', 'Mette Jensen', 'mette@borgerforening.example', 'Aarhus', true, 'confirmed', $1) RETURNING id`,
    [now],
  );
  return rows[0]!.id;
}

async function contactIdOf(db: Db, memberId: string): Promise<string | null> {
  return (await db.query<{ resend_contact_id: string | null }>('SELECT resend_contact_id FROM members WHERE id = $1', [memberId])).rows[0]!.resend_contact_id;
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

    test('a due mail goes to Resend in a permissive batch under the batch key, then is marked sent', async () => {
      const mail = queuedMail();
      await db.transaction((tx) => enqueueMail(tx, mail, now));
      assert.deepEqual(await deliverDue(db, transport, now), { sent: 1, retrying: 0, failed: 0, suppressed: 0 });
      assert.equal(resend.requests.length, 1);
      const [request] = resend.requests;
      const [row] = await outbox(db);
      assert.equal(request!.path, '/emails/batch');
      assert.equal(request!.idempotencyKey, batchKey(row!.batch_id!));
      assert.equal(request!.batchValidation, 'permissive');
      assert.equal(request!.authorization, 'Bearer re_test_key');
      const [sent] = mailsOf(request!);
      assert.deepEqual(sent!.to, ['mette@borgerforening.example']);
      assert.equal(sent!.from, 'Samskabelsesbevægelsen <noreply@samskabelse.test>');
      assert.equal(sent!.text, mail.content.text);
      assert.deepEqual(sent!.tags, [{ name: 'mail', value: 'signature-confirm' }, { name: 'outbox', value: row!.id }]);
      assert.equal(row!.status, 'sent');
      assert.equal(row!.provider_id, 'email-1-0');
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
      assert.deepEqual(await deliverDue(db, transport, now), { sent: 0, retrying: 0, failed: 0, suppressed: 0 });
    });

    test('after a 500 the mail waits with backoff and is then sent in the same batch under the same key', async () => {
      const mail = queuedMail();
      await db.transaction((tx) => enqueueMail(tx, mail, now));
      resend.script.push({ status: 500 });
      assert.deepEqual(await deliverDue(db, transport, now, { random: () => 1 }), { sent: 0, retrying: 1, failed: 0, suppressed: 0 });
      const [waiting] = await outbox(db);
      assert.equal(waiting!.status, 'pending');
      assert.deepEqual(waiting!.next_attempt_at, plus(60));
      assert.match(waiting!.last_error!, /500/);
      assert.deepEqual(await deliverDue(db, transport, plus(59)), { sent: 0, retrying: 0, failed: 0, suppressed: 0 }, 'not before its time');
      assert.deepEqual(await deliverDue(db, transport, plus(60)), { sent: 1, retrying: 0, failed: 0, suppressed: 0 });
      const key = batchKey((await outbox(db))[0]!.batch_id!);
      assert.deepEqual(resend.requests.map((r) => r.idempotencyKey), [key, key]);
      assert.equal((await outbox(db))[0]!.attempts, 2);
    });

    test('after a 429 the mail waits at least as long as Retry-After says', async () => {
      await db.transaction((tx) => enqueueMail(tx, queuedMail(), now));
      resend.script.push({ status: 429, headers: { 'retry-after': '600' } });
      assert.deepEqual(await deliverDue(db, transport, now, { random: () => 0 }), { sent: 0, retrying: 1, failed: 0, suppressed: 0 });
      assert.deepEqual((await outbox(db))[0]!.next_attempt_at, plus(600));
      assert.deepEqual(await deliverDue(db, transport, plus(600)), { sent: 1, retrying: 0, failed: 0, suppressed: 0 });
      assert.equal(resend.requests.length, 2);
    });

    test('a batch Resend calls invalid fails at once instead of retrying', async () => {
      await db.transaction((tx) => enqueueMail(tx, queuedMail(), now));
      resend.script.push({ status: 422 });
      assert.deepEqual(await deliverDue(db, transport, now), { sent: 0, retrying: 0, failed: 1, suppressed: 0 });
      assert.deepEqual(await deliverDue(db, transport, plus(86_400)), { sent: 0, retrying: 0, failed: 0, suppressed: 0 });
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
      assert.deepEqual(await deliverDue(db, nowhere, now), { sent: 0, retrying: 1, failed: 0, suppressed: 0 });
    });

    test('queues at most the cap of one mail name to one recipient in a day, counted across keys and case, then again the next day', async () => {
      const cap = mailCapsPerDay['signature-confirm']!;
      const queued: boolean[] = [];
      for (let i = 0; i < cap + 2; i++) queued.push(await db.transaction((tx) => enqueueMail(tx, queuedMail({ to: i % 2 ? 'Mette@Borgerforening.example' : 'mette@borgerforening.example' }), plus(i * 60))));
      assert.deepEqual(queued, [...Array(cap).fill(true), false, false]);
      assert.equal(await db.transaction((tx) => enqueueMail(tx, queuedMail({ name: 'admin-login' }), now)), true, 'another mail name counts on its own');
      assert.equal(await db.transaction((tx) => enqueueMail(tx, queuedMail({ to: 'someone.else@example.dk' }), now)), true, 'another recipient counts on its own');
      assert.equal(await db.transaction((tx) => enqueueMail(tx, queuedMail(), plus(mailCapHours * 3600 - 60))), false, 'the window is the last 24 hours, not the calendar day');
      assert.equal(await db.transaction((tx) => enqueueMail(tx, queuedMail(), plus(mailCapHours * 3600 + cap * 60))), true, 'a day after the first ones it may go again');
    });

    test('the charter proposal mails a stranger can set off (confirm, support link) are capped per recipient too', async () => {
      for (const name of ['charter-proposal-confirm', 'charter-proposal-support']) {
        const cap = mailCapFor(name);
        assert.ok(cap !== null && cap >= 1, `${name} has a cap`);
        const queued: boolean[] = [];
        for (let i = 0; i <= cap; i++) queued.push(await db.transaction((tx) => enqueueMail(tx, queuedMail({ name, to: 'forslag@forening.example' }), plus(i * 60))));
        assert.deepEqual(queued, [...Array(cap).fill(true), false], name);
      }
    });

    test('a mail no form can trigger has no cap', async () => {
      for (let i = 0; i < 8; i++) assert.equal(await db.transaction((tx) => enqueueMail(tx, queuedMail({ name: 'signature-approved' }), now)), true);
      assert.equal(mailCapFor('signature-approved'), null);
    });

    test('two delivery runs at the same moment send each mail exactly once', async () => {
      for (let i = 0; i < 10; i++) await db.transaction((tx) => enqueueMail(tx, queuedMail({ to: `kontakt${i}@forening.example` }), now));
      const reports = await Promise.all([deliverDue(db, transport, now), deliverDue(db, transport, now), deliverDue(db, transport, now)]);
      assert.equal(reports.reduce((sum, r) => sum + r.sent, 0), 10);
      const refs = resend.requests.flatMap((r) => mailsOf(r).map((m) => m.tags[1]!.value));
      assert.equal(refs.length, 10);
      assert.equal(new Set(refs).size, 10);
      assert.equal(new Set(resend.requests.map((r) => r.idempotencyKey)).size, resend.requests.length, 'each batch its own key');
    });

    test('a batch claimed by a run that died is taken again after the lease, with the same key', async () => {
      await db.transaction((tx) => enqueueMail(tx, queuedMail(), now));
      const never = () => new Promise<never>(() => {});
      const crashing: MailTransport = { name: 'crash', send: never, sendBatch: never, addContact: never, removeContact: never };
      void deliverDue(db, crashing, now); // never finishes, like a process killed mid-send
      await new Promise((resolve) => setTimeout(resolve, 100));
      assert.deepEqual(await deliverDue(db, transport, plus(60)), { sent: 0, retrying: 0, failed: 0, suppressed: 0 }, 'still leased');
      assert.deepEqual(await deliverDue(db, transport, plus(deliveryPolicy.leaseSeconds)), { sent: 1, retrying: 0, failed: 0, suppressed: 0 });
    });

    test('a contact job creates the newsletter contact in the segment and keeps its id on the member', async () => {
      const memberId = await newsletterMember(db);
      await db.transaction((tx) => enqueueContactAdd(tx, { email: 'Mette@Borgerforening.example', memberId, segmentId: 'seg-1' }, now));
      assert.deepEqual(await deliverDue(db, transport, now), { sent: 1, retrying: 0, failed: 0, suppressed: 0 });
      assert.deepEqual(resend.requests.map((r) => [r.method, r.path, r.body]), [['POST', '/contacts', { email: 'Mette@Borgerforening.example', segments: [{ id: 'seg-1' }] }]]);
      assert.equal(await contactIdOf(db, memberId), 'contact-1');
      const [row] = await outbox(db);
      assert.equal(row!.kind, 'contact-add');
      assert.equal(row!.status, 'sent');
      assert.equal(row!.provider_id, 'contact-1');
    });

    test('a contact job that fails with a 500 waits with the same backoff as a mail, and is then done once', async () => {
      const memberId = await newsletterMember(db);
      await db.transaction((tx) => enqueueContactAdd(tx, { email: 'mette@borgerforening.example', memberId, segmentId: 'seg-1' }, now));
      resend.script.push({ status: 500 });
      assert.deepEqual(await deliverDue(db, transport, now, { random: () => 1 }), { sent: 0, retrying: 1, failed: 0, suppressed: 0 });
      assert.deepEqual((await outbox(db))[0]!.next_attempt_at, plus(60));
      assert.equal(await contactIdOf(db, memberId), null);
      assert.deepEqual(await deliverDue(db, transport, plus(59)), { sent: 0, retrying: 0, failed: 0, suppressed: 0 }, 'not before its time');
      assert.deepEqual(await deliverDue(db, transport, plus(60)), { sent: 1, retrying: 0, failed: 0, suppressed: 0 });
      assert.deepEqual(await deliverDue(db, transport, plus(3600)), { sent: 0, retrying: 0, failed: 0, suppressed: 0 });
      assert.equal(resend.requests.length, 2);
      assert.equal(await contactIdOf(db, memberId), 'contact-2');
    });

    test('an address that is a contact already is looked up and put in the segment instead', async () => {
      const memberId = await newsletterMember(db);
      await db.transaction((tx) => enqueueContactAdd(tx, { email: 'mette@borgerforening.example', memberId, segmentId: 'seg-1' }, now));
      resend.script.push(
        { status: 409, body: { statusCode: 409, name: 'conflict', message: 'Contact already exists' } },
        { status: 200, body: { object: 'contact', id: 'existing-contact', email: 'mette@borgerforening.example' } },
        { status: 200, body: { id: 'seg-1' } },
      );
      assert.deepEqual(await deliverDue(db, transport, now), { sent: 1, retrying: 0, failed: 0, suppressed: 0 });
      assert.deepEqual(resend.requests.map((r) => `${r.method} ${r.path}`), [
        'POST /contacts',
        'GET /contacts/mette@borgerforening.example',
        'POST /contacts/existing-contact/segments/seg-1',
      ]);
      assert.equal(await contactIdOf(db, memberId), 'existing-contact');
    });

    test('a removal job deletes the contact by its id alone, and a contact already gone counts as removed', async () => {
      await db.transaction(async (tx) => {
        await enqueueContactRemove(tx, 'contact-a', now);
        await enqueueContactRemove(tx, 'contact-b', now);
      });
      resend.script.push({ status: 200, body: { object: 'contact', deleted: true, contact: 'contact-a' } }, { status: 404, body: { statusCode: 404, name: 'not_found', message: 'Contact not found' } });
      assert.deepEqual(await deliverDue(db, transport, now), { sent: 2, retrying: 0, failed: 0, suppressed: 0 });
      assert.deepEqual(resend.requests.map((r) => `${r.method} ${r.path}`).sort(), ['DELETE /contacts/contact-a', 'DELETE /contacts/contact-b']);
      assert.ok((await outbox(db)).every((row) => row.recipient === null), 'a removal stores no address');
    });

    test('a contact made for a member who left in the meantime is removed again', async () => {
      await db.transaction((tx) => enqueueContactAdd(tx, { email: 'gone@example.dk', memberId: crypto.randomUUID(), segmentId: 'seg-1' }, now));
      assert.deepEqual(await deliverDue(db, transport, now), { sent: 1, retrying: 0, failed: 0, suppressed: 0 });
      assert.deepEqual(await deliverDue(db, transport, now), { sent: 1, retrying: 0, failed: 0, suppressed: 0 });
      assert.deepEqual(resend.requests.map((r) => `${r.method} ${r.path}`), ['POST /contacts', 'DELETE /contacts/contact-1']);
    });

    test('forgetting an address deletes what was not sent to it and blanks it in what was, whatever its case', async () => {
      await db.transaction((tx) => enqueueMail(tx, queuedMail({ to: 'Mette@Borgerforening.example' }), now));
      await deliverDue(db, transport, now);
      await db.transaction(async (tx) => {
        await enqueueMail(tx, queuedMail({ to: 'mette@borgerforening.example' }), now);
        await enqueueMail(tx, queuedMail({ to: 'someone.else@example.dk' }), now);
      });
      const result = await db.transaction((tx) => forgetRecipient(tx, ' METTE@borgerforening.EXAMPLE '));
      assert.deepEqual(result, { deleted: 1, forgotten: 1 });
      const rows = await outbox(db);
      assert.deepEqual(rows.map((r) => [r.status, r.recipient, r.subject]), [
        ['sent', null, null],
        ['pending', 'someone.else@example.dk', 'Bekræft jeres underskrift'],
      ]);
      assert.deepEqual(await deliverDue(db, transport, plus(60)), { sent: 1, retrying: 0, failed: 0, suppressed: 0 });
      assert.deepEqual(resend.requests.flatMap((r) => mailsOf(r).map((m) => m.to)), [['Mette@Borgerforening.example'], ['someone.else@example.dk']]);
    });
  });
}

test('the file transport writes the mail as HTML and text and prints its action links', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'outbox-'));
  const lines: string[] = [];
  const transport = createFileTransport({ dir, from: 'noreply@localhost', log: (line) => lines.push(line), clock: () => now });
  const mail = queuedMail();
  const ref = '0b9c3f7e-1d2a-4c5b-8e6f-7a8b9c0d1e2f';
  assert.deepEqual(await transport.send({ name: mail.name, to: mail.to, ...mail.content, ref }, { idempotencyKey: mail.idempotencyKey }), { ok: true });
  const base = `2026-06-01T08-00-00-000Z-${ref}-signature-confirm`;
  assert.deepEqual((await readdir(dir)).sort(), [`${base}.html`, `${base}.txt`]);
  assert.match(await readFile(join(dir, `${base}.txt`), 'utf8'), /Til: mette@borgerforening\.example/);
  assert.ok(lines.includes('  https://samskabelse.test/underskriv/bekraeft/?token=abc'));
  await rm(dir, { recursive: true, force: true });
});

test('the file transport keeps two mails written in the same millisecond, each under its own id', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'outbox-'));
  const transport = createFileTransport({ dir, from: 'noreply@localhost', log: () => {}, clock: () => now });
  const mail = queuedMail();
  const first = { name: mail.name, to: 'first@example.dk', ...mail.content };
  const second = { name: mail.name, to: 'second@example.dk', ...mail.content };
  // One with an outbox row's id, and two without (a fresh id each), all at the same instant.
  await transport.send({ ...first, ref: '11111111-1111-4111-8111-111111111111' }, { idempotencyKey: 'a' });
  await transport.send(second, { idempotencyKey: 'b' });
  await transport.send(second, { idempotencyKey: 'c' });
  const texts = (await readdir(dir)).filter((f) => f.endsWith('-signature-confirm.txt'));
  assert.equal(texts.length, 3, texts.join(', '));
  assert.ok(texts.includes('2026-06-01T08-00-00-000Z-11111111-1111-4111-8111-111111111111-signature-confirm.txt'));
  const recipients = await Promise.all(texts.map(async (f) => (await readFile(join(dir, f), 'utf8')).match(/^Til: (.*)$/m)?.[1]));
  assert.deepEqual(recipients.sort(), ['first@example.dk', 'second@example.dk', 'second@example.dk']);
  await rm(dir, { recursive: true, force: true });
});

test('the file transport keeps mail private: files 0600 in a folder 0700, even a folder that was open before', async () => {
  const parent = await mkdtemp(join(tmpdir(), 'outbox-'));
  const dir = join(parent, 'outbox');
  const transport = createFileTransport({ dir, from: 'noreply@localhost', log: () => {}, clock: () => now });
  const mail = queuedMail();
  await transport.send({ name: mail.name, to: mail.to, ...mail.content }, { idempotencyKey: mail.idempotencyKey });
  await transport.addContact({ email: mail.to, segmentId: 'seg-1' }, { idempotencyKey: 'contact-add:m1' });
  assert.equal((await stat(dir)).mode & 0o777, 0o700);
  const files = await readdir(dir);
  assert.equal(files.length, 3);
  for (const file of files) assert.equal((await stat(join(dir, file))).mode & 0o777, 0o600, file);
  await chmod(dir, 0o755);
  await transport.send({ name: mail.name, to: mail.to, ...mail.content }, { idempotencyKey: 'again' });
  assert.equal((await stat(dir)).mode & 0o777, 0o700);
  await rm(parent, { recursive: true, force: true });
});

test('the file transport records contact jobs as files, and gives each new contact an id', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'outbox-'));
  const transport = createFileTransport({ dir, from: 'noreply@localhost', log: () => {}, clock: () => now });
  const added = await transport.addContact({ email: 'mette@borgerforening.example', segmentId: 'seg-1' }, { idempotencyKey: 'contact-add:m1' });
  assert.ok(added.ok && added.providerId?.startsWith('fil-'));
  const only = async (suffix: string) => {
    const found = (await readdir(dir)).filter((f) => f.endsWith(suffix));
    assert.equal(found.length, 1, suffix);
    assert.ok(found[0]!.startsWith('2026-06-01T08-00-00-000Z-'), found[0]);
    return JSON.parse(await readFile(join(dir, found[0]!), 'utf8'));
  };
  assert.deepEqual(await only('-contact-add.json'), { email: 'mette@borgerforening.example', segmentId: 'seg-1', contactId: added.providerId, idempotencyKey: 'contact-add:m1' });
  assert.deepEqual(await transport.removeContact(added.providerId!, { idempotencyKey: 'contact-remove:x' }), { ok: true });
  assert.equal((await only('-contact-remove.json')).contactId, added.providerId);
  await rm(dir, { recursive: true, force: true });
});
