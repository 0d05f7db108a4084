import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { allowedMethods, functionFileFor, invoke, maxRequestBodyBytes, serverMessages } from './function-router.ts';
import { bodyMessages } from '../platform/http/request-body.ts';
import { rawRequest, serveTestSite, type TestSite } from '../../tests/support/test-site.ts';

describe('functionFileFor', () => {
  let apiDir: string;
  before(async () => {
    apiDir = join(await mkdtemp(join(tmpdir(), 'samskabelse-api-')), 'api');
    for (const file of ['health.ts', 'members/count.ts', 'members/index.ts', '_helper.ts', '.secret.ts', 'legacy.mjs']) {
      await mkdir(join(apiDir, file, '..'), { recursive: true });
      await writeFile(join(apiDir, file), 'export {};');
    }
    await writeFile(join(apiDir, '..', 'outside.ts'), 'export {};');
  });
  after(() => rm(join(apiDir, '..'), { recursive: true, force: true }));

  it('maps a path, with or without the trailing slash, to its file', async () => {
    assert.equal(await functionFileFor(apiDir, '/api/health'), join(apiDir, 'health.ts'));
    assert.equal(await functionFileFor(apiDir, '/api/health/'), join(apiDir, 'health.ts'));
    assert.equal(await functionFileFor(apiDir, '/api/members/count/'), join(apiDir, 'members/count.ts'));
    assert.equal(await functionFileFor(apiDir, '/api/legacy/'), join(apiDir, 'legacy.mjs'));
  });

  it('maps a folder to its index file', async () => {
    assert.equal(await functionFileFor(apiDir, '/api/members/'), join(apiDir, 'members/index.ts'));
  });

  it('refuses paths that climb out of api/, name helpers or dotfiles, or hide a slash', async () => {
    for (const path of ['/api/../outside', '/api/%2e%2e/outside', '/api/members/%2e%2e/health', '/api/_helper/', '/api/.secret/', '/api/members%2Fcount/', '/api//health/', '/apihealth', '/outside/', '/api/health.ts']) {
      assert.equal(await functionFileFor(apiDir, path), undefined, path);
    }
  });
});

describe('invoke', () => {
  const echo = (request: Request) => new Response(request.method);
  const module = { GET: echo, POST: echo };

  it('calls the export named after the method', async () => {
    assert.equal(await (await invoke(module, new Request('http://x/api/a', { method: 'POST' }))).text(), 'POST');
    assert.equal(await (await invoke(module, new Request('http://x/api/a'))).text(), 'GET');
  });

  it('answers HEAD with GET when there is no HEAD export', async () => {
    assert.equal((await invoke({ GET: () => new Response('x', { status: 201 }) }, new Request('http://x/', { method: 'HEAD' }))).status, 201);
  });

  it('answers OPTIONS with 204 and the allowed methods', async () => {
    const response = await invoke(module, new Request('http://x/', { method: 'OPTIONS' }));
    assert.equal(response.status, 204);
    assert.equal(response.headers.get('allow'), 'GET, HEAD, POST, OPTIONS');
  });

  it('answers a method the module lacks with 405 and an Allow header', async () => {
    const response = await invoke({ POST: echo }, new Request('http://x/', { method: 'DELETE' }));
    assert.equal(response.status, 405);
    assert.equal(response.headers.get('allow'), 'POST, OPTIONS');
  });

  it('accepts Vercel’s export default { fetch } form for every method', async () => {
    const fetchModule = { default: { fetch: (request: Request) => new Response(`fetch ${request.method}`) } };
    assert.equal(await (await invoke(fetchModule, new Request('http://x/', { method: 'PUT' }))).text(), 'fetch PUT');
    assert.ok(allowedMethods(fetchModule).includes('DELETE'));
  });
});

