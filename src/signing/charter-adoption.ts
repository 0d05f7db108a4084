// A new version of the charter reaches the signatories: the secretariat announces an adopted version (one mail per
// published signatory, never twice), and a signatory re-affirms it from the link in that mail.
import type { Db, Queryable } from '../platform/db/client.ts';
import { recordAuditRow } from '../platform/audit-log.ts';
import { issueLinkToken, signatureTokens, useLinkToken } from '../platform/link-tokens.ts';
import { enqueueMail } from '../platform/mail/outbox.ts';
import { mailSettings } from '../platform/mail/settings.ts';
import { hashToken, type TokenFailure } from '../platform/tokens.ts';
import { languageOf, strings } from '../i18n/index.ts';
import { loadCharterVersions, type CharterVersion } from '../charter/charter-versions.ts';
import { adoptedLabel, versionChanges } from '../charter/charter-history.ts';
import { charterLinks, renderCharterMail } from './charter-mails.ts';
import { signingLinks } from './signing-mails.ts';
import type { SignatureRow } from './signatures.ts';

export interface AdoptionContext {
  now?: Date;
  site?: string;
  /** The versions to announce from; content/charter/versions when left out. */
  versions?: readonly CharterVersion[];
  /** Signatories per transaction: each batch holds its rows' locks only briefly. */
  batchSize?: number;
}

export type AdoptionOutcome =
  | { ok: true; version: number; mailed: number; announcedBefore: boolean }
  | { ok: false; reason: 'unknown-version' | 'not-newest' | 'first-version'; version: number; newest: number };

/** The mail's key: one mail per signatory per version, however often the version is announced. */
export const adoptionMailKey = (version: number, signatureId: string) => `charter-version-adopted:${version}:${signatureId}`;

const mailName = 'charter-version-adopted';

/**
 * Announces the newest adopted version to every published signatory whose contact is still known and who has not
 * stood behind it already: one mail each, in the language they signed in, with what changed, a re-affirm link and a
 * withdraw link. Running it again mails only those the first run missed (a new signatory of an older version cannot
 * exist: signing takes the current version). The audit log gets a row for every run.
 */
export async function adoptCharterVersion(db: Db, version: number, actor: string, ctx: AdoptionContext = {}): Promise<AdoptionOutcome> {
  const now = ctx.now ?? new Date();
  const site = ctx.site ?? mailSettings().siteUrl;
  const versions = ctx.versions ?? (await loadCharterVersions());
  const newest = versions.at(-1)?.version ?? 0;
  const adopted = versions.find((v) => v.version === version);
  if (!adopted) return { ok: false, reason: 'unknown-version', version, newest };
  if (version !== newest) return { ok: false, reason: 'not-newest', version, newest };
  if (version === 1) return { ok: false, reason: 'first-version', version, newest };
  const changes = versionChanges(versions, version);
  const announcedBefore = await db.transaction(async (tx) => {
    const { rowCount } = await tx.query('INSERT INTO charter_adoptions (charter_version, adopted_by, announced_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [version, actor, now]);
    await recordAuditRow(tx, { actor, action: 'adopt-charter', subject: `version ${version}`, detail: rowCount === 1 ? undefined : 'igen' }, now);
    return rowCount !== 1;
  });
  let mailed = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const batch = await db.transaction(async (tx) => {
      const { rows } = await tx.query<SignatureRow>(
        `SELECT * FROM signatures s
         WHERE s.status = 'published' AND s.email IS NOT NULL AND s.affirmed_version < $1 AND s.id > $2
           AND NOT EXISTS (SELECT 1 FROM mail_outbox o WHERE o.idempotency_key = 'charter-version-adopted:' || $1::text || ':' || s.id::text)
         ORDER BY s.id LIMIT $3 FOR UPDATE SKIP LOCKED`,
        [version, after, ctx.batchSize ?? 200],
      );
      for (const signature of rows) {
        if (await queueAdoptionMail(tx, signature, adopted, changes, now, site)) mailed++;
      }
      return rows;
    });
    if (batch.length === 0) break;
    after = batch.at(-1)!.id;
  }
  return { ok: true, version, mailed, announcedBefore };
}

async function queueAdoptionMail(tx: Queryable, signature: SignatureRow, version: CharterVersion, changes: ReturnType<typeof versionChanges>, now: Date, site: string): Promise<boolean> {
  const language = languageOf(signature.language);
  const t = strings(language);
  const affirmToken = await issueLinkToken(tx, signatureTokens, signature.id, 'charter-affirm', now);
  await tx.query('UPDATE signature_tokens SET charter_version = $2 WHERE token_hash = $1', [hashToken('charter-affirm', affirmToken), version.version]);
  const withdrawToken = await issueLinkToken(tx, signatureTokens, signature.id, 'withdraw', now);
  const content = renderCharterMail(
    mailName,
    {
      site,
      organisationName: signature.organisation_name,
      contactName: signature.contact_name ?? '',
      version: version.version,
      adopted: adoptedLabel(version.adopted, t.locale),
      signedVersion: signature.affirmed_version,
      summary: version.summary,
      changes,
      affirmUrl: charterLinks.affirm(site, affirmToken, language),
      withdrawUrl: signingLinks.withdraw(site, withdrawToken, language),
    },
    t,
  );
  return enqueueMail(tx, { name: mailName, to: signature.email!, content, idempotencyKey: adoptionMailKey(version.version, signature.id) }, now);
}

