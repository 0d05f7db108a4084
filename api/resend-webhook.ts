// POST /api/resend-webhook: Resend reports a bounce or a complaint (signed with Svix); the address is suppressed, so
// the outbox sends it no more mail. 401 on a bad signature, 400 on a signed body that is not JSON, 200 otherwise.
import { json } from '../src/platform/http/respond.ts';
import { bodyMessages } from '../src/platform/http/request-body.ts';
import { endpoint } from '../src/platform/http/endpoint.ts';
import { handleWebhook } from '../src/platform/mail/resend-webhook.ts';
import { database } from '../src/platform/runtime.ts';
import { strings } from '../src/i18n/index.ts';

const t = strings().api;
/** Resend's events are a few kilobytes; anything far larger is not one of them. */
const maxBytes = 64 * 1024;

export const POST = endpoint(async (request: Request): Promise<Response> => {
  if (Number(request.headers.get('content-length')) > maxBytes) return json({ error: bodyMessages.tooLarge }, 413);
  const body = await request.text();
  if (Buffer.byteLength(body) > maxBytes) return json({ error: bodyMessages.tooLarge }, 413);
  const headers = { id: request.headers.get('svix-id'), timestamp: request.headers.get('svix-timestamp'), signature: request.headers.get('svix-signature') };
  const secret = process.env.RESEND_WEBHOOK_SECRET;
  if (!secret) console.error('[resend-webhook] RESEND_WEBHOOK_SECRET is not set: every event is refused');
  const outcome = await handleWebhook(database, { body, headers, secret });
  if (outcome.status === 401) return json({ errors: [{ field: 'svix-signature', message: t.webhookSignature }] }, 401);
  if (outcome.status === 400) return json({ errors: [{ field: 'body', message: t.webhookJson }] }, 400);
  return json({ ok: true, handled: outcome.handled, suppressed: outcome.suppressed });
});
