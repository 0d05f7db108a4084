// The secretariat's API (Authorization: Bearer ADMIN_TOKEN): GET lists signatures by status, POST approves or rejects.
import { withoutControlCharacters } from '../../src/platform/plain-text.ts';
import { signatureStatuses, type SignatureStatus } from '../../src/signing/signature-status.ts';
import { hasBearer } from '../../src/platform/http/bearer.ts';
import { readBody } from '../../src/platform/http/request-body.ts';
import { json, problem } from '../../src/platform/http/respond.ts';
import { review, reviewMessages, reviewQueue } from '../../src/signing/review.ts';
import { afterResponse, database, kickOutbox } from '../../src/platform/runtime.ts';
import { endpoint } from '../../src/platform/http/endpoint.ts';
import { strings } from '../../src/i18n/index.ts';

const t = strings();

const unauthorised = () => problem(401, t.api.adminTokenRequired, { headers: { 'WWW-Authenticate': 'Bearer' } });

export const GET = endpoint(async (request: Request): Promise<Response> => {
  if (!hasBearer(request, process.env.ADMIN_TOKEN)) return unauthorised();
  const status = new URL(request.url).searchParams.get('status') ?? 'confirmed';
  if (!(signatureStatuses as readonly string[]).includes(status)) return json({ errors: [{ field: 'status', message: t.api.statusOneOf(signatureStatuses) }] }, 400);
  return json({ signatures: await reviewQueue(await database(), status as SignatureStatus) });
});

export const POST = endpoint(async (request: Request): Promise<Response> => {
  if (!hasBearer(request, process.env.ADMIN_TOKEN)) return unauthorised();
  const body = await readBody(request);
  if (!body.ok) return body.response;
  const { id, action, reason, actor } = body.data as Record<string, unknown>;
  if (typeof id !== 'string' || id === '') return json({ errors: [{ field: 'id', message: t.api.signatureIdMissing }] }, 400);
  if (action !== 'approve' && action !== 'reject') return json({ errors: [{ field: 'action', message: t.api.reviewActionInvalid }] }, 400);
  const name = typeof actor === 'string' ? withoutControlCharacters(actor).trim() : '';
  const who = name ? `api:${name.slice(0, 100)}` : 'api';
  const outcome = await review(await database(), action === 'approve' ? { action, id } : { action, id, reason: typeof reason === 'string' ? reason : '' }, who);
  if (!outcome.ok) {
    const field = outcome.reason === 'reason-required' ? 'reason' : 'id';
    return json({ errors: [{ field, message: reviewMessages[outcome.reason] }] }, outcome.reason === 'unknown' ? 404 : outcome.reason === 'not-allowed' ? 409 : 400);
  }
  afterResponse(kickOutbox());
  return json({ id, status: action === 'approve' ? 'published' : 'rejected' });
});
