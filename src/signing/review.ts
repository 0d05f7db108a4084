// The secretariat's review of confirmed signatures: one code path for the admin API, the command line and the web admin.
import type { SignatureStatus } from './signature-status.ts';
import type { Db } from '../platform/db/client.ts';
import { approveSignature, listSignatures, rejectSignature, type SignatureRow } from './signatures.ts';

export type ReviewAction = { action: 'approve'; id: string } | { action: 'reject'; id: string; reason: string };

export const reviewMessages = {
  unknown: 'Der findes ingen underskrift med det id.',
  'not-allowed': 'Underskriften kan ikke godkendes eller afvises i sin nuværende tilstand. Kun bekræftede underskrifter kan.',
  'reason-required': 'Skriv en begrundelse for afvisningen. Den sendes til kontaktpersonen.',
} as const;

/**
 * Approves or rejects, whichever door (web, API, command line) it came through. The use case writes the audit row in
 * the same transaction as the new status and the mail, so none of the three exists without the others.
 */
export async function review(db: Db, request: ReviewAction, actor: string) {
  return request.action === 'approve' ? approveSignature(db, request.id, actor) : rejectSignature(db, request.id, request.reason, actor);
}

/** The fields the secretariat needs to judge a signature. */
export function reviewView(row: SignatureRow) {
  return {
    id: row.id,
    status: row.status,
    organisation_name: row.organisation_name,
    organisation_type: row.organisation_type,
    cvr: row.cvr,
    municipality: row.municipality,
    website: row.website,
    contact_name: row.contact_name,
    contact_title: row.contact_title,
    email: row.email,
    statement: row.statement,
    consent_public: row.consent_public,
    created_at: row.created_at,
    confirmed_at: row.confirmed_at,
  };
}

export async function reviewQueue(db: Db, status: SignatureStatus = 'confirmed') {
  return (await listSignatures(db, status)).map(reviewView);
}
