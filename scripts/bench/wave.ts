// The wave: 1,000 signings a minute for ten minutes through the real request listener on PostgreSQL, with mail going
// to a Resend stand-in that enforces 2 requests a second and the batch rules. Measures the time from each signing to
// its confirm mail being accepted, the outbox's depth over time, and that every mail went exactly once.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase } from '../../src/platform/db/client.ts';
import { migrate } from '../../src/platform/db/migrate.ts';
import { startResendStandIn } from '../../tests/support/resend-stand-in.ts';
import { signingForms } from '../../tests/support/signing-forms.ts';
import { startEdgeServer } from './measure.ts';

export interface WaveOptions {
  databaseUrl: string;
  minutes: number;
  perMinute: number;
  /** How often the cron (GET /api/cron, the safety net) runs during the wave, in seconds. */
  cronSeconds: number;
}

export interface WaveWindow {
  /** Seconds from the start of the wave to the end of this window. */
  endSecond: number;
  signed: number;
  accepted: number;
  /** Mails waiting in the outbox (pending or sending), the most seen in the window. */
  maxDepth: number;
  /** Batch calls Resend took, and calls it refused with 429, in the window. */
  calls: number;
  throttled: number;
}

export interface WaveReport {
  minutes: number;
  perMinute: number;
  cronSeconds: number;
  signed: number;
  /** Signings answered 202. */
  accepted: number;
  failedSignings: number;
  /** The answers other than 202, by status (0: no answer within 30 s). */
  otherAnswers: Record<string, number>;
  /** Mails Resend accepted, and how many rows got more than one. */
  mailsAccepted: number;
  duplicates: number;
  /** Accepted signings whose mail never arrived before the bench gave up waiting. */
  missing: number;
  latency: { p50: number; p95: number; p99: number; max: number };
  calls: number;
  throttled: number;
  largestBatch: number;
  windows: WaveWindow[];
  /** Seconds after the last signing until the outbox was empty. */
  drainedAfterSeconds: number;
}

