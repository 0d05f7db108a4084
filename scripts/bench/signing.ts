// Signing throughput: autocannon drives the real request listener on this machine's PostgreSQL at rising concurrency,
// pgbench measures the same inserts without the app, and afterwards every answer is checked against the rows.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { openDatabase } from '../../src/platform/db/client.ts';
import { migrate } from '../../src/platform/db/migrate.ts';
import { drainOutbox } from '../../src/platform/mail/outbox.ts';
import { createResendTransport } from '../../src/platform/mail/transport.ts';
import { renderSigningMail, signingLinks } from '../../src/signing/signing-mails.ts';
import { findPostgresBin } from '../../tests/support/postgres-cluster.ts';
import { startResendStandIn } from '../../tests/support/resend-stand-in.ts';
import { signingForms } from '../../tests/support/signing-forms.ts';
import { cpuMs, machineBusyMs, median, postgresCpuMs, root, run, startEdgeServer } from './measure.ts';

export interface SigningOptions {
  databaseUrl: string;
  levels: number[];
  seconds: number;
  repeats: number;
  /** pgbench clients: the app's pool size, so both sides get the same number of connections. */
  pgbenchClients: number;
  /** A folder for a CPU profile of the server (node --cpu-prof), to find where a signing's time goes. */
  profileDir?: string;
}

export interface SigningRun {
  connections: number;
  seconds: number;
  signingsPerSecond: number;
  p50: number;
  p99: number;
  ok: number;
  /** Answers other than 2xx, by status. */
  statuses: Record<string, number>;
  errors: number;
  timeouts: number;
  rows: number;
  /** Requests still open when the time ran out; their rows may or may not exist. */
  cutOff: number;
  /** Problems found when the answers were checked against the rows; empty when all is well. */
  problems: string[];
  mailsSent: number;
  mailBacklog: number;
  serverCpuMsPerSigning: number;
  postgresCpuMsPerSigning: number;
  /** The benchmark's own process, which runs autocannon: the load generator shares the machine's cores. */
  loadCpuMsPerSigning: number;
  /** Every core busy, whoever used it (kernel networking included). */
  machineCpuMsPerSigning: number;
}

export interface SigningReport {
  runs: SigningRun[];
  pgbench: { clients: number; tps: number[]; script: string; postgresCpuMsPerTx: number[]; machineCpuMsPerTx: number[] };
  /** The outbox emptied by drainOutbox (what the cron runs) with no rate limit at the stand-in: mails per second this code can send. */
  drain: { mails: number; seconds: number };
  postgresVersion: string;
  poolSize: number;
}

const tables = 'signatures, signature_tokens, signature_events, mail_outbox, rate_limit_buckets';

/** The statements one signing sends, as a pgbench script: the rate-limit upsert and the one-statement submit (src/signing/signatures.ts). */
function pgbenchScript(): string {
  return [
    '\\set visitor random(1, 2000000000)',
    '\\set cvr random(10000000, 99999999)',
    // checkRateLimit: one upsert for both windows.
    `INSERT INTO rate_limit_buckets AS b (key, window_name, count, reset_at) VALUES ('signing:' || :visitor, 'signing-burst', 1, now() + interval '1 minute'), ('signing:' || :visitor, 'signing-sustained', 1, now() + interval '1 hour') ON CONFLICT (key, window_name) DO UPDATE SET count = CASE WHEN b.reset_at <= now() THEN 1 ELSE b.count + 1 END, reset_at = CASE WHEN b.reset_at <= now() THEN EXCLUDED.reset_at ELSE b.reset_at END RETURNING window_name, count, reset_at;`,
    // submitSignature: signature, event, two tokens and the confirm mail in one statement.
    `WITH signature AS (INSERT INTO signatures (id, organisation_name, organisation_type, cvr, municipality, website, contact_name, contact_title, email, statement, consent_public, created_at) VALUES (gen_random_uuid(), 'pgbench ' || :cvr, 'forening', :cvr::text, 'Aarhus', 'https://forening.example', 'Mette Jensen', 'Formand', 'kontakt@forening.example', 'Vi skaber løsninger sammen med borgerne.', true, now()) ON CONFLICT (dedupe_key) WHERE status NOT IN ('rejected', 'withdrawn') DO NOTHING RETURNING id), ` +
      `event AS (INSERT INTO signature_events (signature_id, transition, from_status, to_status, actor, at) SELECT id, 'submit', NULL, 'pending', 'underskriver', now() FROM signature), ` +
      `tokens AS (INSERT INTO signature_tokens (token_hash, purpose, signature_id, created_at, expires_at) SELECT md5(random()::text) || md5(random()::text), t.purpose, signature.id, now(), now() + interval '7 days' FROM signature, (VALUES ('confirm'), ('withdraw')) AS t (purpose)), ` +
      `mail AS (INSERT INTO mail_outbox (mail_name, recipient, subject, html, text_body, idempotency_key, next_attempt_at, created_at) SELECT 'signature-confirm', 'kontakt@forening.example', :subject, :html, :text, 'signature-confirm:' || signature.id, now(), now() FROM signature ON CONFLICT (idempotency_key) DO NOTHING) ` +
      `SELECT id FROM signature;`,
  ].join('\n');
}

