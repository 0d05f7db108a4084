// The common front of every function that takes input: same-origin check, size/type-checked body, per-IP rate limit.
import { createHash } from 'node:crypto';
import type { RateLimitRule } from '../rate-limits.ts';
import type { Db } from '../db/client.ts';
import { database } from '../runtime.ts';
import { checkRateLimit } from '../rate-limit-store.ts';
import { clientIp } from './client-ip.ts';
import { readBody, sameOrigin, type FormFields } from './request-body.ts';
import { problem, prefersJson } from './respond.ts';
import { strings } from '../../i18n/index.ts';

const t = strings();

export const acceptMessages = { crossSite: t.server.crossSite, tooMany: t.server.tooMany } as const;

export type Accepted =
  | { ok: true; data: FormFields | Record<string, unknown>; wantsJson: boolean; db: Db; ip: string }
  | { ok: false; response: Response };

/** IPs that are never limited (comma-separated in RATE_LIMIT_ALLOW), e.g. a monitoring host; read again only when it changes. */
let allowed: { raw: string; ips: Set<string> } | undefined;
function allowList(): Set<string> {
  const raw = process.env.RATE_LIMIT_ALLOW ?? '';
  if (allowed?.raw !== raw) allowed = { raw, ips: new Set(raw.split(',').map((ip) => ip.trim()).filter(Boolean)) };
  return allowed.ips;
}

/** The stored key for an IP: hashed, so the rate-limit table holds no personal data in the clear. */
function ipKey(action: string, ip: string): string {
  return `${action}:${createHash('sha256').update(ip).digest('base64url').slice(0, 22)}`;
}

/** `maxBytes` raises the body limit for a form with long texts (default: 16 KB). */
export async function acceptPost(request: Request, limit: { action: string; rules: readonly RateLimitRule[]; maxBytes?: number }): Promise<Accepted> {
  if (!sameOrigin(request)) return { ok: false, response: problem(403, acceptMessages.crossSite, { wantsJson: prefersJson(request) }) };
  const body = await readBody(request, { maxBytes: limit.maxBytes });
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

/** Form fields as a re-rendered form shows them: text as strings, a repeated field (checkboxes) as its list of strings. */
export function formValues(data: FormFields | Record<string, unknown>): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(data)) {
    if (Array.isArray(value)) values[key] = value.filter((v): v is string => typeof v === 'string');
    else if (typeof value === 'string') values[key] = value;
    else if (typeof value === 'boolean' || typeof value === 'number') values[key] = String(value);
  }
  return values;
}
