import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dataCsp, json, prefersJson, problem, redirect303 } from './respond.ts';

describe('respond', () => {
  it('answers JSON that is never cached and may load nothing', async () => {
    const response = json({ ok: true }, 201);
    assert.equal(response.status, 201);
    assert.equal(response.headers.get('content-type'), 'application/json; charset=utf-8');
    assert.equal(response.headers.get('cache-control'), 'no-store');
    assert.equal(response.headers.get('content-security-policy'), dataCsp);
    assert.deepEqual(await response.json(), { ok: true });
  });

  it('lets the caller override a default header', () => {
    assert.equal(json({}, 200, { 'Cache-Control': 'public, max-age=60' }).headers.get('cache-control'), 'public, max-age=60');
  });

  it('redirects with 303 See Other after a POST', () => {
    const response = redirect303('/underskriv/tak/');
    assert.equal(response.status, 303);
    assert.equal(response.headers.get('location'), '/underskriv/tak/');
    assert.equal(response.headers.get('cache-control'), 'no-store');
  });

  it('words a problem as JSON by default and as text for a browser form', async () => {
    assert.deepEqual(await problem(400, 'Skriv dit navn.').json(), { error: 'Skriv dit navn.' });
    const text = problem(400, 'Skriv dit navn.', { wantsJson: false });
    assert.match(text.headers.get('content-type') ?? '', /^text\/plain/);
    assert.equal(await text.text(), 'Skriv dit navn.');
  });

  it('tells a JSON client from a browser', () => {
    assert.equal(prefersJson(new Request('http://x/', { headers: { accept: 'application/json' } })), true);
    assert.equal(prefersJson(new Request('http://x/', { headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } })), false);
  });
});
