// Serves the built site from a folder the way Vercel serves static output: directory indexes, trailing slashes, 404 page.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
};

async function fileAt(path: string): Promise<{ path: string; size: number } | undefined> {
  try {
    const info = await stat(path);
    return info.isFile() ? { path, size: info.size } : undefined;
  } catch {
    return undefined;
  }
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

function send(req: IncomingMessage, res: ServerResponse, file: { path: string; size: number }, status = 200): void {
  const type = contentTypes[extname(file.path).toLowerCase()] ?? 'application/octet-stream';
  const immutable = file.path.includes(`${sep}_astro${sep}`);
  const defaults: Record<string, string | number> = {
    'Content-Type': type,
    'Content-Length': file.size,
    'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'public, max-age=0, must-revalidate',
  };
  // Headers the caller set already (from vercel.json) win over these defaults, as on Vercel.
  for (const key of Object.keys(defaults)) if (res.hasHeader(key)) delete defaults[key];
  res.writeHead(status, defaults);
  if (req.method === 'HEAD') res.end();
  else createReadStream(file.path).pipe(res);
}

/** The file inside `root` that answers `pathname` (a raw URL path); a path ending in `/` means its index.html. */
export async function findStaticFile(root: string, pathname: string): Promise<{ path: string; size: number } | undefined> {
  const target = targetIn(root, pathname);
  if (!target) return undefined;
  return fileAt(pathname.endsWith('/') ? join(target, 'index.html') : target);
}

function targetIn(root: string, pathname: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const target = normalize(join(root, decoded));
  return target === root || target.startsWith(root + sep) ? target : undefined;
}

/** Sends a file found by {@link findStaticFile}, for GET and HEAD. */
export function sendStaticFile(req: IncomingMessage, res: ServerResponse, file: { path: string; size: number }): void {
  send(req, res, file);
}

/**
 * Answers a GET or HEAD request from `root`. Returns false when no file matches, so the caller can try
 * functions next; the caller answers 404 with {@link sendNotFound}.
 */
export async function serveStatic(root: string, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const url = new URL(req.url ?? '/', 'http://localhost');
  const pathname = url.pathname;
  const target = targetIn(root, pathname);
  if (!target) return false;

  const direct = pathname.endsWith('/') ? undefined : await fileAt(target);
  if (direct) {
    send(req, res, direct);
    return true;
  }
  if (pathname.endsWith('/')) {
    const index = await fileAt(join(target, 'index.html'));
    if (index) {
      send(req, res, index);
      return true;
    }
    return false;
  }
  if (await isDirectory(target)) {
    res.writeHead(308, { Location: `${url.pathname}/${url.search}` });
    res.end();
    return true;
  }
  return false;
}

export async function sendNotFound(root: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const page = await fileAt(join(root, '404.html'));
  if (page) {
    send(req, res, page, 404);
    return;
  }
  res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end('Siden findes ikke.');
}
