// Stores and spends the tokens behind links in mails (confirm, withdraw, leave) for any table of subjects: only hashes are kept.
import { hashToken, isWellFormedToken, newToken, tokenExpiry, type TokenFailure, type TokenPurpose } from './tokens.ts';
import type { Db, Queryable } from './db/client.ts';

/** Where one kind of subject keeps its tokens. Fixed names only: they are put into SQL. */
export interface TokenTable {
  tokens: string;
  subjects: string;
  /** The tokens table's column that points at the subject's id. */
  subjectColumn: string;
}

export const signatureTokens = { tokens: 'signature_tokens', subjects: 'signatures', subjectColumn: 'signature_id' } as const satisfies TokenTable;
export const memberTokens = { tokens: 'member_tokens', subjects: 'members', subjectColumn: 'member_id' } as const satisfies TokenTable;

export type TokenUse<Row> = { ok: true; subject: Row } | { ok: false; reason: TokenFailure };

/** Makes a token for the subject, stores its hash with the purpose's lifetime, and returns the token for the link. */
export async function issueLinkToken(tx: Queryable, table: TokenTable, subjectId: string, purpose: TokenPurpose, now: Date): Promise<string> {
  const token = newToken();
  await tx.query(`INSERT INTO ${table.tokens} (token_hash, purpose, ${table.subjectColumn}, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)`, [
    hashToken(purpose, token),
    purpose,
    subjectId,
    now,
    tokenExpiry(purpose, now),
  ]);
  return token;
}

/**
 * Finds and locks a token of this purpose with its subject, checks it, and runs the step in the same transaction;
 * the token is spent only if the step succeeds (a step that deletes the subject takes its tokens with it). `done` says
 * the subject is already where the step would take it (confirmed through another link): that reads as "used", even
 * for an expired link, because nothing is left to do.
 */
export async function useLinkToken<Row extends { id: string }>(
  db: Db,
  table: TokenTable,
  token: string,
  purpose: TokenPurpose,
  now: Date,
  step: (tx: Queryable, subject: Row) => Promise<boolean>,
  done: (subject: Row) => boolean = () => false,
): Promise<TokenUse<Row>> {
  if (!isWellFormedToken(token)) return { ok: false, reason: 'unknown' };
  const hash = hashToken(purpose, token);
  return db.transaction(async (tx): Promise<TokenUse<Row>> => {
    const { rows } = await tx.query<Row & { token_used_at: Date | null; token_expires_at: Date }>(
      `SELECT s.*, t.used_at AS token_used_at, t.expires_at AS token_expires_at
       FROM ${table.tokens} t JOIN ${table.subjects} s ON s.id = t.${table.subjectColumn}
       WHERE t.token_hash = $1 AND t.purpose = $2
       FOR UPDATE OF t, s`,
      [hash, purpose],
    );
    const found = rows[0];
    if (!found) return { ok: false, reason: 'unknown' };
    const { token_used_at: _used, token_expires_at: _expires, ...subject } = found;
    if (found.token_used_at || done(subject as unknown as Row)) return { ok: false, reason: 'used' };
    if (found.token_expires_at.getTime() <= now.getTime()) return { ok: false, reason: 'expired' };
    if (!(await step(tx, subject as unknown as Row))) return { ok: false, reason: 'not-allowed' };
    await tx.query(`UPDATE ${table.tokens} SET used_at = $2 WHERE token_hash = $1`, [hash, now]);
    return { ok: true, subject: subject as unknown as Row };
  });
}

/** A token as stored, with its subject: whether or not it was spent or is too old. */
export interface FoundLinkToken<Row> {
  subject: Row;
  usedAt: Date | null;
  expiresAt: Date;
}

/**
 * Finds a token of this purpose and its subject without spending it: for the page a link opens (before its button is
 * pressed) and for sending a new link in place of an old one. `lock` locks the token and its subject for the transaction.
 */
export async function findLinkToken<Row extends { id: string }>(db: Queryable, table: TokenTable, token: string, purpose: TokenPurpose, options: { lock?: boolean } = {}): Promise<FoundLinkToken<Row> | undefined> {
  if (!isWellFormedToken(token)) return undefined;
  const { rows } = await db.query<Row & { token_used_at: Date | null; token_expires_at: Date }>(
    `SELECT s.*, t.used_at AS token_used_at, t.expires_at AS token_expires_at
     FROM ${table.tokens} t JOIN ${table.subjects} s ON s.id = t.${table.subjectColumn}
     WHERE t.token_hash = $1 AND t.purpose = $2${options.lock ? ' FOR UPDATE OF t, s' : ''}`,
    [hashToken(purpose, token), purpose],
  );
  const found = rows[0];
  if (!found) return undefined;
  const { token_used_at: usedAt, token_expires_at: expiresAt, ...subject } = found;
  return { subject: subject as unknown as Row, usedAt, expiresAt };
}

/**
 * What a link would do if its button were pressed now: nothing (undefined: it works), or why not. `done` says the
 * subject is already where the link would take it (confirmed through another link): that reads as "used".
 */
export async function linkTokenState<Row extends { id: string }>(db: Queryable, table: TokenTable, token: string, purpose: TokenPurpose, now: Date, done: (subject: Row) => boolean = () => false): Promise<TokenFailure | undefined> {
  const found = await findLinkToken<Row>(db, table, token, purpose);
  if (!found) return 'unknown';
  if (found.usedAt || done(found.subject)) return 'used';
  if (found.expiresAt.getTime() <= now.getTime()) return 'expired';
  return undefined;
}
