// Runs the Vercel functions in api/ on Node's own HTTP server: finds the file for a path, calls the export named after the method with a Web Request (its body read first, as on Vercel), and streams the Response back.
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, resolve, sep } from 'node:path';
import type { TLSSocket } from 'node:tls';
import { pathToFileURL } from 'node:url';
import { bodyMessages } from '../platform/http/request-body.ts';
import { prefersJson, problem } from '../platform/http/respond.ts';
import { errorResponse } from '../platform/http/endpoint.ts';
import { strings } from '../i18n/index.ts';

export const httpMethods = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

import type { Handler } from '../platform/http/endpoint.ts';

/** A module in api/: named method exports, or Vercel's other web form, `export default { fetch }`. */
export type FunctionModule = Record<string, unknown>;

export const serverMessages = strings().server;

const extensions = ['.ts', '.mts', '.js', '.mjs'];

/** Headers only the platform may set: Vercel's edge overwrites them, and so does this server. */
const platformHeaders = new Set(['x-forwarded-for', 'x-real-ip', 'x-vercel-forwarded-for', 'forwarded', 'x-forwarded-proto', 'x-forwarded-host']);
const hopByHop = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'proxy-connection']);

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** Splits the part after /api/ into safe segments, or undefined for `..`, dotfiles, `_private` files and encoded slashes. */
function functionSegments(pathname: string): string[] | undefined {
  if (pathname !== '/api' && !pathname.startsWith('/api/')) return undefined;
  const rest = pathname.slice('/api'.length).replace(/^\/|\/$/g, '');
  if (rest === '') return [];
  const segments: string[] = [];
  for (const raw of rest.split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return undefined;
    }
    // Vercel treats files starting with _ or . in api/ as helpers, not endpoints.
    if (segment === '' || /^[._]/.test(segment) || /[/\\\0]/.test(segment)) return undefined;
    segments.push(segment);
  }
  return segments;
}

/**
 * The module in `apiDir` that answers `pathname`: `/api/members/count` (with or without the trailing slash) is
 * `api/members/count.ts` (or .mts/.js/.mjs), else `api/members/count/index.ts`. Undefined for anything unsafe.
 */
export async function functionFileFor(apiDir: string, pathname: string): Promise<string | undefined> {
  const root = resolve(apiDir);
  const segments = functionSegments(pathname);
  if (!segments) return undefined;
  const base = join(root, ...segments);
  if (base !== root && !base.startsWith(root + sep)) return undefined;
  const candidates = [...(segments.length ? extensions.map((ext) => base + ext) : []), ...extensions.map((ext) => join(base, `index${ext}`))];
  for (const candidate of candidates) if (await isFile(candidate)) return candidate;
  return undefined;
}

function connectionIp(req: IncomingMessage): string {
  const address = req.socket.remoteAddress ?? '';
  return address.startsWith('::ffff:') && address.includes('.') ? address.slice('::ffff:'.length) : address;
}

/** The request's absolute URL, built from its Host header like Vercel does; undefined when the Host is unusable. */
export function requestUrl(req: IncomingMessage): URL | undefined {
  const protocol = (req.socket as TLSSocket).encrypted ? 'https' : 'http';
  const host = req.headers.host ?? 'localhost';
  if (!req.url?.startsWith('/')) return undefined;
  if (!/^[a-z0-9.-]+(?::\d{1,5})?$|^\[[0-9a-f:.]+\](?::\d{1,5})?$/i.test(host)) return undefined;
  try {
    return new URL(req.url ?? '/', `${protocol}://${host}`);
  } catch {
    return undefined;
  }
}

/** Vercel refuses a request body over 4.5 MB before the function runs; so does this server. */
export const maxRequestBodyBytes = 4.5 * 1024 * 1024;

/**
 * The whole request body, as Vercel hands it to a function: read before the function runs, and refused past
 * {@link maxRequestBodyBytes}. Undefined when the client went away before it was all sent.
 */
