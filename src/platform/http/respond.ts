// Builds the answers functions give: JSON, a 303 after a form POST, and a short Danish error; dynamic answers are never cached.

/** A JSON or text answer is never a document, so it may load nothing and be framed by no one. */
export const dataCsp = "default-src 'none'; frame-ancestors 'none'";

function withDefaults(headers: HeadersInit | undefined, defaults: Record<string, string>): HeadersInit {
  // Most answers add nothing: then the defaults go as they are, without building a Headers object twice.
  if (headers === undefined) return defaults;
  const merged = new Headers(headers);
  for (const [key, value] of Object.entries(defaults)) if (!merged.has(key)) merged.set(key, value);
  return merged;
}

export function json(data: unknown, status = 200, headers?: HeadersInit): Response {
  return new Response(JSON.stringify(data), {
    status,
    headers: withDefaults(headers, {
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'no-store',
      'Content-Security-Policy': dataCsp,
    }),
  });
}

/** See Other: after a POST the browser GETs `location`, so a reload does not send the form again. */
export function redirect303(location: string, headers?: HeadersInit): Response {
  return new Response(null, { status: 303, headers: withDefaults(headers, { Location: location, 'Cache-Control': 'no-store' }) });
}

/**
 * An error with a message the visitor can act on: `{ "error": message }` as JSON, or the bare message as text
 * for a browser form post (`wantsJson: false`).
 */
export function problem(status: number, message: string, options: { wantsJson?: boolean; headers?: HeadersInit } = {}): Response {
  if (options.wantsJson ?? true) return json({ error: message }, status, options.headers);
  return new Response(message, {
    status,
    headers: withDefaults(options.headers, {
      'Content-Type': 'text/plain; charset=utf-8',
      'Cache-Control': 'no-store',
      'Content-Security-Policy': dataCsp,
    }),
  });
}

/** True when the client asked for JSON, by sending it or by its Accept header. */
export function prefersJson(request: Request): boolean {
  const type = request.headers.get('content-type') ?? '';
  const accept = request.headers.get('accept') ?? '';
  return /^application\/json\b/i.test(type) || /\bapplication\/json\b/i.test(accept);
}
