// Double submit and replay: the same form posted at once, and a confirmation link used twice, each have one effect.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { backends, linkIn, startApp } from '../e2e/support/app.ts';
import { signingForms } from '../tests/support/signing-forms.ts';
import { openAppDatabase, postSigning, signingLedger } from './support/inspect.ts';

const copies = 8;

for (const backend of backends()) {
  describe(`double submit and replay on ${backend.name}`, () => {
    test(`the same form posted ${copies} times at once, as JSON and as a form, makes one signature with one mail, and every post gets the same answer`, async () => {
      const app = await startApp(backend);
      try {
        const form = signingForms(3)();
        const asForm = new URLSearchParams(Object.entries(form).map(([k, v]) => [k, String(v)])).toString();
        const answers = await Promise.all([
          ...Array.from({ length: copies / 2 }, () => postSigning(app, form)),
          ...Array.from({ length: copies / 2 }, () =>
            fetch(app.url('/api/signatures/'), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: asForm, redirect: 'manual' }),
          ),
        ]);
        const seen = await Promise.all(answers.map(async (r) => `${r.status} ${r.headers.get('location') ?? ''} ${await r.text()}`));
        assert.equal(new Set(seen.slice(0, copies / 2)).size, 1, 'the JSON answers are all alike');
        assert.equal(new Set(seen.slice(copies / 2)).size, 1, 'the form answers are all alike');
        assert.deepEqual(answers.map((r) => r.status), [...Array(copies / 2).fill(202), ...Array(copies / 2).fill(303)]);

        await app.halt();
        const db = await openAppDatabase(app);
        try {
          const ledger = await signingLedger(db);
          assert.equal(ledger.signatures, 1);
          assert.equal(ledger.partial, 0);
          const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM mail_outbox`);
          assert.equal(rows[0]!.n, 1, 'one confirm mail');
        } finally {
          await db.close();
        }
      } finally {
        await app.stop();
      }
    });

    test('a confirmation link used twice at once confirms once, sends one mail, and the second click is told it is confirmed already', async () => {
      const app = await startApp(backend);
      try {
        const response = await postSigning(app, signingForms(4)());
        assert.equal(response.status, 202);
        const token = new URL(linkIn(await app.mail('signature-confirm'), '/underskriv/bekraeft/')).searchParams.get('token')!;
        const click = () =>
          fetch(app.url('/underskriv/bekraeft/'), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ token }).toString() });
        const clicks = await Promise.all([click(), click()]);
        const pages = await Promise.all(clicks.map((c) => c.text()));
        assert.deepEqual(clicks.map((c) => c.status), [200, 200]);
        assert.equal(pages.filter((p) => /Tak, underskriften er bekræftet/.test(p)).length, 1, 'one click confirmed');
        assert.equal(pages.filter((p) => /Underskriften er allerede bekræftet/.test(p)).length, 1, 'the other is told it is done');
        const later = await click();
        assert.equal(later.status, 200);
        assert.match(await later.text(), /Underskriften er allerede bekræftet/, 'a replay later changes nothing and says so');

        await app.halt();
        const db = await openAppDatabase(app);
        try {
          const { rows } = await db.query<{ status: string; confirms: number; mails: number }>(
            `SELECT s.status,
               (SELECT count(*)::int FROM signature_events e WHERE e.signature_id = s.id AND e.transition = 'confirm') AS confirms,
               (SELECT count(*)::int FROM mail_outbox m WHERE m.mail_name = 'signature-confirmed-awaiting-review') AS mails
             FROM signatures s`,
          );
          assert.deepEqual(rows, [{ status: 'confirmed', confirms: 1, mails: 1 }]);
        } finally {
          await db.close();
        }
      } finally {
        await app.stop();
      }
    });
  });
}
