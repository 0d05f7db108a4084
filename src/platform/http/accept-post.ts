// The common front of every function that takes input: same-origin check, size/type-checked body, and the per-IP
// rate limit, counted once the input has been checked (accepted and rejected posts have limits of their own).
import { createHash } from 'node:crypto';
import { minutesToWait, rulesFor, type FormLimits } from '../rate-limits.ts';
import type { Db } from '../db/client.ts';
import { database } from '../runtime.ts';
import { checkRateLimit } from '../rate-limit-store.ts';
import { clientIp } from './client-ip.ts';
import { readBody, sameOrigin, type FormFields } from './request-body.ts';
import { problem, prefersJson } from './respond.ts';
import { strings, type Language } from '../../i18n/index.ts';

const t = strings();

export const acceptMessages = { crossSite: t.server.crossSite, tooMany: t.server.tooMany } as const;

/** A post over its limit: when to try again, the JSON answer for a script, and the words for a re-rendered form. */
export interface TooMany {
  retryAfterSeconds: number;
  headers: Record<string, string>;
  /** 429 with Retry-After as JSON (or bare text), for a client that asked for JSON. */
  response: () => Response;
  /** The box at the top of the form that comes back with the typed values. */
  alert: (lang?: Language) => { title: string; text: string };
}

export type Accepted =
  | {
      ok: true;
      data: FormFields | Record<string, unknown>;
      wantsJson: boolean;
      db: Db;
      ip: string;
      /** Counts this post toward its form's limit for accepted or for rejected posts; a TooMany when it is over. */
      count: (accepted: boolean) => Promise<TooMany | undefined>;
    }
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

/**
 * Checks where the post comes from and reads its body; the caller checks the input and then calls `count` with the
 * outcome, so a rejected post counts toward the more generous limit for rejected posts, never toward the form's own.
 * `maxBytes` raises the body limit for a form with long texts (default: 16 KB).
 */
export async function acceptPost(request: Request, limit: { limits: FormLimits; maxBytes?: number }): Promise<Accepted> {
  if (!sameOrigin(request)) return { ok: false, response: problem(403, acceptMessages.crossSite, { wantsJson: prefersJson(request) }) };
  const body = await readBody(request, { maxBytes: limit.maxBytes });
  if (!body.ok) return { ok: false, response: body.response };
  const db = await database();
  const ip = clientIp(request);
  const count = async (accepted: boolean): Promise<TooMany | undefined> => {
    if (allowList().has(ip)) return undefined;
    const decision = await checkRateLimit(db, ipKey(limit.limits.action, ip), rulesFor(limit.limits, accepted));
    return decision.allowed ? undefined : tooMany(decision.retryAfterSeconds, body.wantsJson);
  };
  return { ok: true, data: body.data, wantsJson: body.wantsJson, db, ip, count };
}

function tooMany(retryAfterSeconds: number, wantsJson: boolean): TooMany {
  const headers = { 'Retry-After': String(retryAfterSeconds) };
  return {
    retryAfterSeconds,
    headers,
    response: () => problem(429, acceptMessages.tooMany, { wantsJson, headers }),
    alert: (lang?: Language) => {
      const words = strings(lang).rateLimits;
      return { title: words.title, text: `${words.tryAgain(minutesToWait(retryAfterSeconds))} ${words.kept}` };
    },
  };
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