const windowSeconds = 30;

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export async function benchWave(options: WaveOptions, log: (line: string) => void): Promise<WaveReport> {
  const schema = `wave_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Pool({ connectionString: options.databaseUrl, max: 2 });
  await admin.query(`CREATE SCHEMA ${schema}`);
  const db = await openDatabase({ connectionString: options.databaseUrl, searchPath: schema });
  await migrate(db);
  await db.close();
  const dataDir = await mkdtemp(join(tmpdir(), 'samskabelse-wave-'));
  const resend = await startResendStandIn({ ratePerSecond: 2 });
  const server = await startEdgeServer({ databaseUrl: options.databaseUrl, schema, dataDir, resendUrl: resend.url }, { CRON_SECRET: '' });
  const url = `http://127.0.0.1:${server.port}`;
  const nextForm = signingForms(7);
  const signedAt = new Map<string, number>();
  const answers = new Map<number, number>();
  const signings: Promise<void>[] = [];
  const depth: { at: number; depth: number }[] = [];
  const total = options.minutes * options.perMinute;
  const gapMs = 60_000 / options.perMinute;
  const start = Date.now();
  const at = () => Date.now() - start;
  let stopSampling = false;

  const sampler = (async () => {
    while (!stopSampling) {
      const { rows } = await admin.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${schema}.mail_outbox WHERE status IN ('pending', 'sending')`);
      depth.push({ at: at(), depth: rows[0]!.n });
      await new Promise((r) => setTimeout(r, 2000));
    }
  })();
  const cron = setInterval(() => void fetch(`${url}/api/cron`).then((r) => r.arrayBuffer()).catch(() => {}), options.cronSeconds * 1000);

  try {
    for (let i = 0; i < total; i++) {
      const due = start + i * gapMs;
      const wait = due - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const form = nextForm();
      const email = String(form.email).toLowerCase();
      signedAt.set(email, at());
      const ip = `2001:db8::7:${(i >>> 16).toString(16)}:${(i & 0xffff).toString(16)}`;
      signings.push(
        fetch(`${url}/api/signatures/`, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json', 'x-bench-client-ip': ip }, body: JSON.stringify(form), signal: AbortSignal.timeout(30_000) })
          .then(async (response) => {
            await response.arrayBuffer();
            answers.set(response.status, (answers.get(response.status) ?? 0) + 1);
          })
          .catch(() => {
            answers.set(0, (answers.get(0) ?? 0) + 1);
          }),
      );
      if ((i + 1) % options.perMinute === 0) log(`  minut ${(i + 1) / options.perMinute}: ${i + 1} underskrifter, ${resend.delivered.length} mails taget af Resend, kø ${depth.at(-1)?.depth ?? 0}`);
    }
    await Promise.all(signings);
    const lastSigning = at();
    // Wait for the queue to empty (at most five minutes).
    let drainedAt = Number.NaN;
    for (let waited = 0; waited < 300; waited++) {
      const { rows } = await admin.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${schema}.mail_outbox WHERE status IN ('pending', 'sending')`);
      if (rows[0]!.n === 0 && resend.delivered.length >= (answers.get(202) ?? 0)) {
        drainedAt = at();
        break;
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
    stopSampling = true;
    await sampler;

    const accepted = answers.get(202) ?? 0;
    const firstDelivery = new Map<string, number>();
    for (const mail of resend.delivered) {
      const to = mail.to[0]!.toLowerCase();
      if (!firstDelivery.has(to)) firstDelivery.set(to, mail.at - start);
    }
    const latencies = [...firstDelivery].flatMap(([to, deliveredAt]) => (signedAt.has(to) ? [(deliveredAt - signedAt.get(to)!) / 1000] : [])).sort((a, b) => a - b);
    const duplicates = [...resend.deliveries.values()].filter((n) => n > 1).length;
    const { rows: outbox } = await admin.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${schema}.mail_outbox`);
    const windows: WaveWindow[] = [];
    const end = Math.max(at(), lastSigning);
    for (let w = 0; w * windowSeconds * 1000 < end; w++) {
      const from = w * windowSeconds * 1000;
      const to = from + windowSeconds * 1000;
      const inWindow = (t: number) => t >= from && t < to;
      const calls = resend.requests.filter((r) => inWindow(r.at - start));
      windows.push({
        endSecond: to / 1000,
        signed: [...signedAt.values()].filter(inWindow).length,
        accepted: resend.delivered.filter((m) => inWindow(m.at - start)).length,
        maxDepth: Math.max(0, ...depth.filter((d) => inWindow(d.at)).map((d) => d.depth)),
        calls: calls.filter((r) => r.answer === 200).length,
        throttled: calls.filter((r) => r.answer === 429).length,
      });
    }
    return {
      minutes: options.minutes,
      perMinute: options.perMinute,
      cronSeconds: options.cronSeconds,
      signed: total,
      accepted,
      failedSignings: total - accepted,
      otherAnswers: Object.fromEntries([...answers].filter(([status]) => status !== 202).map(([status, n]) => [String(status), n])),
      mailsAccepted: resend.delivered.length,
      duplicates,
      missing: Math.max(0, outbox[0]!.n - firstDelivery.size),
      latency: { p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99), max: latencies.at(-1) ?? Number.NaN },
      calls: resend.requests.filter((r) => r.answer === 200).length,
      throttled: resend.requests.filter((r) => r.answer === 429).length,
      largestBatch: Math.max(0, ...resend.requests.map((r) => r.mails)),
      windows,
      drainedAfterSeconds: (drainedAt - lastSigning) / 1000,
    };
  } finally {
    stopSampling = true;
    clearInterval(cron);
    await server.stop();
    await resend.stop();
    await admin.query(`DROP SCHEMA ${schema} CASCADE`).catch(() => {});
    await admin.end();
    await rm(dataDir, { recursive: true, force: true });
  }
}
