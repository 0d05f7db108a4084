// GET /api/cron (Vercel cron, daily: the safety net, since each request kicks the outbox itself): delivers all due mail (within a time budget) with retries, clears old
// rate-limit buckets, deletes what is past its retention, and retries the pull requests for case suggestions that GitHub refused.
import { hasBearer } from '../src/platform/http/bearer.ts';
import { json, problem } from '../src/platform/http/respond.ts';
import { drainOutbox } from '../src/platform/mail/outbox.ts';
import { runRetention } from '../src/retention-jobs.ts';
import { database, mailTransport } from '../src/platform/runtime.ts';
import { pruneRateLimits } from '../src/platform/rate-limit-store.ts';
import { retryPendingPullRequests } from '../src/suggestions/suggestions.ts';
import { endpoint } from '../src/platform/http/endpoint.ts';
import { strings } from '../src/i18n/index.ts';

export const GET = endpoint(async (request: Request): Promise<Response> => {
  // Vercel sends CRON_SECRET as a bearer token; locally, without a secret, anyone on the machine may run it. Production
  // never gets here without one: endpoint() answers 503 while CRON_SECRET is missing.
  if (process.env.CRON_SECRET && !hasBearer(request, process.env.CRON_SECRET)) return problem(401, strings().api.cronSecretRequired);
  const db = await database();
  const mail = await drainOutbox(db, mailTransport());
  const prunedRateLimits = await pruneRateLimits(db);
  const retention = await runRetention(db);
  const suggestionPullRequests = await retryPendingPullRequests(db);
  return json({ mail, prunedRateLimits, retention, suggestionPullRequests });
});
