import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { projectRoot } from './local-server.ts';
import {
  compileVercelConfig,
  headersFor,
  loadVercelConfig,
  redirectFor,
  resolveRequest,
  rewriteFor,
  sourceToRegExp,
  trailingSlashRedirect,
  type Filesystem,
  type VercelConfig,
} from './vercel-config.ts';

const projectConfigPath = join(projectRoot, 'vercel.json');

function fakeFilesystem(files: { static?: string[]; functions?: string[] }): Filesystem {
  return {
    hasStatic: async (pathname) => (files.static ?? []).includes(pathname),
    hasFunction: async (pathname) => (files.functions ?? []).includes(pathname.replace(/\/$/, '')),
  };
}

const at = (path: string) => new URL(path, 'https://samskabelse.dk');

describe('sourceToRegExp', () => {
  it('lets /(.*) match every path, the root included', () => {
    const pattern = sourceToRegExp('/(.*)');
    for (const path of ['/', '/cases/seest/', '/api/health/']) assert.ok(pattern.test(path), path);
  });

  it('anchors a prefix such as /_astro/(.*) at the start of the path', () => {
    const pattern = sourceToRegExp('/_astro/(.*)');
    assert.ok(pattern.test('/_astro/index.Bx1.css'));
    assert.ok(!pattern.test('/cases/_astro/index.css'));
    assert.ok(!pattern.test('/_astrox/a.css'));
  });

  it('matches a :param against exactly one segment', () => {
    const pattern = sourceToRegExp('/cases/:slug/');
    assert.equal(pattern.exec('/cases/seest/')?.groups?.slug, 'seest');
    assert.ok(!pattern.test('/cases/a/b/'));
    assert.ok(!pattern.test('/cases//'));
    assert.ok(!pattern.test('/cases/seest'));
  });

  it('lets :param* match the bare prefix and any depth below it', () => {
    const pattern = sourceToRegExp('/docs/:rest*');
    assert.ok(pattern.test('/docs'));
    assert.equal(pattern.exec('/docs/a/b')?.groups?.rest, 'a/b');
  });

  it('treats regex characters in literal text as literal', () => {
    assert.ok(!sourceToRegExp('/rss.xml').test('/rssxxml'));
  });
});

describe('trailingSlashRedirect with trailingSlash: true', () => {
  const table = compileVercelConfig({ trailingSlash: true });

  it('adds a slash to a page path', () => {
    assert.equal(trailingSlashRedirect(table, '/cases/seest'), '/cases/seest/');
    assert.equal(trailingSlashRedirect(table, '/api/health'), '/api/health/');
  });

  it('leaves files, the root and .well-known alone', () => {
    for (const path of ['/', '/favicon.svg', '/cases/seest/', '/.well-known/security.txt']) {
      assert.equal(trailingSlashRedirect(table, path), undefined, path);
    }
  });

  it('strips the slash after a file name', () => {
    assert.equal(trailingSlashRedirect(table, '/rss.xml/'), '/rss.xml');
  });
});

describe('headersFor', () => {
  it('gives every path the security headers from the project vercel.json', async () => {
    const table = await loadVercelConfig(projectConfigPath);
    const headers = new Map(headersFor(table, '/cases/seest/').map(([key, value]) => [key.toLowerCase(), value]));
    assert.equal(headers.get('strict-transport-security'), 'max-age=63072000; includeSubDomains; preload');
    assert.equal(headers.get('x-content-type-options'), 'nosniff');
    assert.equal(headers.get('referrer-policy'), 'strict-origin-when-cross-origin');
    assert.equal(headers.get('cross-origin-opener-policy'), 'same-origin');
    assert.match(headers.get('permissions-policy') ?? '', /camera=\(\)/);
    assert.match(headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/);
    assert.equal(headers.get('cache-control'), undefined);
  });

  it('marks /_astro/ files immutable and nothing else', async () => {
    const table = await loadVercelConfig(projectConfigPath);
    const cache = (path: string) => headersFor(table, path).find(([key]) => key.toLowerCase() === 'cache-control')?.[1];
    assert.equal(cache('/_astro/index.Bx1.css'), 'public, max-age=31536000, immutable');
    assert.equal(cache('/favicon.svg'), undefined);
  });

  it('lets a later rule override an earlier one for the same header', () => {
    const table = compileVercelConfig({
      headers: [
        { source: '/(.*)', headers: [{ key: 'X-Test', value: 'first' }] },
        { source: '/a/(.*)', headers: [{ key: 'x-test', value: 'second' }] },
      ],
    });
    assert.deepEqual(headersFor(table, '/a/b'), [['x-test', 'second']]);
    assert.deepEqual(headersFor(table, '/b'), [['X-Test', 'first']]);
  });
});

