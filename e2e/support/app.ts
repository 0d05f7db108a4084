// Test support: runs the real local server (scripts/serve.ts) as a child process on PGlite or on PostgreSQL,
// each in its own data folder or schema, reads the mails and contact jobs it writes to the local outbox, and
// opens its database afterwards for a look inside.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import type { BrowserContext, Page } from 'playwright-core';
import { openDatabase, type Db } from '../../src/platform/db/client.ts';
import { freePort } from '../../tests/support/free-port.ts';

const root = resolve(import.meta.dirname, '../..');

export interface Backend {
  name: string;
  /** Environment for the server: DATABASE_URL and DATABASE_SCHEMA for PostgreSQL, nothing for PGlite. */
  prepare: () => Promise<{ env: Record<string, string>; drop: () => Promise<void> }>;
}

/** PGlite always; PostgreSQL too when TEST_DATABASE_URL is set (a fresh schema per run). */
export function backends(): Backend[] {
  const list: Backend[] = [{ name: 'PGlite', prepare: async () => ({ env: {}, drop: async () => {} }) }];
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    list.push({
      name: 'PostgreSQL',
      prepare: async () => {
        const schema = `e2e_${randomBytes(6).toString('hex')}`;
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        await client.query(`CREATE SCHEMA ${schema}`);
        await client.end();
        return {
          env: { DATABASE_URL: url, DATABASE_SCHEMA: schema },
          drop: async () => {
            const c = new pg.Client({ connectionString: url });
            await c.connect();
            await c.query(`DROP SCHEMA ${schema} CASCADE`);
            await c.end();
          },
        };
      },
    });
  }
  return list;
}

export interface App {
  url: (path: string) => string;
  dataDir: string;
  env: Record<string, string>;
  /** Runs `npm run secretariat -- …` against this app and returns its output. */
  secretariat: (...args: string[]) => Promise<{ code: number | null; output: string }>;
  /** The newest mail of a name ("signature-confirm", …) as text, waiting for it to be written. */
  mail: (name: string, after?: number) => Promise<string>;
  /** The newest newsletter-contact job ("contact-add", "contact-remove") as the file transport recorded it. */
  contactJob: (name: 'contact-add' | 'contact-remove', after?: number) => Promise<Record<string, string>>;
  /** How many mails or contact jobs of a name the outbox folder holds right now. */
  outboxCount: (name: string) => Promise<number>;
  /**
   * Stops the server (PGlite admits one process at a time), then opens its database for `look`. The app stays
   * stopped: use this last.
   */
  inspectDatabase: <T>(look: (db: Db) => Promise<T>) => Promise<T>;
  /** What the server has printed so far. */
  log: () => string;
  /** Stops the server but keeps its database, to look into it (PGlite allows one process at a time). */
  halt: () => Promise<void>;
  /** Starts the server again on the same port, database and outbox, e.g. after a look into the database. */
  restart: () => Promise<void>;
  stop: () => Promise<void>;
}

