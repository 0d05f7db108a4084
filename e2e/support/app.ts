// Test support: runs the real local server (scripts/serve.ts) as a child process on PGlite or on PostgreSQL,
// each in its own data folder or schema, and reads the mails it writes to the local outbox.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';

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

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

export interface App {
  url: (path: string) => string;
  dataDir: string;
  env: Record<string, string>;
  /** Runs `npm run secretariat -- …` against this app and returns its output. */
  secretariat: (...args: string[]) => Promise<{ code: number | null; output: string }>;
  /** The newest mail of a name ("signature-confirm", …) as text, waiting for it to be written. */
  mail: (name: string, after?: number) => Promise<string>;
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
    ...extraEnv,
  };
  delete env.RESEND_API_KEY;
  const child: ChildProcess = spawn(process.execPath, [join(root, 'scripts/serve.ts')], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout?.on('data', (chunk) => (log += chunk));
  child.stderr?.on('data', (chunk) => (log += chunk));
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (i > 200 || child.exitCode !== null) throw new Error(`the server did not start:\n${log}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const outbox = join(dataDir, 'outbox');
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
    mail: async (name, after = 0) => {
      for (let i = 0; i < 100; i++) {
        const files = (await readdir(outbox).catch(() => [] as string[])).filter((f) => f.endsWith(`-${name}.txt`)).sort();
        if (files.length > after) return readFile(join(outbox, files.at(-1)!), 'utf8');
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`no mail "${name}" in ${outbox}\n${log}`);
    },
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
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