describe('rewriteFor', () => {
  it('fills :params into the destination and keeps the query', () => {
    const table = compileVercelConfig({ rewrites: [{ source: '/kort/:kommune/', destination: '/api/map/:kommune' }] });
    assert.deepEqual(rewriteFor(table, '/kort/aarhus/', '?zoom=2'), { pathname: '/api/map/aarhus', search: '?zoom=2' });
  });

  it('appends unused :params to the query, as Vercel does', () => {
    const table = compileVercelConfig({ rewrites: [{ source: '/badge/:id/', destination: '/api/badge' }] });
    assert.deepEqual(rewriteFor(table, '/badge/abc/', ''), { pathname: '/api/badge', search: '?id=abc' });
  });

  it('answers undefined when no source matches', () => {
    const table = compileVercelConfig({ rewrites: [{ source: '/underskrivere/', destination: '/api/wall' }] });
    assert.equal(rewriteFor(table, '/underskrivere/side-2/', ''), undefined);
  });
});

describe('resolveRequest follows Vercel’s order', () => {
  const config: VercelConfig = {
    trailingSlash: true,
    rewrites: [
      { source: '/underskrivere/', destination: '/api/wall' },
      { source: '/api/health/', destination: '/api/other' },
    ],
  };
  const table = compileVercelConfig(config);

  it('redirects to the trailing slash before anything else, keeping the query', async () => {
    const fs = fakeFilesystem({ static: ['/underskrivere'], functions: ['/api/wall'] });
    assert.deepEqual(await resolveRequest(table, at('/underskrivere?side=2'), fs), { kind: 'redirect', location: '/underskrivere/?side=2', status: 308 });
  });

  it('serves a static file that exists at a rewrite’s source instead of rewriting', async () => {
    const fs = fakeFilesystem({ static: ['/underskrivere/'], functions: ['/api/wall'] });
    assert.deepEqual(await resolveRequest(table, at('/underskrivere/'), fs), { kind: 'static', pathname: '/underskrivere/' });
  });

  it('runs a function that exists at a rewrite’s source instead of rewriting', async () => {
    const fs = fakeFilesystem({ functions: ['/api/health', '/api/other'] });
    assert.deepEqual(await resolveRequest(table, at('/api/health/'), fs), { kind: 'function', pathname: '/api/health/', search: '' });
  });

  it('rewrites to the function when nothing exists at the source', async () => {
    const fs = fakeFilesystem({ functions: ['/api/wall'] });
    assert.deepEqual(await resolveRequest(table, at('/underskrivere/?side=2'), fs), { kind: 'function', pathname: '/api/wall', search: '?side=2' });
  });

  it('answers not-found when a rewrite points at nothing', async () => {
    assert.deepEqual(await resolveRequest(table, at('/underskrivere/'), fakeFilesystem({})), { kind: 'not-found' });
  });

  it('answers not-found for a path nothing serves', async () => {
    assert.deepEqual(await resolveRequest(table, at('/findes-ikke/'), fakeFilesystem({ static: ['/'] })), { kind: 'not-found' });
  });
});

describe('redirectFor', () => {
  it('fills :params into the destination and answers 307 for a temporary redirect', () => {
    const table = compileVercelConfig({ redirects: [{ source: '/gammel/:slug', destination: '/ny/:slug/', permanent: false }] });
    assert.deepEqual(redirectFor(table, '/gammel/seest', '?a=1'), { location: '/ny/seest/?a=1', status: 307 });
  });

  it('answers undefined when no source matches', () => {
    assert.equal(redirectFor(compileVercelConfig({}), '/x'), undefined);
  });
});