/** A confirm mail as the app renders it, so pgbench writes rows of the same size. */
function sampleMail() {
  const site = 'http://127.0.0.1:4321';
  const token = randomBytes(32).toString('base64url');
  return renderSigningMail('signature-confirm', {
    site,
    organisationName: 'Belastningsprøvens forening nr. 10000004',
    contactName: 'Mette Jensen',
    confirmUrl: signingLinks.confirm(site, token),
    withdrawUrl: signingLinks.withdraw(site, token),
  });
}

async function adminQuery<T extends pg.QueryResultRow>(url: string, schema: string | undefined, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url, ...(schema ? { options: `-c search_path=${schema}` } : {}) });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** Waits until the row count stops moving (the server has finished what it was given). */
async function settle(url: string, schema: string): Promise<void> {
  let last = -1;
  for (let i = 0; i < 40; i++) {
    const [row] = await adminQuery<{ n: number }>(url, schema, 'SELECT count(*)::int AS n FROM signatures');
    if (row!.n === last) return;
    last = row!.n;
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** Checks the answers against the database: every 2xx has its row, every row its one mail, two tokens and one event. */
async function check(url: string, schema: string, answered: Set<string>, cutOff: Set<string>): Promise<{ rows: number; problems: string[]; mailsSent: number; mailBacklog: number }> {
  const problems: string[] = [];
  const rows = await adminQuery<{ cvr: string }>(url, schema, 'SELECT cvr FROM signatures');
  const inDb = new Set(rows.map((r) => r.cvr));
  const missing = [...answered].filter((cvr) => !inDb.has(cvr));
  if (missing.length) problems.push(`${missing.length} signaturer fik 2xx, men findes ikke`);
  const unexplained = [...inDb].filter((cvr) => !answered.has(cvr) && !cutOff.has(cvr));
  if (unexplained.length) problems.push(`${unexplained.length} rækker uden et 2xx-svar, som ikke var afbrudt ved tidens udløb`);
  const [partial] = await adminQuery<{ mails: number; tokens: number; events: number; orphans: number }>(
    url,
    schema,
    `SELECT
       (SELECT count(*)::int FROM signatures s WHERE (SELECT count(*) FROM mail_outbox m WHERE m.idempotency_key = 'signature-confirm:' || s.id) <> 1) AS mails,
       (SELECT count(*)::int FROM signatures s WHERE (SELECT count(*) FROM signature_tokens t WHERE t.signature_id = s.id) <> 2) AS tokens,
       (SELECT count(*)::int FROM signatures s WHERE (SELECT count(*) FROM signature_events e WHERE e.signature_id = s.id) <> 1) AS events,
       (SELECT count(*)::int FROM mail_outbox m WHERE NOT EXISTS (SELECT 1 FROM signatures s WHERE m.idempotency_key = 'signature-confirm:' || s.id)) AS orphans`,
  );
  if (partial!.mails) problems.push(`${partial!.mails} signaturer har ikke præcis én bekræftelsesmail`);
  if (partial!.tokens) problems.push(`${partial!.tokens} signaturer har ikke præcis to links`);
  if (partial!.events) problems.push(`${partial!.events} signaturer har ikke præcis én hændelse`);
  if (partial!.orphans) problems.push(`${partial!.orphans} mails uden underskrift`);
  const [mail] = await adminQuery<{ sent: number; backlog: number }>(
    url,
    schema,
    `SELECT count(*) FILTER (WHERE status = 'sent')::int AS sent, count(*) FILTER (WHERE status IN ('pending', 'sending'))::int AS backlog FROM mail_outbox`,
  );
  return { rows: inDb.size, problems, mailsSent: mail!.sent, mailBacklog: mail!.backlog };
}

async function load(url: string, connections: number, seconds: number, nextForm: () => Record<string, string | boolean>, visitor: { n: number }) {
  const answered = new Set<string>();
  const pending = new Set<string>();
  const statuses: Record<string, number> = {};
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    timeout: 10,
    requests: [
      {
        method: 'POST',
        path: '/api/signatures/',
        setupRequest(request, context) {
          const form = nextForm();
          const cvr = form.cvr as string;
          (context as { cvr?: string }).cvr = cvr;
          pending.add(cvr);
          const n = ++visitor.n;
          // Every request is a new visitor, as in a wave; the rate limit counts each one (see edge-server.ts). The
          // addresses are only names in a header, from the range set aside for documentation.
          const ip = `2001:db8::${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
          return { ...request, headers: { 'content-type': 'application/json', accept: 'application/json', 'x-bench-client-ip': ip }, body: JSON.stringify(form) };
        },
        onResponse(status, _body, context) {
          const cvr = (context as { cvr: string }).cvr;
          pending.delete(cvr);
          if (status >= 200 && status < 300) answered.add(cvr);
          else statuses[status] = (statuses[status] ?? 0) + 1;
        },
      },
    ],
  });
  return { result, answered, pending, statuses };
}

export async function benchSigning(options: SigningOptions, log: (line: string) => void): Promise<SigningReport> {
  const schema = `bench_${randomBytes(5).toString('hex')}`;
  const poolSize = 10;
  await adminQuery(options.databaseUrl, undefined, `CREATE SCHEMA ${schema}`);
  const db = await openDatabase({ connectionString: options.databaseUrl, searchPath: schema });
  await migrate(db);
  await db.close();
  const [{ server_version: version }] = (await adminQuery<{ server_version: string }>(options.databaseUrl, undefined, 'SHOW server_version')) as [{ server_version: string }];
  const dataDir = await mkdtemp(join(tmpdir(), 'samskabelse-bench-'));
  const resend = await startResendStandIn();
  const server = await startEdgeServer(
    { databaseUrl: options.databaseUrl, schema, dataDir, resendUrl: resend.url },
    options.profileDir ? { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --cpu-prof --cpu-prof-dir=${options.profileDir}` } : {},
  );
  const url = `http://127.0.0.1:${server.port}`;
  // Every run starts on emptied tables, so each starts the CVR series afresh: one series holds about 900,000 numbers,
  // and the full benchmark signs more than that in all.
  const visitor = { n: 0 };
  const runs: SigningRun[] = [];
  let drain = { mails: 0, seconds: 0 };
  const reset = () => adminQuery(options.databaseUrl, schema, `TRUNCATE ${tables} CASCADE`);
  try {
    log('  opvarmning (5 s)');
    await load(url, 10, 5, signingForms(1), visitor);
    await settle(options.databaseUrl, schema);
    await reset();
    for (const connections of options.levels) {
      for (let repeat = 0; repeat < options.repeats; repeat++) {
        const before = { server: await cpuMs(server.child.pid!), postgres: await postgresCpuMs(), load: process.cpuUsage(), machine: await machineBusyMs() };
        const { result, answered, pending, statuses } = await load(url, connections, options.seconds, signingForms(1), visitor);
        const after = { server: await cpuMs(server.child.pid!), postgres: await postgresCpuMs(), load: process.cpuUsage(before.load), machine: await machineBusyMs() };
        await settle(options.databaseUrl, schema);
        const checked = await check(options.databaseUrl, schema, answered, pending);
        const ok = answered.size;
        const seconds = result.duration;
        const signingRun: SigningRun = {
          connections,
          seconds,
          signingsPerSecond: ok / seconds,
          p50: result.latency.p50,
          p99: result.latency.p99,
          ok,
          statuses,
          errors: result.errors,
          timeouts: result.timeouts,
          rows: checked.rows,
          cutOff: pending.size,
          problems: checked.problems,
          mailsSent: checked.mailsSent,
          mailBacklog: checked.mailBacklog,
          serverCpuMsPerSigning: ok ? (after.server - before.server) / ok : Number.NaN,
          postgresCpuMsPerSigning: ok ? (after.postgres - before.postgres) / ok : Number.NaN,
          loadCpuMsPerSigning: ok ? (after.load.user + after.load.system) / 1000 / ok : Number.NaN,
          machineCpuMsPerSigning: ok ? (after.machine - before.machine) / ok : Number.NaN,
        };
        runs.push(signingRun);
        log(
          `  ${connections} forbindelser: ${signingRun.signingsPerSecond.toFixed(0)} underskrifter/s, p50 ${signingRun.p50} ms, p99 ${signingRun.p99} ms, ` +
            `${Object.values(statuses).reduce((a, b) => a + b, 0)} ikke-2xx, ${signingRun.errors} fejl; ${checked.rows} rækker for ${ok} svar (+${pending.size} afbrudt)` +
            (checked.problems.length ? `; PROBLEMER: ${checked.problems.join('; ')}` : '; alt stemmer'),
        );
        const isLast = connections === options.levels.at(-1) && repeat === options.repeats - 1;
        if (isLast) drain = await drainRate(options.databaseUrl, schema, resend.url, Math.min(20, options.seconds));
        await reset();
      }
    }
  } finally {
    await server.stop();
    await resend.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
  const pgbench = await runPgbench(options, schema, log);
  await adminQuery(options.databaseUrl, undefined, `DROP SCHEMA ${schema} CASCADE`);
  return { runs, pgbench, drain, postgresVersion: version, poolSize };
}

/** After the load: how fast drainOutbox, what the cron runs, empties the backlog when the provider sets no limit. */
async function drainRate(databaseUrl: string, schema: string, resendUrl: string, seconds: number): Promise<{ mails: number; seconds: number }> {
  const db = await openDatabase({ connectionString: databaseUrl, searchPath: schema, maxConnections: 2 });
  try {
    const transport = createResendTransport({ apiKey: 're_bench', from: 'noreply@localhost', baseUrl: resendUrl });
    const began = performance.now();
    const report = await drainOutbox(db, transport, { budgetMs: seconds * 1000 });
    return { mails: report.sent, seconds: (performance.now() - began) / 1000 };
  } finally {
    await db.close();
  }
}

async function runPgbench(options: SigningOptions, schema: string, log: (line: string) => void): Promise<SigningReport['pgbench']> {
  const bin = await findPostgresBin();
  const pgbench = bin ? join(bin, 'pgbench') : 'pgbench';
  const dir = await mkdtemp(join(tmpdir(), 'samskabelse-pgbench-'));
  const script = join(dir, 'signing.pgbench');
  await writeFile(script, pgbenchScript());
  const mail = sampleMail();
  const target = new URL(options.databaseUrl);
  const tps: number[] = [];
  const postgresCpuMsPerTx: number[] = [];
  const machineCpuMsPerTx: number[] = [];
  try {
    for (let repeat = 0; repeat < options.repeats; repeat++) {
      await adminQuery(options.databaseUrl, schema, `TRUNCATE ${tables} CASCADE`);
      const before = { postgres: await postgresCpuMs(), machine: await machineBusyMs() };
      const { stdout } = await run(
        pgbench,
        [
          '-h', target.hostname, '-p', target.port || '5432', '-U', decodeURIComponent(target.username || 'postgres'),
          '-n', '-M', 'prepared', '-c', String(options.pgbenchClients), '-j', '2', '-T', String(options.seconds),
          '-D', `subject=${mail.subject}`, '-D', `html=${mail.html}`, '-D', `text=${mail.text}`,
          '-f', script, target.pathname.slice(1) || 'postgres',
        ],
        { env: { ...process.env, PGOPTIONS: `-c search_path=${schema}` }, maxBuffer: 16 * 1024 * 1024 },
      );
      const after = { postgres: await postgresCpuMs(), machine: await machineBusyMs() };
      const value = Number(/tps = ([\d.]+)/.exec(stdout)?.[1]);
      const transactions = Number(/number of transactions actually processed: (\d+)/.exec(stdout)?.[1]);
      tps.push(value);
      postgresCpuMsPerTx.push((after.postgres - before.postgres) / transactions);
      machineCpuMsPerTx.push((after.machine - before.machine) / transactions);
      log(`  pgbench (${options.pgbenchClients} klienter): ${value.toFixed(0)} underskrifter/s`);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return { clients: options.pgbenchClients, tps, script: pgbenchScript(), postgresCpuMsPerTx, machineCpuMsPerTx };
}

export function summariseSigning(report: SigningReport) {
  const levels = [...new Set(report.runs.map((r) => r.connections))];
  const perLevel = levels.map((connections) => {
    const runs = report.runs.filter((r) => r.connections === connections);
    return {
      connections,
      signingsPerSecond: median(runs.map((r) => r.signingsPerSecond)),
      p50: median(runs.map((r) => r.p50)),
      p99: median(runs.map((r) => r.p99)),
      failures: runs.reduce((sum, r) => sum + r.errors + r.timeouts + Object.values(r.statuses).reduce((a, b) => a + b, 0), 0),
      consistent: runs.every((r) => r.problems.length === 0),
      serverCpuMs: median(runs.map((r) => r.serverCpuMsPerSigning)),
      postgresCpuMs: median(runs.map((r) => r.postgresCpuMsPerSigning)),
      loadCpuMs: median(runs.map((r) => r.loadCpuMsPerSigning)),
      machineCpuMs: median(runs.map((r) => r.machineCpuMsPerSigning)),
    };
  });
  const pgbenchTps = median(report.pgbench.tps);
  // Sustained: the best level that kept p99 within 100 ms with no failed answer.
  const sustained = perLevel.filter((l) => l.p99 <= 100 && l.failures === 0).sort((a, b) => b.signingsPerSecond - a.signingsPerSecond)[0];
  return { perLevel, pgbenchTps, sustained, ratio: sustained ? sustained.signingsPerSecond / pgbenchTps : 0 };
}

export { root };
