// What gets deployed is what gets tested: `vercel build` (the pinned CLI, offline, no login) on a clean copy of the
// project, then checks on .vercel/output — routes, headers, crons, runtime, region, bundle contents — and two
// bundled functions run in a fresh Node process against PostgreSQL. The build takes about a minute, once per file.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import pg from 'pg';
import { routeSamples, sitemapPaths, withoutSlash } from '../tests/support/route-samples.ts';
import { signingForms } from '../tests/support/signing-forms.ts';
import { openDatabase } from '../src/platform/db/client.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { startThrowawayCluster } from '../tests/support/postgres-cluster.ts';
import { buildDeployment, outputFunctions, routeInOutput, standaloneFunction, type Deployment } from '../tests/support/vercel-output.ts';

const run = promisify(execFile);
const projectRoot = join(import.meta.dirname, '..');

// The bundled functions carry no PGlite, so they run against PostgreSQL: TEST_DATABASE_URL when it is set (CI), else
// a throwaway cluster of their own, as the fault tests start, so a newcomer's plain `npm test` runs this too.
const cluster = process.env.TEST_DATABASE_URL ? undefined : await startThrowawayCluster();
const databaseUrl = process.env.TEST_DATABASE_URL ?? cluster!.url;
after(async () => {
  await cluster?.remove();
});

let deployment: Deployment;
let functions: Awaited<ReturnType<typeof outputFunctions>>;
before(async () => {
  deployment = await buildDeployment();
  functions = await outputFunctions(deployment.output);
});
after(async () => {
  if (deployment && !process.env.KEEP_VERCEL_OUTPUT) await rm(deployment.dir, { recursive: true, force: true });
});

const vercelJson = async () =>
  JSON.parse(await readFile(join(projectRoot, 'vercel.json'), 'utf8')) as {
    headers: { source: string; headers: { key: string; value: string }[] }[];
    rewrites: { source: string; destination: string }[];
    crons: { path: string; schedule: string }[];
  };

const route = (path: string) => routeInOutput(deployment.output, deployment.config, path);

describe('vercel build', () => {
  it('writes Build Output API v3 with one function per file in api/', async () => {
    assert.equal(deployment.config.version, 3);
    const { stdout } = await run('git', ['ls-files', 'api'], { cwd: projectRoot });
    const endpoints = stdout.split('\n').filter((f) => /\.ts$/.test(f) && !/(^|\/)[._]/.test(f.slice(4))).map((f) => f.replace(/\.ts$/, ''));
    assert.deepEqual(functions.map((f) => f.name), endpoints.sort((a, b) => a.localeCompare(b)));
  });

  it('runs every function on nodejs24.x in Frankfurt (fra1)', () => {
    for (const { name, config } of functions) {
      assert.equal(config.runtime, 'nodejs24.x', name);
      assert.deepEqual(config.regions, ['fra1'], name);
    }
  });

  // Fails until PGlite is imported only when DATABASE_URL is unset (issue 13, point 8): production never needs it.
  it('bundles no PGlite into any function', () => {
    const bundled = functions.filter((f) => existsSync(join(f.dir, 'node_modules', '@electric-sql', 'pglite'))).map((f) => f.name);
    assert.deepEqual(bundled, [], `PGlite is bundled into ${bundled.join(', ')}`);
  });

  // The signing function writes the current charter version on each signature, and the wall marks who stands behind
  // it: every function reads content/charter/versions/ (vercel.json's includeFiles), wherever it runs.
  it('ships the charter versions with every function', async () => {
    const versions = (await readdir(join(projectRoot, 'content/charter/versions'))).filter((name) => name.endsWith('.yaml'));
    assert.ok(versions.includes('1.yaml'));
    for (const { name, config } of functions) {
      const shipped = Object.keys((config as { filePathMap?: Record<string, string> }).filePathMap ?? {});
      for (const version of versions) assert.ok(shipped.includes(`content/charter/versions/${version}`), `${name} lacks content/charter/versions/${version}`);
    }
  });

  it('runs the cron daily at /api/cron, which is a function (Hobby accepts only daily schedules)', async () => {
    assert.deepEqual(deployment.config.crons, (await vercelJson()).crons);
    for (const cron of deployment.config.crons ?? []) {
      const [minute, hour, ...rest] = cron.schedule.split(' ');
      assert.ok(/^\d+$/.test(minute!) && /^\d+$/.test(hour!) && rest.join(' ') === '* * *', `${cron.schedule} is not once a day`);
      const answer = await route(cron.path);
      assert.equal(answer.kind === 'function' && answer.name, cron.path.slice(1), JSON.stringify(answer));
    }
  });
});

