// Reads what a form or a script POSTed, within a size limit, and refuses cross-site posts: the first step of every function that takes input.
import { prefersJson, problem } from './respond.ts';
import { strings } from '../../i18n/index.ts';

export const defaultMaxBytes = 16 * 1024;

/** Keys that could reach Object.prototype when a caller merges the data into another object. */
const forbiddenKeys = new Set(['__proto__', 'constructor', 'prototype']);

const t = strings();

export const bodyMessages = { tooLarge: t.server.tooLarge, unsupported: t.server.unsupported, malformed: t.server.malformed } as const;

/** A form field sent once is a string; sent several times (checkboxes), an array. */
export type FormFields = Record<string, string | string[]>;

export type ParsedBody =
  | { ok: true; kind: 'form'; data: FormFields; wantsJson: boolean }
  | { ok: true; kind: 'json'; data: Record<string, unknown>; wantsJson: boolean }
  | { ok: false; response: Response; wantsJson: boolean };

function mediaType(request: Request): string {
  return (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
}

/** Reads at most `maxBytes`, counting what actually arrives: a Content-Length can lie, or be absent. */
async function readLimited(request: Request, maxBytes: number): Promise<Uint8Array | 'too-large'> {
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) return 'too-large';
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return 'too-large';
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

function parseForm(text: string): FormFields {
  const data: FormFields = {};
  for (const [key, value] of new URLSearchParams(text)) {
    if (forbiddenKeys.has(key)) continue;
    const seen = Object.hasOwn(data, key) ? data[key] : undefined;
    if (seen === undefined) data[key] = value;
    else data[key] = Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return data;
}

/**
 * Deletes the forbidden keys at every depth. A loop with its own stack rather than a JSON.parse reviver: the reviver
 * is called for every value and was the largest single cost of reading a signing; the loop also takes any depth.
 */
function withoutForbiddenKeys(root: unknown): void {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value !== 'object' || value === null) continue;
    if (Array.isArray(value)) {
      for (const item of value) if (typeof item === 'object' && item !== null) stack.push(item);
      continue;
    }
    const object = value as Record<string, unknown>;
    for (const key of Object.keys(object)) {
      if (forbiddenKeys.has(key)) delete object[key];
      else if (typeof object[key] === 'object' && object[key] !== null) stack.push(object[key]);
    }
  }
}

function parseJsonObject(text: string): Record<string, unknown> | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  withoutForbiddenKeys(value);
  return value as Record<string, unknown>;
}

/**
 * Parses an `application/x-www-form-urlencoded` or `application/json` body. Fails with a ready answer: 413 past
 * `maxBytes`, 415 for any other content type, 400 for bytes that are not UTF-8, broken JSON, or JSON that is
 * not an object. The answer is JSON when the client wants JSON, else text.
 */
export async function readBody(request: Request, options: { maxBytes?: number } = {}): Promise<ParsedBody> {
  const wantsJson = prefersJson(request);
  const fail = (status: number, message: string): ParsedBody => ({ ok: false, wantsJson, response: problem(status, message, { wantsJson }) });
  const type = mediaType(request);
  if (type !== 'application/json' && type !== 'application/x-www-form-urlencoded') return fail(415, bodyMessages.unsupported);

  const bytes = await readLimited(request, options.maxBytes ?? defaultMaxBytes);
  if (bytes === 'too-large') return fail(413, bodyMessages.tooLarge);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail(400, bodyMessages.malformed);
  }

  if (type === 'application/x-www-form-urlencoded') return { ok: true, kind: 'form', data: parseForm(text), wantsJson };
  const data = parseJsonObject(text);
  return data ? { ok: true, kind: 'json', data, wantsJson } : fail(400, bodyMessages.malformed);
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * False for an unsafe request (POST, …) that a browser sent from another site: its `Origin` differs from the
 * request's own origin, is `null`, or `Sec-Fetch-Site` says cross-site. A request without `Origin` passes,
 * because curl and servers send none and no cookie gives such a request any power here.
 */
export function sameOrigin(request: Request): boolean {
  if (safeMethods.has(request.method)) return true;
  if (request.headers.get('sec-fetch-site') === 'cross-site') return false;
  const origin = request.headers.get('origin');
  if (origin === null) return true;
  return origin === new URL(request.url).origin;
}
