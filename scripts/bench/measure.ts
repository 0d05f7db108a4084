// Small tools the benchmark sections share: medians, CPU time of processes, child processes that report a port, and the machine's description.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

export const root = resolve(import.meta.dirname, '../..');
export const run = promisify(execFile);

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export const round = (value: number, digits = 0) => (Number.isFinite(value) ? Number(value.toFixed(digits)) : value);

/** A number the Danish way, with a thousands point: 1234.5 → "1.234,5". */
export function da(value: number, digits = 0): string {
  if (!Number.isFinite(value)) return '–';
  return value.toLocaleString('da-DK', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

const ticksPerSecond = 100; // USER_HZ on Linux

/**
 * CPU time (user + system) a process has used so far, in ms; 0 when it is gone. With `children`, the time of its
 * children that have exited and been waited for is added.
 */
export async function cpuMs(pid: number, options: { children?: boolean } = {}): Promise<number> {
  try {
    // utime, stime, cutime, cstime: the 14th to 17th fields, counted after the command name in parentheses.
    const [utime, stime, cutime, cstime] = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]!.split(' ').slice(11, 15).map(Number) as number[];
    const ticks = utime! + stime! + (options.children ? cutime! + cstime! : 0);
    return (ticks * 1000) / ticksPerSecond;
  } catch {
    return 0;
  }
}

/** CPU time the whole machine has spent busy so far (every core, every process, the kernel), in ms, from /proc/stat. */
export async function machineBusyMs(): Promise<number> {
  const line = (await readFile('/proc/stat', 'utf8')).split('\n')[0]!;
  // cpu  user nice system idle iowait irq softirq steal guest guest_nice; guest time is already inside user.
  const [user, nice, system, , , irq, softirq, steal] = line.trim().split(/\s+/).slice(1).map(Number) as number[];
  return ((user! + nice! + system! + irq! + softirq! + steal!) * 1000) / ticksPerSecond;
}

/**
 * CPU time used so far by every process named `postgres` on the machine, in ms. A backend that has exited (pgbench's
 * connections close at its end) moves its time into the postmaster's children's time, which is counted too.
 */
export async function postgresCpuMs(): Promise<number> {
  const { stdout } = await run('pgrep', ['-x', 'postgres']).catch(() => ({ stdout: '' }));
  const pids = stdout.split('\n').filter(Boolean).map(Number);
  const times = await Promise.all(pids.map((pid) => cpuMs(pid, { children: true })));
  return times.reduce((a, b) => a + b, 0);
}

/** Starts a node script that prints `listening <port>` and resolves with its port once it does. */
export async function startListening(script: string, env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; port: number; log: () => string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, [script], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stderr!.on('data', (chunk) => (log = (log + chunk).slice(-20_000)));
  const port = await new Promise<number>((done, fail) => {
    let out = '';
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      const match = /listening (\d+)/.exec(out);
      if (match) done(Number(match[1]));
      log = (log + chunk).slice(-20_000);
    });
    child.once('exit', (code) => fail(new Error(`${script} stopped (${code}) before it listened:\n${log}`)));
  });
  return {
    child,
    port,
    log: () => log,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      // A server that is still sending paced mail may take its time; the benchmark does not wait for it.
      const force = setTimeout(() => child.kill('SIGKILL'), 3000);
      await new Promise((done) => child.once('exit', done));
      clearTimeout(force);
    },
  };
}

async function versionOf(pkg: string): Promise<string> {
  const json = JSON.parse(await readFile(resolve(root, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string };
  return json.version;
}

export interface Machine {
  date: string;
  cpu: string;
  cores: number;
  memoryGiB: number;
  load: string;
  node: string;
  commit: string;
  versions: Record<string, string>;
}

export async function describeMachine(): Promise<Machine> {
  const commit = await run('git', ['rev-parse', '--short', 'HEAD'], { cwd: root }).then((r) => r.stdout.trim()).catch(() => 'ukendt');
  const versions: Record<string, string> = {};
  for (const pkg of ['astro', '@astrojs/mdx', 'pg', '@electric-sql/pglite', 'autocannon']) versions[pkg] = await versionOf(pkg);
  return {
    date: new Date().toISOString().replace('T', ' ').slice(0, 16) + ' UTC',
    cpu: cpus()[0]?.model ?? 'ukendt',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    load: loadavg().map((l) => l.toFixed(2)).join(', '),
    node: process.version,
    commit,
    versions,
  };
}

/**
 * The bench's server (scripts/bench/edge-server.ts) on a test schema, sending mail to a Resend stand-in at Resend's
 * default of 2 calls a second, as in production, with no IP exempt from the rate limit. `extra` adds or overrides.
 */
export function startEdgeServer(
  settings: { databaseUrl: string; schema: string; dataDir: string; resendUrl: string },
  extra: NodeJS.ProcessEnv = {},
): ReturnType<typeof startListening> {
  return startListening(join(root, 'scripts/bench/edge-server.ts'), {
    ...process.env,
    DATABASE_URL: settings.databaseUrl,
    DATABASE_SCHEMA: settings.schema,
    DATA_DIR: settings.dataDir,
    RESEND_API_KEY: 're_bench',
    RESEND_BASE_URL: settings.resendUrl,
    // The rest of the mail waits in the outbox; how fast it empties when Resend allows more is measured on its own.
    RESEND_MAX_PER_SECOND: '2',
    SITE_URL: 'http://127.0.0.1:4321',
    RATE_LIMIT_ALLOW: '',
    ...extra,
  });
}