describe('routes in .vercel/output/config.json', () => {
  it('serves every page in the sitemap, from a file or a function', async () => {
    const paths = await sitemapPaths(join(deployment.output, 'static'));
    assert.ok(paths.length > 20, `only ${paths.length} pages in the sitemap`);
    for (const path of paths) {
      const answer = await route(path);
      assert.ok(answer.kind === 'static' || answer.kind === 'function', `${path}: ${JSON.stringify(answer)}`);
    }
  });

  it('sends every rewrite to a function that exists', async () => {
    const { rewrites } = await vercelJson();
    for (const { source, destination } of rewrites) {
      // A catch-all (/admin/(.*), /en/(.*)) is sampled with an address that is nothing else.
      const answer = await route(source.replace('(.*)', 'findes-ikke/'));
      assert.equal(answer.kind === 'function' && answer.name, destination.slice(1), `${source}: ${JSON.stringify(answer)}`);
    }
  });

  it('answers every route in src/routes.ts, and sends a page without its trailing slash there with one 308', async () => {
    for (const { name, path, page } of await routeSamples(join(deployment.output, 'static'))) {
      // Vercel routes on the path; a query (routes.signatoriesWith) goes along to the page or function as it is.
      const answer = await route(path.split('?')[0]!);
      assert.ok(answer.kind === 'static' || answer.kind === 'function', `routes.${name} ${path}: ${JSON.stringify(answer)}`);
      if (!page || path === '/') continue;
      assert.deepEqual(await route(withoutSlash(path)), { kind: 'redirect', status: 308, location: path }, `routes.${name}`);
    }
  });

  it('puts the vercel.json headers on static, function and 404 answers', async () => {
    const { headers } = await vercelJson();
    const everywhere = headers.find((rule) => rule.source === '/(.*)')!.headers;
    const answers = {
      static: await route('/manifest/'),
      function: await route('/api/health'),
      rewritten: await route('/underskrivere/'),
      notFound: await route('/findes-ikke/'),
    };
    assert.deepEqual(Object.values(answers).map((a) => a.kind), ['static', 'function', 'function', 'not-found']);
    assert.equal(answers.notFound.kind === 'not-found' && answers.notFound.file, '/404.html');
    // Vercel's own 404 is the Danish page; an unknown English address goes to the function that answers the English one.
    const english = await route('/en/findes-ikke/');
    assert.equal(english.kind === 'function' && english.name, 'api/not-found', JSON.stringify(english));
    assert.equal((await route('/en/cases/findes-ikke/')).kind, 'function');
    for (const [kind, answer] of Object.entries(answers)) {
      if (answer.kind === 'redirect') continue;
      for (const { key, value } of everywhere) assert.equal(answer.headers[key.toLowerCase()], value, `${key} on the ${kind} answer`);
    }
  });
});

