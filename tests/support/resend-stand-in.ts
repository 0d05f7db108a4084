// A stand-in for Resend's email API on this machine, faithful to its documented rules: POST /emails and POST /emails/batch
// (at most 100 mails, strict or permissive validation), idempotency keys kept 24 hours (same key and body: the same
// answer; same key, other body: 409), and optionally the team's rate limit with 429. It records every request and
// every mail it delivers, and can be told to fail, throttle or hang.
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the next request gets: a status (with headers), or no answer at all until the stand-in stops. */
export type StandInAnswer = { status: number; headers?: Record<string, string> } | 'hang';

export interface StandInRequest {
  path: string;
  idempotencyKey: string | undefined;
  /** The first mail's recipients (for /emails, the mail's). */
  to: string[];
  subject: string;
  /** Mails in the request: 1 for /emails, the array's length for /emails/batch. */
  mails: number;
  /** The parsed body (undefined when it was not JSON). */
  body: unknown;
  /** The x-batch-validation header ('strict' when absent). */
  validation: string;
  /** The answer it got: a status, or 'hang'. */
  answer: number | 'hang';
  at: number;
}

/** A mail Resend took: whom to, and when (the stand-in's clock, in ms). */
export interface DeliveredMail {
  id: string;
  to: string[];
  subject: string;
  tags: Record<string, string>;
  at: number;
}

export interface ResendStandIn {
  url: string;
  /** Every request, in the order it arrived. */
  requests: StandInRequest[];
  /**
   * Mails delivered, counted per mail: by its `outbox` tag (the outbox row) when it has one, else by the request's
   * idempotency key. Resend delivers a key once, even when its answer was lost.
   */
  deliveries: Map<string, number>;
  /** Every mail delivered, in order. */
  delivered: DeliveredMail[];
  /** Answers for the next requests, used up in order; afterwards every request is judged by the rules. */
  script: StandInAnswer[];
  /** Forgets what a test saw and scripted (requests, answers to come, deliveries), between tests; Resend's own memory of idempotency keys stays. */
  reset: () => void;
  stop: () => Promise<void>;
}

export interface StandInOptions {
  /** Requests allowed in any one second (Resend's default for a team is 2); more get 429. Unset: no limit. */
  ratePerSecond?: number;
  /** The stand-in's clock in ms (default: Date.now), for the 24-hour life of an idempotency key. */
  clock?: () => number;
}

/** Resend's documented most mails in one batch call. */
export const batchLimit = 100;
const keyLifeMs = 24 * 60 * 60 * 1000;
const addressPattern = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

type Json = Record<string, unknown>;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((done) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => done(Buffer.concat(chunks).toString('utf8')));
  });
}

