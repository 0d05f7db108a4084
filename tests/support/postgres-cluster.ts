// Finds PostgreSQL's server programs and runs a throwaway cluster of its own (initdb and pg_ctl in a temporary folder, on its own port), which a test may kill and restart.
import { execFile } from 'node:child_process';
import { access, chown, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './free-port.ts';

const run = promisify(execFile);

/** The programs a throwaway cluster needs. */
export const serverPrograms = ['initdb', 'pg_ctl', 'postgres'] as const;

async function isExecutable(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/**
 * The folder holding PostgreSQL's server programs: PG_BIN when set, else the newest /usr/lib/postgresql/<n>/bin
 * (Debian keeps them off PATH), else the folder of an `initdb` on PATH. Undefined when there is none.
 */
export async function findPostgresBin(env: NodeJS.ProcessEnv = process.env): Promise<string | undefined> {
  const candidates: string[] = [];
  if (env.PG_BIN) candidates.push(env.PG_BIN);
  const versions = await readdir('/usr/lib/postgresql').catch(() => [] as string[]);
  for (const version of versions.sort((a, b) => Number(b) - Number(a))) candidates.push(join('/usr/lib/postgresql', version, 'bin'));
  for (const dir of (env.PATH ?? '').split(':').filter(Boolean)) candidates.push(dir);
  for (const dir of candidates) {
    const all = await Promise.all(serverPrograms.map((name) => isExecutable(join(dir, name))));
    if (all.every(Boolean)) return dir;
  }
  return undefined;
}

/** Why a throwaway cluster cannot run here, in one plain sentence; undefined when it can. */
export async function whyNoCluster(): Promise<string | undefined> {
  const bin = await findPostgresBin();
  if (!bin) return `PostgreSQL's server programs (${serverPrograms.join(', ')}) were not found in PG_BIN, /usr/lib/postgresql/*/bin or PATH; install them with "apt-get install postgresql".`;
  if (process.getuid?.() === 0) {
    const user = await run('id', ['-u', 'postgres']).catch(() => undefined);
    if (!user) return 'This runs as root, and initdb refuses root; a "postgres" user to run it as does not exist (apt-get install postgresql makes one).';
    const runuser = await run('sh', ['-c', 'command -v runuser']).catch(() => undefined);
    if (!runuser) return 'This runs as root, and initdb refuses root; "runuser" (util-linux) is needed to run it as the postgres user.';
  }
  return undefined;
}

export interface Cluster {
  /** postgres://postgres@127.0.0.1:<port>/postgres */
  url: string;
  port: number;
  /** SIGKILL to the postmaster and every backend at once: a crash, not a shutdown. */
  kill: () => Promise<void>;
  /** Starts it again (crash recovery included) and waits until it takes connections. */
  start: () => Promise<void>;
  /** Stops it and removes its folder. */
  remove: () => Promise<void>;
}

/** initdb in a temporary folder and pg_ctl start on a free port; as root, both run as the postgres user. */
export async function startThrowawayCluster(): Promise<Cluster> {
  const reason = await whyNoCluster();
  if (reason) throw new Error(reason);
  const bin = (await findPostgresBin())!;
  const asRoot = process.getuid?.() === 0;
  const dataDir = await mkdtemp(join(tmpdir(), 'samskabelse-pg-'));
  if (asRoot) {
    const uid = Number((await run('id', ['-u', 'postgres'])).stdout.trim());
    const gid = Number((await run('id', ['-g', 'postgres'])).stdout.trim());
    await chown(dataDir, uid, gid);
  }
  const pg = (program: string, args: string[]) =>
    asRoot ? run('runuser', ['-u', 'postgres', '--', join(bin, program), ...args]) : run(join(bin, program), args);
  const port = await freePort();
  await pg('initdb', ['-D', join(dataDir, 'data'), '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-locale', '--no-sync']);
  // fsync stays on: the test is about what survives a crash.
  const options = `-p ${port} -k ${dataDir} -c listen_addresses=127.0.0.1 -c max_connections=50 -c fsync=on`;
  const start = async () => {
    await pg('pg_ctl', ['-D', join(dataDir, 'data'), '-o', options, '-l', join(dataDir, 'log'), '-w', '-t', '60', 'start']);
  };
  await start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    start,
    async kill() {
      const pid = Number((await readFile(join(dataDir, 'data', 'postmaster.pid'), 'utf8')).split('\n')[0]);
      const children = (await run('pgrep', ['-P', String(pid)]).catch(() => ({ stdout: '' }))).stdout.split('\n').filter(Boolean).map(Number);
      for (const target of [pid, ...children]) {
        try {
          process.kill(target, 'SIGKILL');
        } catch {
          // already gone
        }
      }
      // Wait until the port is closed, so the next connection is refused rather than half-answered.
      for (let i = 0; i < 100; i++) {
        const alive = [pid, ...children].some((target) => {
          try {
            process.kill(target, 0);
            return true;
          } catch {
            return false;
          }
        });
        if (!alive) return;
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async remove() {
      await pg('pg_ctl', ['-D', join(dataDir, 'data'), '-m', 'immediate', 'stop']).catch(() => undefined);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
