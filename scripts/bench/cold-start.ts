// Cold start: a fresh process imports one function and answers its first request, on PGlite and on PostgreSQL, from
// the source and as `vercel build` bundles it (the pinned CLI, offline; the build adds a minute or two).
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { openDatabase } from '../../src/platform/db/client.ts';
import { migrate } from '../../src/platform/db/migrate.ts';
import { cvrSeries } from '../../tests/support/signing-forms.ts';
import { buildDeployment, outputFunctions, standaloneFunction } from '../../tests/support/vercel-output.ts';
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
  const cleanUp: (() => Promise<unknown>)[] = [];
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
    // The function as Vercel deploys it: the .func folder of api/signatures, copied out with the files it maps in.
    log('  bygger funktionerne med vercel build …');
    const deployment = await buildDeployment();
    cleanUp.push(() => rm(deployment.dir, { recursive: true, force: true }));
    const bundle = await standaloneFunction(deployment, 'api/signatures');
    cleanUp.push(() => rm(bundle, { recursive: true, force: true }));
    const { handler } = (await outputFunctions(deployment.output)).find((f) => f.name === 'api/signatures')!.config as { handler: string };
    cases.push({
      name: 'PostgreSQL, bundlet funktion fra `vercel build`',
      env: async () => ({
        DATA_DIR: dataDir,
        DATABASE_URL: options.databaseUrl,
        DATABASE_SCHEMA: schema,
        PROBE_ENTRY: pathToFileURL(join(bundle, handler)).href,
        PROBE_RUNTIME: pathToFileURL(join(bundle, 'src/platform/runtime.js')).href,
      }),
    });
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
    for (const step of cleanUp) await step().catch(() => undefined);
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined);
    await admin.end();
    await rm(dataDir, { recursive: true, force: true });
  }
  return report;
}
