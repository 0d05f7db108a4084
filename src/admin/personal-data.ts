// GDPR requests: everything stored about one email address, as a view, as a JSON export, and erased.
import { normaliseEmail } from './admin-access.ts';
import { strings, type Strings } from '../i18n/index.ts';
import type { Db, Queryable } from '../platform/db/client.ts';
import { forgetMentions, forgetRecipient, mentionPattern, mentionsSql } from '../platform/mail/outbox.ts';
import { liftSuppression, type Suppression } from '../platform/mail/suppressions.ts';
import { forgetMember } from '../membership/members.ts';
import { eraseSignatureContact, type SignatureRow } from '../signing/signatures.ts';
import type { SuggestionRow } from '../suggestions/suggestions.ts';
import { memberColumns, type MemberRecord } from '../membership/member-filter.ts';
import { recordAudit } from './audit.ts';
import { eraseProposalAuthor, proposalsByEmail, type ProposalRow } from '../charter-proposals/proposals.ts';

export interface StoredMail {
  mail_name: string;
  subject: string | null;
  status: string;
  created_at: Date;
  sent_at: Date | null;
  /** True for a mail to someone else that names the address (e.g. the existing contact told about a new signer). */
  about_them: boolean;
}

export interface PersonalData {
  email: string;
  signatures: SignatureRow[];
  members: MemberRecord[];
  suggestions: SuggestionRow[];
  /** Proposals to the charter the address wrote. */
  proposals: ProposalRow[];
  mails: StoredMail[];
  /** The address's suppression (a hard bounce or a complaint), if it has one. */
  suppressions: Suppression[];
}

export interface ErasureReport {
  signaturesDeleted: number;
  signaturesKeptWithoutContact: number;
  membersDeleted: number;
  suggestionsDeleted: number;
  mailsForgotten: number;
  suppressionsDeleted: number;
  proposalsDeleted: number;
  proposalsKeptWithoutAuthor: number;
  supportsDeleted: number;
}

export async function findPersonalData(db: Queryable, email: string): Promise<PersonalData> {
  const key = normaliseEmail(email);
  const [signatures, members, suggestions, mails, suppressions, proposals] = await Promise.all([
    db.query<SignatureRow>('SELECT * FROM signatures WHERE lower(email) = $1 ORDER BY created_at', [key]),
    db.query<MemberRecord>(`SELECT ${memberColumns.join(', ')} FROM members WHERE email_key = $1 ORDER BY created_at`, [key]),
    db.query<SuggestionRow>('SELECT * FROM case_suggestions WHERE lower(suggester_email) = $1 ORDER BY created_at', [key]),
    db.query<StoredMail>(
      `SELECT mail_name, subject, status, created_at, sent_at, lower(recipient) IS DISTINCT FROM $1 AS about_them
       FROM mail_outbox WHERE lower(recipient) = $1 OR (${mentionsSql('$2', '$1')}) ORDER BY created_at`,
      [key, mentionPattern(key)],
    ),
    db.query<Suppression>('SELECT address, reason, detail, created_at FROM mail_suppressions WHERE address = $1', [key]),
    proposalsByEmail(db, key),
  ]);
  return { email: key, signatures: signatures.rows, members: members.rows, suggestions: suggestions.rows, proposals, mails: mails.rows, suppressions: suppressions.rows };
}

/** A copy for the person who asked: plain JSON with Danish keys at the top. */
export function personalDataExport(data: PersonalData, now: Date): string {
  return JSON.stringify(
    {
      udtrukket: now.toISOString(),
      email: data.email,
      underskrifter: data.signatures,
      medlemskaber: data.members,
      caseforslag: data.suggestions,
      forslag_til_chartret: data.proposals,
      mails: data.mails,
      spaerringer: data.suppressions,
    },
    null,
    2,
  );
}

/**
 * Erases everything about the address in one transaction. A published signature stays on the wall with its
 * organisation's public fields and loses its contact person; every other signature and membership is deleted,
 * and the outbox forgets the address. The audit log records the counts, not the address.
 */
export async function erasePersonalData(db: Db, email: string, actor: string, now: Date = new Date()): Promise<ErasureReport> {
  const key = normaliseEmail(email);
  return db.transaction(async (tx) => {
    // The supports given as this member or signatory go with the address; read the ids before the rows go.
    const supporterIds = {
      members: (await tx.query<{ id: string }>('SELECT id FROM members WHERE email_key = $1', [key])).rows.map((r) => r.id),
      signatures: (await tx.query<{ id: string }>('SELECT id FROM signatures WHERE lower(email) = $1', [key])).rows.map((r) => r.id),
    };
    const proposals = await eraseProposalAuthor(tx, key, supporterIds);
    const published = await tx.query<{ id: string }>(`SELECT id FROM signatures WHERE lower(email) = $1 AND status = 'published' FOR UPDATE`, [key]);
    for (const { id } of published.rows) await eraseSignatureContact(tx, id, now);
    const deleted = await tx.query(`DELETE FROM signatures WHERE lower(email) = $1 AND status <> 'published'`, [key]);
    const members = await tx.query<{ id: string; email: string; resend_contact_id: string | null }>(
      'SELECT id, email, resend_contact_id FROM members WHERE email_key = $1 FOR UPDATE',
      [key],
    );
    // The outbox first, so the count covers every mail; forgetting each member then finds none left.
    const mails = await forgetRecipient(tx, key);
    // Mail to someone else that names the address (the existing contact told that this person signed) forgets it too.
    const mentions = await forgetMentions(tx, key);
    for (const member of members.rows) await forgetMember(tx, member, now);
    // A pull request already opened holds none of the suggester's data, so the row can go whole.
    const suggestions = await tx.query('DELETE FROM case_suggestions WHERE lower(suggester_email) = $1', [key]);
    await tx.query('DELETE FROM admin_login_tokens WHERE email = $1', [key]);
    const suppression = await liftSuppression(tx, key);
    const report: ErasureReport = {
      signaturesDeleted: deleted.rowCount,
      signaturesKeptWithoutContact: published.rowCount,
      membersDeleted: members.rowCount,
      suggestionsDeleted: suggestions.rowCount,
      mailsForgotten: mails.deleted + mails.forgotten + mentions.deleted + mentions.forgotten,
      suppressionsDeleted: suppression ? 1 : 0,
      ...proposals,
    };
    await recordAudit(tx, { actor, action: 'personal-data-erase', detail: erasureSummary(report) }, now);
    return report;
  });
}

export function erasureSummary(r: ErasureReport, t: Strings = strings()): string {
  return t.admin.personalData.erasureSummary(r) + t.charterProposals.admin.personalData.erasure(r);
}
