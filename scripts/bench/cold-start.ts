// Cold start: a fresh process imports one function and answers its first request, on PGlite and on PostgreSQL.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase } from '../../src/platform/db/client.ts';
import { migrate } from '../../src/platform/db/migrate.ts';
import { cvrSeries } from '../../tests/support/signing-forms.ts';
import { root, run } from './measure.ts';

export interface ColdStartCase {
  name: string;
  /** Per run: Node's start-up, the import, the first request, all of it in the process, and wall time seen from outside. */
  runs: { nodeStart: number; importMs: number; firstRequestMs: number; totalMs: number; wallMs: number }[];
}

export type ColdStartReport = ColdStartCase[];

const probe = join(root, 'scripts/bench/cold-start-probe.ts');
const nextCvr = cvrSeries(7);

async function probeOnce(env: NodeJS.ProcessEnv) {
  const began = performance.now();
  const { stdout } = await run(process.execPath, [probe], { cwd: root, env: { ...process.env, ...env, PROBE_CVR: nextCvr() } });
  const wallMs = performance.now() - began;
  const line = JSON.parse(stdout.trim().split('\n').at(-1)!) as { status: number; nodeStart: number; importMs: number; firstRequestMs: number; totalMs: number };
  if (line.status !== 202) throw new Error(`the cold-start probe got ${line.status}, not 202:\n${stdout}`);
  return { nodeStart: line.nodeStart, importMs: line.importMs, firstRequestMs: line.firstRequestMs, totalMs: line.totalMs, wallMs };
}

export async function benchColdStart(options: { databaseUrl: string; repeats: number }, log: (line: string) => void): Promise<ColdStartReport> {
  const report: ColdStartReport = [];
  const dataDir = await mkdtemp(join(tmpdir(), 'samskabelse-cold-'));
  const schema = `cold_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: options.databaseUrl });
  await admin.connect();
  try {
    const cases: { name: string; env: () => Promise<NodeJS.ProcessEnv> }[] = [
      {
        name: 'PGlite, første gang (tom mappe: initdb og migreringer)',
        env: async () => ({ DATA_DIR: await mkdtemp(join(dataDir, 'first-')), DATABASE_URL: '' }),
      },
      { name: 'PGlite, eksisterende database', env: async () => ({ DATA_DIR: join(dataDir, 'kept'), DATABASE_URL: '' }) },
      { name: 'PostgreSQL (migreret schema)', env: async () => ({ DATA_DIR: dataDir, DATABASE_URL: options.databaseUrl, DATABASE_SCHEMA: schema }) },
    ];
    // The kept PGlite folder and the schema exist and are migrated before the first measured run.
    await probeOnce({ DATA_DIR: join(dataDir, 'kept'), DATABASE_URL: '' });
    await admin.query(`CREATE SCHEMA ${schema}`);
    const db = await openDatabase({ connectionString: options.databaseUrl, searchPath: schema });
    await migrate(db);
    await db.close();
    for (const c of cases) {
      const runs = [];
      for (let i = 0; i < options.repeats; i++) runs.push(await probeOnce(await c.env()));
      report.push({ name: c.name, runs });
      log(`  ${c.name}: ${runs.map((r) => `${r.wallMs.toFixed(0)} ms`).join(', ')}`);
    }
  } finally {
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined);
    await admin.end();
    await rm(dataDir, { recursive: true, force: true });
  }
  return report;
}
