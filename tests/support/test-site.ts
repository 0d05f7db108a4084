// Test support: builds a throwaway site (dist/, api/, optional vercel.json) in a temp folder and serves it with the real local server.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { projectRoot, startServer, type RunningServer } from '../../src/dev-server/local-server.ts';

export const minimalPages: Record<string, string> = {
  'dist/index.html': '<!doctype html><title>Forside</title><h1>Forside</h1>',
  'dist/404.html': '<!doctype html><title>Ikke fundet</title><h1>Siden findes ikke</h1>',
};

export interface TestSite extends RunningServer {
  root: string;
  stop: () => Promise<void>;
}

/**
 * Writes `files` (paths relative to the site root, such as `dist/index.html` or `api/hello.ts`) and starts the
 * server on a free port. Without a `vercel.json` among the files, the project's own is used.
 */
export async function serveTestSite(files: Record<string, string>): Promise<TestSite> {
  const root = await mkdtemp(join(tmpdir(), 'samskabelse-http-'));
  const all = { 'package.json': '{ "type": "module" }', ...minimalPages, ...files };
  for (const [path, text] of Object.entries(all)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), text);
  }
  await mkdir(join(root, 'api'), { recursive: true });
  const server = await startServer({
    port: 0,
    distDir: join(root, 'dist'),
    apiDir: join(root, 'api'),
    configPath: 'vercel.json' in files ? join(root, 'vercel.json') : join(projectRoot, 'vercel.json'),
  });
  return {
    ...server,
    root,
    stop: async () => {
      await server.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A request with exactly the headers given (fetch would refuse or rewrite some, such as Origin or Host). */
export function rawRequest(url: string, options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<RawResponse> {
  return new Promise((done, fail) => {
    const req = httpRequest(url, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', fail);
    });
    req.on('error', fail);
    req.end(options.body);
  });
}
