// Checks the secretariat's side of suppressed addresses: the list with a lift button per address, lifting with an
// audit entry that holds no address, and the personal-data lookup, export and erase covering the suppression.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import type { Db } from '../platform/db/client.ts';
import { emptyTables, testDatabases } from '../../tests/support/test-databases.ts';
import { listSuppressions, suppressAddress } from '../platform/mail/suppressions.ts';
import { recentAudit } from './audit.ts';
import { liftSuppressedAddress } from './mail-suppressions.ts';
import { erasePersonalData, findPersonalData, personalDataExport } from './personal-data.ts';
import { renderSuppressionList } from './views/suppression-list.ts';
import { routes } from '../routes.ts';

const now = new Date('2026-06-01T08:00:00Z');
const view = { email: 'sekretariat@samskabelse.test', csrfToken: 'csrf-token-123', current: routes.adminSuppressions };

test('the list shows each suppressed address with its reason and a lift form carrying the CSRF token', () => {
  const html = renderSuppressionList(view, { suppressions: [{ address: 'mette@forening.dk', reason: 'bounce', detail: 'Permanent: General', created_at: now }] });
  assert.match(html, /mette@forening\.dk/);
  assert.match(html, /Kom retur \(hård bounce\)/);
  assert.match(html, new RegExp(`<form method="post" action="${routes.adminSuppressions}"[^>]*><input type="hidden" name="csrf" value="csrf-token-123"><input type="hidden" name="address" value="mette@forening.dk">`));
  assert.match(renderSuppressionList(view, { suppressions: [] }), /Ingen adresser er spærret/);
});

for (const engine of testDatabases()) {
  describe(`suppressed addresses in the admin on ${engine.name}`, () => {
    let db: Db;
    before(async () => {
      db = await engine.open();
    });
    after(() => db.close());
    beforeEach(() => emptyTables(db));

    test('lifting removes the suppression and logs who did it and why it was there, never the address', async () => {
      await suppressAddress(db, { address: 'mette@forening.dk', reason: 'complaint' }, now);
      const lifted = await liftSuppressedAddress(db, 'Mette@Forening.dk', 'sekretariat@samskabelse.test', now);
      assert.equal(lifted?.address, 'mette@forening.dk');
      assert.deepEqual(await listSuppressions(db), []);
      const [entry] = await recentAudit(db);
      assert.deepEqual([entry!.actor, entry!.action, entry!.detail], ['sekretariat@samskabelse.test', 'suppression-lift', 'complaint']);
      assert.ok(!JSON.stringify(entry).includes('mette'), 'the log holds no address');
      assert.equal(await liftSuppressedAddress(db, 'mette@forening.dk', 'sekretariat@samskabelse.test', now), undefined, 'lifting twice finds nothing');
      assert.equal((await recentAudit(db)).length, 1);
    });

    test('a personal-data lookup and export show the suppression, and an erase deletes it', async () => {
      await suppressAddress(db, { address: 'mette@forening.dk', reason: 'bounce', detail: 'Permanent' }, now);
      const found = await findPersonalData(db, 'METTE@forening.dk');
      assert.deepEqual(found.suppressions.map((s) => s.reason), ['bounce']);
      assert.equal(JSON.parse(personalDataExport(found, now)).spaerringer.length, 1);
      const report = await erasePersonalData(db, 'mette@forening.dk', 'sekretariat@samskabelse.test', now);
      assert.equal(report.suppressionsDeleted, 1);
      assert.deepEqual(await listSuppressions(db), []);
    });
  });
}
