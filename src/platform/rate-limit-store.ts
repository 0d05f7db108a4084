// Counts requests per key in fixed windows in the database (rate_limit_buckets); the rules and the decision are in rate-limits.ts.
import type { Db } from './db/client.ts';
import { decideRateLimit, type RateLimitDecision, type RateLimitRule } from './rate-limits.ts';

// The upsert's text depends only on how many rules there are, so each length is built once.
const rateLimitSql = new Map<number, string>();
function rateLimitStatement(rules: number): string {
  let sql = rateLimitSql.get(rules);
  if (!sql) {
    // $1 is the key, $2 now, then each rule's name and the end of its window if it starts now.
    const values = Array.from({ length: rules }, (_, i) => `($1, $${3 + 2 * i}, 1, $${4 + 2 * i}::timestamptz)`);
    sql = `INSERT INTO rate_limit_buckets AS b (key, window_name, count, reset_at) VALUES ${values.join(', ')}
     ON CONFLICT (key, window_name) DO UPDATE SET
       count = CASE WHEN b.reset_at <= $2 THEN 1 ELSE b.count + 1 END,
       reset_at = CASE WHEN b.reset_at <= $2 THEN EXCLUDED.reset_at ELSE b.reset_at END
     RETURNING window_name, count, reset_at`;
    rateLimitSql.set(rules, sql);
  }
  return sql;
}

/**
 * Counts this request in every rule's window and decides whether it may pass. One upsert for all the rules: a
 * single statement is atomic on its own and costs one round trip on the hot path.
 */
export async function checkRateLimit(db: Db, key: string, rules: readonly RateLimitRule[], now: Date = new Date()): Promise<RateLimitDecision> {
  const params: unknown[] = [key, now];
  for (const rule of rules) params.push(rule.name, new Date(now.getTime() + rule.windowSeconds * 1000));
  const { rows } = await db.query<{ window_name: string; count: number; reset_at: Date }>(rateLimitStatement(rules.length), params, { prepare: true });
  const counts = rules.map((rule) => {
    const row = rows.find((r) => r.window_name === rule.name)!;
    return { rule, count: row.count, resetAt: row.reset_at };
  });
  return decideRateLimit(counts, now);
}

/** Removes windows that ended a day ago or more; run it from the same cron as the outbox. */
export async function pruneRateLimits(db: Db, now: Date = new Date()): Promise<number> {
  const { rowCount } = await db.query('DELETE FROM rate_limit_buckets WHERE reset_at < $1', [new Date(now.getTime() - 24 * 60 * 60 * 1000)]);
  return rowCount;
}

