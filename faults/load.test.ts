// Load with nothing lost: 10,000 signings from 200 concurrent clients through the real server, on every database.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { backends, startApp } from '../e2e/support/app.ts';
import { startResendStandIn } from '../tests/support/resend-stand-in.ts';
import { signingForms } from '../tests/support/signing-forms.ts';
import { openAppDatabase, postSigning, signingLedger } from './support/inspect.ts';

const signings = 10_000;
const clients = 200;

for (const backend of backends()) {
  test(`${signings.toLocaleString('en')} signings from ${clients} concurrent clients on ${backend.name} make exactly that many signatures, no duplicates, and one confirm mail each`, async () => {
    const resend = await startResendStandIn();
    const app = await startApp(backend, { RESEND_API_KEY: 're_test_key', RESEND_BASE_URL: resend.url, RESEND_MAX_PER_SECOND: '0' });
    try {
      const nextForm = signingForms(2);
      const forms = Array.from({ length: signings }, nextForm);
      const statuses = new Map<number, number>();
      let next = 0;
      await Promise.all(
        Array.from({ length: clients }, async () => {
          while (next < forms.length) {
            const response = await postSigning(app, forms[next++]!, AbortSignal.timeout(120_000));
            await response.arrayBuffer();
            statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          }
        }),
      );
      assert.deepEqual(Object.fromEntries(statuses), { 202: signings }, 'every signing is accepted');

      await app.halt();
      const db = await openAppDatabase(app);
      try {
        const ledger = await signingLedger(db);
        assert.equal(ledger.signatures, signings);
        assert.equal(ledger.distinctOrganisations, signings, 'no organisation twice');
        assert.deepEqual(forms.filter((f) => !ledger.cvrs.has(f.cvr as string)).length, 0, 'every accepted organisation is stored');
        assert.equal(ledger.partial, 0, 'each has one confirm mail, two links and one event');
        assert.equal(ledger.orphans, 0);
      } finally {
        await db.close();
      }
      const twice = [...resend.deliveries.values()].filter((n) => n > 1).length;
      assert.equal(twice, 0, 'no mail was delivered twice while the server sent them');
    } finally {
      await app.stop();
      await resend.stop();
    }
  });
}
