// The visitor's IP address as the platform saw it: on Vercel (and in scripts/serve.ts) these headers are set from the connection, never taken from the client.

/** `x-real-ip`, else the first `x-forwarded-for` entry, else `unknown`. */
export function clientIp(request: Request): string {
  const real = request.headers.get('x-real-ip')?.trim();
  if (real) return real;
  const forwarded = request.headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  return forwarded || 'unknown';
}
