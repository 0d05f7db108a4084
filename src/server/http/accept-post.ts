// The common front of every function that takes input: same-origin check, size/type-checked body, per-IP rate limit.
import { createHash } from 'node:crypto';
import type { RateLimitRule } from '../../domain/rate-limits.ts';
import type { Db } from '../db/client.ts';
import { database } from '../runtime.ts';
import { checkRateLimit } from '../signatures.ts';
import { clientIp } from './client-ip.ts';
import { readBody, sameOrigin, type FormFields } from './request-body.ts';
import { problem, prefersJson } from './respond.ts';

export const acceptMessages = {
  crossSite: 'Formularen skal sendes fra Samskabelsesbevægelsens egen side.',
  tooMany: 'Der er sendt mange formularer fra din forbindelse. Vent lidt, og prøv igen.',
} as const;

export type Accepted =
  | { ok: true; data: FormFields | Record<string, unknown>; wantsJson: boolean; db: Db; ip: string }
  | { ok: false; response: Response };

/** IPs that are never limited (comma-separated in RATE_LIMIT_ALLOW), e.g. a monitoring host or a load test. */
function allowList(): Set<string> {
  return new Set((process.env.RATE_LIMIT_ALLOW ?? '').split(',').map((ip) => ip.trim()).filter(Boolean));
}

/** The stored key for an IP: hashed, so the rate-limit table holds no personal data in the clear. */
function ipKey(action: string, ip: string): string {
  return `${action}:${createHash('sha256').update(ip).digest('base64url').slice(0, 22)}`;
}

export async function acceptPost(request: Request, limit: { action: string; rules: readonly RateLimitRule[] }): Promise<Accepted> {
  if (!sameOrigin(request)) return { ok: false, response: problem(403, acceptMessages.crossSite, { wantsJson: prefersJson(request) }) };
  const body = await readBody(request);
  if (!body.ok) return { ok: false, response: body.response };
  const db = await database();
  const ip = clientIp(request);
  if (!allowList().has(ip)) {
    const decision = await checkRateLimit(db, ipKey(limit.action, ip), limit.rules);
    if (!decision.allowed) {
      const headers = { 'Retry-After': String(decision.retryAfterSeconds) };
      return { ok: false, response: problem(429, acceptMessages.tooMany, { wantsJson: body.wantsJson, headers }) };
    }
  }
  return { ok: true, data: body.data, wantsJson: body.wantsJson, db, ip };
}

/** Form fields as the strings a re-rendered form shows (the first value of a repeated field). */
export function formValues(data: FormFields | Record<string, unknown>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(data)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (typeof first === 'string') values[key] = first;
    else if (typeof first === 'boolean' || typeof first === 'number') values[key] = String(first);
  }
  return values;
}