describe('functions over HTTP', () => {
  let site: TestSite;
  before(async () => {
    site = await serveTestSite({
      'api/echo.ts': `
        export async function POST(request) {
          const body = await request.text();
          return new Response(JSON.stringify({ url: request.url, body, type: request.headers.get('content-type') }), {
            headers: { 'content-type': 'application/json' },
          });
        }
        export function GET() {
          const headers = new Headers({ 'content-type': 'text/plain' });
          headers.append('set-cookie', 'a=1; Path=/');
          headers.append('set-cookie', 'b=2; Path=/');
          const stream = new ReadableStream({
            start(controller) {
              controller.enqueue(new TextEncoder().encode('første del, '));
              controller.enqueue(new TextEncoder().encode('anden del'));
              controller.close();
            },
          });
          return new Response(stream, { headers });
        }`,
      'api/members/count.ts': `export const GET = () => Response.json({ count: 3 });`,
      'api/broken.ts': `export function GET() { throw new Error('kaputt i testen'); }`,
      'api/database-down.ts': `export function POST() { throw Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }); }`,
      'api/not-a-response.ts': `export const GET = () => 'hej';`,
    });
  });
  after(() => site.stop());

  it('reads the request body in and streams the response body out', async () => {
    const response = await fetch(`${site.url}/api/echo/?a=1`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hej' });
    assert.deepEqual(await response.json(), { url: `${site.url}/api/echo/?a=1`, body: 'hej', type: 'text/plain' });
    const streamed = await fetch(`${site.url}/api/echo/`);
    assert.equal(await streamed.text(), 'første del, anden del');
  });

  it('refuses a body over 4.5 MB with 413 before the function runs, as Vercel does, and takes one just under it', async () => {
    const over = await rawRequest(`${site.url}/api/echo/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: Buffer.alloc(maxRequestBodyBytes + 1, 0x61),
    });
    assert.equal(over.status, 413);
    assert.deepEqual(JSON.parse(over.body), { error: bodyMessages.tooLarge });
    const under = await fetch(`${site.url}/api/echo/`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'b'.repeat(maxRequestBodyBytes) });
    assert.equal(((await under.json()) as { body: string }).body.length, maxRequestBodyBytes);
  });

  it('reads a body sent in many chunks without a Content-Length', async () => {
    const chunks = ['første ', 'anden ', 'tredje'];
    const body = new ReadableStream({
      async pull(controller) {
        const next = chunks.shift();
        if (next === undefined) controller.close();
        else controller.enqueue(new TextEncoder().encode(next));
        await new Promise((r) => setTimeout(r, 5));
      },
    });
    const response = await fetch(`${site.url}/api/echo/`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body, duplex: 'half' } as RequestInit);
    assert.equal(((await response.json()) as { body: string }).body, 'første anden tredje');
  });

  it('keeps every Set-Cookie header separate', async () => {
    const response = await fetch(`${site.url}/api/echo/`);
    assert.deepEqual(response.headers.getSetCookie(), ['a=1; Path=/', 'b=2; Path=/']);
  });

  it('serves a nested file at its nested path', async () => {
    assert.deepEqual(await (await fetch(`${site.url}/api/members/count/`)).json(), { count: 3 });
  });

  it('answers HEAD without a body', async () => {
    const response = await rawRequest(`${site.url}/api/members/count/`, { method: 'HEAD' });
    assert.equal(response.status, 200);
    assert.equal(response.body, '');
  });

  it('answers 405 with Allow for a method the function does not export', async () => {
    const response = await fetch(`${site.url}/api/members/count/`, { method: 'DELETE' });
    assert.equal(response.status, 405);
    assert.equal(response.headers.get('allow'), 'GET, HEAD, OPTIONS');
  });

  it('answers 500 with a Danish message and logs method, path and stack when a function throws', async (t) => {
    const logged = t.mock.method(console, 'error', () => {});
    const response = await fetch(`${site.url}/api/broken/`, { headers: { accept: 'application/json' } });
    assert.equal(response.status, 500);
    assert.deepEqual(await response.json(), { error: 'Der skete en fejl på serveren. Prøv igen om lidt.' });
    const line = logged.mock.calls.map((call) => call.arguments.join(' ')).join('\n');
    assert.match(line, /GET \/api\/broken\//);
    assert.match(line, /kaputt i testen\n\s+at /);
  });

  it('answers the 500 as text to a browser that did not ask for JSON', async (t) => {
    t.mock.method(console, 'error', () => {});
    const response = await fetch(`${site.url}/api/broken/`, { headers: { accept: 'text/html' } });
    assert.equal(response.status, 500);
    assert.match(response.headers.get('content-type') ?? '', /^text\/plain/);
    assert.equal(await response.text(), serverMessages.failed);
  });

  it('treats a function that returns something other than a Response as a failure', async (t) => {
    t.mock.method(console, 'error', () => {});
    assert.equal((await fetch(`${site.url}/api/not-a-response/`)).status, 500);
  });

  it('answers 503 with Retry-After when the database is unavailable', async (t) => {
    t.mock.method(console, 'error', () => {});
    const response = await fetch(`${site.url}/api/database-down/`, { method: 'POST' });
    assert.equal(response.status, 503);
    assert.equal(response.headers.get('retry-after'), '5');
    assert.equal(response.headers.get('cache-control'), 'no-store');
  });

  it('answers the 404 page for a path under /api/ with no function', async () => {
    const response = await fetch(`${site.url}/api/findes-ikke/`);
    assert.equal(response.status, 404);
    assert.match(await response.text(), /Siden findes ikke/);
  });
});
