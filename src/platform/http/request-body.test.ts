import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { bodyMessages, readBody, sameOrigin } from './request-body.ts';
import { rawRequest, serveTestSite, type TestSite } from '../../../tests/support/test-site.ts';

const post = (body: BodyInit | null, headers: Record<string, string>) =>
  new Request('https://samskabelse.dk/api/signatures/', { method: 'POST', body, headers, duplex: 'half' } as RequestInit);
const form = (body: string, headers: Record<string, string> = {}) => post(body, { 'content-type': 'application/x-www-form-urlencoded', ...headers });
const jsonPost = (body: string) => post(body, { 'content-type': 'application/json; charset=utf-8' });

/** A body that arrives in pieces with no Content-Length, as a chunked upload does. */
function chunked(bytes: number, chunk = 1024): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      const size = Math.min(chunk, bytes - sent);
      sent += size;
      controller.enqueue(new TextEncoder().encode('a'.repeat(size)));
    },
  });
}

describe('readBody', () => {
  it('reads a form, turning repeated fields into arrays', async () => {
    const body = await readBody(form('navn=Anne+S%C3%B8rensen&omraade=social&omraade=byudvikling'));
    assert.ok(body.ok && body.kind === 'form');
    assert.deepEqual(body.data, { navn: 'Anne Sørensen', omraade: ['social', 'byudvikling'] });
    assert.equal(body.wantsJson, false);
  });

  it('reads a JSON object and says the client wants JSON', async () => {
    const body = await readBody(jsonPost('{"navn":"Anne","felter":{"a":1}}'));
    assert.ok(body.ok && body.kind === 'json');
    assert.deepEqual(body.data, { navn: 'Anne', felter: { a: 1 } });
    assert.equal(body.wantsJson, true);
  });

  it('says a form poster wants JSON when its Accept header asks for it', async () => {
    const body = await readBody(form('a=1', { accept: 'application/json' }));
    assert.equal(body.wantsJson, true);
  });

  it('drops __proto__, constructor and prototype keys from forms and nested JSON', async () => {
    const fromForm = await readBody(form('__proto__[admin]=1&__proto__=x&constructor=y&prototype=z&navn=Anne'));
    assert.ok(fromForm.ok);
    assert.deepEqual(Object.keys(fromForm.data), ['__proto__[admin]', 'navn']);
    const fromJson = await readBody(jsonPost('{"__proto__":{"admin":true},"a":{"constructor":{"prototype":{"admin":true}},"b":1}}'));
    assert.ok(fromJson.ok);
    assert.deepEqual(fromJson.data, { a: { b: 1 } });
    assert.equal(Object.getPrototypeOf(fromJson.data), Object.prototype);
    assert.equal(({} as Record<string, unknown>).admin, undefined);
  });

  it('reads JSON nested as deep as 16 KB allows, and still drops the forbidden keys at the bottom', async () => {
    const depth = 8000;
    const body = await readBody(jsonPost(`{"a":${'['.repeat(depth)}{"__proto__":1,"b":2}${']'.repeat(depth)}}`));
    assert.ok(body.ok);
    let value: unknown = body.data.a;
    for (let i = 0; i < depth; i++) value = (value as unknown[])[0];
    assert.deepEqual(value, { b: 2 });
  });

  it('refuses a body over 16 KB with 413, counting bytes even without a Content-Length', async () => {
    const body = await readBody(post(chunked(16 * 1024 + 1), { 'content-type': 'application/x-www-form-urlencoded' }));
    assert.ok(!body.ok);
    assert.equal(body.response.status, 413);
    assert.equal(await body.response.text(), bodyMessages.tooLarge);
  });

  it('refuses with 413 a body larger than its Content-Length claims', async () => {
    const body = await readBody(post(chunked(20_000), { 'content-type': 'application/json', 'content-length': '10' }));
    assert.ok(!body.ok);
    assert.equal(body.response.status, 413);
    assert.deepEqual(await body.response.json(), { error: bodyMessages.tooLarge });
  });

  it('accepts a body of exactly the limit', async () => {
    const body = await readBody(post(chunked(16 * 1024), { 'content-type': 'application/x-www-form-urlencoded' }));
    assert.ok(body.ok);
  });

  it('refuses any other content type with 415', async () => {
    for (const type of ['text/plain', 'multipart/form-data; boundary=x', 'application/xml']) {
      const body = await readBody(post('a=1', { 'content-type': type }));
      assert.ok(!body.ok, type);
      assert.equal(body.response.status, 415, type);
    }
    const untyped = await readBody(new Request('https://samskabelse.dk/', { method: 'POST', body: new Uint8Array([1]) }));
    assert.ok(!untyped.ok);
    assert.equal(untyped.response.status, 415);
  });

  it('refuses broken JSON and JSON that is not an object with 400', async () => {
    for (const text of ['{"navn":', '[1,2]', '"tekst"', 'null', '42', '']) {
      const body = await readBody(jsonPost(text));
      assert.ok(!body.ok, text);
      assert.equal(body.response.status, 400, text);
    }
  });

  it('refuses bytes that are not UTF-8 with 400', async () => {
    const body = await readBody(post(new Uint8Array([0x6e, 0x3d, 0xff, 0xfe]), { 'content-type': 'application/x-www-form-urlencoded' }));
    assert.ok(!body.ok);
    assert.equal(body.response.status, 400);
  });
});

describe('sameOrigin', () => {
  const request = (method: string, headers: Record<string, string>) => new Request('https://samskabelse.dk/api/signatures/', { method, headers });

  it('accepts a POST from the site itself', () => {
    assert.equal(sameOrigin(request('POST', { origin: 'https://samskabelse.dk', 'sec-fetch-site': 'same-origin' })), true);
  });

  it('rejects a POST from another origin, a null origin, or a cross-site fetch', () => {
    assert.equal(sameOrigin(request('POST', { origin: 'https://evil.example' })), false);
    assert.equal(sameOrigin(request('POST', { origin: 'http://samskabelse.dk' })), false);
    assert.equal(sameOrigin(request('POST', { origin: 'null' })), false);
    assert.equal(sameOrigin(request('POST', { 'sec-fetch-site': 'cross-site' })), false);
  });

  it('accepts a POST without Origin, as curl sends it', () => {
    assert.equal(sameOrigin(request('POST', {})), true);
  });

  it('leaves GET alone', () => {
    assert.equal(sameOrigin(request('GET', { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' })), true);
  });
});

describe('a cross-origin POST over HTTP', () => {
  let site: TestSite;
  before(async () => {
    site = await serveTestSite({
      'api/sign.ts': `
        import { sameOrigin } from '${import.meta.resolve('./request-body.ts')}';
        export const POST = (request) => sameOrigin(request) ? new Response('ok') : new Response('afvist', { status: 403 });`,
    });
  });
  after(() => site.stop());

  it('is refused, while the same POST from the site itself passes', async () => {
    const send = (origin: string) =>
      rawRequest(`${site.url}/api/sign/`, { method: 'POST', headers: { origin, 'content-type': 'application/x-www-form-urlencoded' }, body: 'a=1' });
    assert.equal((await send('https://evil.example')).status, 403);
    assert.equal((await send(site.url)).status, 200);
  });
});
