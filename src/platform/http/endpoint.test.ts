import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { strings } from '../../i18n/index.ts';
import { endpoint, wrapped } from './endpoint.ts';

const run = promisify(execFile);
const root = join(import.meta.dirname, '../../..');
const t = strings().server;
const post = (accept = 'text/html') => new Request('https://samskabelse.dk/api/x', { method: 'POST', headers: { accept } });

async function apiFiles(dir = join(root, 'api')): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(entries.map((e) => (e.isDirectory() ? apiFiles(join(dir, e.name)) : Promise.resolve(e.name.endsWith('.ts') && !/^[._]/.test(e.name) ? [join(dir, e.name)] : []))));
  return nested.flat();
}

describe('endpoint()', () => {
  it('answers a thrown error with the Danish 500, as text for a browser and as JSON for a client that asks for it', async () => {
    const handler = endpoint(() => {
      throw new Error('bug');
    });
    const page = await handler(post());
    assert.equal(page.status, 500);
    assert.equal(await page.text(), t.failed);
    const data = await handler(post('application/json'));
    assert.equal(data.status, 500);
    assert.deepEqual(await data.json(), { error: t.failed });
  });

  it('answers a lost database with the Danish 503 and Retry-After', async () => {
    const handler = endpoint(async () => {
      throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    });
    const response = await handler(post());
    assert.equal(response.status, 503);
    assert.equal(response.headers.get('retry-after'), '5');
    assert.equal(await response.text(), t.unavailable);
  });

  it('answers in English for the English edition: an address under /en/, or a form posted from an English page', async () => {
    const en = strings('en').server;
    const handler = endpoint(() => {
      throw new Error('bug');
    });
    const fromEnglishPage = await handler(new Request('https://samskabelse.dk/api/x', { method: 'POST', headers: { accept: 'text/html', referer: 'https://samskabelse.dk/en/sign/' } }));
    assert.equal(await fromEnglishPage.text(), en.failed);
    const englishAddress = await handler(new Request('https://samskabelse.dk/en/sign/confirm/?token=x', { headers: { accept: 'text/html' } }));
    assert.equal(await englishAddress.text(), en.failed);
    const fromDanishPage = await handler(new Request('https://samskabelse.dk/api/x', { method: 'POST', headers: { accept: 'text/html', referer: 'https://samskabelse.dk/underskriv/' } }));
    assert.equal(await fromDanishPage.text(), t.failed);
    const brokenReferer = await handler(new Request('https://samskabelse.dk/api/x', { method: 'POST', headers: { accept: 'text/html', referer: 'not a url' } }));
    assert.equal(await brokenReferer.text(), t.failed);
    assert.notEqual(en.failed, t.failed);
  });

  it('passes a handler’s own answer through untouched', async () => {
    const response = await endpoint(() => new Response('ok', { status: 201 }))(post());
    assert.equal(response.status, 201);
    assert.equal(await response.text(), 'ok');
  });

  it('wraps every method exported by every function in api/', async () => {
    const files = await apiFiles();
    assert.ok(files.length >= 15, `found only ${files.length} functions`);
    for (const file of files) {
      const module = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
      const methods = Object.entries(module).filter(([name]) => /^(GET|POST|PUT|PATCH|DELETE)$/.test(name));
      assert.ok(methods.length > 0, `${relative(root, file)} exports no method`);
      for (const [name, handler] of methods) {
        assert.equal((handler as Record<symbol, unknown>)[wrapped], true, `${relative(root, file)}: ${name} is not wrapped in endpoint()`);
      }
    }
  });

  it('gives the Danish 503 from an api/ handler called directly, without the local server, when the database is down', async () => {
    // A fresh process, as on Vercel: the runtime opens the database from DATABASE_URL, which points at a closed port.
    const script = `
      const { GET } = await import(${JSON.stringify(pathToFileURL(join(root, 'api/signatories.ts')).href)});
      const response = await GET(new Request('https://samskabelse.dk/api/signatories', { headers: { accept: 'application/json' } }));
      console.log(JSON.stringify({ status: response.status, retryAfter: response.headers.get('retry-after'), body: await response.json() }));
      process.exit(0);`;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: 'postgres://nobody@127.0.0.1:9/none?connect_timeout=2' },
    });
    const answer = JSON.parse(stdout.trim().split('\n').at(-1)!);
    assert.deepEqual(answer, { status: 503, retryAfter: '5', body: { error: t.unavailable } });
  });
});