export type AffirmOutcome = { ok: true; signatureId: string; organisationName: string; version: number } | { ok: false; reason: TokenFailure };

/** The version a re-affirm link is for, without spending it (the page names it before the click). */
export async function affirmLinkVersion(db: Queryable, token: string): Promise<number | undefined> {
  const { rows } = await db.query<{ charter_version: number | null }>(`SELECT charter_version FROM signature_tokens WHERE token_hash = $1 AND purpose = 'charter-affirm'`, [
    hashToken('charter-affirm', token),
  ]);
  return rows[0]?.charter_version ?? undefined;
}

/**
 * Records that a published signatory stands behind the version its link was for: an affirmation row, its newest
 * affirmed version on the signature (the wall's mark), and an event. The link works once; a withdrawn signature
 * cannot affirm.
 */
export async function affirmCharterVersion(db: Db, token: string, ctx: { now?: Date } = {}): Promise<AffirmOutcome> {
  const now = ctx.now ?? new Date();
  let version = 0;
  const used = await useLinkToken<SignatureRow>(db, signatureTokens, token, 'charter-affirm', now, async (tx, signature) => {
    if (signature.status !== 'published') return false;
    version = (await affirmLinkVersion(tx, token)) ?? 0;
    if (!version) return false;
    await tx.query('INSERT INTO signature_affirmations (signature_id, charter_version, affirmed_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [signature.id, version, now]);
    await tx.query('UPDATE signatures SET affirmed_version = GREATEST(affirmed_version, $2) WHERE id = $1', [signature.id, version]);
    await tx.query(
      'INSERT INTO signature_events (signature_id, transition, from_status, to_status, actor, detail, at) VALUES ($1, $2, $3, $3, $4, $5, $6)',
      [signature.id, 'affirm', signature.status, 'underskriver', `version:${version}`, now],
    );
    return true;
  });
  return used.ok ? { ok: true, signatureId: used.subject.id, organisationName: used.subject.organisation_name, version } : used;
}

/** What the secretariat is told about an announcement, in Danish (the command line and the admin API). */
export function adoptionMessage(outcome: AdoptionOutcome): string {
  const m = strings('da').charterVersions.adopt;
  if (outcome.ok) return m.done(outcome.version, outcome.mailed);
  if (outcome.reason === 'first-version') return m.firstVersion;
  return outcome.reason === 'not-newest' ? m.notNewest(outcome.version, outcome.newest) : m.unknownVersion(outcome.version);
}

/** When each version was announced, by version number. */
export async function announcedVersions(db: Queryable): Promise<Map<number, Date>> {
  const { rows } = await db.query<{ charter_version: number; announced_at: Date }>('SELECT charter_version, announced_at FROM charter_adoptions ORDER BY charter_version');
  return new Map(rows.map((r) => [r.charter_version, r.announced_at]));
}

/** One version of the charter as the secretariat's page lists it. */
export interface VersionOverview {
  version: number;
  /** The adoption as content gives it, ready to show: a day or a year. */
  adopted: string;
  summary: string;
  /** When the signatories were told about it; undefined if never (version 1 never is). */
  announcedAt?: Date;
}

export interface AdoptionOverview {
  /** Every version in content, newest first; the first is the current one. */
  versions: VersionOverview[];
  /** The newest version, when it is newer than 1 and has not been announced: how many signatories will get a mail. */
  toAnnounce?: { version: number; recipients: number };
}

/** What the admin's charter page shows about the versions, and whether the newest still waits to be announced. */
export async function adoptionOverview(db: Queryable, ctx: { versions?: readonly CharterVersion[] } = {}): Promise<AdoptionOverview> {
  const versions = ctx.versions ?? (await loadCharterVersions());
  const announced = await announcedVersions(db);
  const locale = strings('da').locale;
  const overview = [...versions].reverse().map((v) => ({ version: v.version, adopted: adoptedLabel(v.adopted, locale), summary: v.summary, announcedAt: announced.get(v.version) }));
  const newest = versions.at(-1)?.version ?? 0;
  if (newest <= 1 || announced.has(newest)) return { versions: overview };
  const { rows } = await db.query<{ count: string | number }>(
    `SELECT count(*) AS count FROM signatures WHERE status = 'published' AND email IS NOT NULL AND affirmed_version < $1`,
    [newest],
  );
  return { versions: overview, toAnnounce: { version: newest, recipients: Number(rows[0]?.count ?? 0) } };
}