function parse(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

/** What is wrong with one mail, as Resend would say it, or undefined. */
function invalid(mail: unknown): string | undefined {
  if (!mail || typeof mail !== 'object') return 'The email must be an object.';
  const m = mail as Json;
  if (typeof m.from !== 'string' || !m.from) return 'The `from` field is missing.';
  const to = Array.isArray(m.to) ? m.to : typeof m.to === 'string' ? [m.to] : [];
  if (to.length === 0) return 'The `to` field is missing.';
  const bad = to.find((address) => typeof address !== 'string' || !addressPattern.test(address));
  if (bad !== undefined) return `Invalid \`to\` field. The email address needs to follow the \`email@example.com\` or \`Name <email@example.com>\` format. Got ${String(bad)}.`;
  if (typeof m.subject !== 'string' || !m.subject) return 'The `subject` field is missing.';
  if ('attachments' in m) return 'Attachments are not supported in batch emails.';
  if ('scheduled_at' in m) return 'Scheduled emails are not supported in batch emails.';
  return undefined;
}

const tagsOf = (mail: Json): Record<string, string> =>
  Object.fromEntries((Array.isArray(mail.tags) ? (mail.tags as { name: string; value: string }[]) : []).map((t) => [t.name, t.value]));

const problem = (status: number, name: string, message: string) => ({ status, body: { statusCode: status, name, message } });

export async function startResendStandIn(options: StandInOptions = {}): Promise<ResendStandIn> {
  const clock = options.clock ?? Date.now;
  const requests: StandInRequest[] = [];
  const deliveries = new Map<string, number>();
  const delivered: DeliveredMail[] = [];
  const script: StandInAnswer[] = [];
  const hanging = new Set<ServerResponse>();
  /** Accepted keys: the body's hash and the answer, replayed for 24 hours. */
  const keys = new Map<string, { hash: string; status: number; body: unknown; at: number }>();
  /** When the requests of the last second came, for the rate limit. */
  const recent: number[] = [];
  let nextId = 0;

  const deliver = (mail: Json, key: string | undefined): string => {
    const id = `stand-in-${++nextId}`;
    const tags = tagsOf(mail);
    const to = (Array.isArray(mail.to) ? mail.to : [mail.to]) as string[];
    delivered.push({ id, to, subject: String(mail.subject ?? ''), tags, at: clock() });
    const counted = tags.outbox ?? key;
    if (counted) deliveries.set(counted, (deliveries.get(counted) ?? 0) + 1);
    return id;
  };

  /** Resend's answer by its rules, delivering what it accepts. */
  const judge = (path: string, body: unknown, key: string | undefined, validation: string): { status: number; body: unknown } => {
    if (path === '/emails') {
      const why = invalid(body);
      if (why) return problem(422, 'validation_error', why);
      return { status: 200, body: { id: deliver(body as Json, key) } };
    }
    if (!Array.isArray(body)) return problem(422, 'validation_error', 'The request body must be an array of emails.');
    if (body.length === 0) return problem(422, 'validation_error', 'The batch must contain at least 1 email.');
    if (body.length > batchLimit) return problem(422, 'validation_error', `The batch must contain at most ${batchLimit} emails.`);
    const errors = body.flatMap((mail, index) => {
      const message = invalid(mail);
      return message ? [{ index, message }] : [];
    });
    if (validation !== 'permissive') {
      // Strict, the default: one invalid mail and nothing is sent.
      if (errors.length) return problem(422, 'validation_error', `emails[${errors[0]!.index}]: ${errors[0]!.message}`);
      return { status: 200, body: { data: body.map((mail) => ({ id: deliver(mail as Json, undefined) })) } };
    }
    const refused = new Set(errors.map((e) => e.index));
    const data = body.flatMap((mail, index) => (refused.has(index) ? [] : [{ id: deliver(mail as Json, undefined) }]));
    return { status: 200, body: { data, errors } };
  };

  const server = createServer(async (req, res) => {
    const raw = await readBody(req);
    const path = (req.url ?? '').split('?')[0]!;
    const key = req.headers['idempotency-key'] as string | undefined;
    const validation = String(req.headers['x-batch-validation'] ?? 'strict');
    const body = parse(raw);
    const first = (Array.isArray(body) ? body[0] : body) as Json | undefined;
    const now = clock();
    const request: StandInRequest = {
      path,
      idempotencyKey: key,
      to: Array.isArray(first?.to) ? (first.to as string[]) : typeof first?.to === 'string' ? [first.to] : [],
      subject: typeof first?.subject === 'string' ? first.subject : '',
      mails: Array.isArray(body) ? body.length : 1,
      body,
      validation,
      answer: 200,
      at: now,
    };
    requests.push(request);
    const send = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      request.answer = status;
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(payload));
    };

    // The team's rate limit counts every request, whatever comes of it.
    if (options.ratePerSecond) {
      while (recent.length && recent[0]! <= now - 1000) recent.shift();
      if (recent.length >= options.ratePerSecond) {
        const retryAfter = Math.max(1, Math.ceil((recent[0]! + 1000 - now) / 1000));
        return send(429, problem(429, 'rate_limit_exceeded', 'Too many requests. You can only make 2 requests per second.').body, {
          'retry-after': String(retryAfter),
          'ratelimit-limit': String(options.ratePerSecond),
          'ratelimit-remaining': '0',
        });
      }
      recent.push(now);
    }

    const scripted = script.shift();
    if (scripted === 'hang') {
      // The worst kind of timeout: Resend took the mail, but its answer never arrives.
      const answer = body === undefined ? problem(400, 'invalid_body', 'Invalid JSON.') : judge(path, body, key, validation);
      if (key && answer.status === 200) keys.set(key, { hash: hashOf(raw, path), status: answer.status, body: answer.body, at: now });
      request.answer = 'hang';
      hanging.add(res);
      return;
    }
    if (scripted) {
      const failed = scripted.status === 429 ? problem(429, 'rate_limit_exceeded', 'Stand-in failure') : problem(scripted.status, 'application_error', 'Stand-in failure');
      return send(scripted.status, failed.body, scripted.headers);
    }
    // Newsletter contacts are not what this stand-in is about: it takes them, as Resend would a valid one.
    if (path.startsWith('/contacts')) return send(200, { object: 'contact', id: `contact-${++nextId}` });
    if (path !== '/emails' && path !== '/emails/batch') return send(404, problem(404, 'not_found', 'The requested endpoint does not exist.').body);
    if (body === undefined) return send(400, problem(400, 'invalid_body', 'Invalid JSON.').body);
    if (key !== undefined && (key.length === 0 || key.length > 256)) return send(400, problem(400, 'invalid_idempotency_key', 'The key must be between 1-256 chars.').body);

    if (key) {
      const seen = keys.get(key);
      if (seen && now - seen.at < keyLifeMs) {
        // Same key, same body: the first answer again, and nothing sent. Same key, other body: refused.
        if (seen.hash === hashOf(raw, path)) return send(seen.status, seen.body);
        return send(409, problem(409, 'invalid_idempotent_request', 'Same idempotency key used with a different request payload.').body);
      }
    }
    const answer = judge(path, body, key, validation);
    // Only an accepted request holds its key; a refused one may be corrected and sent again under it.
    if (key && answer.status === 200) keys.set(key, { hash: hashOf(raw, path), status: answer.status, body: answer.body, at: now });
    send(answer.status, answer.body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    deliveries,
    delivered,
    script,
    reset() {
      requests.length = 0;
      script.length = 0;
      deliveries.clear();
      delivered.length = 0;
    },
    stop: () =>
      new Promise<void>((done) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

function hashOf(raw: string, path: string): string {
  return createHash('sha256').update(path).update('\n').update(raw).digest('hex');
}
