// The secretariat lifts a suppressed address: the suppression goes and the audit log says so (by its reason, never
// the address), in one transaction.
import type { Db } from '../platform/db/client.ts';
import { liftSuppression, type Suppression } from '../platform/mail/suppressions.ts';
import { recordAudit } from './audit.ts';

export async function liftSuppressedAddress(db: Db, address: string, actor: string, now: Date = new Date()): Promise<Suppression | undefined> {
  return db.transaction(async (tx) => {
    const lifted = await liftSuppression(tx, address);
    if (lifted) await recordAudit(tx, { actor, action: 'suppression-lift', detail: lifted.reason }, now);
    return lifted;
  });
}
