// What a deployed function does around its answer: it never migrates (a database behind this code's migrations gets
// 503 and a log line), /api/health tells the schema version, database and mail transport without a secret, mail is
// kicked after the answer through Vercel's waitUntil, and production without its settings answers 503.
// Runs on PGlite, and on Postgres too when TEST_DATABASE_URL is set.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it, type TestContext } from 'node:test';
import pg from 'pg';
import { GET as health } from '../api/health.ts';
import { POST as sign } from '../api/signatures.ts';
import { migrationNames } from '../src/platform/db/migrate.ts';
import { closeRuntime, migrateLocalDatabase } from '../src/platform/runtime.ts';
import { signingForms } from './support/signing-forms.ts';

const site = 'http://127.0.0.1:4321';
const nextForm = signingForms(9);
const signing = () =>
  sign(
    new Request(`${site}/api/signatures`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', origin: site, 'x-real-ip': '198.51.100.9' },
      body: JSON.stringify(nextForm()),
    }),
  );
const healthNow = async () => {
  const response = await health(new Request(`${site}/api/health`));
  return { status: response.status, text: await response.text() };
};

/** Runs `fn` with console.error recorded, and returns what it printed. */
async function errorLog(t: TestContext, fn: () => Promise<unknown>): Promise<string> {
  const error = t.mock.method(console, 'error', () => {});
  try {
    await fn();
  } finally {
    error.mock.restore();
  }
  return error.mock.calls.map((call) => call.arguments.map(String).join(' ')).join('\n');
}

interface Engine {
  name: 'pglite' | 'pg';
  /** Sets the environment for a fresh, empty database; returns how to clean up. */
  prepare(dataDir: string): Promise<() => Promise<void>>;
}

const engines: Engine[] = [
  {
    name: 'pglite',
    prepare: async () => {
      delete process.env.DATABASE_URL;
      delete process.env.DATABASE_SCHEMA;
      return async () => {};
    },
  },
];
const postgresUrl = process.env.TEST_DATABASE_URL;
if (postgresUrl) {
  engines.push({
    name: 'pg',
    prepare: async () => {
      const schema = `runtime_${randomBytes(5).toString('hex')}`;
      const admin = async (sql: string) => {
        const client = new pg.Client({ connectionString: postgresUrl });
        await client.connect();
        await client.query(sql).finally(() => client.end());
      };
      await admin(`CREATE SCHEMA ${schema}`);
      Object.assign(process.env, { DATABASE_URL: postgresUrl, DATABASE_SCHEMA: schema });
      return () => admin(`DROP SCHEMA ${schema} CASCADE`);
    },
  },
  );
}

const secrets = {
  RESEND_API_KEY: `re_${randomBytes(12).toString('hex')}`,
  SESSION_SECRET: randomBytes(24).toString('hex'),
  CRON_SECRET: randomBytes(12).toString('hex'),
  RESEND_WEBHOOK_SECRET: `whsec_${randomBytes(12).toString('base64')}`,
};

for (const engine of engines) {
  describe(`a function on ${engine.name}`, () => {
    let dataDir: string;
    let cleanUp: () => Promise<void>;
    before(async () => {
      await closeRuntime();
      dataDir = await mkdtemp(join(tmpdir(), 'samskabelse-runtime-'));
      Object.assign(process.env, { DATA_DIR: dataDir, SITE_URL: site, RATE_LIMIT_ALLOW: '198.51.100.9' });
      delete process.env.RESEND_API_KEY;
      delete process.env.VERCEL_ENV;
      cleanUp = await engine.prepare(dataDir);
    });
    after(async () => {
      await closeRuntime();
      await cleanUp();
      await rm(dataDir, { recursive: true, force: true });
    });

    it('answers 503 and logs which migrations are missing while the database is behind, and runs no DDL itself', async (t) => {
      const names = await migrationNames();
      let answer: Response | undefined;
      const log = await errorLog(t, async () => (answer = await signing()));
      assert.equal(answer!.status, 503);
      assert.ok(answer!.headers.get('retry-after'));
      assert.match(log, new RegExp(`behind this deployment: ${names.join(', ')} not applied.*npm run migrate`));
      const report = await healthNow();
      assert.equal(report.status, 503);
      assert.deepEqual(JSON.parse(report.text).schema, { version: null, expected: names.at(-1), pending: names });
    });

    it('reports the schema version, the database kind and the mail transport once migrated', async () => {
      assert.deepEqual(await migrateLocalDatabase(), await migrationNames());
      const newest = (await migrationNames()).at(-1);
      const report = await healthNow();
      assert.equal(report.status, 200);
      assert.deepEqual(JSON.parse(report.text), { ok: true, database: engine.name, mail: 'file', schema: { version: newest, expected: newest, pending: [] } });
    });

    it('names Resend as the transport without showing a key, URL or secret', async () => {
      await closeRuntime();
      Object.assign(process.env, secrets);
      try {
        const report = await healthNow();
        assert.equal(JSON.parse(report.text).mail, 'resend');
        for (const value of [...Object.values(secrets), process.env.DATABASE_URL, process.env.DATABASE_SCHEMA, dataDir]) {
          if (value) assert.ok(!report.text.includes(value), `health shows ${value}`);
        }
      } finally {
        for (const name of Object.keys(secrets)) delete process.env[name];
        await closeRuntime();
      }
    });

    it('hands the outbox kick to Vercel’s waitUntil, so the instance lives until the confirmation mail is sent', async () => {
      const kept: Promise<unknown>[] = [];
      const context = Symbol.for('@vercel/request-context');
      (globalThis as Record<symbol, unknown>)[context] = { get: () => ({ waitUntil: (p: Promise<unknown>) => kept.push(p) }) };
      try {
        const answer = await signing();
        assert.equal(answer.status, 202);
        assert.equal(kept.length, 1);
        await kept[0];
        const mails = (await readdir(join(dataDir, 'outbox'))).filter((f) => f.endsWith('-signature-confirm.txt'));
        assert.equal(mails.length, 1);
      } finally {
        delete (globalThis as Record<symbol, unknown>)[context];
      }
    });

    it('still sends the mail after the answer without a Vercel request context (locally)', async () => {
      const confirmations = async () => (await readdir(join(dataDir, 'outbox'))).filter((f) => f.endsWith('-signature-confirm.txt')).length;
      const before = await confirmations();
      assert.equal((await signing()).status, 202);
      await closeRuntime(); // waits for the delivery run that is under way
      assert.equal(await confirmations(), before + 1);
    });

    it('in production, answers 503 and logs each missing setting by name, never its value', async (t) => {
      Object.assign(process.env, { VERCEL_ENV: 'production', SESSION_SECRET: secrets.SESSION_SECRET });
      try {
        let answer: Response | undefined;
        const log = await errorLog(t, async () => (answer = await healthNow().then((r) => new Response(r.text, { status: r.status }))));
        assert.equal(answer!.status, 503);
        assert.match(log, /production settings missing or malformed: .*RESEND_API_KEY.*MAIL_FROM.*CRON_SECRET/);
        assert.doesNotMatch(log, /SESSION_SECRET/, 'a valid setting is not named');
        assert.ok(!log.includes(secrets.SESSION_SECRET));
      } finally {
        delete process.env.VERCEL_ENV;
        delete process.env.SESSION_SECRET;
      }
    });
  });
}
