// Makes the secret tokens behind confirm and withdraw links, and the hashes that are all the database keeps.
import { createHash, randomFillSync, timingSafeEqual } from 'node:crypto';

/** Each purpose has its own lifetime, and a token only hashes to a match under its own purpose. */
export const tokenPurposes = {
  // A confirm link is for the days right after signing.
  confirm: { lifetimeDays: 7 },
  // A withdraw link sits in every mail and must keep working while the signature is up:
  // taking consent back has to be as easy as giving it.
  withdraw: { lifetimeDays: 365 },
  // A member confirms in the days right after joining, like a signatory.
  'member-confirm': { lifetimeDays: 7 },
  // The leave link sits in every member mail, and a welcome mail may be years old when it is used:
  // leaving must work from any mail we ever sent, so it lasts as long as a membership reasonably can.
  'member-leave': { lifetimeDays: 10 * 365 },
  // A proposal to the charter is confirmed in the days after it was sent, like a signature.
  'proposal-confirm': { lifetimeDays: 7 },
  // Support for a proposal is given from the link mailed to a member or a signatory's contact.
  'proposal-support': { lifetimeDays: 7 },
  // The re-affirm link in the mail about a new version of the charter: a signatory may take its time to discuss it.
  'charter-affirm': { lifetimeDays: 365 },
} as const;

export type TokenPurpose = keyof typeof tokenPurposes;

/** Why a link from a mail did nothing: never issued (or its subject is gone), spent, too old, or no longer allowed. */
export type TokenFailure = 'unknown' | 'used' | 'expired' | 'not-allowed';

export const tokenBytes = 32; // 256 bits: far past guessing, and 43 characters in a link.

// Random bytes are drawn from the OS 128 tokens at a time, as Node does for randomUUID: one call per token was a
// measurable part of a signing (see docs/benchmarks.md). Each byte is handed out once.
const pool = Buffer.alloc(tokenBytes * 128);
let poolOffset = pool.length;

/** A fresh random token, base64url so it survives a URL and a mail client untouched. */
export function newToken(): string {
  if (poolOffset === pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  const token = pool.toString('base64url', poolOffset, poolOffset + tokenBytes);
  poolOffset += tokenBytes;
  return token;
}

/** The hex sha256 of purpose and token: a confirm token can never pass as a withdraw token. */
export function hashToken(purpose: TokenPurpose, token: string): string {
  return createHash('sha256').update(`${purpose}:${token}`).digest('hex');
}

export function tokenExpiry(purpose: TokenPurpose, issuedAt: Date): Date {
  return new Date(issuedAt.getTime() + tokenPurposes[purpose].lifetimeDays * 24 * 60 * 60 * 1000);
}

/** Does the token look like one we issued? Cheap to check before touching the database. */
export function isWellFormedToken(token: unknown): token is string {
  return typeof token === 'string' && /^[A-Za-z0-9_-]{43}$/.test(token);
}

/** Compares two secrets without leaking, through timing, how much of them matched. */
export function sameSecret(a: string, b: string): boolean {
  const left = createHash('sha256').update(a).digest();
  const right = createHash('sha256').update(b).digest();
  return timingSafeEqual(left, right) && a.length === b.length;
}
