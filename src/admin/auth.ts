// The secretariat's login: a one-time link mailed to an address on ADMIN_EMAILS, then a signed, expiring session in the database.
import { createHash } from 'node:crypto';
import {
  adminSessionPolicy,
  isAdminEmail,
  newSessionSecret,
  normaliseEmail,
  parseAdminEmails,
  readCookie,
  sessionIdFor,
  signSessionCookie,
  verifySessionCookie,
  csrfTokenFor,
} from './admin-access.ts';
import { isWellFormedToken, newToken } from '../platform/tokens.ts';
import { routes } from '../routes.ts';
import type { Db } from '../platform/db/client.ts';
import { enqueueMailStatement, queuedValues } from '../platform/mail/outbox.ts';
import { mailSettings } from '../platform/mail/settings.ts';
import { renderAdminMail } from './admin-mails.ts';
import { recordAudit } from './audit.ts';
import { retentionPolicy, type Pruner } from '../platform/retention.ts';

export interface AdminConfig {
  emails: ReadonlySet<string>;
  /** Signs session cookies and derives CSRF tokens; without it the admin is closed. */
  sessionKey: string | undefined;
}

export function adminConfigFromEnv(env: NodeJS.ProcessEnv = process.env): AdminConfig {
  const key = env.SESSION_SECRET?.trim();
  return { emails: parseAdminEmails(env.ADMIN_EMAILS), sessionKey: key && key.length >= 32 ? key : undefined };
}

export interface AdminSession {
  email: string;
  /** The session's secret from the cookie: what the CSRF token is derived from. */
  secret: string;
  csrfToken: string;
  expiresAt: Date;
}

export type LoginFailure = 'unknown' | 'used' | 'expired';

const minute = 60 * 1000;

function loginTokenHash(token: string): string {
  return createHash('sha256').update(`admin-login:${token}`).digest('hex');
}

// Asking for a login link runs this one statement whether or not the address is on the list ($10), so neither the
// answer nor its timing tells a stranger which addresses belong to the secretariat. The mail's values come first
// (queuedValues, $1–$9), then the token's hash and expiry; the token is stored only if its mail was queued.
const loginLinkSql = `WITH mail AS (
       ${enqueueMailStatement(1, '$10::boolean')}
       RETURNING id
     )
     INSERT INTO admin_login_tokens (token_hash, email, created_at, expires_at)
     SELECT $11::text, $2::text, $8::timestamptz, $12::timestamptz FROM mail`;

/**
 * Mails a login link when the address is on the list (and under its cap of login mails a day). The caller answers
 * the same either way, and the same statement runs either way.
 */
export async function requestLoginLink(db: Db, email: string, config: AdminConfig, ctx: { now?: Date; site?: string } = {}): Promise<{ sent: boolean }> {
  const now = ctx.now ?? new Date();
  const site = ctx.site ?? mailSettings().siteUrl;
  if (!config.sessionKey) return { sent: false };
  const address = normaliseEmail(email);
  const token = newToken();
  const hash = loginTokenHash(token);
  const loginUrl = `${site}${routes.adminLoginLink}?token=${encodeURIComponent(token)}`;
  const content = renderAdminMail('admin-login', { site, loginUrl, minutes: adminSessionPolicy.loginLinkMinutes });
  const mail = { name: 'admin-login', to: address, content, idempotencyKey: `admin-login:${hash}` };
  const expiresAt = new Date(now.getTime() + adminSessionPolicy.loginLinkMinutes * minute);
  const { rowCount } = await db.query(loginLinkSql, [...queuedValues(mail, now), isAdminEmail(email, config.emails), hash, expiresAt]);
  return { sent: rowCount === 1 };
}

/** Spends a login link and starts a session; the address must still be on the list. */
export async function startSession(
  db: Db,
  token: string,
  config: AdminConfig,
  now: Date = new Date(),
): Promise<{ ok: true; email: string; cookie: string; expiresAt: Date } | { ok: false; reason: LoginFailure }> {
  const key = config.sessionKey;
  if (!key || !isWellFormedToken(token)) return { ok: false, reason: 'unknown' };
  const hash = loginTokenHash(token);
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{ email: string; used_at: Date | null; expires_at: Date }>(
      'SELECT email, used_at, expires_at FROM admin_login_tokens WHERE token_hash = $1 FOR UPDATE',
      [hash],
    );
    const found = rows[0];
    if (!found || !isAdminEmail(found.email, config.emails)) return { ok: false, reason: 'unknown' } as const;
    if (found.used_at) return { ok: false, reason: 'used' } as const;
    if (found.expires_at.getTime() <= now.getTime()) return { ok: false, reason: 'expired' } as const;
    await tx.query('UPDATE admin_login_tokens SET used_at = $2 WHERE token_hash = $1', [hash, now]);
    const { secret, id } = newSessionSecret();
    const expiresAt = new Date(now.getTime() + adminSessionPolicy.sessionHours * 60 * minute);
    await tx.query('INSERT INTO admin_sessions (id, email, created_at, expires_at) VALUES ($1, $2, $3, $4)', [id, found.email, now, expiresAt]);
    await recordAudit(tx, { actor: found.email, action: 'login' }, now);
    return { ok: true, email: found.email, cookie: signSessionCookie(secret, expiresAt, key), expiresAt } as const;
  });
}

/** The live session behind the request's cookie: signed, unexpired, not logged out, and its address still on the list. */
export async function sessionFor(db: Db, request: Request, config: AdminConfig, now: Date = new Date()): Promise<AdminSession | undefined> {
  const key = config.sessionKey;
  const cookie = readCookie(request.headers.get('cookie'), adminSessionPolicy.cookieName);
  if (!key || !cookie) return undefined;
  const secret = verifySessionCookie(cookie, key, now);
  if (!secret) return undefined;
  const { rows } = await db.query<{ email: string; expires_at: Date }>(
    'SELECT email, expires_at FROM admin_sessions WHERE id = $1 AND ended_at IS NULL AND expires_at > $2',
    [sessionIdFor(secret), now],
  );
  const row = rows[0];
  if (!row || !isAdminEmail(row.email, config.emails)) return undefined;
  return { email: row.email, secret, csrfToken: csrfTokenFor(secret, key), expiresAt: row.expires_at };
}

export async function endSession(db: Db, session: AdminSession, now: Date = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('UPDATE admin_sessions SET ended_at = $2 WHERE id = $1 AND ended_at IS NULL', [sessionIdFor(session.secret), now]);
    await recordAudit(tx, { actor: session.email, action: 'logout' }, now);
  });
}

/** Retention: spent login links after a day, expired sessions after the log period. */
export const pruneAdminLogins: Pruner = async (tx, before) => {
  const logins = await tx.query('DELETE FROM admin_login_tokens WHERE expires_at < $1', [before(1)]);
  await tx.query('DELETE FROM admin_sessions WHERE expires_at < $1', [before(retentionPolicy.outboxLogDays)]);
  return { adminLoginsDeleted: logins.rowCount };
};
