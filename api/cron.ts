// GET /api/cron (Vercel cron, every 5 minutes): delivers due mail with retries and clears old rate-limit buckets.
import { hasBearer } from '../src/server/http/bearer.ts';
import { json, problem } from '../src/server/http/respond.ts';
import { deliverDue } from '../src/server/mail/outbox.ts';
import { database, mailTransport } from '../src/server/runtime.ts';
import { pruneRateLimits } from '../src/server/signatures.ts';

export async function GET(request: Request): Promise<Response> {
  // Vercel sends CRON_SECRET as a bearer token; locally, without a secret, anyone on the machine may run it.
  if (process.env.CRON_SECRET && !hasBearer(request, process.env.CRON_SECRET)) return problem(401, 'Kræver CRON_SECRET.');
  const db = await database();
  const mail = await deliverDue(db, mailTransport());
  const prunedRateLimits = await pruneRateLimits(db);
  return json({ mail, prunedRateLimits });
}
