// The local stand-in for a Vercel deployment: dist/ as static files, api/ as functions, vercel.json's headers, redirects and rewrites in Vercel's order.
import { createServer, type IncomingMessage, type RequestListener, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { createFunctionRouter, requestUrl, serverMessages } from './function-router.ts';
import { findStaticFile, sendNotFound, sendStaticFile } from './static-files.ts';
import { headersFor, loadVercelConfig, resolveRequest, type Resolution } from './vercel-config.ts';

export const projectRoot = resolve(import.meta.dirname, '../..');

export interface ServerOptions {
  /** 0 picks a free port (tests). Default 4321. */
  port?: number;
  /** Default 127.0.0.1: only this machine can reach it. Use 0.0.0.0 inside a container. */
  host?: string;
  distDir?: string;
  apiDir?: string;
  configPath?: string;
  /** Re-import an endpoint whose file changed (for development). */
  reload?: boolean;
}

export interface RunningServer {
  url: string;
  close: () => Promise<void>;
}

const canServeStatic = (req: IncomingMessage) => req.method === 'GET' || req.method === 'HEAD';

/** The request handler on its own, for embedding in another server. */
export async function createRequestListener(options: ServerOptions = {}): Promise<RequestListener> {
  const distDir = resolve(options.distDir ?? join(projectRoot, 'dist'));
  const table = await loadVercelConfig(resolve(options.configPath ?? join(projectRoot, 'vercel.json')));
  const functions = createFunctionRouter({ apiDir: resolve(options.apiDir ?? join(projectRoot, 'api')), reload: options.reload });

  async function answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = requestUrl(req);
    if (!url) {
      res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(serverMessages.badRequest);
      return;
    }
    const resolution: Resolution = await resolveRequest(table, url, {
      hasStatic: async (pathname) => canServeStatic(req) && (await findStaticFile(distDir, pathname)) !== undefined,
      hasFunction: async (pathname) => (await functions.find(pathname)) !== undefined,
    });
    // Vercel answers a redirect before it reaches vercel.json's headers (they follow the redirects in its route
    // list); everything else gets them for the path the visitor asked for, and a function's own headers win.
    if (resolution.kind === 'redirect') {
      res.writeHead(resolution.status, { Location: resolution.location, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(resolution.location);
      return;
    }
    for (const [key, value] of headersFor(table, url.pathname)) res.setHeader(key, value);
    switch (resolution.kind) {
      case 'static': {
        const file = await findStaticFile(distDir, resolution.pathname);
        if (file) return sendStaticFile(req, res, file);
        break;
      }
      case 'function': {
        const file = await functions.find(resolution.pathname);
        // The function sees the URL the visitor asked for, with a rewrite's parameters added to the query.
        if (file) return functions.handle(req, res, file, new URL(`${url.pathname}${resolution.search}`, url));
        break;
      }
    }
    await sendNotFound(distDir, req, res);
  }

  return (req, res) => {
    answer(req, res).catch((error: unknown) => {
      console.error(`[server] ${req.method} ${req.url}:`, error);
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(serverMessages.failed);
    });
  };
}

/** Starts the server and resolves once it listens; `close` stops accepting, lets running requests finish for up to 5 s, then cuts the rest. */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const server = createServer(await createRequestListener(options));
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 4321, host, () => done());
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}`,
    close: () =>
      new Promise<void>((done) => {
        const force = setTimeout(() => server.closeAllConnections(), 5000);
        force.unref();
        server.close(() => {
          clearTimeout(force);
          done();
        });
        server.closeIdleConnections();
      }),
  };
}
