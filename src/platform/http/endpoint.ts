// Wraps every function in api/: a thrown error becomes the Danish 500, a lost database the Danish 503 with Retry-After,
// on Vercel exactly as on the local server, so a visitor never sees the platform's bare error page.
import { strings } from '../../i18n/index.ts';
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
  const t = strings().server;
  const wantsJson = prefersJson(request);
  const path = new URL(request.url).pathname;
  console.error(`[api] ${request.method} ${path}:`, error instanceof Error ? (error.stack ?? error.message) : error);
  if (isUnavailable(error)) return problem(503, t.unavailable, { wantsJson, headers: { 'Retry-After': String(retryAfterSeconds) } });
  return problem(500, t.failed, { wantsJson });
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
