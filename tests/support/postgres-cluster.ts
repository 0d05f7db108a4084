// Finds PostgreSQL's server programs and runs a throwaway cluster of its own (initdb and pg_ctl in a temporary folder, on its own port), which a test may kill and restart.
import { execFile } from 'node:child_process';
import { chown, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { findPostgresBin, serverPrograms } from '../../scripts/test-prerequisites.ts';
import { freePort } from './free-port.ts';

const run = promisify(execFile);

// Where the server programs are (PG_BIN, /usr/lib/postgresql/*/bin, PATH) is decided in one place, shared with npm test's prerequisite check.
export { findPostgresBin, serverPrograms } from '../../scripts/test-prerequisites.ts';

/** Why a throwaway cluster cannot run here, in one plain sentence; undefined when it can. */
export async function whyNoCluster(): Promise<string | undefined> {
  const bin = findPostgresBin();
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
  const bin = findPostgresBin()!;
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
