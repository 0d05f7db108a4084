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
 * the token is spent only if the step succeeds (a step that deletes the subject takes its tokens with it).
 */
export async function useLinkToken<Row extends { id: string }>(
  db: Db,
  table: TokenTable,
  token: string,
  purpose: TokenPurpose,
  now: Date,
  step: (tx: Queryable, subject: Row) => Promise<boolean>,
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
    if (found.token_used_at) return { ok: false, reason: 'used' };
    if (found.token_expires_at.getTime() <= now.getTime()) return { ok: false, reason: 'expired' };
    const { token_used_at: _used, token_expires_at: _expires, ...subject } = found;
    if (!(await step(tx, subject as unknown as Row))) return { ok: false, reason: 'not-allowed' };
    await tx.query(`UPDATE ${table.tokens} SET used_at = $2 WHERE token_hash = $1`, [hash, now]);
    return { ok: true, subject: subject as unknown as Row };
  });
}