describe('bundled functions in a fresh Node process', () => {
  const schema = `deploy_${randomBytes(6).toString('hex')}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      return await client.query(sql);
    } finally {
      await client.end();
    }
  };
  // A deployment's database is migrated by its build (npm run migrate); the functions only check the schema.
  before(async () => {
    await admin(`CREATE SCHEMA ${schema}`);
    const db = await openDatabase({ connectionString: databaseUrl, searchPath: schema });
    await migrate(db);
    await db.close();
  });
  after(() => admin(`DROP SCHEMA IF EXISTS ${schema} CASCADE`));

  /**
   * Imports each function's entry point from a standalone copy of its .func folder and calls it with a Web Request,
   * as Vercel's launcher does; prints the answers as JSON.
   */
  const child = `
    const calls = JSON.parse(process.argv[1]);
    const answers = [];
    const runtimes = [];
    for (const call of calls) {
      const module = await import(call.entry);
      const handler = module[call.method] ?? module.default?.fetch?.bind(module.default);
      const response = await handler(new Request(call.url, { method: call.method, headers: call.headers, body: call.body }));
      answers.push({ status: response.status, type: response.headers.get('content-type'), body: await response.text() });
      runtimes.push(call.runtime);
    }
    for (const runtime of runtimes) await (await import(runtime)).closeRuntime?.();
    console.log(JSON.stringify(answers));
  `;

  it('answers a GET and a signing POST against PostgreSQL', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'samskabelse-deploy-data-'));
    const site = 'https://samskabelse.example';
    const calls = [];
    for (const [name, method, body] of [
      ['api/signatures', 'POST', JSON.stringify(signingForms(7)())],
      ['api/members/count', 'GET', undefined],
    ] as const) {
      const dir = await standaloneFunction(deployment, name);
      const config = functions.find((f) => f.name === name)!.config as { handler: string };
      calls.push({
        entry: `file://${join(dir, config.handler)}`,
        runtime: `file://${join(dir, 'src/platform/runtime.js')}`,
        method,
        url: `${site}/${name}`,
        headers: { 'content-type': 'application/json', accept: 'application/json', origin: site, 'x-forwarded-for': '203.0.113.7', 'x-real-ip': '203.0.113.7' },
        body,
      });
    }
    const env = { PATH: process.env.PATH ?? '', DATABASE_URL: databaseUrl, DATABASE_SCHEMA: schema, DATA_DIR: dataDir, SITE_URL: site };
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', child, JSON.stringify(calls)], { env, cwd: tmpdir() });
    const [signing, count] = JSON.parse(stdout.trim().split('\n').at(-1)!) as { status: number; type: string; body: string }[];
    assert.equal(signing!.status, 202, signing!.body);
    assert.deepEqual(JSON.parse(count!.body), { people: 0, organisations: 0 });
    const { rows } = await admin(`SELECT status FROM ${schema}.signatures`);
    assert.deepEqual(rows, [{ status: 'pending' }]);
    await rm(dataDir, { recursive: true, force: true });
  });

  it('draws the wall with its municipality map from the frame and map files bundled with the function', async () => {
    const name = 'api/wall';
    const dir = await standaloneFunction(deployment, name);
    const config = functions.find((f) => f.name === name)!.config as { handler: string };
    const site = 'https://samskabelse.example';
    const calls = [{ entry: `file://${join(dir, config.handler)}`, runtime: `file://${join(dir, 'src/platform/runtime.js')}`, method: 'GET', url: `${site}/underskrivere/`, headers: {} }];
    const env = { PATH: process.env.PATH ?? '', DATABASE_URL: databaseUrl, DATABASE_SCHEMA: schema, SITE_URL: site };
    // Vercel runs a function in its own folder, where vercel.json's includeFiles put dist/skabelon/.
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', child, JSON.stringify(calls)], { env, cwd: dir });
    const [wall] = JSON.parse(stdout.trim().split('\n').at(-1)!) as { status: number; body: string }[];
    assert.equal(wall!.status, 200, wall!.body);
    assert.match(wall!.body, /<svg class="municipality-map"/);
    assert.equal(wall!.body.match(/<\/title><path d="M/g)?.length, 98, 'a path for each municipality');
    await rm(dir, { recursive: true, force: true });
  });
});
