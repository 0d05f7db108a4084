// A stand-in for Resend's email API on this machine: records every request, keeps Resend's idempotency (one key, one mail), and can be told to fail, throttle or hang.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the next request gets: a status (with headers), or no answer at all until the stand-in stops. */
export type StandInAnswer = { status: number; headers?: Record<string, string> } | 'hang';

export interface StandInRequest {
  idempotencyKey: string | undefined;
  to: string[];
  subject: string;
  /** The answer it got: a status, or 'hang'. */
  answer: number | 'hang';
}

export interface ResendStandIn {
  url: string;
  /** Every request, in the order it arrived. */
  requests: StandInRequest[];
  /** Mails actually delivered, per idempotency key: Resend delivers a key once, even when its answer was lost. */
  deliveries: Map<string, number>;
  /** Answers for the next requests, used up in order; afterwards every request gets 200. */
  script: StandInAnswer[];
  stop: () => Promise<void>;
}

function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  return new Promise((done) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      try {
        done(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>);
      } catch {
        done({});
      }
    });
  });
}

export async function startResendStandIn(): Promise<ResendStandIn> {
  const requests: StandInRequest[] = [];
  const deliveries = new Map<string, number>();
  const script: StandInAnswer[] = [];
  const hanging = new Set<ServerResponse>();
  const ids = new Map<string, string>();

  const deliver = (key: string | undefined): string => {
    // Like Resend: a key seen before returns the first mail's id and sends nothing.
    if (key && ids.has(key)) return ids.get(key)!;
    const id = `stand-in-${ids.size + 1}`;
    if (key) {
      ids.set(key, id);
      deliveries.set(key, (deliveries.get(key) ?? 0) + 1);
    }
    return id;
  };

  const server = createServer(async (req, res) => {
    const body = await readJson(req);
    const key = req.headers['idempotency-key'] as string | undefined;
    const answer = script.shift() ?? { status: 200 };
    requests.push({
      idempotencyKey: key,
      to: Array.isArray(body.to) ? (body.to as string[]) : [],
      subject: typeof body.subject === 'string' ? body.subject : '',
      answer: answer === 'hang' ? 'hang' : answer.status,
    });
    if (answer === 'hang') {
      // The worst kind of timeout: Resend took the mail, but its answer never arrives.
      deliver(key);
      hanging.add(res);
      return;
    }
    const ok = answer.status >= 200 && answer.status < 300;
    const payload = ok ? { id: deliver(key) } : { statusCode: answer.status, name: answer.status === 429 ? 'rate_limit_exceeded' : 'application_error', message: 'Stand-in failure' };
    res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
    res.end(JSON.stringify(payload));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    deliveries,
    script,
    stop: () =>
      new Promise<void>((done) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
