// Tells a passing outage (database down, restarting or full, network refused) from a bug, so the caller can answer 503.
const networkCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE']);
const serverCodes = new Set(['57P01', '57P02', '57P03', '53300']);
// pg reports a connection that ended, a query on a client broken by that, and a pool that found no connection in
// time with these messages and no code (seen when killing Postgres; faults/database-restart.test.ts does that).
const pgConnectionLost = /^(Connection terminated unexpectedly|Connection terminated|Client has encountered a connection error and is not queryable|timeout exceeded when trying to connect)$/;

/**
 * An outage the app itself detects, such as a database behind this deployment's migrations or a production setting
 * that is missing: answered with 503 like a lost database, never with the platform's bare error page.
 */
export class Unavailable extends Error {
  override name = 'Unavailable';
}

function codeOf(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null || !('code' in err)) return undefined;
  return typeof err.code === 'string' ? err.code : undefined;
}

/**
 * True for SQLSTATE class 08 (connection exception), 57P01-57P03 (admin shutdown, crash shutdown, cannot connect
 * now), 53300 (too many connections), Node's ECONNREFUSED, ECONNRESET, ETIMEDOUT and EPIPE, and pg's code-less
 * errors for a lost connection or a pool that could not connect in time. Looks through `cause`
 * and through AggregateError, which is how Node reports a refused connect to every address of a host.
 */
export function isUnavailable(err: unknown, depth = 0): boolean {
  if (err instanceof Unavailable) return true;
  const code = codeOf(err);
  if (code && (networkCodes.has(code) || serverCodes.has(code) || /^08[0-9A-Z]{3}$/.test(code))) return true;
  if (!code && err instanceof Error && pgConnectionLost.test(err.message)) return true;
  if (depth > 4 || typeof err !== 'object' || err === null) return false;
  if ('cause' in err && isUnavailable(err.cause, depth + 1)) return true;
  return err instanceof AggregateError && err.errors.some((inner) => isUnavailable(inner, depth + 1));
}
