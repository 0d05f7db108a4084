// Looks into a halted app's database (PGlite allows one process at a time) and counts what a signing leaves behind.
import type { App } from '../../e2e/support/app.ts';
import { databaseOptionsFromEnv, openDatabase, type Db } from '../../src/platform/db/client.ts';

/** Opens the database the app used; the app must be halted first. */
export async function openAppDatabase(app: App): Promise<Db> {
  return openDatabase(databaseOptionsFromEnv(app.env));
}

export interface SigningLedger {
  signatures: number;
  distinctOrganisations: number;
  /** Signatures without exactly one confirm mail, two tokens (confirm, withdraw) and one submit event: half-written ones. */
  partial: number;
  /** Mails, tokens and events whose signature does not exist. */
  orphans: number;
  cvrs: Set<string>;
}

export async function signingLedger(db: Db): Promise<SigningLedger> {
  const [counts] = (
    await db.query<{ signatures: number; organisations: number; partial: number; orphans: number }>(
      `SELECT
         (SELECT count(*)::int FROM signatures) AS signatures,
         (SELECT count(DISTINCT dedupe_key)::int FROM signatures) AS organisations,
         (SELECT count(*)::int FROM signatures s WHERE
            (SELECT count(*) FROM mail_outbox m WHERE m.idempotency_key = 'signature-confirm:' || s.id) <> 1
            OR (SELECT count(*) FROM signature_tokens t WHERE t.signature_id = s.id) <> 2
            OR (SELECT count(*) FROM signature_events e WHERE e.signature_id = s.id AND e.transition = 'submit') <> 1) AS partial,
         (SELECT count(*)::int FROM mail_outbox m WHERE m.mail_name = 'signature-confirm' AND NOT EXISTS (SELECT 1 FROM signatures s WHERE m.idempotency_key = 'signature-confirm:' || s.id))
           + (SELECT count(*)::int FROM signature_tokens t WHERE NOT EXISTS (SELECT 1 FROM signatures s WHERE s.id = t.signature_id))
           + (SELECT count(*)::int FROM signature_events e WHERE NOT EXISTS (SELECT 1 FROM signatures s WHERE s.id = e.signature_id)) AS orphans`,
    )
  ).rows;
  const { rows } = await db.query<{ cvr: string }>('SELECT cvr FROM signatures WHERE cvr IS NOT NULL');
  return {
    signatures: counts!.signatures,
    distinctOrganisations: counts!.organisations,
    partial: counts!.partial,
    orphans: counts!.orphans,
    cvrs: new Set(rows.map((r) => r.cvr)),
  };
}

/** POSTs a signing form as a script would (JSON) and returns the status. */
export async function postSigning(app: App, form: Record<string, unknown>, signal?: AbortSignal): Promise<Response> {
  return fetch(app.url('/api/signatures/'), {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(form),
    signal,
  });
}
