// Checks a shared secret sent as "Authorization: Bearer …" (admin API, cron), in constant time.
import { timingSafeEqual, createHash } from 'node:crypto';

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/** False when the secret is unset or empty: an unconfigured secret never lets anyone in. */
export function hasBearer(request: Request, secret: string | undefined): boolean {
  if (!secret) return false;
  const header = request.headers.get('authorization') ?? '';
  const match = /^Bearer\s+(.+)$/i.exec(header);
  return match !== null && timingSafeEqual(digest(match[1]!.trim()), digest(secret));
}
