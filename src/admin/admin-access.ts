// Who may use the secretariat's admin, and the signed session cookie and CSRF token that carry a login between requests.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

export const adminSessionPolicy = {
  /** A login link is for the next few minutes, not for the inbox. */
  loginLinkMinutes: 15,
  /** A working day; after that the secretariat asks for a new link. */
  sessionHours: 8,
  cookieName: 'samskabelse_admin',
} as const;

/** "a@x.dk, B@Y.dk" → the set of addresses, compared without case or surrounding space. */
export function parseAdminEmails(list: string | undefined): Set<string> {
  return new Set((list ?? '').split(/[,;\s]+/).map(normaliseEmail).filter((e) => e.includes('@')));
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function isAdminEmail(email: string, allowed: ReadonlySet<string>): boolean {
  return allowed.has(normaliseEmail(email));
}

/** A fresh session secret (in the cookie) and the hash the database keeps, so a leaked table logs nobody in. */
export function newSessionSecret(): { secret: string; id: string } {
  const secret = randomBytes(32).toString('base64url');
  return { secret, id: sessionIdFor(secret) };
}

export function sessionIdFor(secret: string): string {
  return createHash('sha256').update(`admin-session:${secret}`).digest('hex');
}

function mac(key: string, text: string): string {
  return createHmac('sha256', key).update(text).digest('base64url');
}

function equalText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The cookie value: secret, expiry (unix seconds) and an HMAC over both under the server's key. */
export function signSessionCookie(secret: string, expiresAt: Date, key: string): string {
  const expires = Math.floor(expiresAt.getTime() / 1000);
  return `${secret}.${expires}.${mac(key, `${secret}.${expires}`)}`;
}

/** The session secret from a cookie value, or undefined when it was tampered with or has expired. */
export function verifySessionCookie(value: string, key: string, now: Date): string | undefined {
  const match = /^([A-Za-z0-9_-]{43})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(value);
  if (!match) return undefined;
  const [, secret, expires, signature] = match as unknown as [string, string, string, string];
  if (!equalText(signature, mac(key, `${secret}.${expires}`))) return undefined;
  if (Number(expires) * 1000 <= now.getTime()) return undefined;
  return secret;
}

/** The CSRF token of a session: derived, so it needs no storage, and useless without the session it belongs to. */
export function csrfTokenFor(sessionSecret: string, key: string): string {
  return mac(key, `csrf:${sessionSecret}`);
}

export function isValidCsrfToken(token: unknown, sessionSecret: string, key: string): boolean {
  return typeof token === 'string' && equalText(token, csrfTokenFor(sessionSecret, key));
}

/** Reads one cookie from a Cookie header. */
export function readCookie(header: string | null, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** Set-Cookie for the session: HttpOnly, Secure and SameSite=Strict, for the admin's path only. */
export function sessionCookieHeader(value: string, expiresAt: Date): string {
  return `${adminSessionPolicy.cookieName}=${value}; Path=/admin; Expires=${expiresAt.toUTCString()}; HttpOnly; Secure; SameSite=Strict`;
}

export function clearedSessionCookieHeader(): string {
  return `${adminSessionPolicy.cookieName}=; Path=/admin; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; Secure; SameSite=Strict`;
}

const emailSchema = z.email().max(254);

/** Is this a plausible email address (the same rule the public forms use)? */
export function isEmailAddress(value: string): boolean {
  return emailSchema.safeParse(value.trim().toLowerCase()).success;
}
