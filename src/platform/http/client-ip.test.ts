import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { clientIp } from './client-ip.ts';
import { rawRequest, serveTestSite, type TestSite } from '../../../tests/support/test-site.ts';

const withHeaders = (headers: Record<string, string>) => new Request('https://samskabelse.dk/api/x', { headers });

describe('clientIp', () => {
  it('reads x-real-ip first', () => {
    assert.equal(clientIp(withHeaders({ 'x-real-ip': '203.0.113.7', 'x-forwarded-for': '198.51.100.1' })), '203.0.113.7');
  });

  it('falls back to the first x-forwarded-for entry', () => {
    assert.equal(clientIp(withHeaders({ 'x-forwarded-for': ' 198.51.100.1 , 10.0.0.1' })), '198.51.100.1');
  });

  it('says unknown when neither header is there', () => {
    assert.equal(clientIp(withHeaders({})), 'unknown');
  });
});

describe('the client address over a real connection', () => {
  let site: TestSite;
  before(async () => {
    site = await serveTestSite({
      'api/who.ts': `
        import { clientIp } from '${import.meta.resolve('./client-ip.ts')}';
        export function GET(request) {
          const seen = {};
          for (const name of ['x-forwarded-for', 'x-real-ip', 'x-vercel-forwarded-for', 'forwarded']) seen[name] = request.headers.get(name);
          return Response.json({ ip: clientIp(request), seen });
        }`,
    });
  });
  after(() => site.stop());

  it('ignores spoofed forwarding headers and reports the loopback address', async () => {
    const response = await rawRequest(`${site.url}/api/who/`, {
      headers: {
        'X-Forwarded-For': '203.0.113.66, 127.0.0.1',
        'X-Real-IP': '203.0.113.66',
        'X-Vercel-Forwarded-For': '203.0.113.66',
        Forwarded: 'for=203.0.113.66',
      },
    });
    assert.equal(response.status, 200);
    assert.deepEqual(JSON.parse(response.body), {
      ip: '127.0.0.1',
      seen: { 'x-forwarded-for': '127.0.0.1', 'x-real-ip': '127.0.0.1', 'x-vercel-forwarded-for': null, forwarded: null },
    });
  });
});
