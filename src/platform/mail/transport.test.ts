// Checks the Resend transport against the stand-in: a call that never gets an answer is given up in time, as a failure to retry.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startResendStandIn } from '../../../tests/support/resend-stand-in.ts';
import { createResendTransport, pacer, resendRateFromEnv } from './transport.ts';

const mail = { name: 'signature-confirm', to: 'mette@borgerforening.example', subject: 'Bekræft', html: '<p>Hej</p>', text: 'Hej' };

test('a Resend call that never answers is given up after the time limit and counts as retryable', async () => {
  const resend = await startResendStandIn();
  try {
    resend.script.push('hang');
    const transport = createResendTransport({ apiKey: 're_test_key', from: 'noreply@samskabelse.test', baseUrl: resend.url, timeoutMs: 1000 });
    const result = await transport.send(mail, { idempotencyKey: 'signature-confirm:1' });
    assert.equal(result.ok, false);
    assert.equal(!result.ok && result.retryable, true);
    const retry = await transport.send(mail, { idempotencyKey: 'signature-confirm:1' });
    assert.deepEqual(retry, { ok: true, providerId: 'stand-in-1' }, 'the retry gets back the mail the first call made');
    assert.equal(resend.deliveries.get('signature-confirm:1'), 1);
  } finally {
    await resend.stop();
  }
});

test('a pacer of 20 a second gives five calls made at once slots 50 ms apart', async () => {
  const slept: number[] = [];
  const slot = pacer(20, () => 1000, async (ms) => void slept.push(ms));
  await Promise.all(Array.from({ length: 5 }, slot));
  assert.deepEqual(slept, [50, 100, 150, 200]);
});

test('a pacer lets a call through at once when its slot has already come', async () => {
  let now = 0;
  const slept: number[] = [];
  const slot = pacer(2, () => now, async (ms) => void slept.push(ms));
  await slot();
  now = 600;
  await slot();
  now = 700;
  await slot();
  assert.deepEqual(slept, [400], 'only the third call, 100 ms after the second, waits for its slot');
});

test('the rate from the environment is Resend’s default of 2 a second, unless RESEND_MAX_PER_SECOND says otherwise', () => {
  assert.equal(resendRateFromEnv({}), 2);
  assert.equal(resendRateFromEnv({ RESEND_MAX_PER_SECOND: '' }), 2);
  assert.equal(resendRateFromEnv({ RESEND_MAX_PER_SECOND: 'mange' }), 2);
  assert.equal(resendRateFromEnv({ RESEND_MAX_PER_SECOND: '10' }), 10);
  assert.equal(resendRateFromEnv({ RESEND_MAX_PER_SECOND: '0' }), 0, '0 means no limit');
});