export function readRequestBody(req: IncomingMessage, maxBytes = maxRequestBodyBytes): Promise<Buffer | 'too-large' | undefined> {
  if (req.readableEnded) return Promise.resolve(Buffer.alloc(0));
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let total = 0;
    const finish = (result: Buffer | 'too-large' | undefined) => {
      req.off('data', onData).off('end', onEnd).off('error', onGone).off('close', onGone);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      total += chunk.length;
      if (total > maxBytes) {
        // Stop reading; the answer says why, and the connection is closed after it.
        req.pause();
        finish('too-large');
      } else chunks.push(chunk);
    };
    const onEnd = () => finish(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total));
    const onGone = () => finish(undefined);
    req.on('data', onData).on('end', onEnd).on('error', onGone).on('close', onGone);
  });
}

/**
 * Turns Node's request and its read body into a Web Request. The client's own x-forwarded-for, x-real-ip,
 * x-vercel-forwarded-for and forwarded headers are dropped and replaced by the connection's address, so a
 * function can trust {@link clientIp}.
 */
export function toWebRequest(req: IncomingMessage, url: URL, body: Uint8Array | undefined, signal?: AbortSignal): Request {
  const headers = new Headers();
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    const key = req.rawHeaders[i]!;
    if (key.startsWith(':') || platformHeaders.has(key.toLowerCase())) continue;
    headers.append(key, req.rawHeaders[i + 1]!);
  }
  const ip = connectionIp(req);
  headers.set('x-forwarded-for', ip);
  headers.set('x-real-ip', ip);
  headers.set('x-forwarded-proto', url.protocol.slice(0, -1));
  headers.set('x-forwarded-host', url.host);
  const method = req.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD';
  // A Buffer from the socket lies on an ordinary ArrayBuffer, never a shared one, which is what BodyInit asks.
  return new Request(url, { method, headers, signal, ...(hasBody && body ? { body: body as Uint8Array<ArrayBuffer> } : {}) });
}

