import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { projectRoot, startServer, type RunningServer } from './local-server.ts';
import { dataCsp } from '../platform/http/respond.ts';
import { migrationNames } from '../platform/db/migrate.ts';
import { closeRuntime, migrateLocalDatabase } from '../platform/runtime.ts';
import { rawRequest, serveTestSite, type TestSite } from '../../tests/support/test-site.ts';

const securityHeaders = ['strict-transport-security', 'x-content-type-options', 'referrer-policy', 'permissions-policy', 'cross-origin-opener-policy', 'content-security-policy'];

const wall = `export const GET = (request) => new Response('væggen ' + new URL(request.url).pathname + new URL(request.url).search, { headers: { 'content-type': 'text/html; charset=utf-8' } });`;

describe('the local server', () => {
  let site: TestSite;
  before(async () => {
    site = await serveTestSite({
      'dist/underskriv/index.html': '<!doctype html><title>Underskriv</title>',
      'dist/_astro/side.abc123.css': 'body { color: black; }',
      'dist/favicon.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
      'api/hello.ts': `export const GET = () => Response.json({ hej: true }, { headers: { 'content-security-policy': "${dataCsp}" } });`,
      'api/wall.ts': wall,
      'api/signatures/confirm.ts': wall,
      // A static page at /underskriv/traek-tilbage/ must win over the rewrite to the withdraw function.
      'dist/underskriv/traek-tilbage/index.html': '<!doctype html><title>Statisk</title>',
      'api/signatures/withdraw.ts': wall,
    });
  });
  after(() => site.stop());

  it('puts the vercel.json headers on a static page', async () => {
    const response = await fetch(`${site.url}/underskriv/`);
    assert.equal(response.status, 200);
    for (const name of securityHeaders) assert.ok(response.headers.get(name), name);
    assert.match(response.headers.get('content-security-policy')!, /frame-ancestors 'none'/);
  });

  it('puts the vercel.json headers on a function’s answer, and lets the function’s own CSP win', async () => {
    const response = await fetch(`${site.url}/api/hello/`);
    assert.equal(response.status, 200);
    for (const name of securityHeaders) assert.ok(response.headers.get(name), name);
    assert.equal(response.headers.get('content-security-policy'), dataCsp);
  });

  it('puts the vercel.json headers on the 404 page', async () => {
    const response = await fetch(`${site.url}/findes-ikke/`);
    assert.equal(response.status, 404);
    assert.match(await response.text(), /Siden findes ikke/);
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
  });

  it('serves /_astro/ files as immutable and other files as revalidated', async () => {
    assert.equal((await fetch(`${site.url}/_astro/side.abc123.css`)).headers.get('cache-control'), 'public, max-age=31536000, immutable');
    assert.equal((await fetch(`${site.url}/favicon.svg`)).headers.get('cache-control'), 'public, max-age=0, must-revalidate');
  });

  it('redirects a page folder without its trailing slash with 308, and answers a function path directly', async () => {
    const page = await rawRequest(`${site.url}/underskriv?fra=mail`);
    assert.equal(page.status, 308);
    assert.equal(page.headers.location, '/underskriv/?fra=mail');
    const api = await rawRequest(`${site.url}/api/hello`, { method: 'POST' });
    assert.notEqual(api.status, 308);
    assert.equal(api.headers.location, undefined);
  });

  it('rewrites a page to its function, which sees the address the visitor asked for', async () => {
    const response = await fetch(`${site.url}/underskriv/bekraeft/?token=abc`);
    assert.equal(response.status, 200);
    assert.equal(await response.text(), 'væggen /underskriv/bekraeft/?token=abc');
  });

  it('serves a static file that exists at a rewrite’s source instead of the function', async () => {
    const response = await fetch(`${site.url}/underskriv/traek-tilbage/`);
    assert.match(await response.text(), /Statisk/);
  });

  it('answers the 404 page for a rewrite whose function is missing', async () => {
    const response = await fetch(`${site.url}/underskrivere/`);
    assert.equal(response.status, 200, 'api/wall.ts exists in this fixture');
    await response.body?.cancel();
    const missing = await serveTestSite({});
    try {
      const gone = await fetch(`${missing.url}/underskrivere/`);
      assert.equal(gone.status, 404);
      assert.match(await gone.text(), /Siden findes ikke/);
    } finally {
      await missing.stop();
    }
  });

  it('refuses a request with a malformed Host header with 400', async () => {
    const response = await rawRequest(`${site.url}/`, { headers: { host: 'evil.example/path' } });
    assert.equal(response.status, 400);
  });

  it('does not serve files outside dist/', async () => {
    const response = await rawRequest(`${site.url}/..%2fpackage.json`);
    assert.equal(response.status, 404);
    assert.doesNotMatch(response.body, /"type"/);
  });
});

describe('the project’s own api/', () => {
  let server: RunningServer;
  let dataDir: string;
  before(async () => {
    // A database of its own, migrated on start as `npm start` does.
    dataDir = await mkdtemp(join(tmpdir(), 'samskabelse-local-'));
    process.env.DATA_DIR = dataDir;
    delete process.env.DATABASE_URL;
    await migrateLocalDatabase();
    server = await startServer({ port: 0, apiDir: join(projectRoot, 'api'), distDir: join(projectRoot, 'src/dev-server') });
  });
  after(async () => {
    await server.close();
    await closeRuntime();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('answers /api/health/ with ok and no caching', async () => {
    const newest = (await migrationNames()).at(-1);
    const response = await fetch(`${server.url}/api/health/`);
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { ok: true, database: 'pglite', mail: 'file', schema: { version: newest, expected: newest, pending: [] } });
    assert.equal(response.headers.get('cache-control'), 'no-store');
    assert.equal(response.headers.get('strict-transport-security'), 'max-age=63072000; includeSubDomains; preload');
  });

  it('stops cleanly while a keep-alive connection is open', async () => {
    const other = await startServer({ port: 0, apiDir: join(projectRoot, 'api') });
    await (await fetch(`${other.url}/api/health/`)).text();
    const started = Date.now();
    await other.close();
    assert.ok(Date.now() - started < 2000, 'close waited for an idle connection');
  });
});