export async function startApp(backend: Backend, extraEnv: Record<string, string> = {}): Promise<App> {
  const dataDir = await mkdtemp(join(tmpdir(), 'samskabelse-e2e-'));
  const { env: dbEnv, drop } = await backend.prepare();
  const port = await freePort();
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    PORT: String(port),
    DATA_DIR: dataDir,
    SITE_URL: `http://127.0.0.1:${port}`,
    RATE_LIMIT_ALLOW: '127.0.0.1,::1,::ffff:127.0.0.1',
    ADMIN_TOKEN: randomBytes(16).toString('hex'),
    ...dbEnv,
  };
  // Mail goes to the outbox folder, unless the test itself points it at a Resend stand-in.
  delete env.RESEND_API_KEY;
  Object.assign(env, extraEnv);
  // Tests never reach the real GitHub: only a test that brings its own stand-in (GITHUB_API_URL) gets a token.
  if (!extraEnv.GITHUB_TOKEN) delete env.GITHUB_TOKEN;
  let log = '';
  const base = `http://127.0.0.1:${port}`;
  const launch = async (): Promise<ChildProcess> => {
    const child: ChildProcess = spawn(process.execPath, [join(root, 'scripts/serve.ts')], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout?.on('data', (chunk) => (log += chunk));
    child.stderr?.on('data', (chunk) => (log += chunk));
    for (let i = 0; ; i++) {
      try {
        // Any answer from a function means the server listens; /api/health may rightly say 503 while the database is away.
        const answer = await fetch(`${base}/api/health`);
        await answer.body?.cancel();
        if (answer.ok || answer.status === 503) break;
      } catch {
        // not listening yet
      }
      if (i > 200 || child.exitCode !== null) throw new Error(`the server did not start:\n${log}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    return child;
  };
  let child = await launch();
  const outbox = join(dataDir, 'outbox');
  const filesNamed = async (suffix: string) => (await readdir(outbox).catch(() => [] as string[])).filter((f) => f.endsWith(suffix)).sort();
  /** The newest outbox file with this suffix once there are more than `after`, waiting up to 10 s. */
  const newest = async (suffix: string, after: number) => {
    for (let i = 0; i < 100; i++) {
      const files = await filesNamed(suffix);
      // The transport creates the file and then writes it, so a file read at the wrong moment can still be empty.
      const text = files.length > after ? await readFile(join(outbox, files.at(-1)!), 'utf8') : '';
      if (text) return text;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`no "${suffix}" in ${outbox}\n${log}`);
  };
  const halt = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  };
  return {
    url: (path) => `${base}${path}`,
    dataDir,
    env,
    secretariat: (...args) =>
      new Promise((done) => {
        const cli = spawn(process.execPath, [join(root, 'scripts/secretariat.ts'), ...args], { cwd: root, env });
        let output = '';
        cli.stdout.on('data', (c) => (output += c));
        cli.stderr.on('data', (c) => (output += c));
        cli.on('close', (code) => done({ code, output }));
      }),
    mail: (name, after = 0) => newest(`-${name}.txt`, after),
    contactJob: async (name, after = 0) => JSON.parse(await newest(`-${name}.json`, after)),
    outboxCount: async (name) => (await filesNamed(`-${name}.txt`)).length + (await filesNamed(`-${name}.json`)).length,
    inspectDatabase: async (look) => {
      await halt();
      const db = await openDatabase(
        env.DATABASE_URL ? { connectionString: env.DATABASE_URL, searchPath: env.DATABASE_SCHEMA, maxConnections: 1 } : { dataDir: join(dataDir, 'pglite') },
      );
      try {
        return await look(db);
      } finally {
        await db.close();
      }
    },
    log: () => log,
    halt,
    restart: async () => {
      await halt();
      child = await launch();
    },
    stop: async () => {
      await halt();
      await drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** The first link in a mail that contains `path`. */
export function linkIn(mail: string, path: string): string {
  const link = mail.match(new RegExp(`https?://\\S+${path.replaceAll('/', '\\/')}\\?token=[\\w-]+`))?.[0];
  if (!link) throw new Error(`no ${path} link in the mail:\n${mail}`);
  return link;
}

/** Logs in to the admin through the real pages: ask for a link, open it from the mail, press the button. */
export async function logInAsAdmin(app: App, context: BrowserContext, email: string): Promise<Page> {
  const page = await context.newPage();
  const before = await app.outboxCount('admin-login');
  await page.goto(app.url('/admin/'));
  await page.waitForURL('**/admin/login/');
  await page.getByLabel('Din e-mail').fill(email);
  await page.getByRole('button', { name: 'Send mig et login-link' }).click();
  await page.getByRole('heading', { name: 'Tjek din mail' }).waitFor();
  await page.goto(linkIn(await app.mail('admin-login', before), '/admin/login/link/'));
  await page.getByRole('button', { name: 'Log ind' }).click();
  await page.waitForURL('**/admin/underskrifter/');
  return page;
}
