// Wraps every function in api/: a thrown error becomes the 500, a lost database the 503 with Retry-After, in Danish or
// (for the English edition) English, on Vercel exactly as on the local server, so a visitor never sees the platform's
// bare error page.
import { languageOfPath, strings, type Language } from '../../i18n/index.ts';
import { prefersJson, problem } from './respond.ts';
import { isUnavailable, Unavailable } from './unavailable.ts';
import { isProductionRuntime, productionSettingProblems } from '../production-settings.ts';

export type Handler = (request: Request) => Response | Promise<Response>;

/** Marks a handler as wrapped, so a test can check that every export in api/ went through endpoint(). */
export const wrapped: unique symbol = Symbol.for('samskabelse.endpoint');

export type Endpoint = Handler & { [wrapped]: true };

/** Seconds a client should wait before trying again when the database is away. */
export const retryAfterSeconds = 5;

/** The answer to a handler that threw: 503 with Retry-After when the database or network is away, else 500. */
export function errorResponse(error: unknown, request: Request): Response {
  const path = new URL(request.url).pathname;
  const t = strings(languageOfRequest(request, path)).server;
  const wantsJson = prefersJson(request);
  console.error(`[api] ${request.method} ${path}:`, error instanceof Error ? (error.stack ?? error.message) : error);
  if (isUnavailable(error)) return problem(503, t.unavailable, { wantsJson, headers: { 'Retry-After': String(retryAfterSeconds) } });
  return problem(500, t.failed, { wantsJson });
}

/**
 * The language of the edition the request came from: its own address (/en/…), or for a form that posts to /api/…,
 * the page it was sent from (Referer), since the body may be gone by the time something fails.
 */
function languageOfRequest(request: Request, path: string): Language {
  if (languageOfPath(path) === 'en') return 'en';
  const referer = request.headers.get('referer');
  if (!referer) return 'da';
  try {
    return languageOfPath(new URL(referer).pathname);
  } catch {
    return 'da';
  }
}

/**
 * In production, throws Unavailable naming each missing or malformed setting (never its value), so the function
 * answers 503 rather than falling back to PGlite, localhost links or an open cron.
 */
export function requireProductionSettings(env: NodeJS.ProcessEnv = process.env): void {
  if (!isProductionRuntime(env)) return;
  const problems = productionSettingProblems(env);
  if (problems.length > 0) throw new Unavailable(`production settings missing or malformed: ${problems.map((p) => p.name).join(', ')}`);
}

/** The handler, answering errors as errorResponse does. */
export function endpoint(handler: Handler): Endpoint {
  const run = async (request: Request): Promise<Response> => {
    try {
      requireProductionSettings();
      return await handler(request);
    } catch (error) {
      return errorResponse(error, request);
    }
  };
  return Object.assign(run, { [wrapped]: true as const });
}

/** endpoint() for each handler of a module-like object, e.g. the GET and POST of a link page. */
export function endpoints<T extends Record<string, Handler>>(handlers: T): { [K in keyof T]: Endpoint } {
  return Object.fromEntries(Object.entries(handlers).map(([method, handler]) => [method, endpoint(handler)])) as { [K in keyof T]: Endpoint };
}