describe('the project vercel.json', () => {
  it('builds the static site into dist/ and leaves function paths without a trailing-slash redirect', async () => {
    const config = JSON.parse(await readFile(projectConfigPath, 'utf8')) as Record<string, unknown>;
    assert.equal(config.buildCommand, 'npm run build');
    assert.equal(config.outputDirectory, 'dist');
    // trailingSlash: true would answer POST /api/signatures with a 308; the public contract has no slash.
    assert.equal(config.trailingSlash, undefined);
    assert.equal(config.cleanUrls, false);
  });

  it('rewrites the wall, confirm and withdraw pages to their functions', async () => {
    const table = await loadVercelConfig(projectConfigPath);
    assert.equal(rewriteFor(table, '/underskrivere/')?.pathname, '/api/wall');
    assert.equal(rewriteFor(table, '/underskriv/bekraeft/', '?token=t')?.pathname, '/api/signatures/confirm');
    assert.equal(rewriteFor(table, '/underskriv/traek-tilbage/')?.pathname, '/api/signatures/withdraw');
  });

  it('rewrites the home page, the join page and the member link pages to their functions, and nothing below them', async () => {
    const table = await loadVercelConfig(projectConfigPath);
    assert.equal(rewriteFor(table, '/')?.pathname, '/api/home');
    assert.equal(rewriteFor(table, '/bliv-medlem/')?.pathname, '/api/join');
    assert.deepEqual(rewriteFor(table, '/bliv-medlem/bekraeft/', '?token=t'), { pathname: '/api/members/confirm', search: '?token=t' });
    assert.equal(rewriteFor(table, '/bliv-medlem/udmeld/')?.pathname, '/api/members/leave');
    assert.equal(rewriteFor(table, '/bliv-medlem/tak/'), undefined, 'the thanks page is a static file');
    assert.equal(rewriteFor(table, '/manifest/'), undefined);
  });

  it('rewrites the English wall and link pages to the same functions, and any other unknown /en/ address to the English 404', async () => {
    const table = await loadVercelConfig(projectConfigPath);
    assert.equal(rewriteFor(table, '/en/signatories/')?.pathname, '/api/wall');
    assert.equal(rewriteFor(table, '/en/sign/confirm/', '?token=t')?.pathname, '/api/signatures/confirm');
    assert.equal(rewriteFor(table, '/en/sign/withdraw/')?.pathname, '/api/signatures/withdraw');
    assert.deepEqual(rewriteFor(table, '/en/join/confirm/', '?token=t'), { pathname: '/api/members/confirm', search: '?token=t' });
    assert.equal(rewriteFor(table, '/en/join/leave/')?.pathname, '/api/members/leave');
    assert.equal(rewriteFor(table, '/en/no-such-page/')?.pathname, '/api/not-found');
    assert.equal(rewriteFor(table, '/en/cases/no-such-case/')?.pathname, '/api/not-found');
    assert.equal(rewriteFor(table, '/findes-ikke/'), undefined, 'a Danish unknown address gets Vercel’s own 404.html');
    assert.equal(rewriteFor(table, '/enkelt/'), undefined);
  });

  it('schedules the cron daily, the only schedule the Hobby plan accepts, at a path no redirect touches (cron calls do not follow redirects)', async () => {
    const config = JSON.parse(await readFile(projectConfigPath, 'utf8')) as { crons: { path: string; schedule: string }[] };
    assert.deepEqual(config.crons, [{ path: '/api/cron', schedule: '0 5 * * *' }]);
    const table = await loadVercelConfig(projectConfigPath);
    for (const { path } of config.crons) {
      assert.equal(trailingSlashRedirect(table, path), undefined);
      assert.equal(redirectFor(table, path), undefined);
    }
  });

  it('runs the functions in Frankfurt (fra1), for the whole project and for each function', async () => {
    const config = JSON.parse(await readFile(projectConfigPath, 'utf8')) as { regions: string[]; functions: Record<string, { regions?: string[] }> };
    assert.deepEqual(config.regions, ['fra1']);
    for (const [pattern, settings] of Object.entries(config.functions)) assert.deepEqual(settings.regions, ['fra1'], pattern);
  });

  it('sends a page asked for without its trailing slash to the page with one 308, keeping the query', async () => {
    const table = await loadVercelConfig(projectConfigPath);
    assert.deepEqual(redirectFor(table, '/bliv-medlem', '?fra=plakat'), { location: '/bliv-medlem/?fra=plakat', status: 308 });
    assert.deepEqual(redirectFor(table, '/cases/omraade/social'), { location: '/cases/omraade/social/', status: 308 });
    assert.deepEqual(redirectFor(table, '/admin'), { location: '/admin/', status: 308 });
  });

  it('leaves canonical pages, files, functions and .well-known alone', async () => {
    const table = await loadVercelConfig(projectConfigPath);
    for (const path of ['/', '/bliv-medlem/', '/rss.xml', '/_astro/a.b1.css', '/admin/medlemmer.csv', '/api', '/api/signatures', '/api/members/count/', '/.well-known/security.txt', '/.well-known/x']) {
      assert.equal(redirectFor(table, path), undefined, path);
    }
  });

  it('sends no unsafe-inline and no default-src in the header policy, which would override the pages’ hashes', async () => {
    const table = await loadVercelConfig(projectConfigPath);
    const csp = headersFor(table, '/').find(([key]) => key.toLowerCase() === 'content-security-policy')?.[1] ?? '';
    assert.ok(csp.length > 0);
    assert.doesNotMatch(csp, /unsafe-inline|default-src|(^|;\s*)(script|style)-src\s/);
  });
});
