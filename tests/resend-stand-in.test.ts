// Checks that the Resend stand-in keeps Resend's documented rules, since the outbox's tests and the wave bench lean on it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { batchLimit, startResendStandIn } from './support/resend-stand-in.ts';

const mail = (to: string) => ({ from: 'noreply@samskabelse.test', to: [to], subject: 'Bekræft', text: 'Hej' });
const mails = (n: number) => Array.from({ length: n }, (_, i) => mail(`kontakt${i}@forening.example`));

async function batch(url: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${url}/emails/batch`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as { data?: { id: string }[]; errors?: { index: number; message: string }[]; name?: string } };
}

test('a batch takes at most 100 mails; strict refuses all for one invalid mail, permissive sends the rest and names it', async () => {
  const resend = await startResendStandIn();
  try {
    assert.equal((await batch(resend.url, mails(batchLimit + 1))).status, 422);
    assert.equal((await batch(resend.url, [])).status, 422);
    const withBad = [...mails(2), mail('ikke-en-adresse')];
    assert.equal((await batch(resend.url, withBad)).status, 422, 'strict is the default');
    assert.equal(resend.delivered.length, 0);
    const permissive = await batch(resend.url, withBad, { 'x-batch-validation': 'permissive' });
    assert.equal(permissive.status, 200);
    assert.equal(permissive.body.data!.length, 2);
    assert.deepEqual(permissive.body.errors!.map((e) => e.index), [2]);
    assert.equal(resend.delivered.length, 2);
  } finally {
    await resend.stop();
  }
});

test('an idempotency key gives the same answer for the same body, 409 for another, and is forgotten after 24 hours', async () => {
  let now = 0;
  const resend = await startResendStandIn({ clock: () => now });
  try {
    const key = { 'idempotency-key': 'batch:1' };
    const first = await batch(resend.url, mails(3), key);
    const again = await batch(resend.url, mails(3), key);
    assert.deepEqual(again, first);
    assert.equal(resend.delivered.length, 3, 'the repeat sent nothing');
    const other = await batch(resend.url, mails(2), key);
    assert.deepEqual([other.status, other.body.name], [409, 'invalid_idempotent_request']);
    now = 24 * 60 * 60 * 1000;
    assert.equal((await batch(resend.url, mails(2), key)).status, 200, 'a day later the key is new');
    assert.equal(resend.delivered.length, 5);
  } finally {
    await resend.stop();
  }
});

test('with a rate of 2 a second, a third request within the second gets 429 with Retry-After', async () => {
  let now = 0;
  const resend = await startResendStandIn({ ratePerSecond: 2, clock: () => now });
  try {
    assert.equal((await batch(resend.url, mails(1))).status, 200);
    now = 400;
    assert.equal((await batch(resend.url, mails(1))).status, 200);
    now = 900;
    const response = await fetch(`${resend.url}/emails/batch`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(mails(1)) });
    assert.equal(response.status, 429);
    assert.equal(response.headers.get('retry-after'), '1');
    await response.arrayBuffer();
    now = 1001;
    assert.equal((await batch(resend.url, mails(1))).status, 200, 'the first request has left the window');
    assert.equal(resend.delivered.length, 3);
  } finally {
    await resend.stop();
  }
});