/** Resolves when `res` can take more, or has closed. */
function writable(res: ServerResponse): Promise<void> {
  return new Promise((resume) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resume();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

/** Writes a Web Response to Node's response: status, every header (each Set-Cookie on its own), streamed body. */
export async function sendWebResponse(req: IncomingMessage, res: ServerResponse, response: Response): Promise<void> {
  res.statusCode = response.status;
  for (const [key, value] of response.headers) {
    if (key !== 'set-cookie' && !hopByHop.has(key)) res.setHeader(key, value);
  }
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader('Set-Cookie', cookies);
  const bodiless = req.method === 'HEAD' || response.status === 204 || response.status === 304;
  if (!response.body || bodiless) {
    await response.body?.cancel();
    res.end();
    return;
  }
  // Read and write by hand: stream.pipeline with Readable.fromWeb cost a Node stream, an AbortController and a
  // DOMException per answer, a measurable part of a signing (see docs/benchmarks.md).
  const reader = response.body.getReader();
  // A visitor who leaves mid-answer is not a server error: stop reading, and the loop ends.
  const gone = () => void reader.cancel().catch(() => undefined);
  res.once('close', gone);
  try {
    // One chunk is held back and goes out with end(): a short answer is then one write with a Content-Length,
    // not a chunked body whose last, empty chunk costs a second write.
    let held: Uint8Array | undefined;
    for (;;) {
      const { done, value } = await reader.read();
      if (done || res.destroyed) break;
      if (held && !res.write(held)) await writable(res);
      held = value;
    }
    if (!res.destroyed) res.end(held);
  } finally {
    res.off('close', gone);
  }
}

function handlerOf(module: FunctionModule, method: string): Handler | undefined {
  const named = module[method];
  if (typeof named === 'function') return named as Handler;
  const fallback = module.default as { fetch?: unknown } | undefined;
  if (typeof fallback?.fetch === 'function') return (request) => (fallback.fetch as Handler).call(fallback, request);
  return undefined;
}

/** The methods a module answers: its exports, HEAD where there is GET, and always OPTIONS. */
export function allowedMethods(module: FunctionModule): string[] {
  const fetchAll = typeof (module.default as { fetch?: unknown } | undefined)?.fetch === 'function';
  const allowed = new Set(httpMethods.filter((method) => fetchAll || typeof module[method] === 'function'));
  if (allowed.has('GET')) allowed.add('HEAD');
  allowed.add('OPTIONS');
  return httpMethods.filter((method) => allowed.has(method));
}

/**
 * Calls the export named after the request's method. HEAD falls back to GET; OPTIONS without its own export
 * answers 204 with Allow; any other missing method answers 405 with Allow. Errors propagate to the caller.
 */
export async function invoke(module: FunctionModule, request: Request): Promise<Response> {
  const handler = handlerOf(module, request.method) ?? (request.method === 'HEAD' ? handlerOf(module, 'GET') : undefined);
  if (handler) {
    const response = await handler(request);
    if (!(response instanceof Response)) throw new TypeError(`Funktionen svarede ikke med et Response-objekt på ${request.method}.`);
    return response;
  }
  const allow = allowedMethods(module).join(', ');
  if (request.method === 'OPTIONS') return new Response(null, { status: 204, headers: { Allow: allow, 'Cache-Control': 'no-store' } });
  return problem(405, serverMessages.methodNotAllowed, { wantsJson: prefersJson(request), headers: { Allow: allow } });
}

export interface FunctionRouter {
  /** The file that answers this path, if any. */
  find: (pathname: string) => Promise<string | undefined>;
  /** Runs `file` for the request; `url` is what the function sees as request.url (the visitor's URL, also after a rewrite). */
  handle: (req: IncomingMessage, res: ServerResponse, file: string, url: URL) => Promise<void>;
}

/**
 * Imports each module once. With `reload`, a module whose file changed is imported afresh (its own imports stay
 * cached by Node), which is enough while editing an endpoint.
 */
export function createFunctionRouter(options: { apiDir: string; reload?: boolean }): FunctionRouter {
  const cache = new Map<string, { version: number; module: Promise<FunctionModule> }>();

  async function load(file: string): Promise<FunctionModule> {
    const version = options.reload ? (await stat(file)).mtimeMs : 0;
    const cached = cache.get(file);
    if (cached && cached.version === version) return cached.module;
    const href = pathToFileURL(file).href + (options.reload ? `?v=${version}` : '');
    const module = import(href) as Promise<FunctionModule>;
    cache.set(file, { version, module });
    module.catch(() => cache.delete(file));
    return module;
  }

  // The files in api/ don't change while the server runs (without `reload`), so a path found once is not looked up
  // again: two stat calls per request were a measurable part of a signing. Misses are not kept, so unknown paths
  // cannot grow the map.
  const found = new Map<string, string>();
  async function find(pathname: string): Promise<string | undefined> {
    const known = found.get(pathname);
    if (known) return known;
    const file = await functionFileFor(options.apiDir, pathname);
    if (file && !options.reload) found.set(pathname, file);
    return file;
  }

  return {
    find,
    async handle(req, res, file, url) {
      const aborted = new AbortController();
      res.on('close', () => {
        if (!res.writableFinished) aborted.abort();
      });
      const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
      const body = hasBody ? await readRequestBody(req) : undefined;
      if (body === 'too-large') {
        res.setHeader('Connection', 'close');
        const wantsJson = prefersJson(toWebRequest(req, url, undefined));
        await sendWebResponse(req, res, problem(413, bodyMessages.tooLarge, { wantsJson }));
        return;
      }
      if (hasBody && body === undefined) return; // the client left while sending
      const request = toWebRequest(req, url, body, aborted.signal);
      let response: Response;
      try {
        response = await invoke(await load(file), request);
      } catch (error) {
        response = errorResponse(error, request);
      }
      try {
        await sendWebResponse(req, res, response);
      } catch (error) {
        console.error(`[api] ${request.method} ${url.pathname}: svaret kunne ikke sendes:`, error);
        res.destroy();
      }
    },
  };
}
